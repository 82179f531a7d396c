/**
 * The payment state of one invoice, derived from what the syncs saw of it on the debtors'
 * outstanding list (an openItems row). Pure: the same row, due date and day give the same state.
 *
 * Paid only when the invoice left the list after having been on it (the row is kept with
 * `open: false`), or when its outstanding amount is 0. An invoice never seen on the list is
 * `unknown`, never paid. Amounts are integer cents.
 */
import type { OpenItemRow } from '../../db';

export type PaymentState =
  | { kind: 'unknown' }
  | { kind: 'credited' }
  | { kind: 'paid'; paid: number }
  | { kind: 'open'; left: number }
  | { kind: 'partlyPaid'; paid: number; left: number }
  | { kind: 'overdue'; daysOverdue: number; paid: number; left: number };

/** Euros as e-Boekhouden sends them (doubles) to integer cents. */
export function toCents(euros: number): number {
  return Math.round(euros * 100);
}

const DAY_MS = 86_400_000;

function dayNumber(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(ms) ? undefined : Math.floor(ms / DAY_MS);
}

function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The due date: invoice date + term of payment in days; undefined for a date that is not YYYY-MM-DD. */
export function dueDate(date: string, termDays: number): string | undefined {
  const day = dayNumber(date);
  return day === undefined ? undefined : isoOfDay(day + Math.max(0, Math.trunc(termDays)));
}

/** The person's calendar day (local time) of a moment, as YYYY-MM-DD. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); 0 when either is not a date. */
export function daysBetween(from: string, to: string): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === undefined || b === undefined ? 0 : b - a;
}

export interface PaymentFacts {
  /** The debtors' outstanding item of this invoice as last seen; undefined when never seen. */
  item?: Pick<OpenItemRow, 'open' | 'total' | 'paid' | 'outstanding'>;
  /** Set when a credit note cancels this invoice. */
  creditedBy?: number;
  /** YYYY-MM-DD, or undefined when the term is not known. */
  due?: string;
  /** Today, YYYY-MM-DD. */
  today: string;
}

export function paymentState(f: PaymentFacts): PaymentState {
  if (f.creditedBy !== undefined) return { kind: 'credited' };
  const item = f.item;
  if (!item) return { kind: 'unknown' };
  const total = toCents(item.total);
  if (!item.open) return { kind: 'paid', paid: total };
  const left = toCents(item.outstanding);
  if (left === 0) return { kind: 'paid', paid: total };
  // What e-Boekhouden says is paid, or (when it leaves that out) total minus outstanding.
  const paid = toCents(item.paid) || total - left;
  const daysOverdue = f.due === undefined ? 0 : daysBetween(f.due, f.today);
  if (daysOverdue > 0 && left > 0) return { kind: 'overdue', daysOverdue, paid, left };
  if (paid !== 0) return { kind: 'partlyPaid', paid, left };
  return { kind: 'open', left };
}

/** Cents still to collect in a state (0 for paid, credited, unknown). */
export function amountLeft(s: PaymentState): number {
  return s.kind === 'open' || s.kind === 'partlyPaid' || s.kind === 'overdue' ? s.left : 0;
}
