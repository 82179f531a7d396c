/**
 * Invoice totals as the domain needs them, from what a REST answer carries. The document
 * requires no totals on invoice list items or details: the detail's are used, then the list
 * item's, and only when neither has them are they summed from the lines, in cents.
 */
import type { z } from 'zod';
import type * as wire from './wire';
import { VAT_RATES } from '../types';

type WireInvoice = Pick<z.output<typeof wire.invoiceListItem>, 'totalExcl' | 'vatAmount' | 'totalAmount'>;

export interface InvoiceTotals {
  totalExcl: number;
  totalVat: number;
  totalIncl: number;
}

const cents = (euros: number) => Math.round(euros * 100);

/**
 * Σ round(quantity × net price × 100) per line; VAT from each line's vatAmount, else by its code's
 * rate, per line. The document puts both discounts on the price per unit ("a fixed discount on the
 * `pricePerUnit`", "a percentage discount on the `pricePerUnit`"). Only a fallback: where
 * e-Boekhouden rounds is not documented.
 */
function fromLines(items: z.output<typeof wire.invoiceItem>[]): { excl: number; vat: number } {
  let excl = 0;
  let vat = 0;
  for (const item of items) {
    const price =
      item.discountAmount !== undefined
        ? item.pricePerUnit - item.discountAmount
        : item.discountPercentage !== undefined
          ? (item.pricePerUnit * (100 - item.discountPercentage)) / 100
          : item.pricePerUnit;
    const line = cents((item.quantity ?? item.amount ?? 1) * price);
    excl += line;
    vat +=
      item.vatAmount !== undefined ? cents(item.vatAmount) : Math.round((line * (VAT_RATES[item.vatCode] ?? 0)) / 100);
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
  const vatCents = vat !== undefined ? cents(vat) : incl !== undefined ? cents(incl) - exclCents : summed!.vat;
  const inclCents = incl !== undefined ? cents(incl) : exclCents + vatCents;
  return { totalExcl: exclCents / 100, totalVat: vatCents / 100, totalIncl: inclCents / 100 };
}
