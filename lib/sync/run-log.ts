/** Housekeeping of the sync log: interrupted runs marked as such, the oldest runs dropped. */
import type { WorkspaceDb } from '../db';
import { TEXT } from './texts';

/** Runs kept in the log. */
const MAX_LOG_RUNS = 1000;

/** A run still marked 'running' whose lease is gone was interrupted (worker killed, browser closed). */
export async function markInterruptedRuns(db: WorkspaceDb, now: number): Promise<void> {
  const recent = await db.syncLog.orderBy('id').reverse().limit(5).toArray();
  for (const r of recent) {
    if (r.result === 'running') {
      await db.syncLog.update(r.id!, {
        result: 'cancelled',
        endedAt: r.endedAt ?? now,
        error: { kind: 'sync', code: 'INTERRUPTED', ...TEXT.interrupted },
      });
    }
  }
}

export async function trimLog(db: WorkspaceDb): Promise<void> {
  const n = await db.syncLog.count();
  if (n > MAX_LOG_RUNS) {
    const old = await db.syncLog
      .orderBy('id')
      .limit(n - MAX_LOG_RUNS)
      .primaryKeys();
    await db.syncLog.bulkDelete(old);
  }
}
