import { describe, expect, it } from 'vitest';
import { splitPeriod } from '../../lib/eboekhouden/rest/balances';

describe('splitting a period e-Boekhouden refused (LEDG_020)', () => {
  it('cuts at the month start nearest the middle, so monthly parts stay monthly', () => {
    expect(splitPeriod({ from: '2025-01-01', to: '2025-02-28' })).toEqual([
      { from: '2025-01-01', to: '2025-01-31' },
      { from: '2025-02-01', to: '2025-02-28' },
    ]);
    expect(splitPeriod({ from: '2025-04-01', to: '2025-06-30' })).toEqual([
      { from: '2025-04-01', to: '2025-04-30' },
      { from: '2025-05-01', to: '2025-06-30' },
    ]);
    const year = splitPeriod({ from: '2024-01-01', to: '2024-12-31' })!;
    expect(year[0].to).toBe('2024-06-30');
    expect(year[1].from).toBe('2024-07-01');
  });

  it('halves a period within one month, across a leap day too, and leaves no day out', () => {
    expect(splitPeriod({ from: '2024-02-01', to: '2024-02-29' })).toEqual([
      { from: '2024-02-01', to: '2024-02-14' },
      { from: '2024-02-15', to: '2024-02-29' },
    ]);
    expect(splitPeriod({ from: '2026-03-30', to: '2026-03-31' })).toEqual([
      { from: '2026-03-30', to: '2026-03-30' },
      { from: '2026-03-31', to: '2026-03-31' },
    ]);
  });

  it('cannot split a single day or a balance without a start', () => {
    expect(splitPeriod({ from: '2026-03-31', to: '2026-03-31' })).toBeUndefined();
    expect(splitPeriod({ to: '2026-03-31' })).toBeUndefined();
  });
});
