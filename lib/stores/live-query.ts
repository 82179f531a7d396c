/**
 * Dexie live queries as Vue refs, for stores and components alike: they end with the scope
 * that made them (a component when it unmounts, a store when it is disposed).
 */
import { onScopeDispose, shallowRef, watch, type Ref, type WatchSource } from 'vue';
import { liveQuery } from 'dexie';

/**
 * A Dexie live query as a ref; it re-runs when the data it read changes, in any extension page
 * or the worker, and when `deps` change (values from outside the database, such as settings).
 */
export function useLiveQuery<T>(query: () => Promise<T>, initial: T, deps?: WatchSource<unknown>): Ref<T> {
  const result = shallowRef<T>(initial) as Ref<T>;
  let subscription = subscribe();
  function subscribe() {
    return liveQuery(query).subscribe({
      next: (value) => (result.value = value),
      error: () => undefined,
    });
  }
  if (deps) {
    watch(deps, () => {
      subscription.unsubscribe();
      subscription = subscribe();
    });
  }
  onScopeDispose(() => subscription.unsubscribe());
  return result;
}

/** The rows with these ids as a Map: a bulkGet of only what a list refers to, never the whole table. */
export async function rowsById<T>(
  table: { bulkGet(keys: number[]): PromiseLike<(T | undefined)[]> },
  ids: Iterable<number>,
): Promise<Map<number, T>> {
  const keys = [...new Set(ids)];
  const rows = await table.bulkGet(keys);
  const out = new Map<number, T>();
  rows.forEach((r, i) => r !== undefined && out.set(keys[i], r));
  return out;
}
