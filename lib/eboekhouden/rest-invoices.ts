/**
 * Invoice totals as the domain needs them, from what a REST answer carries. The document
 * requires no totals on invoice list items or details: the detail's are used, then the list
 * item's, and only when neither has them are they summed from the lines, in cents.
 */
import type { z } from 'zod';
import type * as wire from './rest-wire';

type WireInvoice = Pick<z.output<typeof wire.invoiceListItem>, 'totalExcl' | 'vatAmount' | 'totalAmount'>;

export interface InvoiceTotals {
  totalExcl: number;
  totalVat: number;
  totalIncl: number;
}

const cents = (euros: number) => Math.round(euros * 100);

/** Σ round(quantity × price × 100) per line, less each line's discount; VAT from each line's vatAmount. */
function fromLines(items: z.output<typeof wire.invoiceItem>[]): { excl: number; vat: number | undefined } {
  let excl = 0;
  let vat: number | undefined = 0;
  for (const item of items) {
    const gross = cents((item.quantity ?? item.amount ?? 1) * item.pricePerUnit);
    const discount =
      item.discountAmount !== undefined
        ? cents(item.discountAmount)
        : item.discountPercentage !== undefined
          ? Math.round((gross * item.discountPercentage) / 100)
          : 0;
    excl += gross - discount;
    vat = vat === undefined || item.vatAmount === undefined ? undefined : vat + cents(item.vatAmount);
  }
  return { excl, vat };
}

export function invoiceTotals(
  detail: WireInvoice & { items: z.output<typeof wire.invoiceItem>[] },
  listed: WireInvoice,
): InvoiceTotals {
  const excl = detail.totalExcl ?? listed.totalExcl;
  const vat = detail.vatAmount ?? listed.vatAmount;
  const incl = detail.totalAmount ?? listed.totalAmount;
  const summed = excl === undefined || (vat === undefined && incl === undefined) ? fromLines(detail.items) : undefined;
  const exclCents = excl !== undefined ? cents(excl) : summed!.excl;
  const vatCents = vat !== undefined ? cents(vat) : incl !== undefined ? cents(incl) - exclCents : (summed?.vat ?? 0);
  const inclCents = incl !== undefined ? cents(incl) : exclCents + vatCents;
  return { totalExcl: exclCents / 100, totalVat: vatCents / 100, totalIncl: inclCents / 100 };
}
