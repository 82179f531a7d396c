/**
 * The overview's figures, computed from what the sync stored: month movements per ledger account
 * (table ledgerMonths, step ledgerMovements), the balances before the 24-month window, and the chart
 * of accounts. Pure: rows in, cents out (revenue and VAT charged credit positive, costs and money
 * debit positive), so the page only draws.
 */
import type { LedgerMonthRow } from '../db';
import { ledgerKind, VAT_CHARGED_CATEGORIES, VAT_PAID_CATEGORIES, type LedgerKind } from './ledger-kinds';
import { addMonths, monthsUpTo, quarterOf, vatReturnDue, type MonthKey } from './months';

export interface MonthResult {
  month: MonthKey;
  revenue: number;
  costs: number;
  result: number;
  /** False when this month was never read (before the administration started, or not synced yet). */
  known: boolean;
}

export interface MoneyAtMonthEnd {
  month: MonthKey;
  cash: number;
  bank: number;
}

export interface VatPosition {
  quarter: number;
  year: number;
  months: MonthKey[];
  charged: number;
  paid: number;
  /** charged − paid: positive is to pay, negative to reclaim. */
  position: number;
  /** YYYY-MM-DD: the end of the month after the quarter. */
  due: string;
}

export interface OverviewInput {
  rows: LedgerMonthRow[];
  /** Balances (cents, debit positive) at the end of `openingMonth`, by ledger code. */
  opening?: Record<string, { category: string; cents: number }>;
  openingMonth?: MonthKey;
  /** Month → when it was read (ms). */
  readAt: Record<MonthKey, number>;
  /** The current month. */
  month: MonthKey;
}

export interface OverviewFigures {
  /** Nothing booked in any month read, and no opening balance: an empty (or never synced) administration. */
  empty: boolean;
  months: MonthKey[];
  results: MonthResult[];
  /** The same months a year earlier. */
  yearBefore: MonthResult[];
  money: MoneyAtMonthEnd[];
  vat: VatPosition;
  /** When the figures' months were last read: the current month's read (ms). */
  readAt?: number;
}

const SHOWN = 12;

export function kindOfRow(row: { category: string; code: string }): LedgerKind {
  return ledgerKind(row.category, row.code);
}

/** Sum of movements per month and kind. */
function byMonthAndKind(rows: LedgerMonthRow[]): Map<MonthKey, Map<LedgerKind, number>> {
  const out = new Map<MonthKey, Map<LedgerKind, number>>();
  for (const r of rows) {
    const kinds = out.get(r.month) ?? new Map<LedgerKind, number>();
    const kind = kindOfRow(r);
    kinds.set(kind, (kinds.get(kind) ?? 0) + r.cents);
    out.set(r.month, kinds);
  }
  return out;
}

function resultOf(month: MonthKey, sums: Map<MonthKey, Map<LedgerKind, number>>, readAt: OverviewInput['readAt']) {
  const kinds = sums.get(month);
  // `0 -` rather than a unary minus: no "-0,00" for a month without revenue.
  const revenue = 0 - (kinds?.get('revenue') ?? 0);
  const costs = kinds?.get('cost') ?? 0;
  return { month, revenue, costs, result: revenue - costs, known: readAt[month] !== undefined };
}

export function overviewFigures(input: OverviewInput): OverviewFigures {
  const months = monthsUpTo(input.month, SHOWN);
  const sums = byMonthAndKind(input.rows);
  const results = months.map((m) => resultOf(m, sums, input.readAt));
  const yearBefore = months.map((m) => resultOf(addMonths(m, -12), sums, input.readAt));

  // Cash and bank: the opening balances, then month by month through the whole window.
  const opening = { cash: 0, bank: 0 };
  for (const [code, { category, cents }] of Object.entries(input.opening ?? {})) {
    const kind = ledgerKind(category, code);
    if (kind === 'cash' || kind === 'bank') opening[kind] += cents;
  }
  const money: MoneyAtMonthEnd[] = [];
  let running = { ...opening };
  const first = input.openingMonth ? addMonths(input.openingMonth, 1) : months[0];
  for (let m = first; m <= input.month; m = addMonths(m, 1)) {
    const kinds = sums.get(m);
    running = { cash: running.cash + (kinds?.get('cash') ?? 0), bank: running.bank + (kinds?.get('bank') ?? 0) };
    if (months.includes(m)) money.push({ month: m, ...running });
  }

  const q = quarterOf(input.month);
  const quarterMonths = monthsUpTo(q.last, 3);
  let charged = 0;
  let paid = 0;
  for (const r of input.rows) {
    if (!quarterMonths.includes(r.month)) continue;
    const category = r.category.trim().toUpperCase();
    if (VAT_CHARGED_CATEGORIES.has(category)) charged = charged - r.cents;
    else if (VAT_PAID_CATEGORIES.has(category)) paid += r.cents;
  }
  const vat: VatPosition = {
    quarter: q.quarter,
    year: q.year,
    months: quarterMonths,
    charged,
    paid,
    position: charged - paid,
    due: vatReturnDue(input.month),
  };

  const empty = input.rows.length === 0 && !Object.values(input.opening ?? {}).some((o) => o.cents !== 0);
  return { empty, months, results, yearBefore, money, vat, readAt: input.readAt[input.month] };
}
