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

/** Rounds half away from zero, as invoices do. */
export function roundHalfAway(n: number): number {
  return Math.sign(n) * Math.round(Math.abs(n));
}

type PricedLine = Pick<InvoiceLine, 'quantity' | 'pricePerUnit' | 'discountAmount' | 'discountPercentage'>;

const E8 = 100_000_000n;

/**
 * The line's amount excl. VAT, exactly, in 1/10^8 cent: quantity (1/10,000 units) × the price per
 * unit after its discount (1/10,000 cent). The document puts both discounts on `pricePerUnit`:
 * an amount off it, or a percentage of it. BigInt, because 10,000 units × € 1,000,000 with a
 * percentage does not fit in a double exactly.
 */
export function exactLineE8(line: PricedLine): bigint {
  const qtyE4 = BigInt(Math.round(line.quantity * 10_000));
  const priceCents = BigInt(Math.round(line.pricePerUnit * 100));
  let netPriceE4 = priceCents * 10_000n;
  if (line.discountAmount !== undefined) {
    netPriceE4 = (priceCents - BigInt(Math.round(line.discountAmount * 100))) * 10_000n;
  } else if (line.discountPercentage !== undefined) {
    netPriceE4 = priceCents * (10_000n - BigInt(Math.round(line.discountPercentage * 100)));
  }
  return qtyE4 * netPriceE4;
}

/** 1/10^8 cent → whole cents, half away from zero. */
export function centsOfE8(e8: bigint): number {
  const negative = e8 < 0n;
  const abs = negative ? -e8 : e8;
  let cents = abs / E8;
  if ((abs % E8) * 2n >= E8) cents += 1n;
  return Number(negative ? -cents : cents);
}

/**
 * Per line round(quantity × price after discount) to the cent; VAT per line by the code's rate;
 * totals are sums of line cents (as e-Boekhouden books one row per line).
 */
export function computeTotals(lines: (PricedLine & Pick<InvoiceLine, 'vatCode'>)[]): InvoiceTotals {
  const out: InvoiceTotals = { lines: [], exclCents: 0, vatCents: 0, inclCents: 0 };
  for (const line of lines) {
    const exclCents = centsOfE8(exactLineE8(line));
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
