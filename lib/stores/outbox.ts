/** Export state per workspace record, from the outbox (live), shared by every section of the page. */
import { defineStore } from 'pinia';
import { computed } from 'vue';
import type { OutboxEntry } from '../db';
import { useWorkspaceStore } from './workspace';
import { useLiveQuery } from './live-query';

export type ExportState = 'none' | OutboxEntry['state'];

export const useOutboxStore = defineStore('outbox', () => {
  const { db } = useWorkspaceStore();
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
});
