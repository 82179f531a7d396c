/**
 * The export outbox: one entry per record to create in e-Boekhouden, with a state
 * (pending → sending → done | failed). This module is the state machine; the kinds
 * (relations, invoices) only say how to look a record up, how to send it and what to mark
 * locally once it is there.
 *
 * Exactly once: 'sending' is saved BEFORE the request. An entry still in 'sending' (the worker
 * died, the run was killed), a send whose outcome is unknown (timeout, dropped connection,
 * a 5xx) and a duplicate reported by e-Boekhouden are all resolved by a lookup first: found →
 * done, not found → send again.
 *
 * An HTTP 4xx answer means the request was refused as a whole and nothing was processed: no
 * lookup, no blind resend. A body too large for the proxy, or any other such refusal, fails the
 * entry with what to change; the proxy's refusals about the setup (proxy token, allowed
 * extensions, proxy address) would refuse every entry alike, so the entries stay pending and
 * this run of the kind stops with one message saying what to change.
 */
import type { OutboxEntry, WorkspaceDb } from '../../db';
import type { StepContext } from '../step';
import { isDuplicate, isEBoekhoudenError, type EBoekhoudenError } from '../../eboekhouden/errors';
import type { Notice } from '../../workspace/invoice-builder';
import { PROXY_ERROR_CODES } from '../../eboekhouden/http';
import { text, type Text } from '../../i18n/translate';
import {
  blockedMessage,
  blockingError,
  errorInfo,
  mayHaveBeenProcessed,
  ourError,
  refusedUnprocessed,
} from './outbox-errors';
// Puts texts of the whole catalogue into words (the popup loads it later).
import '../../i18n/catalogue';

export type Remote = NonNullable<OutboxEntry['remote']>;

/** found: it is there and it is ours (with a warning when something about it looks off). */
export type LookupResult = { found: true; remote: Remote; warning?: Notice } | { found: false } | { conflict: Notice };

/** One kind of export, typed by its entries (relations send a NewRelation, invoices a NewInvoice). */
export interface ExportKind<E extends OutboxEntry = OutboxEntry> {
  kind: E['kind'];
  /** Look the entry's record up in e-Boekhouden (by invoice number / relation code). */
  lookup(entry: E, ctx: StepContext): Promise<LookupResult>;
  send(entry: E, ctx: StepContext): Promise<Remote>;
  /** Mark the local record exported; runs inside the transaction that marks the entry done. */
  markSource(db: WorkspaceDb, entry: E, remote: Remote, at: number): Promise<void>;
  /** Check remotely before the very first send (relation codes must be free). */
  lookupBeforeFirstSend: boolean;
  /** The record's name in problems. */
  label(entry: E): Text;
}

/** Sends per entry per run; an entry that keeps failing in the unknown way waits for the next run. */
const MAX_SENDS_PER_RUN = 3;
/** After this many entries in a row that could not be resolved, e-Boekhouden is struggling: stop for now. */
const MAX_TRANSIENT_IN_A_ROW = 5;

/** blocked: the setup refuses every request (see `blockingError`); the run of this kind stops. */
export type Outcome = 'done' | 'failed' | 'left' | 'limited' | 'blocked';

async function markDone<E extends OutboxEntry>(
  ctx: StepContext,
  k: ExportKind<E>,
  entry: E,
  remote: Remote,
): Promise<void> {
  const db = ctx.db;
  const at = ctx.now();
  await db.transaction('rw', [db.outbox, db.customers, db.workOrders, db.invoices], async () => {
    await db.outbox.update(entry.id!, { state: 'done', remote, sendingSince: undefined, updatedAt: at });
    await k.markSource(db, entry, remote, at);
  });
}

async function markFailed(
  ctx: StepContext,
  entry: OutboxEntry,
  lastError: NonNullable<OutboxEntry['lastError']>,
): Promise<void> {
  await ctx.db.outbox.update(entry.id!, { state: 'failed', lastError, sendingSince: undefined, updatedAt: ctx.now() });
}

async function markPending(ctx: StepContext, entry: OutboxEntry, lastError?: OutboxEntry['lastError']): Promise<void> {
  await ctx.db.outbox.update(entry.id!, {
    state: 'pending',
    sendingSince: undefined,
    updatedAt: ctx.now(),
    ...(lastError ? { lastError } : {}),
  });
}

/**
 * Drives one entry as far as it can go in this run. Auth errors and anything unexpected are
 * rethrown; `blocked` hears the refusal behind a 'blocked' outcome.
 */
export async function processEntry<E extends OutboxEntry>(
  ctx: StepContext,
  k: ExportKind<E>,
  start: E,
  blocked: (e: EBoekhoudenError) => void = () => undefined,
): Promise<Outcome> {
  const label = k.label(start);
  let entry = start;
  let needsLookup = entry.state === 'sending' || (k.lookupBeforeFirstSend && entry.attempts === 0);
  let duplicateReported = false;
  let sends = 0;

  for (;;) {
    if (needsLookup) {
      let result: LookupResult;
      try {
        result = await k.lookup(entry, ctx);
      } catch (e) {
        if (!isEBoekhoudenError(e) || e.kind === 'auth') throw e;
        // Could not look it up now: the entry keeps its state ('sending' stays unknown) for the next run.
        if (e.kind === 'limit') return 'limited';
        if (blockingError(e)) {
          blocked(e);
          return 'blocked';
        }
        return 'left';
      }
      if ('conflict' in result) {
        await markFailed(ctx, entry, ourError(result.conflict));
        ctx.problem({ ...result.conflict, record: label });
        return 'failed';
      }
      if (result.found) {
        await markDone(ctx, k, entry, { ...result.remote, foundByLookup: true });
        if (result.warning) ctx.problem({ ...result.warning, record: label });
        return 'done';
      }
      if (duplicateReported) {
        const notFound: Notice = {
          code: 'DUPLICATE_NOT_FOUND',
          ...text('export.duplicateNotFound', { record: label }),
        };
        await markFailed(ctx, entry, ourError(notFound));
        ctx.problem({ ...notFound, record: label });
        return 'failed';
      }
    }

    if (sends >= MAX_SENDS_PER_RUN) {
      // The last lookup said it is not there: safe to send again next run.
      await markPending(ctx, entry);
      return 'left';
    }
    sends += 1;
    const sendingSince = ctx.now();
    await ctx.db.outbox.update(entry.id!, {
      state: 'sending',
      sendingSince,
      attempts: entry.attempts + 1,
      updatedAt: sendingSince,
    });
    entry = { ...entry, state: 'sending', sendingSince, attempts: entry.attempts + 1 };

    try {
      const remote = await k.send(entry, ctx);
      await markDone(ctx, k, entry, remote);
      return 'done';
    } catch (e) {
      // Anything that is not an e-Boekhouden error (a bug, the worker dying) leaves the entry in
      // 'sending': its outcome is unknown and the next run looks it up first.
      if (!isEBoekhoudenError(e)) throw e;
      if (e.kind === 'auth') {
        await markPending(ctx, entry, errorInfo(e));
        throw e;
      }
      if (isDuplicate(e)) {
        duplicateReported = true;
        needsLookup = true;
        continue;
      }
      if (mayHaveBeenProcessed(e)) {
        await ctx.db.outbox.update(entry.id!, { lastError: errorInfo(e), updatedAt: ctx.now() });
        needsLookup = true;
        continue;
      }
      if (e.code === PROXY_ERROR_CODES.tooLarge) {
        await markFailed(ctx, entry, errorInfo(e));
        ctx.problem({ record: label, code: e.code, ...text('export.tooLarge', { record: label }) });
        return 'failed';
      }
      if (blockingError(e)) {
        // Refused before anything was processed, so the entry can simply wait for the setup to be fixed.
        await markPending(ctx, entry, errorInfo(e));
        blocked(e);
        return 'blocked';
      }
      if (refusedUnprocessed(e) && e.kind === 'upstream') {
        // Any other 4xx: refused as a whole, so resending or looking up would only get the same answer.
        await markFailed(ctx, entry, errorInfo(e));
        ctx.problem({
          record: label,
          code: e.code ?? `HTTP_${e.status}`,
          ...text('export.refusedUnprocessed', { record: label, status: e.status ?? '?', message: e.message }),
        });
        return 'failed';
      }
      if (e.kind === 'validation') {
        await markFailed(ctx, entry, errorInfo(e));
        const code = e.code ? ` [${e.code}]` : '';
        ctx.problem({
          record: label,
          code: e.code,
          ...text('export.refused', { record: label, code, message: e.message }),
        });
        return 'failed';
      }
      // limit or session: e-Boekhouden did not process it.
      await markPending(ctx, entry, errorInfo(e));
      return e.kind === 'limit' ? 'limited' : 'left';
    }
  }
}

/** Requests in flight at once: a little parallelism hides slow answers without hammering e-Boekhouden. */
export const SEND_CONCURRENCY = 3;

/** Resolves every pending or unknown ('sending') entry of one kind, oldest first. */
export async function processOutbox<E extends OutboxEntry>(
  ctx: StepContext,
  k: ExportKind<E>,
  concurrency = SEND_CONCURRENCY,
): Promise<void> {
  const entries = (
    await ctx.db.outbox
      .where('state')
      .anyOf('pending', 'sending')
      .filter((e) => e.kind === k.kind)
      .toArray()
  )
    .filter((e): e is E => e.kind === k.kind)
    .sort((a, b) => a.id! - b.id!);
  const total = entries.length;
  let next = 0;
  let done = 0;
  let left = 0;
  let inARow = 0;
  let stop = false;
  let stoppedByLimit = false;
  let blockedBy: EBoekhoudenError | undefined;
  ctx.progress(0, total);

  async function worker(): Promise<void> {
    while (!stop && next < entries.length) {
      ctx.signal.throwIfAborted();
      const entry = entries[next++];
      let outcome: Outcome;
      try {
        outcome = await processEntry(ctx, k, entry, (e) => (blockedBy ??= e));
      } catch (e) {
        stop = true;
        throw e;
      }
      if (outcome === 'done') ctx.log.created += 1;
      if (outcome === 'failed') ctx.log.failed += 1;
      if (outcome === 'left' || outcome === 'limited' || outcome === 'blocked') {
        left += 1;
        inARow += 1;
      } else {
        inARow = 0;
      }
      ctx.progress(++done, total);
      if (outcome === 'limited') stoppedByLimit = true;
      if (outcome === 'limited' || outcome === 'blocked' || inARow >= MAX_TRANSIENT_IN_A_ROW) stop = true;
    }
  }
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, total)) }, () => worker());
  // Let every worker finish its current entry before reporting the first error, so no entry is
  // left mid-transition by this run's own bookkeeping.
  const settled = await Promise.allSettled(workers);
  const failure = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;

  const waiting = total - done + left;
  ctx.log.unchanged += waiting;
  if (waiting > 0) {
    const what = text(k.kind === 'invoice' ? 'export.what.invoices' : 'export.what.customers');
    if (blockedBy) {
      ctx.problem({ code: blockedBy.code ?? 'EXPORT_REFUSED', ...blockedMessage(blockedBy, what) });
      return;
    }
    ctx.problem({
      code: stoppedByLimit ? 'EXPORT_LIMITED' : 'EXPORT_DEFERRED',
      ...text(stoppedByLimit ? 'export.limited' : 'export.deferred', { count: waiting, what }),
    });
  }
}
