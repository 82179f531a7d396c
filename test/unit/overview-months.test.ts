import { describe, expect, it } from 'vitest';
import {
  addMonths,
  daysInMonth,
  firstDay,
  isLeapYear,
  lastDay,
  monthOf,
  monthsUpTo,
  quarterOf,
  vatReturnDue,
} from '../../lib/workspace/months';

describe('month arithmetic', () => {
  it('knows the month ends, February in leap years included', () => {
    expect(lastDay('2026-01')).toBe('2026-01-31');
    expect(lastDay('2026-04')).toBe('2026-04-30');
    expect(lastDay('2026-02')).toBe('2026-02-28');
    expect(lastDay('2024-02')).toBe('2024-02-29');
    expect(lastDay('2000-02')).toBe('2000-02-29');
    expect(lastDay('1900-02')).toBe('1900-02-28');
    expect(isLeapYear(2100)).toBe(false);
    expect(daysInMonth('2026-12')).toBe(31);
    expect(firstDay('2026-12')).toBe('2026-12-01');
  });

  it('puts a mutation on the last day of a month in that month, not the next', () => {
    expect(monthOf('2026-01-31')).toBe('2026-01');
    expect(monthOf('2024-02-29')).toBe('2024-02');
    expect(monthOf('2026-12-31T23:59:59')).toBe('2026-12');
    const month = monthOf('2026-03-31');
    expect('2026-03-31' >= firstDay(month) && '2026-03-31' <= lastDay(month)).toBe(true);
    expect('2026-04-01' <= lastDay(month)).toBe(false);
  });

  it('steps across year ends both ways', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-11', -23)).toBe('2024-12');
    expect(addMonths('2026-05', -12)).toBe('2025-05');
    expect(monthsUpTo('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(monthsUpTo('2026-11', 24)).toHaveLength(24);
    expect(monthsUpTo('2026-11', 24)[0]).toBe('2024-12');
  });

  it('refuses what is not a month instead of guessing', () => {
    expect(() => monthOf('2026-13-01')).toThrow(/not a month/);
    expect(() => lastDay('26-1')).toThrow(/YYYY-MM/);
  });

  it('finds the quarter and the VAT return date: end of the month after the quarter', () => {
    expect(quarterOf('2026-11')).toEqual({ first: '2026-10', last: '2026-12', quarter: 4, year: 2026 });
    expect(quarterOf('2026-01').first).toBe('2026-01');
    expect(vatReturnDue('2026-11')).toBe('2027-01-31');
    expect(vatReturnDue('2026-02')).toBe('2026-04-30');
    expect(vatReturnDue('2024-12')).toBe('2025-01-31');
    expect(vatReturnDue('2026-07')).toBe('2026-10-31');
  });
});
