/** Export state per workspace record, from the outbox (live). */
import { computed } from 'vue';
import type { OutboxEntry } from '../db';
import { pageDb, useLiveQuery } from './db';

export type ExportState = 'none' | OutboxEntry['state'];

export function useOutbox() {
  const db = pageDb();
  const entries = useLiveQuery(() => db.outbox.toArray(), [] as OutboxEntry[]);
  const bySource = computed(() => new Map(entries.value.map((e) => [`${e.source.table}:${e.source.id}`, e])));
  const failed = computed(() => entries.value.filter((e) => e.state === 'failed'));

  function entryFor(table: OutboxEntry['source']['table'], id: number | undefined): OutboxEntry | undefined {
    return id === undefined ? undefined : bySource.value.get(`${table}:${id}`);
  }
  function stateOf(table: OutboxEntry['source']['table'], id: number | undefined): ExportState {
    return entryFor(table, id)?.state ?? 'none';
  }
  return { entries, failed, entryFor, stateOf };
}
