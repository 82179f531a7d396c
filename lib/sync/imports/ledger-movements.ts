/**
 * The overview's numbers: every ledger account's movement per calendar month, one request per
 * month (REST `GET /v1/ledger/balances?from&to`, SOAP `GetSaldi` with DatumVan/DatumTot), plus the
 * balances at the end of the month before the window, so cash and bank can be drawn at every month end.
 *
 * All 24 months on the first run, on a run the person starts with "re-read everything" (trigger
 * 'refresh'), and for months never read; otherwise only the months that can still change: the current
 * and the previous one (2 requests). Months are written one by one, so an interrupted run keeps what it read.
 */
import { LEDGER_MOVEMENTS_STEP as STEP, type LedgerMonthRow, type LedgerMovementsCursor } from '../../db';
import type { LedgerMovement } from '../../eboekhouden/types';
import { addMonths, firstDay, lastDay, monthAt, monthsUpTo } from '../../workspace/months';
import type { StepContext, SyncStep } from '../step';
import { readCursor, throwIfAborted, writeCursor } from './common';

export const OVERVIEW_MONTHS = 24;
/** Months re-read on an ordinary run: the current one and the one before (late bookings). */
const OPEN_MONTHS = 2;

export const importLedgerMovements: SyncStep = {
  name: STEP,
  enabled: (s) => s.imports.ledgerAccounts,
  async run(ctx) {
    const { db } = ctx;
    const now = ctx.now();
    const window = monthsUpTo(monthAt(now), OVERVIEW_MONTHS);
    const stored = await readCursor<LedgerMovementsCursor>(db, STEP);
    const full = !stored || ctx.trigger === 'refresh';
    const cursor: LedgerMovementsCursor = full ? { readAt: {} } : structuredClone(stored);
    const open = new Set(window.slice(-OPEN_MONTHS));
    const toRead = window.filter((m) => full || open.has(m) || cursor.readAt[m] === undefined);

    const openingMonth = addMonths(window[0], -1);
    if (full || cursor.openingMonth !== openingMonth) {
      const balances = await ctx.api.periodBalances({ to: lastDay(openingMonth) });
      ctx.log.fetched += balances.length;
      cursor.openingMonth = openingMonth;
      cursor.opening = Object.fromEntries(balances.map((b) => [b.code, { category: b.category, cents: b.cents }]));
      cursor.openingReadAt = ctx.now();
      await writeCursor(db, STEP, cursor, ctx.now());
    }

    for (const [i, month] of toRead.entries()) {
      throwIfAborted(ctx.signal);
      const movements = await ctx.api.periodBalances({ from: firstDay(month), to: lastDay(month) });
      ctx.log.fetched += movements.length;
      await saveMonth(ctx, month, movements, cursor);
      ctx.progress(i + 1, toRead.length);
    }
    // Months that left the window are no longer shown: drop them, so the table stays 24 months.
    await db.transaction('rw', db.ledgerMonths, db.cursors, async () => {
      await db.ledgerMonths.where('month').below(window[0]).delete();
      for (const m of Object.keys(cursor.readAt)) if (m < window[0]) delete cursor.readAt[m];
      await writeCursor(db, STEP, cursor, ctx.now());
    });
  },
};

async function saveMonth(
  ctx: StepContext,
  month: string,
  movements: LedgerMovement[],
  cursor: LedgerMovementsCursor,
): Promise<void> {
  const { db } = ctx;
  const readAt = ctx.now();
  const rows: LedgerMonthRow[] = movements
    .filter((m) => m.cents !== 0)
    .map((m) => ({ key: `${month}|${m.code}`, month, code: m.code, category: m.category, cents: m.cents, readAt }));
  await db.transaction('rw', db.ledgerMonths, db.cursors, async () => {
    const before = new Map((await db.ledgerMonths.where('month').equals(month).toArray()).map((r) => [r.code, r]));
    for (const r of rows) {
      const e = before.get(r.code);
      if (!e) ctx.log.created++;
      else if (e.cents === r.cents && e.category === r.category) ctx.log.unchanged++;
      else ctx.log.updated++;
    }
    const gone = [...before.keys()].filter((code) => !rows.some((r) => r.code === code));
    ctx.log.updated += gone.length;
    await db.ledgerMonths.bulkDelete(gone.map((code) => `${month}|${code}`));
    await db.ledgerMonths.bulkPut(rows);
    cursor.readAt[month] = readAt;
    await writeCursor(db, STEP, cursor, ctx.now());
  });
}
