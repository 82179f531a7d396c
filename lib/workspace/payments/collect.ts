/** "To collect": the invoices with money still owed, oldest first, with their ageing. */
import type { InvoicePayment } from './overview';
import { amountLeft } from './state';

export interface CollectRow extends InvoicePayment {
  left: number;
  daysOverdue: number;
}

/** The customer a row belongs to: its relation code (invoices made elsewhere may have no workspace customer). */
export function customerKey(inv: Pick<InvoicePayment, 'relationCode' | 'customerName'>): string {
  return (inv.relationCode ?? inv.customerName).toLowerCase();
}

/** `customer`: a customerKey to keep only that customer's invoices. */
export function toCollect(invoices: readonly InvoicePayment[], customer?: string): CollectRow[] {
  const rows: CollectRow[] = [];
  for (const inv of invoices) {
    if (customer !== undefined && customerKey(inv) !== customer) continue;
    const left = amountLeft(inv.state);
    if (left === 0) continue;
    rows.push({ ...inv, left, daysOverdue: inv.state.kind === 'overdue' ? inv.state.daysOverdue : 0 });
  }
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.number.localeCompare(b.number)));
}

/** How many invoices are overdue and the cents left on them (the popup's one line). */
export function overdueSummary(invoices: readonly InvoicePayment[]): { count: number; cents: number } {
  let count = 0;
  let cents = 0;
  for (const inv of invoices) {
    if (inv.state.kind !== 'overdue') continue;
    count += 1;
    cents += inv.state.left;
  }
  return { count, cents };
}
