/**
 * runSync: one sync run. Takes the lease (and a Web Lock where there is one), checks that the
 * credentials still open the administration the local data belongs to, runs the enabled import
 * steps then the export steps, publishes progress, and appends the run to the sync log.
 *
 * Everything that must survive a killed worker lives in IndexedDB: cursors per step, the outbox,
 * the lease (which simply expires), and the log entry (marked interrupted by the next run).
 */
import type { Problem, RunTrigger, StepLog, SyncRun, WorkspaceDb } from '../db';
import type { EBoekhouden } from '../eboekhouden/api';
import { concernsTheConnection, isEBoekhoudenError } from '../eboekhouden/errors';
import {
  administrationKey,
  defaultCreateApi,
  getConnectionState,
  loadSettings,
  setConnectionState,
  type CreateApi,
} from './connection';
import { EXPORT_STEPS } from './exports/index';
import { IMPORT_STEPS } from './imports/index';
import { acquireLease, LEASE_TTL_MS, releaseLease, renewLease, withWebLock } from './lease';
import { describeError, isAbort, SyncError, TEXT } from './texts';
import { text } from '../i18n/translate';
import type { StepContext, SyncStep } from './step';
import { checkAdministration } from './administration-guard';
import { createProgress } from './progress';
import { countRequests } from './request-counter';
import { markInterruptedRuns, trimLog } from './run-log';

export interface RunOptions {
  db: WorkspaceDb;
  trigger: RunTrigger;
  signal?: AbortSignal;
  createApi?: CreateApi;
  now?: () => number;
  /** Who holds the lease; a fresh id per run by default. */
  owner?: string;
  steps?: SyncStep[];
  /** Lease lifetime; renewed every third of it while the run lives. */
  leaseTtlMs?: number;
  /** Minimum time between progress writes within a step. */
  progressIntervalMs?: number;
}

export const ALL_STEPS: SyncStep[] = [...IMPORT_STEPS, ...EXPORT_STEPS];

/** Problems kept per run; beyond this a summary line says how many more there were. */
const MAX_PROBLEMS = 500;
const WEB_LOCK = 'boekhoud-companion-sync';

export async function runSync(o: RunOptions): Promise<SyncRun> {
  const now = o.now ?? Date.now;
  const owner = o.owner ?? `run-${now()}-${Math.random().toString(36).slice(2, 10)}`;
  const busy = (): SyncRun => ({
    trigger: o.trigger,
    startedAt: now(),
    endedAt: now(),
    result: 'cancelled',
    steps: [],
    problems: [],
    error: { kind: 'sync', code: 'BUSY', ...TEXT.busy },
  });
  return withWebLock(
    WEB_LOCK,
    async () => {
      const lease = await acquireLease(o.db, owner, now(), o.leaseTtlMs ?? LEASE_TTL_MS);
      if (!lease.ok) return busy();
      try {
        return await runLeased(o, owner, now);
      } finally {
        await releaseLease(o.db, owner);
      }
    },
    busy,
  );
}

async function runLeased(o: RunOptions, owner: string, now: () => number): Promise<SyncRun> {
  const { db } = o;
  const ttl = o.leaseTtlMs ?? LEASE_TTL_MS;
  await markInterruptedRuns(db, now());

  const settings = await loadSettings(db);
  const state = await getConnectionState(db);
  const run: SyncRun = { trigger: o.trigger, startedAt: now(), result: 'running', steps: [], problems: [] };

  // The alarm does not retry rejected credentials: only new ones (saveSettings) resume it.
  if (state.status === 'needsReconnect' && (o.trigger === 'alarm' || o.trigger === 'startup')) {
    return {
      ...run,
      endedAt: now(),
      result: 'cancelled',
      error: { kind: 'auth', code: 'NEEDS_RECONNECT', ...(state.message ?? TEXT.paused) },
    };
  }

  // Waiting for the person to confirm an administration switch: do not ask e-Boekhouden again.
  if (state.pendingAdministrationKey && state.pendingAdministrationKey === (await administrationKey(settings))) {
    return {
      ...run,
      endedAt: now(),
      result: 'failed',
      error: { kind: 'sync', code: 'ADMINISTRATION_SWITCH', ...TEXT.administrationSwitch },
    };
  }

  run.id = await db.syncLog.add({ ...run });
  const steps = (o.steps ?? ALL_STEPS).filter((step) => step.enabled(settings));
  const order = steps.map((step) => step.name);
  const progress = createProgress(db, run, o.progressIntervalMs ?? 250, order);
  progress.begin();

  const stop = new AbortController();
  const onCancel = () => stop.abort(o.signal?.reason);
  if (o.signal?.aborted) stop.abort(o.signal.reason);
  o.signal?.addEventListener('abort', onCancel);
  let leaseLost = false;
  const renewal = setInterval(
    () => {
      renewLease(db, owner, now(), ttl)
        .then((ok) => {
          if (!ok) {
            leaseLost = true;
            stop.abort();
          }
        })
        .catch(() => undefined);
    },
    Math.max(50, Math.floor(ttl / 3)),
  );

  let api: EBoekhouden | undefined;
  let stepFailed = false;
  // Stops the steps: the run's stop, or an error of one step that ends the run (the others end too).
  const halt = new AbortController();
  const onStop = () => halt.abort(stop.signal.reason);
  if (stop.signal.aborted) onStop();
  stop.signal.addEventListener('abort', onStop);
  /**
   * Runs each step once the steps it waits for have ended (SyncStep.alongside); never rejects
   * but with the error that ends the run, after every running step has ended.
   */
  const runSteps = async (
    list: SyncStep[],
    sideBySide: boolean,
    begin: (step: SyncStep) => { ctx: StepContext; ended(durationMs: number): void },
  ) => {
    let fatal: { error: unknown } | undefined;
    const runOne = async (step: SyncStep) => {
      if (halt.signal.aborted) return;
      const { ctx, ended } = begin(step);
      const started = Date.now();
      progress.start(step.name);
      try {
        await step.run(ctx);
      } catch (e) {
        if (isAbort(e) || halt.signal.aborted) return;
        if (endsTheRun(e)) {
          fatal ??= { error: e };
          halt.abort();
          return;
        }
        // One step failing (e-Boekhouden refused a list, answered nonsense) does not stop the others.
        stepFailed = true;
        const text = describeError(e);
        addProblem(run, { step: step.name, code: text.code, ...TEXT.stepFailed(step.name, text) });
      } finally {
        ended(Date.now() - started);
        progress.end(step.name);
      }
    };
    const ends: Promise<void>[] = [];
    for (const step of list) {
      const waitFor = ends.filter((_, j) => !(sideBySide && step.alongside?.includes(list[j].name)));
      ends.push(Promise.all(waitFor).then(() => runOne(step)));
    }
    await Promise.all(ends);
    if (fatal) throw fatal.error;
  };
  try {
    if (!settings.connection) throw new SyncError('NOT_CONFIGURED', TEXT.notConfigured);
    const connection = (o.createApi ?? defaultCreateApi)(settings);
    api = connection;
    await checkAdministration(db, settings, connection);
    // Side by side only while detail reads wait on the network (REST): where the lists carry the
    // records whole (SOAP) the large answers are the work, and two at once only share the time.
    await runSteps(steps, !connection.capabilities.listsCarryDetails, (step) => {
      const log: StepLog = {
        step: step.name,
        fetched: 0,
        created: 0,
        updated: 0,
        unchanged: 0,
        failed: 0,
        requests: 0,
      };
      run.steps.push(log);
      // Its own count: steps side by side share the connection.
      const counter = countRequests(connection);
      return {
        ctx: {
          db,
          api: counter.api,
          settings,
          signal: halt.signal,
          now,
          trigger: o.trigger,
          log,
          progress: (done, total) => progress.update(step.name, done, total),
          problem: (p) => addProblem(run, { step: step.name, ...p }),
        },
        ended(durationMs) {
          log.requests = counter.count;
          log.durationMs = durationMs;
        },
      };
    });
    if (leaseLost) run.error = { kind: 'sync', code: 'LEASE_LOST', ...TEXT.leaseLost };
    run.result = stop.signal.aborted ? 'cancelled' : stepFailed ? 'failed' : run.problems.length > 0 ? 'warning' : 'ok';
    if (run.result !== 'cancelled') await setConnectionState(db, { checkedAt: now() });
  } catch (e) {
    if (isAbort(e) || (stop.signal.aborted && !isEBoekhoudenError(e))) {
      run.result = 'cancelled';
    } else {
      run.result = 'failed';
      const error = describeError(e);
      run.error = error;
      if (isEBoekhoudenError(e) && e.kind === 'auth') {
        await setConnectionState(db, {
          status: 'needsReconnect',
          message: text(error.key, error.params),
          checkedAt: now(),
        });
      }
    }
  } finally {
    clearInterval(renewal);
    o.signal?.removeEventListener('abort', onCancel);
    stop.signal.removeEventListener('abort', onStop);
    inRunOrder(run, order);
    await api?.close().catch(() => undefined);
    run.endedAt = now();
    if (run.result === 'cancelled' && !run.error)
      run.error = { kind: 'cancelled', code: 'CANCELLED', ...TEXT.cancelled };
    await db.syncLog.put({ ...run });
    await progress.finish();
    await trimLog(db);
  }
  return run;
}

function endsTheRun(e: unknown): boolean {
  return e instanceof SyncError || concernsTheConnection(e);
}

function addProblem(run: SyncRun, p: Problem): void {
  if (run.problems.length < MAX_PROBLEMS) run.problems.push(p);
  else if (run.problems.length === MAX_PROBLEMS) {
    run.problems.push({ step: p.step, code: 'MORE', ...TEXT.moreProblems });
  }
}

/** Steps side by side end in any order: the log lists them, and their problems, in run order. */
function inRunOrder(run: SyncRun, order: readonly string[]): void {
  const at = (step: string) => order.indexOf(step);
  run.steps.sort((a, b) => at(a.step) - at(b.step));
  const more = run.problems.findIndex((p) => p.code === 'MORE');
  const kept = more < 0 ? run.problems : run.problems.slice(0, more);
  kept.sort((a, b) => at(a.step) - at(b.step));
  if (more >= 0) run.problems = [...kept, ...run.problems.slice(more)];
}

export type { SyncRun };
