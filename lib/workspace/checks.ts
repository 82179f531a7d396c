/** Checks on what a person typed in: a calendar date, a number with at most so many decimals. */

export function validDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function decimalsAtMost(n: number, decimals: number): boolean {
  const f = 10 ** decimals;
  return Number.isFinite(n) && Math.abs(Math.round(n * f) - n * f) < 1e-6;
}
