/**
 * The data views' windowed reads (lib/stores/table-window.ts) against a real Dexie database
 * (fake-indexeddb): a window is exactly the rows asked for, in index order; searches use the
 * indexes and fall back to a capped "contains" scan; rows without the sort field come last.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref, type EffectScope, type Ref } from 'vue';
import type { Table } from 'dexie';
import { WorkspaceDb, type Customer, type OpenItemRow } from '../../lib/db';
import { CONTAINS_CAP, useTableWindow, type TableView, type TableWindow } from '../../lib/stores/table-window';
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

async function settled<T>(w: TableWindow<T>): Promise<void> {
  await vi.waitFor(() => expect(w.loading.value).toBe(false), { timeout: 5000 });
  await new Promise((r) => setTimeout(r, 20));
  await nextTick();
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

describe('a windowed data view', () => {
  it('counts with count() and reads only the window asked for, in index order', async () => {
    const { db, view } = await customerView();
    const collection = Object.getPrototypeOf(db.customers.toCollection()) as { toArray: () => Promise<unknown[]> };
    const toArray = vi.spyOn(collection, 'toArray');
    const w = open(view);
    await settled(w);
    expect(w.count.value).toBe(N);
    expect(w.total.value).toBe(N);
    w.show(1000, 1020);
    await vi.waitFor(() => expect(w.start.value).toBe(1000));
    expect(w.rows.value.map((r) => r.code)).toEqual(
      Array.from({ length: 20 }, (_, i) => `K${String(1001 + i).padStart(5, '0')}`),
    );
    // No read in this view returned more than a window of rows.
    expect(toArray).toHaveBeenCalled();
    const sizes = await Promise.all(toArray.mock.results.map((r) => r.value as Promise<unknown[]>));
    expect(Math.max(...sizes.map((s) => s.length))).toBeLessThanOrEqual(20);

    w.sortBy('code');
    await vi.waitFor(() => expect(w.sortDir.value).toBe(-1));
    w.show(0, 5);
    await vi.waitFor(() => expect(w.rows.value[0]?.code).toBe(`K${String(N).padStart(5, '0')}`));
  });

  it('sorts on a column some rows lack with those rows last, and sorts only indexed columns', async () => {
    const { view } = await customerView();
    const w = open(view);
    await settled(w);
    w.sortBy('city');
    await settled(w);
    expect(w.count.value).toBe(N);
    w.show(N - 3, N);
    await vi.waitFor(() => expect(w.start.value).toBe(N - 3));
    expect(w.rows.value.every((r) => r.city === undefined)).toBe(true);
    w.show(0, 3);
    await vi.waitFor(() => expect(w.rows.value[0]?.city).toBe('Stad 0'));
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
    w.show(0, 2);
    await vi.waitFor(() => expect(w.rows.value.map((r) => r.name)).toEqual(['Bakkerij 0', 'Bakkerij 10']));

    // Two words, two columns: the one Bakkerij among codes K00020…K00029.
    query.value = 'bakkerij k0002';
    await vi.waitFor(() => expect(w.count.value).toBe(1));
    w.show(0, 5);
    await vi.waitFor(() => expect(w.rows.value.map((r) => r.code)).toEqual(['K00021']));
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
    const item = (i: number, open: boolean): OpenItemRow => ({
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
    await db.openItems.bulkPut(Array.from({ length: 200 }, (_, i) => item(i, i % 4 !== 0)));
    const w = open({
      table: db.openItems as unknown as Table<OpenItemRow, string>,
      sortable: { date: 'date' },
      defaultSort: { key: 'date', dir: 1 },
      prefixIndexes: ['invoiceNumber'],
      values: [(r) => r.invoiceNumber],
      keyOf: (r) => r.key,
      keep: (r) => r.open,
    });
    await settled(w);
    expect(w.total.value).toBe(200);
    expect(w.count.value).toBe(150);
    w.show(0, 150);
    await vi.waitFor(() => expect(w.rows.value).toHaveLength(150));
    expect(w.rows.value.every((r) => r.open)).toBe(true);
    const dates = w.rows.value.map((r) => r.date);
    expect(dates).toEqual([...dates].sort());

    await db.openItems.bulkPut(Array.from({ length: 8 }, (_, i) => item(1000 + i, true)));
    await vi.waitFor(() => expect(w.count.value).toBe(158), { timeout: 5000 });
  });
});
