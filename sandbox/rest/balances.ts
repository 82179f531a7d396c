/**
 * The query of the two balance operations (`from`, `to`, `costCenterId`), and LEDG_020: live,
 * e-Boekhouden gives up on a balance over too long a period ("The request took too long to execute.
 * Use `from` and `to` to filter a more specific period."). No limit is documented; the sandbox's is
 * `ledgerBalancesMaxDays` (0 = none), counted over the period asked for, an open end being the
 * administration's first or last mutation.
 */
import type { BalanceRange, Store } from '../store';
import { fail } from './errors';

export function balanceRange(url: URL): BalanceRange {
  const from = url.searchParams.get('from') ?? undefined;
  const to = url.searchParams.get('to') ?? undefined;
  const cc = url.searchParams.get('costCenterId');
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value !== undefined && !/^\d{4}-\d{2}-\d{2}/.test(value)) fail('ERR_002', name);
  }
  if (cc !== null && !/^\d+$/.test(cc)) fail('ERR_002', 'costCenterId');
  return { from: from?.slice(0, 10), to: to?.slice(0, 10), costCenterId: cc ? Number(cc) : undefined };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Refuses a period longer than `maxDays` with LEDG_020. The status is 404: the only error status
 * the document gives GET /v1/ledger/balances (and /{id}/balance) with its Error body.
 */
export function refuseLongPeriod(store: Store, range: BalanceRange, maxDays: number): void {
  if (!maxDays) return;
  let { from, to } = range;
  if (!from || !to) {
    for (const m of store.mutations.values()) {
      if (!range.from && (!from || m.date < from)) from = m.date;
      if (!range.to && (!to || m.date > to)) to = m.date;
    }
  }
  if (!from || !to) return;
  const days = (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / DAY_MS + 1;
  if (days > maxDays) fail('LEDG_020', from === range.from && to === range.to ? 'to' : 'from', 404);
}
