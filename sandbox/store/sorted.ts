/**
 * The records of the store's id maps as arrays sorted ascending by id, cached per map. Records are
 * only added (updates change them in place), so a cached array stays right until the map grows;
 * a removal forgets it.
 */
export class SortedById {
  private cache = new WeakMap<Map<number, unknown>, { size: number; items: unknown[] }>();

  /** Callers must not mutate the array. */
  of<T extends { id: number }>(map: Map<number, T>): readonly T[] {
    const cached = this.cache.get(map);
    if (cached && cached.size === map.size) return cached.items as T[];
    const items = [...map.values()];
    let ascending = true;
    for (let i = 1; i < items.length; i++)
      if (items[i - 1].id > items[i].id) {
        ascending = false;
        break;
      }
    if (!ascending) items.sort((a, b) => a.id - b.id);
    this.cache.set(map, { size: map.size, items });
    return items;
  }

  forget(map: Map<number, unknown>): void {
    this.cache.delete(map);
  }
}
