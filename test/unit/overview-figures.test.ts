import { describe, expect, it } from 'vitest';
import type { LedgerMonthRow } from '../../lib/db';
import { overviewFigures } from '../../lib/workspace/overview';

const row = (month: string, code: string, category: string, cents: number): LedgerMonthRow => ({
  key: `${month}|${code}`,
  month,
  code,
  category,
  cents,
  readAt: 1,
});

describe('overview figures', () => {
  const rows = [
    row('2026-10', '8000', 'VW', -100_000), // revenue 1,000.00 (credit)
    row('2026-10', '4100', 'VW', 40_050), // costs 400.50
    row('2026-10', '1100', 'FIN', 60_000),
    row('2026-10', '1500', 'AF19', -21_000), // VAT charged 210.00
    row('2026-11', '1520', 'VOOR', 8_405), // VAT paid 84.05
    row('2026-11', '1000', 'FIN', -1_000),
    row('2025-10', '8000', 'VW', -55_555),
    row('2026-11', '1540', 'BTWRC', 99_999), // settlement account: not part of the position
  ];
  const readAt = { '2026-10': 10, '2026-11': 20, '2025-10': 5 };
  const f = overviewFigures({
    rows,
    readAt,
    month: '2026-11',
    openingMonth: '2024-10',
    opening: { '1100': { category: 'FIN', cents: 500_00 }, '0100': { category: 'BAL', cents: 9_999_00 } },
  });

  it('gives 12 months, revenue credit positive, result = revenue − costs, and a year earlier', () => {
    expect(f.months).toHaveLength(12);
    expect(f.months.at(-1)).toBe('2026-11');
    const oct = f.results.find((r) => r.month === '2026-10')!;
    expect(oct).toEqual({ month: '2026-10', revenue: 100_000, costs: 40_050, result: 59_950, known: true });
    expect(f.yearBefore[f.months.indexOf('2026-10')]).toMatchObject({ month: '2025-10', revenue: 55_555 });
    const unread = f.results.find((r) => r.month === '2026-01')!;
    expect(unread).toMatchObject({ revenue: 0, costs: 0, known: false });
    expect(Object.is(unread.revenue, -0)).toBe(false);
    expect(f.readAt).toBe(20);
    expect(f.empty).toBe(false);
  });

  it('draws cash and bank from the opening balances onward, ignoring other balance-sheet accounts', () => {
    const at = (m: string) => f.money.find((x) => x.month === m)!;
    expect(at('2026-09')).toEqual({ month: '2026-09', cash: 0, bank: 500_00 });
    expect(at('2026-10')).toEqual({ month: '2026-10', cash: 0, bank: 500_00 + 60_000 });
    expect(at('2026-11')).toEqual({ month: '2026-11', cash: -1_000, bank: 500_00 + 60_000 });
  });

  it('gives the VAT position of the current quarter and when the return is due', () => {
    expect(f.vat).toMatchObject({ quarter: 4, year: 2026, charged: 21_000, paid: 8_405, position: 12_595 });
    expect(f.vat.due).toBe('2027-01-31');
  });

  it('says empty for an administration without bookings', () => {
    const empty = overviewFigures({ rows: [], readAt: { '2026-11': 1 }, month: '2026-11' });
    expect(empty.empty).toBe(true);
    expect(empty.results.every((r) => r.revenue === 0)).toBe(true);
  });
});
