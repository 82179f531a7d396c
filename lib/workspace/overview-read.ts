/**
 * Reads the overview from the workspace database: the month figures (overview.ts), debtors and
 * creditors (overview-open-items.ts), and a month's revenue drill-down (the ledgers and the
 * transactions behind it). The page calls these; it never sums itself.
 */
import {
  LEDGER_MOVEMENTS_STEP,
  type LedgerMonthRow,
  type LedgerMovementsCursor,
  type Transaction,
  type WorkspaceDb,
} from '../db';
import { firstDay, lastDay, monthAt, type MonthKey } from './months';
import { kindOfRow, overviewFigures, type OverviewFigures } from './overview';
import { creditorsSummary, debtorsSummary, type OpenItemsSummary } from './overview-open-items';
import { loadPaymentOverview } from './payments/overview';

export interface Overview extends OverviewFigures {
  /** The current month, YYYY-MM. */
  month: MonthKey;
}

export interface OpenItemsOverview {
  debtors: OpenItemsSummary;
  creditors: OpenItemsSummary;
}

/** The month figures: small (24 months × the accounts with movements), so the page paints them first. */
export async function readOverview(db: WorkspaceDb, now = Date.now()): Promise<Overview> {
  const month = monthAt(now);
  const [rows, cursor] = await Promise.all([db.ledgerMonths.toArray(), db.cursors.get(LEDGER_MOVEMENTS_STEP)]);
  const c = cursor?.value as LedgerMovementsCursor | undefined;
  const figures = overviewFigures({
    rows,
    opening: c?.opening,
    openingMonth: c?.openingMonth,
    readAt: c?.readAt ?? {},
    month,
  });
  return { ...figures, month };
}

/**
 * Debtors (the payment states To collect shows, from the debtors' open items) and creditors: every
 * open item is read (18,000 on the `large` seed), so this comes second.
 */
export async function readOpenItemsOverview(db: WorkspaceDb, now = Date.now()): Promise<OpenItemsOverview> {
  const [payments, creditorItems] = await Promise.all([
    loadPaymentOverview(db, now),
    db.openItems.where('side').equals('creditors').toArray(),
  ]);
  const open = creditorItems.filter((r) => r.open);
  // Only the suppliers with something open: their term of payment decides what is overdue.
  const codes = [...new Set(open.map((r) => r.relationCode))];
  const relations = await db.customers.where('code').anyOf(codes).toArray();
  const terms = new Map(relations.filter((r) => r.termOfPayment !== undefined).map((r) => [r.code, r.termOfPayment!]));
  return { debtors: debtorsSummary(payments), creditors: creditorsSummary(open, payments.today, terms) };
}

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

export interface RevenueDrillDown {
  month: MonthKey;
  ledgers: RevenueLedger[];
  transactions: RevenueTransaction[];
  readAt?: number;
}

/** Sales invoices and money received book revenue; their lines say how much, when the list carries lines. */
const REVENUE_TYPES = new Set([2, 5]);

export async function readRevenueDrillDown(db: WorkspaceDb, month: MonthKey): Promise<RevenueDrillDown> {
  const [rows, accounts, cursor] = await Promise.all([
    db.ledgerMonths.where('month').equals(month).toArray(),
    db.ledgerAccounts.toArray(),
    db.cursors.get(LEDGER_MOVEMENTS_STEP),
  ]);
  const names = new Map(accounts.map((a) => [a.code, a.description]));
  const revenueRows = rows.filter((r: LedgerMonthRow) => kindOfRow(r) === 'revenue');
  const revenueCodes = new Set(revenueRows.map((r) => r.code));
  for (const a of accounts) if (kindOfRow(a) === 'revenue') revenueCodes.add(a.code);
  const ledgers = revenueRows
    .map((r) => ({ code: r.code, description: names.get(r.code) ?? '', revenue: 0 - r.cents }))
    .sort((a, b) => b.revenue - a.revenue);

  const [from, to] = [firstDay(month), lastDay(month)];
  const inMonth = await db.transactions.filter((m) => m.date >= from && m.date.slice(0, 10) <= to).toArray();
  const transactions: RevenueTransaction[] = [];
  for (const m of inMonth) {
    const line = revenueOf(m, revenueCodes);
    if (line !== undefined) transactions.push(line);
  }
  transactions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.remoteId - b.remoteId));
  const readAt = (cursor?.value as LedgerMovementsCursor | undefined)?.readAt[month];
  return { month, ledgers, transactions, readAt };
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
