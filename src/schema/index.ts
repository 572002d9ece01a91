export * from './enums.js';
export * from './common.js';
export * from './instrument.js';
export * from './result.js';
export * from './parse.js';
