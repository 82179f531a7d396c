/**
 * The second floor of the Chromium import: plain IndexedDB, no Dexie. Bundled into the floor
 * script and run in the extension's service worker after the import. It reads back the rows the
 * import wrote, then times `IDBObjectStore.put` of the same rows (same count and shape, the
 * engine's page-sized transactions) into a scratch database whose object stores and indexes are
 * copied from the extension's own database (so: lib/db.ts's schema as IndexedDB holds it).
 */

/** Per import step: the tables it writes and the number of rows in each of its write transactions. */
export type RawPutPlan = Record<string, { tables: string[]; transactions: number[] }>;
export interface RawPutResult {
  /** Per step: wall time of its put transactions, and rows put. */
  steps: Record<string, { ms: number; rows: number }>;
}

const done = (req: IDBRequest) =>
  new Promise<unknown>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
const committed = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });

async function open(name: string, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  const req = indexedDB.open(name, upgrade ? 1 : undefined);
  if (upgrade) req.onupgradeneeded = () => upgrade(req.result);
  return (await done(req)) as IDBDatabase;
}

interface StoreShape {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
}

function shapeOf(db: IDBDatabase, name: string): StoreShape {
  const store = db.transaction(name, 'readonly').objectStore(name);
  return {
    name,
    keyPath: store.keyPath,
    autoIncrement: store.autoIncrement,
    indexes: [...store.indexNames].map((i) => {
      const index = store.index(i);
      return { name: i, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
    }),
  };
}

export async function rawPutFloor(source: string, plan: RawPutPlan): Promise<RawPutResult> {
  const from = await open(source);
  const tables = [...new Set(Object.values(plan).flatMap((p) => p.tables))];
  const shapes = tables.map((t) => shapeOf(from, t));
  const scratch = `bench-raw-put-${Date.now()}`;
  const to = await open(scratch, (db) => {
    for (const s of shapes) {
      const store = db.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
      for (const i of s.indexes) store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
    }
  });
  const result: RawPutResult = { steps: {} };
  try {
    for (const [step, p] of Object.entries(plan)) {
      // The rows as stored; a generated key is left out, as the import's first writes had none.
      const rows: { table: string; row: Record<string, unknown> }[] = [];
      for (const table of p.tables) {
        const shape = shapes.find((s) => s.name === table)!;
        const all = (await done(from.transaction(table, 'readonly').objectStore(table).getAll())) as Record<
          string,
          unknown
        >[];
        for (const row of all) {
          if (shape.autoIncrement && typeof shape.keyPath === 'string') delete row[shape.keyPath];
          rows.push({ table, row });
        }
      }
      const t0 = performance.now();
      let at = 0;
      for (const size of p.transactions) {
        const page = rows.slice(at, at + size);
        at += size;
        if (page.length === 0) continue;
        const tx = to.transaction(p.tables, 'readwrite');
        const stores = Object.fromEntries(p.tables.map((t) => [t, tx.objectStore(t)]));
        for (const r of page) stores[r.table].put(r.row);
        await committed(tx);
      }
      result.steps[step] = { ms: performance.now() - t0, rows: Math.min(at, rows.length) };
    }
  } finally {
    from.close();
    to.close();
    await done(indexedDB.deleteDatabase(scratch)).catch(() => undefined);
  }
  return result;
}
