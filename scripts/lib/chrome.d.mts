/** Launch flags that work as root in a container, without reaching for the network. */
export declare const CHROME_ARGS: string[];
/** CHROME_PATH if set, else a system Chromium or Chrome; undefined when there is none. */
export declare function findChrome(): string | undefined;
/** Finds a browser, installing Debian's chromium when run as root with apt; exits with a message otherwise. */
export declare function ensureChrome(): string;
