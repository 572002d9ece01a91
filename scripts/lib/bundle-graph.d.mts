export const BUNDLE_ENTRY: string;

export interface BundleFile {
  fileName: string;
  code: string;
  imports: string[];
  dynamicImports: string[];
}

/** Every file the no-build bundle's entry reaches, statically or on need, by its path in `dist`. */
export function bundleFiles(dist: string): Map<string, BundleFile>;

/** The first load of `entries` (default: the bundle's entry): they and what they import statically. */
export function firstLoad(files: ReadonlyMap<string, { imports: readonly string[] }>, entries?: readonly string[]): Set<string>;
