import type { NewOutboxItem, OutboxItem, OutboxStore } from './outbox-item';

const STORE = 'writes';

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

function open(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  const request = factory.open(name, 1);
  request.onupgradeneeded = () => {
    // An auto-increment key keeps the order of writing even when two are made within the same millisecond.
    request.result.createObjectStore(STORE, { keyPath: 'seq', autoIncrement: true });
  };
  return done(request);
}

/** The outbox in IndexedDB, so queued writes survive a closed tab, a reboot or a flat battery. */
export function indexedDbStore(factory: IDBFactory, name = 'safeschools-outbox'): OutboxStore {
  let database: Promise<IDBDatabase> | null = null;
  const db = () => (database ??= open(factory, name));

  const write = async (run: (store: IDBObjectStore) => void) => {
    const tx = (await db()).transaction(STORE, 'readwrite');
    run(tx.objectStore(STORE));
    await committed(tx);
  };

  return {
    async add(item: NewOutboxItem) {
      const tx = (await db()).transaction(STORE, 'readwrite');
      const seq = await done(tx.objectStore(STORE).add(item));
      await committed(tx);
      return { ...item, seq: Number(seq) };
    },
    async all() {
      const tx = (await db()).transaction(STORE, 'readonly');
      // Keys are returned in ascending order, which is the order of writing.
      return done(tx.objectStore(STORE).getAll() as IDBRequest<OutboxItem[]>);
    },
    put: (item) => write((store) => store.put(item)),
    remove: (seq) => write((store) => store.delete(seq)),
  };
}

/** For browsers without IndexedDB (some private modes): writes still queue, but only until the tab closes. */
export function memoryStore(): OutboxStore {
  const items = new Map<number, OutboxItem>();
  let next = 1;
  return {
    add(item) {
      const stored = { ...item, seq: next++ };
      items.set(stored.seq, stored);
      return Promise.resolve(stored);
    },
    all: () => Promise.resolve([...items.values()].sort((a, b) => a.seq - b.seq)),
    put(item) {
      items.set(item.seq, item);
      return Promise.resolve();
    },
    remove(seq) {
      items.delete(seq);
      return Promise.resolve();
    },
  };
}
