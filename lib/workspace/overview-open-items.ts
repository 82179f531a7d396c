/**
 * Debtors and creditors for the overview: what is outstanding, what is past its due date, and the
 * ageing by days past the due date (0–30, 31–60, 61–90, over 90; not yet due counts as 0–30).
 * Whole cents. Debtors are To collect's own figures (payments/: the same payment states, terms and
 * ageingTotals), so the two pages cannot disagree; creditors use the same due-date and bucket rule.
 */
import type { OpenItemRow } from '../db';
import { ageingTotals, type AgeingTotals } from './payments/ageing';
import { overdueSummary, toCollect } from './payments/collect';
import type { PaymentOverview } from './payments/overview';
import { daysBetween, dueDate, toCents } from './payments/state';

/** When a supplier's term of payment is not known locally. */
export const DEFAULT_TERM_DAYS = 30;

export interface OpenItemsSummary {
  count: number;
  total: number;
  overdue: number;
  overdueCount: number;
  /** Cents and count per bucket of days past the due date. */
  buckets: AgeingTotals['buckets'];
  /** When these items were read from e-Boekhouden (ms). */
  seenAt?: number;
}

function summary(ageing: AgeingTotals, overdue: { count: number; cents: number }, seenAt?: number): OpenItemsSummary {
  return {
    count: ageing.count,
    total: ageing.totalCents,
    overdue: overdue.cents,
    overdueCount: overdue.count,
    buckets: ageing.buckets,
    seenAt,
  };
}

/** The debtors: exactly what To collect lists and totals. */
export function debtorsSummary(payments: PaymentOverview): OpenItemsSummary {
  return summary(ageingTotals(toCollect(payments.invoices)), overdueSummary(payments.invoices), payments.asOf);
}

/**
 * The creditors: due = invoice date + the supplier's term (`terms` by relation code, else
 * DEFAULT_TERM_DAYS). `today` is YYYY-MM-DD. Items no longer open or with nothing left are skipped.
 */
export function creditorsSummary(
  rows: readonly OpenItemRow[],
  today: string,
  terms: ReadonlyMap<string, number> = new Map(),
): OpenItemsSummary {
  const owed: { daysOverdue: number; left: number }[] = [];
  const overdue = { count: 0, cents: 0 };
  let seenAt: number | undefined;
  for (const r of rows) {
    if (r.side !== 'creditors' || !r.open) continue;
    if (seenAt === undefined || r.seenAt > seenAt) seenAt = r.seenAt;
    const left = toCents(r.outstanding);
    if (left === 0) continue;
    const due = dueDate(r.date, terms.get(r.relationCode) ?? DEFAULT_TERM_DAYS);
    const daysOverdue = due === undefined ? 0 : Math.max(0, daysBetween(due, today));
    owed.push({ daysOverdue, left });
    if (daysOverdue > 0) {
      overdue.count += 1;
      overdue.cents += left;
    }
  }
  return summary(ageingTotals(owed), overdue, seenAt);
}
