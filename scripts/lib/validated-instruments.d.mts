import type { Plugin } from 'rollup';

/** Rollup plugin: fails the build on an invalid bundled instrument (schemas/instruments/*.json), or one whose id is not its file's name. */
export function validatedInstruments(): Plugin;
