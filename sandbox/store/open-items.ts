/** Open items (outstanding debtors and creditors), derived from mutations, never stored. */
import type { SbMutation } from './mutations';
import { sumRows } from './mutations';
import type { SbRelation } from './relations';
import { round2 } from './vat';

export interface SbOpenItem {
  side: 'D' | 'C';
  date: string;
  mutationId: number;
  invoiceNumber: string;
  relationId: number;
  relationCode: string;
  company: string;
  totalAmount: number;
  paidAmount: number;
  outstandingAmount: number;
}

/** Type-2 (D) / type-1 (C) mutations per invoice number minus type-3/4 payments on that number (and relation, when given). */
export function computeOpenItems(
  mutations: Iterable<SbMutation>,
  relations: ReadonlyMap<number, SbRelation>,
  side: 'D' | 'C',
): SbOpenItem[] {
  const invoiceType = side === 'D' ? 2 : 1;
  const paymentType = side === 'D' ? 3 : 4;
  const open = new Map<string, SbOpenItem>();
  const paid = new Map<string, number>();
  for (const m of mutations) {
    if (m.type === invoiceType && m.invoiceNumber) {
      const key = `${m.relationId}|${m.invoiceNumber}`;
      const total = sumRows(m.rows).incl;
      const existing = open.get(key);
      if (existing) existing.totalAmount = round2(existing.totalAmount + total);
      else {
        const relation = relations.get(m.relationId);
        open.set(key, {
          side,
          date: m.date,
          mutationId: m.id,
          invoiceNumber: m.invoiceNumber,
          relationId: m.relationId,
          relationCode: relation?.code ?? '',
          company: relation?.name ?? '',
          totalAmount: total,
          paidAmount: 0,
          outstandingAmount: 0,
        });
      }
    } else if (m.type === paymentType) {
      for (const row of Array.isArray(m.rows) ? m.rows : []) {
        if (!row) continue;
        const number = row.invoiceNumber || m.invoiceNumber;
        if (!number) continue;
        // relationId is optional on a payment (openapi-v1.json CreateMutation): then the number alone links it.
        const key = `${row.relationId || m.relationId || '*'}|${number}`;
        paid.set(key, round2((paid.get(key) ?? 0) + row.amountIncl));
      }
    }
  }
  const items: SbOpenItem[] = [];
  for (const [key, item] of open) {
    item.paidAmount = round2((paid.get(key) ?? 0) + (paid.get(`*|${item.invoiceNumber}`) ?? 0));
    item.outstandingAmount = round2(item.totalAmount - item.paidAmount);
    if (item.outstandingAmount !== 0) items.push(item);
  }
  items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.mutationId - b.mutationId));
  return items;
}
