/**
 * The 15-minute run with nothing changed upstream, on the workspace the full import left,
 * with the default rotation (settings.refreshDays): requests by kind and wall time.
 */
import type { WorkspaceDb } from '../../lib/db';
import { IMPORT_STEPS, runSync } from '../../lib/sync/index';
import { requestKinds, resetStats, stats, type Backend } from './common';

export interface IncrementalBench {
  wallMs: number;
  requests: number;
  lists: number;
  details: number;
  other: number;
  byOperation: Record<string, number>;
  result: string;
  /** Records the run created or changed: must be 0, nothing changed upstream. */
  changed: number;
}

export const FIFTEEN_MINUTES = 15 * 60 * 1000;

export async function benchIncremental(b: Backend, db: WorkspaceDb): Promise<IncrementalBench> {
  await resetStats(b);
  const t0 = performance.now();
  const run = await runSync({ db, trigger: 'alarm', steps: IMPORT_STEPS, now: () => Date.now() + FIFTEEN_MINUTES });
  const wallMs = performance.now() - t0;
  const s = await stats(b);
  return {
    wallMs,
    requests: s.total,
    ...requestKinds(s.byOperation),
    byOperation: s.byOperation,
    result: run.result,
    changed: run.steps.reduce((n, st) => n + st.created + st.updated, 0),
  };
}
