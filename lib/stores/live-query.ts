/**
 * Dexie live queries as Vue refs, for stores and components alike: they end with the scope
 * that made them (a component when it unmounts, a store when it is disposed).
 */
import { onScopeDispose, shallowRef, watch, type Ref, type WatchSource } from 'vue';
import { liveQuery, type Table } from 'dexie';

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

/**
 * A whole table for browsing (10,000+ rows): re-read when its row count changes or when
 * `also` changes (e.g. a sync finished), debounced, rather than on every single write.
 */
export function useTableRows<T, K>(
  table: () => Table<T, K>,
  also?: WatchSource<unknown>,
  delayMs = 400,
): { rows: Ref<T[]>; loading: Ref<boolean> } {
  const rows = shallowRef<T[]>([]) as Ref<T[]>;
  const loading = shallowRef(true);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  async function load(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    const data = await table().toArray();
    if (mine === generation) {
      rows.value = data;
      loading.value = false;
    }
  }
  const reloadSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void load(), delayMs);
  };

  const count = useLiveQuery(() => table().count(), -1);
  watch(count, (now, before) => (before === -1 ? void load() : reloadSoon()));
  if (also) watch(also, reloadSoon);
  watch(table, () => void load());
  onScopeDispose(() => clearTimeout(timer));
  return { rows, loading };
}
