import Dexie from 'dexie';
import { KV, type StepProgress, type SyncProgress, type SyncRun, type WorkspaceDb } from '../db';

/**
 * Progress for the pages in db.kv 'progress': at every step's start and end, and at most every
 * `intervalMs` within a step. Steps may run side by side: `steps` lists them all in run order
 * (`order`), and `step`/`done`/`total` repeat the last of them, for pages that show one bar.
 */
export function createProgress(db: WorkspaceDb, run: SyncRun, intervalMs: number, order: readonly string[]) {
  let last = 0;
  const running = new Map<string, StepProgress>();
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
  const value = (): SyncProgress => {
    const steps = [...running.values()].sort((a, b) => order.indexOf(a.step) - order.indexOf(b.step));
    const shown = steps.at(-1);
    return {
      running: true,
      runId: run.id,
      startedAt: run.startedAt,
      updatedAt: Date.now(),
      ...(shown ? { step: shown.step, done: shown.done, total: shown.total } : { done: 0 }),
      steps: steps.map((s) => ({ ...s })),
    };
  };
  const publish = (force: boolean) => {
    const t = Date.now();
    if (!force && t - last < intervalMs) return;
    last = t;
    write(value());
  };
  return {
    /** The run began: nothing running yet. */
    begin: () => publish(true),
    start(step: string) {
      running.set(step, { step, done: 0 });
      publish(true);
    },
    update(step: string, done: number, total: number | undefined) {
      const p = running.get(step);
      if (!p) return;
      p.done = done;
      p.total = total;
      publish(false);
    },
    end(step: string) {
      if (running.delete(step)) publish(true);
    },
    async finish() {
      write({ running: false, runId: run.id, startedAt: run.startedAt, updatedAt: Date.now() });
      await writing;
    },
  };
}
