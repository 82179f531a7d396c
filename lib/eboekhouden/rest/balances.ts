/**
 * Period balances over REST: `GET /v1/ledger/balances?from&to` (with `from` the answer is the change
 * over the period). Live, e-Boekhouden gives up on a long period with LEDG_020 ("Use `from` and `to`
 * to filter a more specific period."); the period is then halved and the halves added up, down to a
 * single day, which is then the error.
 */
import { z } from 'zod';
import { isEBoekhoudenError } from '../errors';
import type { LedgerMovement, Period } from '../types';
import { parseResponse } from '../validate';
import type { RestClient } from './client';
import { listEnvelope } from './wire';

const OPERATION = 'GET /v1/ledger/balances';

const balanceItem = z.object({
  code: z.string().min(1),
  type: z
    .string()
    .nullish()
    .transform((v) => v ?? ''),
  balance: z.union([
    z.number(),
    z
      .string()
      .regex(/^-?\d+(\.\d+)?$/)
      .transform(Number),
  ]),
});
const balanceItems = z.array(balanceItem);

const DAY_MS = 24 * 60 * 60 * 1000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Two halves of a period of two days or more: at a month start when it spans months, else mid-way. */
export function splitPeriod(period: Period): [Period, Period] | undefined {
  if (!period.from) return undefined;
  const [from, to] = [dayNumber(period.from), dayNumber(period.to)];
  if (!(to > from)) return undefined;
  const middle = Math.floor((from + to + 1) / 2);
  // The month start nearest the middle, when there is one inside: monthly parts stay monthly.
  const month = dateOf(middle).slice(0, 7);
  const [y, m] = month.split('-').map(Number);
  const starts = [dayNumber(`${month}-01`), Date.UTC(y, m, 1) / DAY_MS].filter((d) => d > from && d <= to);
  const cut = starts.sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle))[0] ?? middle;
  return [
    { from: period.from, to: dateOf(cut - 1) },
    { from: dateOf(cut), to: period.to },
  ];
}

export function createPeriodBalances(client: RestClient): (period: Period) => Promise<LedgerMovement[]> {
  async function once(period: Period): Promise<LedgerMovement[]> {
    const data = await client.request({
      operation: OPERATION,
      method: 'GET',
      path: '/v1/ledger/balances',
      query: period.from ? { from: period.from, to: period.to } : { to: period.to },
    });
    const items = parseResponse(balanceItems, parseResponse(listEnvelope, data, OPERATION).items, OPERATION);
    return items.map((b) => ({ code: b.code, category: b.type, cents: Math.round(b.balance * 100) }));
  }

  async function periodBalances(period: Period): Promise<LedgerMovement[]> {
    try {
      return await once(period);
    } catch (e) {
      const halves = isEBoekhoudenError(e) && e.code === 'LEDG_020' ? splitPeriod(period) : undefined;
      if (!halves) throw e;
      const [a, b] = [await periodBalances(halves[0]), await periodBalances(halves[1])];
      const sum = new Map(a.map((m) => [m.code, { ...m }]));
      for (const m of b) {
        const known = sum.get(m.code);
        if (known) known.cents += m.cents;
        else sum.set(m.code, { ...m });
      }
      return [...sum.values()];
    }
  }
  return periodBalances;
}
