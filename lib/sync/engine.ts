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
import type { Page } from '../eboekhouden/types';
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
  const progress = createProgress(db, run, o.progressIntervalMs ?? 250);
  progress.publish({ step: undefined, done: 0 }, true);

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
  try {
    if (!settings.connection) throw new SyncError('NOT_CONFIGURED', TEXT.notConfigured);
    const counter = createRequestCounter((o.createApi ?? defaultCreateApi)(settings));
    api = counter.api;
    await checkAdministration(db, settings, api);

    for (const step of o.steps ?? ALL_STEPS) {
      if (stop.signal.aborted) break;
      if (!step.enabled(settings)) continue;
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
      const started = Date.now();
      const requestsBefore = counter.count;
      progress.publish({ step: step.name, done: 0, total: undefined }, true);
      const ctx: StepContext = {
        db,
        api,
        settings,
        signal: stop.signal,
        now,
        trigger: o.trigger,
        log,
        progress: (done, total) => progress.publish({ step: step.name, done, total }, false),
        problem: (p) => addProblem(run, { step: step.name, ...p }),
      };
      try {
        await step.run(ctx);
      } catch (e) {
        if (isAbort(e) || stop.signal.aborted) break;
        if (stopsRun(e)) throw e;
        // One step failing (e-Boekhouden refused a list, answered nonsense) does not stop the others.
        stepFailed = true;
        const text = describeError(e);
        addProblem(run, { step: step.name, code: text.code, ...TEXT.stepFailed(step.name, text) });
      } finally {
        log.requests = counter.count - requestsBefore;
        log.durationMs = Date.now() - started;
      }
    }
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

function stopsRun(e: unknown): boolean {
  return e instanceof SyncError || concernsTheConnection(e);
}

function addProblem(run: SyncRun, p: Problem): void {
  if (run.problems.length < MAX_PROBLEMS) run.problems.push(p);
  else if (run.problems.length === MAX_PROBLEMS) {
    run.problems.push({ step: p.step, code: 'MORE', ...TEXT.moreProblems });
  }
}

/** Counts calls to e-Boekhouden per step: one per method call, one per page of a listing. */
function createRequestCounter(inner: EBoekhouden): { api: EBoekhouden; readonly count: number } {
  const state = { count: 0 };
  const countPages = <T>(pages: AsyncIterable<Page<T>>): AsyncIterable<Page<T>> => ({
    [Symbol.asyncIterator]() {
      const it = pages[Symbol.asyncIterator]();
      return {
        next: async () => {
          const r = await it.next();
          if (!r.done) state.count++;
          return r;
        },
        return: async (v?: unknown) => (it.return ? it.return(v) : { done: true as const, value: v as never }),
      };
    },
  });
  const once =
    <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
    (...a: A) => {
      state.count++;
      return fn(...a);
    };
  const api: EBoekhouden = {
    kind: inner.kind,
    capabilities: inner.capabilities,
    open: () => inner.open(),
    close: () => inner.close(),
    listAdministrations: once(() => inner.listAdministrations()),
    listRelations: () => countPages(inner.listRelations()),
    getRelation: once((id: number) => inner.getRelation(id)),
    findRelationByCode: once((code: string) => inner.findRelationByCode(code)),
    createRelation: once((r) => inner.createRelation(r)),
    listProducts: () => countPages(inner.listProducts()),
    getProduct: once((id: number) => inner.getProduct(id)),
    listLedgerAccounts: () => countPages(inner.listLedgerAccounts()),
    // One per period; a REST split on LEDG_020 sends more, which this count does not see.
    periodBalances: once((p) => inner.periodBalances(p)),
    listMutations: (q) => countPages(inner.listMutations(q)),
    listOpenItems: (side) => countPages(inner.listOpenItems(side)),
    listInvoiceTemplates: () => countPages(inner.listInvoiceTemplates()),
    findInvoice: once((n: string) => inner.findInvoice(n)),
    createInvoice: once((i) => inner.createInvoice(i)),
  };
  return {
    api,
    get count() {
      return state.count;
    },
  };
}

export type { SyncRun };
