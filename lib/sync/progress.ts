import Dexie from 'dexie';
import { KV, type SyncProgress, type SyncRun, type WorkspaceDb } from '../db';

/** Progress for the pages in db.kv 'progress': at every step boundary, and at most every `intervalMs` within a step. */
export function createProgress(db: WorkspaceDb, run: SyncRun, intervalMs: number) {
  let last = 0;
  let current: SyncProgress = { running: true, runId: run.id, startedAt: run.startedAt, updatedAt: Date.now() };
  // Writes never queue up behind each other: while one is in flight only the latest value waits.
  let pending: SyncProgress | undefined;
  let writing: Promise<void> | undefined;
  const flush = async () => {
    while (pending) {
      const value = pending;
      pending = undefined;
      await Dexie.ignoreTransaction(() => db.kv.put({ key: KV.progress, value })).catch(() => undefined);
    }
    writing = undefined;
  };
  const write = (value: SyncProgress) => {
    pending = value;
    writing ??= flush();
  };
  return {
    publish(p: { step?: string; done?: number; total?: number }, force: boolean) {
      current = { ...current, ...p, updatedAt: Date.now() };
      const t = Date.now();
      if (!force && t - last < intervalMs) return;
      last = t;
      write(current);
    },
    async finish() {
      write({ running: false, runId: run.id, startedAt: run.startedAt, updatedAt: Date.now() });
      await writing;
    },
  };
}
