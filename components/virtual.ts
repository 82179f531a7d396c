/** The arithmetic behind DataTable: which rows are in view, search and sort over all rows. */
import { computed, shallowRef } from 'vue';
import type { RowSource } from '../lib/stores/table-window';

export interface RowWindow {
  start: number;
  end: number;
  padTop: number;
  padBottom: number;
}

/** Rows [start, end) to render for a scroll position, with `overscan` extra rows each side. */
export function rowWindow(o: {
  scrollTop: number;
  viewport: number;
  rowHeight: number;
  count: number;
  overscan: number;
}): RowWindow {
  const start = Math.min(o.count, Math.max(0, Math.floor(o.scrollTop / o.rowHeight) - o.overscan));
  const end = Math.min(o.count, Math.ceil((o.scrollTop + o.viewport) / o.rowHeight) + o.overscan);
  return {
    start,
    end: Math.max(start, end),
    padTop: start * o.rowHeight,
    padBottom: Math.max(0, o.count - Math.max(start, end)) * o.rowHeight,
  };
}

type Value = string | number | undefined;

/** Lower-cased raw values per row, built once per data set (not per keystroke). */
export function searchIndex<R>(rows: R[], values: ((row: R) => Value)[]): string[] {
  return rows.map((r) =>
    values
      .map((v) => v(r))
      .filter((v) => v !== undefined && v !== '')
      .join('\u0001')
      .toLowerCase(),
  );
}

/** Rows whose values contain every word of the query (any order, any column). */
export function filterRows<R>(rows: R[], index: string[], query: string): R[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((_, i) => words.every((w) => index[i].includes(w)));
}

/** A sorted copy; numbers numerically, text naturally ("K2" before "K10"); empty values last. */
export function sortRows<R>(rows: R[], value: (row: R) => Value, direction: 1 | -1): R[] {
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === y) return 0;
    if (x === undefined || x === '') return 1;
    if (y === undefined || y === '') return -1;
    const order =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x).localeCompare(String(y), undefined, { numeric: true });
    return order * direction;
  });
}

/** Rows already in memory (work orders, invoices) as a RowSource: search and sort over all of them. */
export function localSource<R>(
  rows: () => R[],
  values: () => ((row: R) => Value)[],
  valueOf: (key: string) => ((row: R) => Value) | undefined,
  query: () => string,
): RowSource<R> {
  const range = shallowRef<[number, number]>([0, 0]);
  const sortKey = shallowRef<string>();
  const sortDir = shallowRef<1 | -1>(1);
  const haystacks = computed(() => searchIndex(rows(), values()));
  const filtered = computed(() => {
    const out = filterRows(rows(), haystacks.value, query());
    const value = sortKey.value === undefined ? undefined : valueOf(sortKey.value);
    return value ? sortRows(out, value, sortDir.value) : out;
  });
  return {
    count: computed(() => filtered.value.length),
    total: computed(() => rows().length),
    counted: computed(() => true),
    start: computed(() => range.value[0]),
    rows: computed(() => filtered.value.slice(range.value[0], range.value[1])),
    show: (start, end) => (range.value = [start, end]),
    sortKey,
    sortDir,
    canSort: () => true,
    sortBy(key) {
      if (sortKey.value === key) sortDir.value = sortDir.value === 1 ? -1 : 1;
      else {
        sortKey.value = key;
        sortDir.value = 1;
      }
    },
  };
}
