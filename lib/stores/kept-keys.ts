/**
 * The primary keys of the rows a rule keeps, in the order of an index, without a cursor over the
 * table: Chromium steps a cursor through 18,000 open items in 0.7–1.5 s, while the same rows read
 * by primary-key range in slices of CHUNK (one `getAll` each) and sorted here take about half that.
 * Only the sort value and the key of each kept row stay in memory, never the rows.
 */
import { cmp, type IndexableType, type Table } from 'dexie';

const CHUNK = 2000;

/**
 * Keys of rows where `keep` holds, ordered as `orderBy(index)` (then by primary key, as IndexedDB
 * orders equal index values), reversed when `dir` is -1. Rows without a value for `index` are
 * left out, as the index leaves them out. With `among`, only those rows are read (a search's matches).
 */
export async function keptKeysInOrder<T, K extends IndexableType>(
  table: Table<T, K>,
  keyOf: (row: T) => K,
  index: string,
  dir: 1 | -1,
  keep: (row: T) => boolean,
  among?: K[],
): Promise<K[]> {
  const kept: { value: IndexableType; key: K }[] = [];
  const add = (rows: (T | undefined)[]) => {
    for (const row of rows) {
      if (row === undefined || !keep(row)) continue;
      const key = keyOf(row);
      const value = index === ':id' ? key : (row as Record<string, IndexableType | undefined>)[index];
      if (value !== undefined) kept.push({ value, key });
    }
  };
  if (among) {
    for (let i = 0; i < among.length; i += CHUNK) add(await table.bulkGet(among.slice(i, i + CHUNK)));
  } else {
    let last: K | undefined;
    for (;;) {
      const slice = await (last === undefined ? table.toCollection() : table.where(':id').above(last))
        .limit(CHUNK)
        .toArray();
      add(slice);
      if (slice.length < CHUNK) break;
      last = keyOf(slice[slice.length - 1]);
    }
  }
  kept.sort((a, b) => dir * (cmp(a.value, b.value) || cmp(a.key, b.key)));
  return kept.map((k) => k.key);
}
