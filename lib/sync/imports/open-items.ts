/**
 * Outstanding items, debtors and creditors. Each side's list replaces the open set: items no
 * longer listed (paid) are kept with `open: false`.
 *
 * Items only change when mutations do (an invoice or a payment is a mutation). So an alarm run
 * that imported no new mutations skips the lists when they were read less than an hour ago; the
 * hourly read catches mutations edited or deleted in e-Boekhouden's web pages, and a run the
 * person starts always reads them.
 */
import type { OpenItemRow } from '../../db';
import type { OpenItemSide } from '../../eboekhouden/types';
import { openItemToRow, sameFields } from '../mapping';
import type { StepContext, SyncStep } from '../step';
import { forEachPage, readCursor, throwIfAborted, logRejected, writeCursor } from './common';

const STEP = 'openItems';
const SIDES: OpenItemSide[] = ['debtors', 'creditors'];
export const OPEN_ITEMS_MAX_AGE_MS = 60 * 60 * 1000;

interface OpenItemsCursor {
  readAt: number;
  /** The transactions cursor when the lists were last read. */
  mutationsAfterId?: number;
}

export const importOpenItems: SyncStep = {
  name: STEP,
  // Needs no customers or products: runs while their detail reads wait on the network.
  alongside: ['customers', 'products'],
  enabled: (s) => s.imports.openItems,
  async run(ctx) {
    const { db } = ctx;
    const mutationsAfterId = ctx.settings.imports.transactions
      ? (await readCursor<{ afterId?: number }>(db, 'transactions'))?.afterId
      : undefined;
    const last = await readCursor<OpenItemsCursor>(db, STEP);
    const fresh =
      last !== undefined &&
      ctx.trigger === 'alarm' &&
      mutationsAfterId !== undefined &&
      last.mutationsAfterId === mutationsAfterId &&
      ctx.now() - last.readAt < OPEN_ITEMS_MAX_AGE_MS;
    if (fresh) return;
    const readAt = ctx.now();
    for (const side of SIDES) await importSide(ctx, side);
    await writeCursor(db, STEP, { readAt, mutationsAfterId } satisfies OpenItemsCursor, ctx.now());
  },
};

async function importSide(ctx: StepContext, side: OpenItemSide): Promise<void> {
  const { db, api } = ctx;
  const now = ctx.now();
  const listed = new Map<string, OpenItemRow>();
  // The whole side is written at once (it replaces the open set); the pages are only collected.
  await forEachPage(api.listOpenItems(side), ctx.signal, async (page) => {
    ctx.log.fetched += page.items.length;
    logRejected(ctx, page);
    for (const item of page.items) {
      const row = openItemToRow(item, now);
      listed.set(row.key, row);
    }
  });
  throwIfAborted(ctx.signal);
  await db.transaction('rw', db.openItems, async () => {
    // One read of this side (a cursor walk of a low-cardinality index is very slow in fake-indexeddb).
    const stored = new Map((await db.openItems.where('side').equals(side).toArray()).map((r) => [r.key, r]));
    const writes: OpenItemRow[] = [];
    for (const r of listed.values()) {
      const e = stored.get(r.key);
      if (!e) ctx.log.created++;
      else if (sameFields(e, { ...r, seenAt: e.seenAt })) {
        ctx.log.unchanged++;
        continue;
      } else ctx.log.updated++;
      writes.push(r);
    }
    for (const e of stored.values()) {
      if (e.open && !listed.has(e.key)) {
        ctx.log.updated++;
        writes.push({ ...e, open: false, seenAt: now });
      }
    }
    await db.openItems.bulkPut(writes);
  });
}
