/**
 * Debtors and creditors for the overview: what is outstanding, what is overdue (past the invoice date
 * plus the relation's term of payment), and by age of the invoice in the data page's buckets
 * (0–30, 31–60, 61–90, over 90 days). Whole cents. A small stand-in: the payment states of
 * lib/workspace/payments* (another branch) may take this over.
 */
import type { OpenItemRow } from '../db';

/** When a relation's term of payment is not known locally (a supplier, an old item). */
export const DEFAULT_TERM_DAYS = 30;

export interface OpenItemsSummary {
  count: number;
  total: number;
  overdue: number;
  overdueCount: number;
  /** 0–30, 31–60, 61–90, over 90 days since the invoice date. */
  buckets: [number, number, number, number];
  /** The latest time these items were seen in e-Boekhouden (ms). */
  seenAt?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const dayNumber = (date: string) => Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS);

/** `today` is YYYY-MM-DD; `terms` maps a relation code to its term of payment in days. */
export function summariseOpenItems(
  rows: OpenItemRow[],
  side: OpenItemRow['side'],
  today: string,
  terms: ReadonlyMap<string, number> = new Map(),
): OpenItemsSummary {
  const out: OpenItemsSummary = { count: 0, total: 0, overdue: 0, overdueCount: 0, buckets: [0, 0, 0, 0] };
  const now = dayNumber(today);
  for (const r of rows) {
    if (r.side !== side || !r.open) continue;
    const cents = Math.round(r.outstanding * 100);
    const age = now - dayNumber(r.date);
    out.count++;
    out.total += cents;
    out.buckets[age <= 30 ? 0 : age <= 60 ? 1 : age <= 90 ? 2 : 3] += cents;
    if (age > (terms.get(r.relationCode) ?? DEFAULT_TERM_DAYS)) {
      out.overdue += cents;
      out.overdueCount++;
    }
    if (out.seenAt === undefined || r.seenAt > out.seenAt) out.seenAt = r.seenAt;
  }
  return out;
}
