/**
 * Reads the overview from the workspace database: the month figures (overview.ts), debtors and
 * creditors (overview-open-items.ts); a month's revenue drill-down is in overview-drill.ts. The
 * page calls these; it never sums itself.
 */
import { LEDGER_MOVEMENTS_STEP, type LedgerMovementsCursor, type WorkspaceDb } from '../db';
import { monthAt, type MonthKey } from './months';
import { overviewFigures, type OverviewFigures } from './overview';
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
