export interface Served {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}
export interface ServeOptions {
  /** Subfolders of the root that may be served (all of it when empty). */
  only?: string[];
  /** Headers on every file. */
  headers?: Record<string, string>;
  /** Headers on HTML pages only, e.g. a Content-Security-Policy. */
  htmlHeaders?: Record<string, string>;
}
/** A static file server on 127.0.0.1 (a free port). */
export declare function serve(root: string, options?: ServeOptions): Promise<Served>;
