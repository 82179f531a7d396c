/** Ledger accounts and cost centres as the store keeps them, and ledger balances derived from mutations. */
import type { SbMutation } from './mutations';
import { round2, SALES_VAT_CODES } from './vat';

export interface SbLedger {
  id: number;
  code: string;
  description: string;
  category: string;
  group: string;
}
export interface SbCostCenter {
  id: number;
  description: string;
  parentId: number;
  active: boolean;
}

/** The ledger of a category with the lowest code (numeric order: 1300 before 10000). */
export function lowestCodeOf(ledgers: Iterable<SbLedger>, category: string): SbLedger | undefined {
  let best: SbLedger | undefined;
  for (const l of ledgers)
    if (l.category === category && (!best || l.code.localeCompare(best.code, 'en', { numeric: true }) < 0)) best = l;
  return best;
}

export interface BalanceRange {
  from?: string;
  to?: string;
  costCenterId?: number;
}

/**
 * Ledger balances (debit positive) over mutations in an optional date range (and cost centre);
 * `vatLedgers` are the ids of the VAT accounts 1500 (sales high), 1510 (sales low), 1520 (purchase).
 */
export function ledgerBalances(
  mutations: Iterable<SbMutation>,
  vatLedgers: { salesHigh: number; salesLow: number; purchase: number },
  range: BalanceRange,
): Map<number, number> {
  const balance = new Map<number, number>();
  const add = (ledgerId: number, amount: number) => {
    if (ledgerId) balance.set(ledgerId, (balance.get(ledgerId) ?? 0) + amount);
  };
  const { salesHigh, salesLow, purchase } = vatLedgers;
  for (const m of mutations) {
    if ((range.from && m.date < range.from) || (range.to && m.date > range.to)) continue;
    if (m.type === 0) {
      for (const r of Array.isArray(m.rows) ? m.rows : [])
        if (r && (!range.costCenterId || r.costCenterId === range.costCenterId)) add(r.ledgerId, r.amountIncl);
      continue;
    }
    // The mutation's own account is debited for money/invoices in, credited for money/invoices out.
    const sign = m.type === 2 || m.type === 3 || m.type === 5 ? 1 : -1;
    for (const r of Array.isArray(m.rows) ? m.rows : []) {
      if (!r) continue;
      if (range.costCenterId && r.costCenterId !== range.costCenterId) continue;
      if (m.type === 7) {
        add(r.ledgerId, r.amountIncl);
        add(m.ledgerId, -r.amountIncl);
        continue;
      }
      add(m.ledgerId, sign * r.amountIncl);
      add(r.ledgerId, -sign * r.amountExcl);
      if (r.vatAmount)
        add(
          SALES_VAT_CODES.has(r.vatCode) ? (r.vatPercentage >= 19 ? salesHigh : salesLow) : purchase,
          -sign * r.vatAmount,
        );
    }
  }
  for (const [id, v] of balance) balance.set(id, round2(v));
  return balance;
}
