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

const DB = 'boussole-drafts';
const STORE = 'drafts';

/**
 * The browser's IndexedDB, as a plain key-value store (undefined where there is none). The connection gives way
 * when another page or tab deletes or upgrades the database (a sign-out that wipes the drafts on a shared
 * computer): held open, it would block that deletion, and every form opened after it would wait for ever.
 * The next call opens it again.
 */
function indexedStore(): DraftStore | undefined {
  if (typeof indexedDB === 'undefined') return undefined;
  let db: Promise<IDBDatabase> | undefined;
  const open = () =>
    (db ??= new Promise((resolve, reject) => {
      const request = indexedDB.open(DB, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => {
        const database = request.result;
        database.onversionchange = () => {
          database.close();
          db = undefined;
        };
        // Closed by the browser (site data cleared, storage lost): opened again on the next call.
        database.onclose = () => (db = undefined);
        resolve(database);
      };
      request.onerror = () => {
        db = undefined;
        reject(request.error);
      };
    }));
  const run = <T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>) =>
    open().then(
      (database) =>
        new Promise<T>((resolve, reject) => {
          const transaction = database.transaction(STORE, mode);
          const request = act(transaction.objectStore(STORE));
          transaction.oncomplete = () => resolve(request.result);
          transaction.onerror = () => reject(transaction.error);
          transaction.onabort = () => reject(transaction.error);
        }),
    );
  return {
    get: (key) => run('readonly', (s) => s.get(key) as IDBRequest<string | undefined>),
    set: (key, value) => run('readwrite', (s) => s.put(value, key)).then(() => undefined),
    remove: (key) => run('readwrite', (s) => s.delete(key)).then(() => undefined),
    keys: (prefix) => run('readonly', (s) => s.getAllKeys(IDBKeyRange.bound(prefix, `${prefix}\uffff`))).then((keys) => keys.map(String)),
  };
}

/** When a draft envelope was saved, to tell the newer of two copies. */
const savedAt = (text: string | null | undefined): string => {
  try {
    return String((JSON.parse(text ?? '') as { savedAt?: unknown }).savedAt ?? '');
  } catch {
    return '';
  }
};

/**
 * `drafts="local"`: the browser's `localStorage`, mirrored in IndexedDB. localStorage is written at
 * once, even as the page goes away; but Chromium writes it to disk only every few seconds, then
 * less and less often, so a browser that is killed loses what it had not written yet (a minute of
 * typing, measured). IndexedDB writes each save to disk as it is made. A draft is read from the
 * newer of the two copies, and deleted from both.
 */
export function localDraftStore(storage: Storage = window.localStorage, mirror: DraftStore | undefined = indexedStore()): DraftStore {
  const quietly = <T>(work: () => T | Promise<T>, fallback: T): Promise<T> => {
    try {
      return Promise.resolve(work()).catch(() => fallback);
    } catch {
      return Promise.resolve(fallback);
    }
  };
  return {
    async get(key) {
      const here = storage.getItem(key);
      const there = mirror ? await quietly(() => mirror.get(key), undefined) : undefined;
      if (there === null || there === undefined) return here;
      if (here === null) return there;
      return savedAt(there) > savedAt(here) ? there : here;
    },
    async set(key, value) {
      storage.setItem(key, value);
      if (mirror) await quietly(() => mirror.set(key, value), undefined);
    },
    async remove(key) {
      storage.removeItem(key);
      if (mirror) await quietly(() => mirror.remove(key), undefined);
    },
    async keys(prefix) {
      const here = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k): k is string => !!k?.startsWith(prefix));
      const there = mirror ? await quietly(() => mirror.keys!(prefix), [] as string[]) : [];
      return [...new Set([...here, ...there])];
    },
  };
}
