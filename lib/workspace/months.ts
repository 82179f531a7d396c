/**
 * Calendar months as the overview counts them: `YYYY-MM` keys, their first and last day, and
 * stepping back and forth across year ends. Plain string and integer arithmetic, no time zones.
 */
export type MonthKey = string;

function parts(month: MonthKey): [number, number] {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new RangeError(`not a month: "${month}" (expected YYYY-MM)`);
  return [Number(m[1]), Number(m[2])];
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(month: MonthKey): number {
  const [y, m] = parts(month);
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** The month a YYYY-MM-DD date (or a longer ISO date-time) falls in. */
export function monthOf(date: string): MonthKey {
  const month = date.slice(0, 7);
  parts(month);
  return month;
}

export function addMonths(month: MonthKey, n: number): MonthKey {
  const [y, m] = parts(month);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

export function firstDay(month: MonthKey): string {
  parts(month);
  return `${month}-01`;
}

export function lastDay(month: MonthKey): string {
  return `${month}-${pad(daysInMonth(month))}`;
}

/** `count` months ending with `last`, oldest first. */
export function monthsUpTo(last: MonthKey, count: number): MonthKey[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));
}

/** The month of a moment, in the person's own time zone (the clock on their wall). */
export function monthAt(ms: number): MonthKey {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
}

/** The quarter a month is in: its first and last month. */
export function quarterOf(month: MonthKey): { first: MonthKey; last: MonthKey; quarter: number; year: number } {
  const [y, m] = parts(month);
  const quarter = Math.ceil(m / 3);
  const first = `${y}-${pad(quarter * 3 - 2)}`;
  return { first, last: addMonths(first, 2), quarter, year: y };
}

/** Dutch rule: the VAT return of a quarter is due at the end of the month after it. */
export function vatReturnDue(month: MonthKey): string {
  return lastDay(addMonths(quarterOf(month).last, 1));
}
