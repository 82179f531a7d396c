/**
 * One data view read from Dexie a window at a time, so the page never holds a whole table (the
 * `large` seed has 60,000 transactions). Without a search the window is
 * `orderBy(index).offset(start).limit(n)` and the count is `count()`. With a search (or a `keep`
 * rule, e.g. only open items) the matching primary keys are listed in sort order (keys only) and
 * the window is a `bulkGet` of a slice of them.
 *
 * A search word matches the start of an indexed column (`startsWithIgnoreCase`, no table scan).
 * Only when no indexed column starts with the words does it fall back to "contains" over every
 * column: a scan that stops at CONTAINS_CAP matches, and says so through `mode`. Views with a
 * `keep` rule sort only on indexes every row has (the rule reads rows in index order).
 */
import { onScopeDispose, shallowRef, watch, type Ref, type WatchSource } from 'vue';
import type { Collection, IndexableType, Table } from 'dexie';
import { useLiveQuery } from './live-query';
import { keptKeysInOrder } from './kept-keys';

type Value = string | number | undefined;
type Key = IndexableType;

/** How the rows now shown were found: all rows, by the start of an indexed column, or by "contains". */
export type SearchMode = 'all' | 'prefix' | 'contains' | 'containsCapped';

export const CONTAINS_CAP = 1000;
/** Rows read before the table asks (a viewport and its overscan), and extra rows read each side of a window. */
const FIRST_WINDOW = 40;
const MARGIN = 20;

/** What DataTable needs from its rows, wherever they live (in memory or in IndexedDB). */
export interface RowSource<T> {
  /** Rows that match now (meaningful once `counted`). */
  count: Readonly<Ref<number>>;
  /** Rows in all (meaningful once `counted`). */
  total: Readonly<Ref<number>>;
  /**
   * False until the first count is in: the rows from `start` are real rows in order, but how many
   * there are is not known yet (Chromium counts 60,000 rows by walking them), so none is shown.
   */
  counted: Readonly<Ref<boolean>>;
  /** The loaded window: `rows[0]` is row number `start` of the `count` matches. */
  start: Readonly<Ref<number>>;
  rows: Readonly<Ref<T[]>>;
  /** Asks for rows [start, end); the answer arrives in `start`/`rows`. */
  show(start: number, end: number): void;
  sortKey: Readonly<Ref<string | undefined>>;
  sortDir: Readonly<Ref<1 | -1>>;
  sortBy(key: string): void;
  canSort(key: string): boolean;
}

export interface TableView<T, K extends Key = Key> {
  table: Table<T, K>;
  /** Column key → the index that orders it (':id' is the primary key). Only these columns sort. */
  sortable: Record<string, string>;
  defaultSort: { key: string; dir: 1 | -1 };
  /** Indexes whose field some rows lack: IndexedDB leaves those rows out of the index, so they are added at the end. */
  sparse?: string[];
  /** String indexes searched by prefix. */
  prefixIndexes: string[];
  /** Every column's raw value, for the "contains" fallback. */
  values: ((row: T) => Value)[];
  keyOf: (row: T) => K;
  /** Rows to show at all (the rest are counted in `total` only). */
  keep?: (row: T) => boolean;
}

export interface TableWindow<T> extends RowSource<T> {
  loading: Ref<boolean>;
  mode: Ref<SearchMode>;
  /** The search the rows now shown answer (undefined before the first read). */
  appliedQuery: Ref<string | undefined>;
}

const words = (q: string) => q.trim().toLowerCase().split(/\s+/).filter(Boolean);

function containsAll<T>(row: T, values: TableView<T>['values'], ws: string[]): boolean {
  const hay = values
    .map((v) => v(row))
    .filter((v) => v !== undefined && v !== '')
    .join('\u0001')
    .toLowerCase();
  return ws.every((w) => hay.includes(w));
}

/** Primary keys of rows where, for every word, some indexed column starts with it. */
async function prefixMatches<T, K extends Key>(view: TableView<T, K>, ws: string[]): Promise<Set<K>> {
  let result: Set<K> | undefined;
  for (const w of ws) {
    const found = new Set<K>();
    for (const index of view.prefixIndexes) {
      for (const k of await view.table.where(index).startsWithIgnoreCase(w).primaryKeys()) {
        if (!result || result.has(k)) found.add(k);
      }
    }
    result = found;
    if (result.size === 0) break;
  }
  return result ?? new Set();
}

export function useTableWindow<T, K extends Key>(
  view: TableView<T, K>,
  query: () => string,
  also?: WatchSource<unknown>,
  delayMs = 400,
): TableWindow<T> {
  const count = shallowRef(0);
  const total = shallowRef(0);
  const counted = shallowRef(false);
  const start = shallowRef(0);
  const rows = shallowRef<T[]>([]) as Ref<T[]>;
  const loading = shallowRef(true);
  const mode = shallowRef<SearchMode>('all');
  const sortKey = shallowRef<string | undefined>(view.defaultSort.key);
  const sortDir = shallowRef<1 | -1>(view.defaultSort.dir);
  const appliedQuery = shallowRef<string>();
  /** Matching primary keys in sort order; undefined: every row, in index order. */
  let keys: K[] | undefined;
  /** While the keys of a `keep` rule are being listed, windows are read through the rule. */
  let throughKeep = false;
  /** Rows asked for, and rows loaded (a margin around what was asked; undefined: nothing valid). */
  let range: [number, number] = [0, FIRST_WINDOW];
  let loaded: [number, number] | undefined;
  /** The window being read now, if any. */
  let reading: [number, number] | undefined;
  let reloads = 0;
  let fetches = 0;

  const index = () => view.sortable[sortKey.value ?? ''] ?? ':id';
  const isSparse = () => view.sparse?.includes(index()) ?? false;
  function ordered(): Collection<T, K> {
    const c = view.table.orderBy(index());
    return sortDir.value < 0 ? c.reverse() : c;
  }
  /** Every primary key in sort order, rows without the sort field last (as an in-memory sort puts them). */
  async function orderedKeys(): Promise<K[]> {
    const withValue = await ordered().primaryKeys();
    if (!isSparse()) return withValue;
    const seen = new Set(withValue);
    return withValue.concat((await view.table.toCollection().primaryKeys()).filter((k) => !seen.has(k)));
  }

  async function matching(ws: string[]): Promise<{ keys?: K[]; mode: SearchMode }> {
    const keep = view.keep;
    const kept =
      keep && ((among?: K[]) => keptKeysInOrder(view.table, view.keyOf, index(), sortDir.value, keep, among));
    if (ws.length === 0) {
      if (kept) return { keys: await kept(), mode: 'all' };
      return { keys: isSparse() ? await orderedKeys() : undefined, mode: 'all' };
    }
    const set = await prefixMatches(view, ws);
    if (set.size > 0) {
      const inOrder = kept ? await kept([...set]) : (await orderedKeys()).filter((k) => set.has(k));
      if (inOrder.length > 0) return { keys: inOrder, mode: 'prefix' };
    }
    // A sparse sort index would leave rows out of the scan: then scan in primary-key order.
    const found = await (isSparse() ? view.table.toCollection() : ordered())
      .filter((r) => (!keep || keep(r)) && containsAll(r, view.values, ws))
      .limit(CONTAINS_CAP)
      .primaryKeys();
    return { keys: found, mode: found.length >= CONTAINS_CAP ? 'containsCapped' : 'contains' };
  }

  async function fetchWindow(): Promise<void> {
    const mine = ++fetches;
    const s = Math.max(0, range[0] - MARGIN);
    const e = range[1] + MARGIN;
    reading = [s, e];
    const got = keys
      ? (await view.table.bulkGet(keys.slice(s, e))).filter((r): r is T => r !== undefined)
      : throughKeep && view.keep
        ? await ordered()
            .filter(view.keep)
            .offset(s)
            .limit(e - s)
            .toArray()
        : await ordered()
            .offset(s)
            .limit(e - s)
            .toArray();
    if (mine !== fetches) return;
    reading = undefined;
    loaded = [s, e];
    start.value = s;
    rows.value = got;
  }

  async function reload(): Promise<void> {
    const mine = ++reloads;
    const q = query();
    const ws = words(q);
    loading.value = true;
    if (ws.length === 0 && (view.keep || !isSparse())) {
      // First rows at once (in index order, or through the rule; the key list of a rule follows),
      // and only then the count: IndexedDB does one request after another, and a count of 60,000
      // rows asked first would hold the first rows back until it is done.
      loaded = undefined;
      keys = undefined;
      throughKeep = view.keep !== undefined;
      await fetchWindow();
      if (mine !== reloads) return;
      if (!view.keep) {
        const n = await view.table.count();
        if (mine !== reloads) return;
        total.value = count.value = n;
        counted.value = true;
        mode.value = 'all';
        appliedQuery.value = q;
        loading.value = false;
        return;
      }
    }
    const [n, found] = await Promise.all([view.table.count(), matching(ws)]);
    if (mine !== reloads) return;
    loaded = undefined;
    keys = found.keys;
    throughKeep = false;
    total.value = n;
    count.value = keys ? keys.length : n;
    counted.value = true;
    mode.value = found.mode;
    appliedQuery.value = q;
    loading.value = false;
    await fetchWindow();
  }

  let current: Promise<void> = Promise.resolve();
  const read = () => (current = reload());
  let timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * A new search starts over at once; a re-read because the data changed (`afterCurrent`) waits for
   * the read in progress, so the page's first status (a run id) does not throw away a count half done.
   */
  const reloadSoon = (ms = delayMs, afterCurrent = false) => {
    clearTimeout(timer);
    timer = setTimeout(() => (afterCurrent ? void current.catch(() => undefined).then(read) : void read()), ms);
  };

  // Re-read when the table's size changes (a sync writes thousands of rows: debounced) or `also` does.
  // The size is watched from the first rows on, so its count does not compete with theirs; a size
  // other than the one the first read saw (rows written in between) re-reads as well.
  const watching = shallowRef(false);
  const size = useLiveQuery(() => (watching.value ? view.table.count() : Promise.resolve(-1)), -1, watching);
  watch(size, (n, before) => n !== -1 && (before !== -1 || n !== total.value) && reloadSoon(delayMs, true));
  void read().finally(() => (watching.value = true));
  if (also) watch(also, () => reloadSoon(delayMs, true));
  watch(query, () => reloadSoon(150));
  watch([sortKey, sortDir], () => void read());
  onScopeDispose(() => clearTimeout(timer));

  return {
    count,
    total,
    counted,
    start,
    rows,
    loading,
    mode,
    sortKey,
    sortDir,
    appliedQuery,
    show(s, e) {
      range = [s, e];
      // Before the count, the table asks past the rows it has: the window read (or reading) covers them.
      const known = counted.value ? Math.max(count.value, s) : Infinity;
      const covers = (r?: [number, number]) => r !== undefined && s >= r[0] && e <= Math.min(r[1], known);
      if (covers(loaded) || (!counted.value && covers(reading))) return;
      void fetchWindow();
    },
    canSort: (key) => key in view.sortable,
    sortBy(key) {
      if (!(key in view.sortable)) return;
      if (sortKey.value === key) sortDir.value = sortDir.value === 1 ? -1 : 1;
      else {
        sortKey.value = key;
        sortDir.value = 1;
      }
    },
  };
}
