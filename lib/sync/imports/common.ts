/**
 * Helpers the import steps share: cursors, paging with a look-ahead, bounded concurrency, which
 * errors stop a run, and turning rejected upstream records into problems.
 */
import type { Table } from 'dexie';
import type { WorkspaceDb } from '../../db';
import { concernsTheConnection, isEBoekhoudenError } from '../../eboekhouden/errors';
import type { Page } from '../../eboekhouden/types';
import type { StepContext } from '../step';
import { TEXT, WHAT } from '../texts';
import { sameFields } from '../mapping';

export const DETAIL_CONCURRENCY = 6;

export async function readCursor<T>(db: WorkspaceDb, step: string): Promise<T | undefined> {
  return (await db.cursors.get(step))?.value as T | undefined;
}

/** Call inside the transaction that writes the page the cursor describes. */
export async function writeCursor(db: WorkspaceDb, step: string, value: unknown, now: number): Promise<void> {
  await db.cursors.put({ step, value, updatedAt: now });
}

/**
 * Errors that concern the connection as a whole (credentials, reachability, quota): they stop
 * the step and the run. Anything else while reading one record is that record's problem.
 */
export function concernsMoreThanTheRecord(e: unknown): boolean {
  if (!isEBoekhoudenError(e)) return e instanceof Error && e.name === 'AbortError';
  return concernsTheConnection(e);
}

/** e-Boekhouden's "not found" for one record (REST 404, SOAP REL_055 / ART_001): deleted upstream between list and read. */
export function isGoneUpstream(e: unknown): boolean {
  return isEBoekhoudenError(e) && (e.status === 404 || e.code === 'REL_055' || e.code === 'ART_001');
}

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) {
    const e = new Error('The sync was cancelled');
    e.name = 'AbortError';
    throw e;
  }
}

/** Runs `fn` over `items` with at most `limit` at a time, in order of completion. Stops early on abort. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: unknown;
  async function worker() {
    while (failure === undefined && next < items.length && !signal.aborted) {
      const i = next++;
      try {
        results[i] = await fn(items[i]);
      } catch (e) {
        failure ??= e;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== undefined) throw failure;
  throwIfAborted(signal);
  return results;
}

/**
 * Walks a paged listing with a one-page look-ahead: while `store` writes page N, the request for
 * page N+1 is already under way, so the run waits for the slower of the two instead of their sum.
 * Pages reach `store` one at a time and in order, so a cursor written with page N still means
 * "everything up to N is stored". At most two pages are held: the one being stored and the one
 * fetched ahead.
 *
 * A cancel is checked as each page arrives: a page already being stored is finished, one fetched
 * ahead is dropped (the next run reads it again from the cursor). A failed look-ahead fetch is
 * thrown once the page before it is stored, as it would have been without the look-ahead.
 * Whatever the exit, no request of the listing is still running when this returns.
 */
export async function forEachPage<T>(
  pages: AsyncIterable<Page<T>>,
  signal: AbortSignal,
  /** `next`: the page fetched ahead once it is there (undefined after the last or if its request failed). */
  store: (page: Page<T>, next: Promise<Page<T> | undefined>) => Promise<void>,
): Promise<void> {
  const it = pages[Symbol.asyncIterator]();
  let ahead: Promise<IteratorResult<Page<T>>> = it.next();
  let finished = false;
  try {
    for (;;) {
      const r = await ahead;
      if (r.done) {
        finished = true;
        return;
      }
      throwIfAborted(signal);
      ahead = it.next();
      // Awaited on the next turn; until then a rejection must not count as unhandled.
      const next = ahead.then(
        (n) => (n.done ? undefined : n.value),
        () => undefined,
      );
      await store(r.value, next);
    }
  } finally {
    if (!finished) {
      // Stopped early (a cancel, a failed write): let the request fetched ahead finish, so none
      // outlives the step (the engine closes the session next, and counts requests per step);
      // then close the listing. A cancel waited for the request in flight before the look-ahead too.
      await ahead.catch(() => undefined);
      await it.return?.()?.catch(() => undefined);
    }
  }
}

/**
 * Page writes that trail one page behind, so that writing page N overlaps the detail reads of
 * page N+1. IndexedDB runs a read made after a write only once that write has committed, so the
 * write of page N is held until page N+1's stored rows have been read (`flush`). Writes run one at
 * a time, in page order.
 */
export function trailingWrites() {
  let last: Promise<void> = Promise.resolve();
  let held: (() => Promise<void>) | undefined;
  const flush = async (): Promise<void> => {
    if (!held) return;
    const write = held;
    held = undefined;
    await last; // the previous write's failure stops here, before another write starts
    last = write();
    // Awaited by the next flush or by drain; until then a failure must not count as unhandled.
    last.catch(() => undefined);
  };
  return {
    /** This page's write, to start at the next flush. */
    hold(write: () => Promise<void>): void {
      held = write;
    },
    /** Starts the held write (after the one before it) without waiting for it. */
    flush,
    /** Writes what is held and waits for every write; throws a failure. */
    async drain(): Promise<void> {
      await flush();
      await last;
    },
    /** The same when the step is failing already (a cancel, a lost connection): what was read is still stored. */
    async settle(): Promise<void> {
      await this.drain().catch(() => undefined);
    },
  };
}

export function logRejected(ctx: StepContext, page: Page<unknown>): void {
  for (const r of page.rejected ?? []) {
    ctx.log.failed++;
    ctx.problem({
      record: r.code ?? (r.id !== undefined ? String(r.id) : undefined),
      code: 'REJECTED',
      ...TEXT.rejected(r.message),
    });
  }
}

export function logTruncated(ctx: StepContext, page: Page<unknown>, what: keyof typeof WHAT): void {
  if (!page.truncated) return;
  ctx.problem({ code: 'TRUNCATED', ...TEXT.truncated(WHAT[what], page.truncated.received, page.truncated.limit) });
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Counts each incoming row as created, unchanged or updated against the stored one at the same
 * index (`stored[i]`, undefined when new), and returns the rows that need writing.
 */
export function changedRows<T extends object>(
  ctx: StepContext,
  stored: readonly (T | undefined)[],
  rows: readonly T[],
): T[] {
  return rows.filter((r, i) => {
    const e = stored[i];
    if (!e) ctx.log.created++;
    else if (sameFields(e, r)) ctx.log.unchanged++;
    else ctx.log.updated++;
    return !e || !sameFields(e, r);
  });
}

/**
 * Reads records in full, DETAIL_CONCURRENCY at a time. A record that fails is a problem and left
 * out; ids that no longer exist upstream are handed to `markGone`. Auth and similar errors stop the run.
 */
export async function readDetails<T>(
  ctx: StepContext,
  ids: readonly number[],
  get: (id: number) => Promise<T>,
  markGone: (ids: number[]) => Promise<void>,
  onRead?: () => void,
): Promise<T[]> {
  const gone: number[] = [];
  const read = await mapLimit(ids, DETAIL_CONCURRENCY, ctx.signal, async (id) => {
    try {
      return { record: await get(id) };
    } catch (e) {
      if (concernsMoreThanTheRecord(e)) throw e;
      if (isGoneUpstream(e)) gone.push(id);
      else {
        ctx.log.failed++;
        ctx.problem({
          record: String(id),
          code: 'REJECTED',
          ...TEXT.rejected(e instanceof Error ? e.message : String(e)),
        });
      }
      return undefined;
    } finally {
      onRead?.();
    }
  });
  if (gone.length) await markGone(gone);
  return read.flatMap((r) => (r ? [r.record] : []));
}

/**
 * Rows whose `remoteId` is in `ids`, read as one key range. fake-indexeddb (and, less so, real
 * IndexedDB) walks `anyOf` with one cursor jump per key, which is very slow for large pages;
 * a range read of a page's ids (which arrive in id order) is one request.
 */
export async function rowsByRemoteId<T extends { remoteId?: number }>(
  table: Table<T>,
  ids: readonly number[],
): Promise<T[]> {
  if (ids.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const id of ids) {
    if (id < min) min = id;
    if (id > max) max = id;
  }
  const want = new Set(ids);
  const rows = await table.where('remoteId').between(min, max, true, true).toArray();
  return rows.filter((r) => r.remoteId !== undefined && want.has(r.remoteId));
}
