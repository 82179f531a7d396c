/**
 * A month's revenue drill-down: the revenue ledgers of that month (from ledgerMonths: small, shown
 * at once) and the bookings behind them (from transactions). `transactions` has no date index (each
 * index costs every one of the large seed's 60,000 import writes), so the bookings are found in one
 * pass over the table in primary-key pages: getAll-sized reads instead of one cursor step per record,
 * each page handed to the page as it comes, and stopped when the person closes the drill-down.
 * That pass also learns which bookings fall in which month, so the next month opened is a bulkGet of
 * its ids, until the transactions change (in this page or the worker's sync: Dexie's storagemutated).
 */
import Dexie from 'dexie';
import { LEDGER_MOVEMENTS_STEP, type LedgerMovementsCursor, type Transaction, type WorkspaceDb } from '../db';
import { firstDay, lastDay, type MonthKey } from './months';
import { kindOfRow } from './overview';

export interface RevenueLedger {
  code: string;
  description: string;
  /** Credit positive, cents. */
  revenue: number;
}

export interface RevenueTransaction {
  remoteId: number;
  date: string;
  description?: string;
  invoiceNumber?: string;
  relationCode?: string;
  /** The part on revenue accounts (credit positive, cents) when the lines are known; else undefined. */
  revenue?: number;
  /** The mutation's own amount (cents) as e-Boekhouden lists it, when the lines are not known (REST lists). */
  amount?: number;
}

export interface RevenueLedgers {
  month: MonthKey;
  ledgers: RevenueLedger[];
  /** Every revenue account code: the ledgers of the month and the chart of accounts' revenue accounts. */
  revenueCodes: ReadonlySet<string>;
  readAt?: number;
}

export interface RevenueDrillDown extends Omit<RevenueLedgers, 'revenueCodes'> {
  transactions: RevenueTransaction[];
}

/** Sales invoices and money received book revenue; their lines say how much, when the list carries lines. */
const REVENUE_TYPES = new Set([2, 5]);
/** Records per read: large enough that the reads' own cost is small, small enough to show progress. */
const PAGE = 5000;

export async function readRevenueLedgers(db: WorkspaceDb, month: MonthKey): Promise<RevenueLedgers> {
  const [rows, accounts, cursor] = await Promise.all([
    db.ledgerMonths.where('month').equals(month).toArray(),
    db.ledgerAccounts.toArray(),
    db.cursors.get(LEDGER_MOVEMENTS_STEP),
  ]);
  const names = new Map(accounts.map((a) => [a.code, a.description]));
  const revenueRows = rows.filter((r) => kindOfRow(r) === 'revenue');
  const revenueCodes = new Set(revenueRows.map((r) => r.code));
  for (const a of accounts) if (kindOfRow(a) === 'revenue') revenueCodes.add(a.code);
  const ledgers = revenueRows
    .map((r) => ({ code: r.code, description: names.get(r.code) ?? '', revenue: 0 - r.cents }))
    .sort((a, b) => b.revenue - a.revenue);
  const readAt = (cursor?.value as LedgerMovementsCursor | undefined)?.readAt[month];
  return { month, ledgers, revenueCodes, readAt };
}

export interface TransactionsProgress {
  /** The month's revenue bookings found so far, by date. */
  found: RevenueTransaction[];
  done: boolean;
}

/**
 * The month's bookings on revenue accounts, by date (then id). `onProgress` gets what is found after
 * each page; an aborted `signal` ends the pass early with an AbortError.
 */
/** The ids of the bookings per month, as the last complete pass over `transactions` found them. */
let known: { db: WorkspaceDb; byMonth: Map<MonthKey, number[]> } | undefined;
/** Counts the changes to `transactions`: a pass that saw one while it ran learns nothing. */
let changes = 0;
let watching = false;

function watchTransactions(): void {
  if (watching) return;
  watching = true;
  Dexie.on('storagemutated', (parts) => {
    if (Object.keys(parts).some((part) => /^idb:\/\/[^/]+\/transactions\//.test(part))) {
      changes += 1;
      known = undefined;
    }
  });
}

function revenueByDate(a: RevenueTransaction, b: RevenueTransaction): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.remoteId - b.remoteId;
}

/**
 * The month's bookings on revenue accounts, by date (then id). `onProgress` gets what is found after
 * each page; an aborted `signal` ends the pass early with an AbortError.
 */
export async function readRevenueTransactions(
  db: WorkspaceDb,
  month: MonthKey,
  revenueCodes: ReadonlySet<string>,
  o: { onProgress?: (p: TransactionsProgress) => void; signal?: AbortSignal; pageSize?: number } = {},
): Promise<RevenueTransaction[]> {
  watchTransactions();
  const [from, to] = [firstDay(month), lastDay(month)];
  const found: RevenueTransaction[] = [];
  const take = (m: Transaction | undefined) => {
    if (!m || m.date < from || m.date.slice(0, 10) > to) return;
    const line = revenueOf(m, revenueCodes);
    if (line !== undefined) found.push(line);
  };
  if (known?.db === db) {
    (await db.transactions.bulkGet(known.byMonth.get(month) ?? [])).forEach(take);
    found.sort(revenueByDate);
    o.onProgress?.({ found: [...found], done: true });
    return found;
  }
  const startedAt = changes;
  const byMonth = new Map<MonthKey, number[]>();
  const size = o.pageSize ?? PAGE;
  let after = -Infinity;
  for (;;) {
    o.signal?.throwIfAborted();
    const page: Transaction[] = await db.transactions.where(':id').above(after).limit(size).toArray();
    for (const m of page) {
      const ids = byMonth.get(m.date.slice(0, 7));
      if (ids) ids.push(m.remoteId);
      else byMonth.set(m.date.slice(0, 7), [m.remoteId]);
      take(m);
    }
    const done = page.length < size;
    found.sort(revenueByDate);
    o.onProgress?.({ found: [...found], done });
    if (done) break;
    after = page[page.length - 1].remoteId;
  }
  if (changes === startedAt) known = { db, byMonth };
  return found;
}

export async function readRevenueDrillDown(db: WorkspaceDb, month: MonthKey): Promise<RevenueDrillDown> {
  const { revenueCodes, ...ledgers } = await readRevenueLedgers(db, month);
  return { ...ledgers, transactions: await readRevenueTransactions(db, month, revenueCodes) };
}

function revenueOf(m: Transaction, revenueCodes: ReadonlySet<string>): RevenueTransaction | undefined {
  const base = {
    remoteId: m.remoteId,
    date: m.date.slice(0, 10),
    description: m.description,
    invoiceNumber: m.invoiceNumber,
    relationCode: m.relationCode,
  };
  if (m.lines?.length) {
    const sign = [2, 3, 5].includes(m.type) ? 1 : -1;
    let cents = 0;
    let hit = false;
    for (const l of m.lines) {
      if (!revenueCodes.has(l.ledgerCode)) continue;
      hit = true;
      const excl = l.amountExcl ?? (m.inExVat === 'IN' ? l.amount - (l.vatAmount ?? 0) : l.amount);
      cents +=
        m.type === 7 || m.type === 0 ? -Math.round((l.amountIncl ?? l.amount) * 100) : sign * Math.round(excl * 100);
    }
    return hit ? { ...base, revenue: cents } : undefined;
  }
  if (!REVENUE_TYPES.has(m.type)) return undefined;
  return { ...base, amount: m.amount === undefined ? undefined : Math.round(m.amount * 100) };
}
