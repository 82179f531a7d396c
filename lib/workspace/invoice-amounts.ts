/**
 * Invoice amounts in integer cents, computed per line the way the totals are sent and shown, so a
 * preview's totals are the invoice's totals to the cent.
 */
import { VAT_RATES, type InvoiceLine } from '../eboekhouden/types';

export interface LineTotals {
  exclCents: number;
  vatCents: number;
  inclCents: number;
  /** VAT percentage used; undefined when the code has no known rate. */
  rate?: number;
}

export interface InvoiceTotals {
  lines: LineTotals[];
  exclCents: number;
  vatCents: number;
  inclCents: number;
}

export function decimalsAtMost(n: number, decimals: number): boolean {
  const f = 10 ** decimals;
  return Number.isFinite(n) && Math.abs(Math.round(n * f) - n * f) < 1e-6;
}

/** Rounds half away from zero, as invoices do. */
export function roundHalfAway(n: number): number {
  return Math.sign(n) * Math.round(Math.abs(n));
}

/** Quantity in 1/10,000 units and price in cents, both integers. */
export function scaled(line: { quantity: number; pricePerUnit: number }): { qtyE4: number; priceCents: number } {
  return { qtyE4: Math.round(line.quantity * 10_000), priceCents: Math.round(line.pricePerUnit * 100) };
}

/** Per line round(qty × price × 100); VAT per line by the code's rate; totals are sums of line cents. */
export function computeTotals(lines: Pick<InvoiceLine, 'quantity' | 'pricePerUnit' | 'vatCode'>[]): InvoiceTotals {
  const out: InvoiceTotals = { lines: [], exclCents: 0, vatCents: 0, inclCents: 0 };
  for (const line of lines) {
    const { qtyE4, priceCents } = scaled(line);
    const exclCents = roundHalfAway((qtyE4 * priceCents) / 10_000);
    const rate = VAT_RATES[line.vatCode];
    const vatCents = rate === undefined ? 0 : roundHalfAway((exclCents * rate) / 100);
    out.lines.push({ exclCents, vatCents, inclCents: exclCents + vatCents, rate });
    out.exclCents += exclCents;
    out.vatCents += vatCents;
  }
  out.inclCents = out.exclCents + out.vatCents;
  return out;
}

/** "€ 1.234,50" style amount for messages, from cents. */
export function euros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}€ ${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
