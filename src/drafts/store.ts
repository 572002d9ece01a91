/**
 * Where drafts are kept. The host may plug its own store (`el.draftStore`, for example its server);
 * each call may return a value or a promise of it. Keys and values are text.
 */
export interface DraftStore {
  get(key: string): string | null | undefined | Promise<string | null | undefined>;
  set(key: string, value: string): void | Promise<void>;
  remove(key: string): void | Promise<void>;
  /** Keys starting with a prefix (to purge the drafts set aside); optional. */
  keys?(prefix: string): string[] | Promise<string[]>;
}

/** The browser's `localStorage`, for `drafts="local"`. */
export const localDraftStore = (storage: Storage = window.localStorage): DraftStore => ({
  get: (key) => storage.getItem(key),
  set: (key, value) => storage.setItem(key, value),
  remove: (key) => storage.removeItem(key),
  keys: (prefix) => Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k): k is string => !!k?.startsWith(prefix)),
});
