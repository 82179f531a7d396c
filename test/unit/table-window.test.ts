/**
 * The data views' windowed reads (lib/stores/table-window.ts) against a real Dexie database
 * (fake-indexeddb): a window is exactly the rows asked for, in index order; searches use the
 * indexes and fall back to a capped "contains" scan; rows without the sort field come last.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref, watch, type EffectScope, type Ref } from 'vue';
import type { Table } from 'dexie';
import { WorkspaceDb, type Customer, type OpenItemRow } from '../../lib/db';
import { CONTAINS_CAP, useTableWindow, type TableView, type TableWindow } from '../../lib/stores/table-window';
import { rowsById } from '../../lib/stores/live-query';
import { freshDbName } from '../helpers/run-steps';

const N = 3000;
const customers = (): Customer[] =>
  Array.from({ length: N }, (_, i) => ({
    code: `K${String(i + 1).padStart(5, '0')}`,
    name: i % 10 === 0 ? `Bakkerij ${i}` : `Klant ${i}`,
    type: 'B' as const,
    // Every third customer has no city: IndexedDB leaves those out of the city index.
    city: i % 3 === 0 ? undefined : `Stad ${i % 7}`,
    email: `info${i}@example.nl`,
    status: 'active' as const,
    origin: 'eboekhouden' as const,
    updatedAt: 0,
  }));

let scope: EffectScope | undefined;
afterEach(() => {
  scope?.stop();
  vi.restoreAllMocks();
});

function open<T, K extends string | number>(view: TableView<T, K>, query: Ref<string> = ref('')): TableWindow<T> {
  scope = effectScope();
  return scope.run(() => useTableWindow(view, () => query.value, undefined, 0))!;
}

/** Rows [s, e) once the loaded window (a margin around what was asked) covers them. */
async function rowsAt<T>(w: TableWindow<T>, s: number, e: number): Promise<T[]> {
  w.show(s, e);
  await vi.waitFor(() => {
    expect(w.start.value).toBeLessThanOrEqual(s);
    expect(w.start.value + w.rows.value.length).toBeGreaterThanOrEqual(e);
  });
  return w.rows.value.slice(s - w.start.value, e - w.start.value);
}

async function settled<T>(w: TableWindow<T>): Promise<void> {
  await vi.waitFor(() => expect(w.loading.value).toBe(false), { timeout: 5000 });
  await new Promise((r) => setTimeout(r, 20));
  await nextTick();
}

/** Holds the view's `count()` back until `release()`; `counting` is the spy, for its calls. */
function holdCount<T, K extends string | number>(view: TableView<T, K>) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const count = view.table.count.bind(view.table);
  const counting = vi.spyOn(view.table, 'count').mockImplementation((async () => {
    await gate;
    return count();
  }) as never);
  return { release, counting };
}

async function customerView() {
  const db = new WorkspaceDb(freshDbName('table-window'));
  await db.customers.bulkAdd(customers());
  const view: TableView<Customer, number> = {
    table: db.customers as unknown as Table<Customer, number>,
    sortable: { code: 'code', name: 'name', city: 'city' },
    sparse: ['city'],
    defaultSort: { key: 'code', dir: 1 },
    prefixIndexes: ['code', 'name', 'city'],
    values: [(r) => r.code, (r) => r.name, (r) => r.email],
    keyOf: (r) => r.id!,
  };
  return { db, view };
}

const openItem = (i: number, open: boolean): OpenItemRow => ({
  key: `debtors:R${i}:F${i}`,
  side: 'debtors',
  date: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
  invoiceNumber: `F${i}`,
  relationCode: `R${i}`,
  relationName: 'x',
  total: 10,
  paid: 0,
  outstanding: 10,
  open,
  seenAt: 0,
});

/** Open items listed oldest first, only those still open. */
const openItemView = (db: WorkspaceDb): TableView<OpenItemRow, string> => ({
  table: db.openItems as unknown as Table<OpenItemRow, string>,
  sortable: { date: 'date' },
  defaultSort: { key: 'date', dir: 1 },
  prefixIndexes: ['invoiceNumber'],
  values: [(r) => r.invoiceNumber],
  keyOf: (r) => r.key,
  keep: (r) => r.open,
});

describe('a windowed data view', () => {
  it('counts with count() and reads only the window asked for, in index order', async () => {
    const { db, view } = await customerView();
    const collection = Object.getPrototypeOf(db.customers.toCollection()) as { toArray: () => Promise<unknown[]> };
    const toArray = vi.spyOn(collection, 'toArray');
    const w = open(view);
    await settled(w);
    expect(w.count.value).toBe(N);
    expect(w.total.value).toBe(N);
    expect((await rowsAt(w, 1000, 1020)).map((r) => r.code)).toEqual(
      Array.from({ length: 20 }, (_, i) => `K${String(1001 + i).padStart(5, '0')}`),
    );
    // No read in this view returned more than a window of rows.
    expect(toArray).toHaveBeenCalled();
    const sizes = await Promise.all(toArray.mock.results.map((r) => r.value as Promise<unknown[]>));
    // A window and its margins, never the table.
    expect(Math.max(...sizes.map((s) => s.length))).toBeLessThanOrEqual(100);

    w.sortBy('code');
    await vi.waitFor(() => expect(w.sortDir.value).toBe(-1));
    await vi.waitFor(async () => expect((await rowsAt(w, 0, 5))[0].code).toBe(`K${String(N).padStart(5, '0')}`));
  });

  it('reads the first rows beside the count, not after it', async () => {
    const { view } = await customerView();
    const { release } = holdCount(view);
    const w = open(view);
    // The count is held back: the first window must arrive without it.
    await vi.waitFor(() => expect(w.rows.value.map((r) => r.code).slice(0, 2)).toEqual(['K00001', 'K00002']));
    expect(w.loading.value).toBe(true);
    release();
    await settled(w);
    expect(w.count.value).toBe(N);
  });

  it('has the first rows before the count is known, and no count until it is', async () => {
    const { db, view } = await customerView();
    const { release } = holdCount(view);
    const w = open(view);
    await vi.waitFor(() => expect(w.rows.value).toHaveLength(60));
    expect(w.counted.value).toBe(false);
    // The table asks past the rows it has while it does not know the end: no second read of the same rows.
    const toArray = vi.spyOn(
      Object.getPrototypeOf(db.customers.toCollection()) as { toArray: () => unknown },
      'toArray',
    );
    w.show(0, 21);
    expect(toArray).not.toHaveBeenCalled();
    release();
    await vi.waitFor(() => expect(w.counted.value).toBe(true));
    expect(w.count.value).toBe(N);
    expect(w.total.value).toBe(N);
  });

  it('lets a re-read because the data changed wait for the count in progress instead of starting over', async () => {
    const { view } = await customerView();
    const { release, counting } = holdCount(view);
    const run = ref<number>();
    scope = effectScope();
    const w = scope.run(() => useTableWindow(view, () => '', run, 0))!;
    let callsWhenCounted = -1;
    scope.run(() => watch(w.counted, () => (callsWhenCounted = counting.mock.calls.length), { flush: 'sync' }));
    await vi.waitFor(() => expect(w.rows.value).toHaveLength(60));
    // The page's first status arrives (a run id) while the rows are being counted.
    run.value = 7;
    await new Promise((r) => setTimeout(r, 30));
    release();
    await vi.waitFor(() => expect(w.counted.value).toBe(true));
    expect(callsWhenCounted).toBe(1);
    expect(w.count.value).toBe(N);
    // The re-read still happens, after it.
    await vi.waitFor(() => expect(counting.mock.calls.length).toBeGreaterThanOrEqual(2));
  });

  it('keeps the count of a keep rule unknown until the kept rows are counted, never the table size', async () => {
    const db = new WorkspaceDb(freshDbName('table-window-keep-count'));
    await db.openItems.bulkPut(Array.from({ length: 100 }, (_, i) => openItem(i, i % 2 === 0)));
    const view = openItemView(db);
    const { release } = holdCount(view);
    const w = open(view);
    const counts: number[] = [];
    scope!.run(() => watch(w.count, (n) => counts.push(n), { flush: 'sync' }));
    await vi.waitFor(() => expect(w.rows.value.length).toBeGreaterThan(0));
    expect(w.rows.value.every((r) => r.open)).toBe(true);
    expect(w.counted.value).toBe(false);
    release();
    await vi.waitFor(() => expect(w.counted.value).toBe(true));
    expect(w.count.value).toBe(50);
    expect(w.total.value).toBe(100);
    // The number of rows shown went from unknown to 50, never through the 100 the table holds.
    expect(counts).toEqual([50]);
  });

  it('lists the kept rows in the order of the index either way, equal dates by key', async () => {
    const db = new WorkspaceDb(freshDbName('table-window-keep-order'));
    // More rows than one slice of the key listing, many on the same date.
    await db.openItems.bulkPut(Array.from({ length: 4500 }, (_, i) => openItem(i, i % 3 !== 0)));
    const w = open(openItemView(db));
    await settled(w);
    const cursorOrder = await db.openItems
      .orderBy('date')
      .filter((r) => r.open)
      .primaryKeys();
    expect((await rowsAt(w, 0, 3000)).map((r) => r.key)).toEqual(cursorOrder);
    w.sortBy('date');
    await vi.waitFor(() => expect(w.sortDir.value).toBe(-1));
    await settled(w);
    expect((await rowsAt(w, 0, 3000)).map((r) => r.key)).toEqual([...cursorOrder].reverse());
  });

  it('finds kept rows by the start of an indexed column, in the order of the index', async () => {
    const db = new WorkspaceDb(freshDbName('table-window-keep-search'));
    await db.openItems.bulkPut(Array.from({ length: 300 }, (_, i) => openItem(i, i % 3 !== 0)));
    const query = ref('f1');
    const w = open(openItemView(db), query);
    await settled(w);
    expect(w.mode.value).toBe('prefix');
    const expected = await db.openItems
      .orderBy('date')
      .filter((r) => r.open && r.invoiceNumber?.startsWith('F1') === true)
      .primaryKeys();
    expect(expected.length).toBeGreaterThan(20);
    expect(w.count.value).toBe(expected.length);
    expect((await rowsAt(w, 0, expected.length)).map((r) => r.key)).toEqual(expected);
  });

  it('shows rows written while the first rows were being read', async () => {
    const { db, view } = await customerView();
    const w = open(view);
    await db.customers.bulkAdd(['A', 'B', 'C'].map((x) => ({ ...customers()[0], code: `K${x}`, name: `Nieuw ${x}` })));
    await vi.waitFor(() => expect(w.count.value).toBe(N + 3), { timeout: 5000 });
  });

  it('sorts on a column some rows lack with those rows last, and sorts only indexed columns', async () => {
    const { view } = await customerView();
    const w = open(view);
    await settled(w);
    w.sortBy('city');
    await settled(w);
    expect(w.count.value).toBe(N);
    const last = await rowsAt(w, N - 3, N);
    expect(last).toHaveLength(3);
    expect(last.every((r) => r.city === undefined)).toBe(true);
    expect((await rowsAt(w, 0, 3))[0].city).toBe('Stad 0');
    expect(w.canSort('email')).toBe(false);
    w.sortBy('email');
    expect(w.sortKey.value).toBe('city');
  });

  it('finds rows by the start of an indexed column, every word, any case', async () => {
    const { view } = await customerView();
    const query = ref('');
    const w = open(view, query);
    await settled(w);
    query.value = 'BAKKERIJ';
    await vi.waitFor(() => expect(w.mode.value).toBe('prefix'));
    await settled(w);
    expect(w.count.value).toBe(N / 10);
    expect(w.total.value).toBe(N);
    expect((await rowsAt(w, 0, 2)).map((r) => r.name)).toEqual(['Bakkerij 0', 'Bakkerij 10']);

    // Two words, two columns: the one Bakkerij among codes K00020…K00029.
    query.value = 'bakkerij k0002';
    await vi.waitFor(() => expect(w.count.value).toBe(1));
    await vi.waitFor(async () => expect((await rowsAt(w, 0, 1)).map((r) => r.code)).toEqual(['K00021']));
    expect(w.rows.value).toHaveLength(1);
    expect(w.mode.value).toBe('prefix');
  });

  it('falls back to a "contains" scan that stops at the cap, and says which it did', async () => {
    const { view } = await customerView();
    const query = ref('example.nl');
    const w = open(view, query);
    await settled(w);
    expect(w.mode.value).toBe('containsCapped');
    expect(w.count.value).toBe(CONTAINS_CAP);
    query.value = 'info2999@';
    await vi.waitFor(() => expect(w.mode.value).toBe('contains'));
    await settled(w);
    expect(w.count.value).toBe(1);
    query.value = 'nobody-has-this';
    await vi.waitFor(() => expect(w.count.value).toBe(0));
  });

  it('lists only the rows a keep rule allows, and follows writes to the table', async () => {
    const db = new WorkspaceDb(freshDbName('table-window-open'));
    const item = openItem;
    await db.openItems.bulkPut(Array.from({ length: 200 }, (_, i) => item(i, i % 4 !== 0)));
    const w = open(openItemView(db));
    await settled(w);
    expect(w.total.value).toBe(200);
    expect(w.count.value).toBe(150);
    const shown = await rowsAt(w, 0, 150);
    expect(shown).toHaveLength(150);
    expect(shown.every((r) => r.open)).toBe(true);
    const dates = shown.map((r) => r.date);
    expect(dates).toEqual([...dates].sort());

    await db.openItems.bulkPut(Array.from({ length: 8 }, (_, i) => item(1000 + i, true)));
    await vi.waitFor(() => expect(w.count.value).toBe(158), { timeout: 5000 });
  });
});

describe('rowsById', () => {
  it('reads only the rows a list refers to, once each, and skips ids that are gone', async () => {
    const { db } = await customerView();
    const bulkGet = vi.spyOn(db.customers, 'bulkGet');
    const map = await rowsById(db.customers, [5, 7, 5, 99_999]);
    expect([...map.keys()]).toEqual([5, 7]);
    expect(map.get(7)?.code).toBe('K00007');
    expect(bulkGet).toHaveBeenCalledWith([5, 7, 99_999]);
  });
});
