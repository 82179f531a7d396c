/**
 * Debtor ageing: what is still to collect, by days past the due date. An invoice not yet due
 * counts in the first bucket (0–30) with 0 days.
 */
export type AgeingBucket = '0-30' | '31-60' | '61-90' | '90+';
export const AGEING_BUCKETS: readonly AgeingBucket[] = ['0-30', '31-60', '61-90', '90+'];

export function ageingBucket(daysOverdue: number): AgeingBucket {
  if (daysOverdue <= 30) return '0-30';
  if (daysOverdue <= 60) return '31-60';
  if (daysOverdue <= 90) return '61-90';
  return '90+';
}

export interface AgeingTotals {
  /** Cents and number of invoices per bucket, every bucket present. */
  buckets: Record<AgeingBucket, { cents: number; count: number }>;
  totalCents: number;
  count: number;
}

/** Sums amounts left (integer cents) per bucket. */
export function ageingTotals(rows: Iterable<{ daysOverdue: number; left: number }>): AgeingTotals {
  const buckets = Object.fromEntries(AGEING_BUCKETS.map((b) => [b, { cents: 0, count: 0 }])) as AgeingTotals['buckets'];
  let totalCents = 0;
  let count = 0;
  for (const r of rows) {
    const b = buckets[ageingBucket(r.daysOverdue)];
    b.cents += r.left;
    b.count += 1;
    totalCents += r.left;
    count += 1;
  }
  return { buckets, totalCents, count };
}
