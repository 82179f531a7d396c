/**
 * Period balances through both transports against the sandbox, checked against the sandbox's own
 * mutations: month movements add up to the balance at the end of the period, revenue per month is the
 * sum of that month's revenue rows, LEDG_020 is split, and the import step reads 24 months once and
 * then two.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import { createEBoekhouden, type EBoekhouden } from '../../lib/eboekhouden/index';
import { transportOptions } from '../../lib/settings';
import { importLedgerAccounts, importLedgerMovements } from '../../lib/sync/imports/index';
import { runSync } from '../../lib/sync/index';
import { ledgerKind } from '../../lib/workspace/ledger-kinds';
import { firstDay, lastDay, monthOf, monthsUpTo } from '../../lib/workspace/months';
import type { SbMutation, Store } from '../../sandbox/store';
import { Recorder } from '../helpers/openapi-recorder';
import { connect, newDb, settingsFor, type Kind } from '../helpers/sync-import';

/** The REST exchanges of the first describe, checked against openapi-v1.json at the end. */
const recorder = new Recorder();

const KINDS: Kind[] = ['token', 'securityCodes'];
const MONTHS = monthsUpTo('2026-11', 24); // 2024-12 … 2026-11: both seeds book in 2025 and 2026
const NOW = Date.UTC(2026, 10, 20, 12); // 2026-11-20

function apiFor(sb: TestSandbox, kind: Kind, record = false): EBoekhouden {
  return createEBoekhouden({
    ...transportOptions(settingsFor(sb, kind)),
    retryBaseMs: 1,
    ...(record ? { fetch: recorder.fetch((request) => fetch(request)) } : {}),
  });
}

const byCode = (items: { code: string; cents: number }[]) => new Map(items.map((b) => [b.code, b.cents]));

/** Revenue (credit positive, cents) per month, from the sandbox's mutation rows on revenue accounts. */
function revenueFromState(store: Store): Map<string, number> {
  const revenue = new Map<string, number>();
  const isRevenue = (ledgerId: number) => {
    const l = store.ledgers.get(ledgerId);
    return !!l && ledgerKind(l.category, l.code) === 'revenue';
  };
  const add = (m: SbMutation, credit: number) => {
    const month = monthOf(m.date);
    revenue.set(month, (revenue.get(month) ?? 0) + Math.round(credit * 100));
  };
  for (const m of store.mutations.values()) {
    for (const r of m.rows ?? []) {
      if (!r || !isRevenue(r.ledgerId)) continue;
      // Money or an invoice in (2 sent, 3 paid to us, 5 received) credits the row's account by its amount excl. VAT;
      // money or an invoice out debits it; memorial and opening rows carry their own sign (debit positive).
      if (m.type === 0 || m.type === 7) add(m, -r.amountIncl);
      else add(m, [2, 3, 5].includes(m.type) ? r.amountExcl : -r.amountExcl);
    }
  }
  return revenue;
}

describe.each(['demo', 'large'] as const)('period balances of the %s seed', (seed) => {
  let sb: TestSandbox;
  beforeAll(async () => {
    sb = await startTestSandbox({ seed });
  });
  afterAll(() => sb?.close());

  describe.each(KINDS)('with %s', (kind) => {
    it('month movements add up to the balance at the end, and revenue matches the mutations', async () => {
      const api = apiFor(sb, kind, true);
      const opening = byCode(await api.periodBalances({ to: lastDay('2024-11') }));
      const closing = await api.periodBalances({ to: lastDay(MONTHS.at(-1)!) });
      const sums = new Map(opening);
      const revenue = new Map<string, number>();
      const categories = new Map(closing.map((b) => [b.code, b.category]));
      for (const month of MONTHS) {
        for (const m of await api.periodBalances({ from: firstDay(month), to: lastDay(month) })) {
          sums.set(m.code, (sums.get(m.code) ?? 0) + m.cents);
          if (ledgerKind(m.category, m.code) === 'revenue') revenue.set(month, (revenue.get(month) ?? 0) - m.cents);
        }
      }
      for (const b of closing) expect(sums.get(b.code) ?? 0, b.code).toBe(b.cents);
      expect(closing.some((b) => b.cents !== 0)).toBe(true);
      expect(categories.get('8000')).toBe('VW');

      const fromState = revenueFromState(sb.ctx.store);
      let months = 0;
      for (const month of MONTHS) {
        expect(revenue.get(month) ?? 0, month).toBe(fromState.get(month) ?? 0);
        if (fromState.get(month)) months++;
      }
      expect(months).toBeGreaterThan(10);
      await api.close();
    });
  });
});

describe('LEDG_020 and its split', () => {
  let sb: TestSandbox;
  beforeAll(async () => {
    sb = await startTestSandbox({ seed: 'demo', config: { ledgerBalancesMaxDays: 31 } });
  });
  afterAll(() => sb?.close());

  it('REST splits a quarter into months when the sandbox refuses it, and the parts add up', async () => {
    const api = apiFor(sb, 'token', true);
    await sb.resetStats();
    const quarter = byCode(await api.periodBalances({ from: '2025-04-01', to: '2025-06-30' }));
    const calls = (await sb.stats()).byOperation['GET /v1/ledger/balances'];
    // Refused whole (1), refused in halves at a month start (April | May–June: 1 more), then 3 months.
    expect(calls).toBeGreaterThanOrEqual(4);
    const sum = new Map<string, number>();
    for (const month of ['2025-04', '2025-05', '2025-06'])
      for (const m of await api.periodBalances({ from: firstDay(month), to: lastDay(month) }))
        sum.set(m.code, (sum.get(m.code) ?? 0) + m.cents);
    for (const [code, cents] of sum) expect(quarter.get(code) ?? 0, code).toBe(cents);
    expect([...quarter.values()].some((c) => c !== 0)).toBe(true);
    await api.close();
  });

  it('REST gives up on a balance without `from` that is refused: it cannot be split', async () => {
    const api = apiFor(sb, 'token');
    await expect(api.periodBalances({ to: '2026-11-30' })).rejects.toMatchObject({ code: 'LEDG_020' });
    await api.close();
  });

  it('SOAP GetSaldi has no such limit: a quarter is one request with the same numbers', async () => {
    const rest = apiFor(sb, 'token');
    const soap = apiFor(sb, 'securityCodes');
    const period = { from: '2025-04-01', to: '2025-06-30' };
    expect(byCode(await soap.periodBalances(period))).toEqual(byCode(await rest.periodBalances(period)));
    await rest.close();
    await soap.close();
  });
});

describe.each(KINDS)('the import step with %s', (kind) => {
  let sb: TestSandbox;
  beforeAll(async () => {
    sb = await startTestSandbox({ seed: 'demo' });
  });
  afterAll(() => sb?.close());

  it('reads 24 months and the opening on the first run, then only the current and previous month', async () => {
    const db = newDb(`overview-${kind}`);
    await connect(db, sb, kind);
    const steps = [importLedgerAccounts, importLedgerMovements];
    const first = await runSync({ db, trigger: 'manual', steps, now: () => NOW });
    expect(first.result).toBe('ok');
    const log = first.steps.find((s) => s.step === 'ledgerMovements')!;
    expect(log.requests).toBe(25);
    const months = new Set((await db.ledgerMonths.toArray()).map((r) => r.month));
    expect([...months].sort()[0] >= '2024-12').toBe(true);
    expect(months.has('2026-11')).toBe(true);

    const again = await runSync({ db, trigger: 'alarm', steps, now: () => NOW + 15 * 60_000 });
    expect(again.steps.find((s) => s.step === 'ledgerMovements')!.requests).toBe(2);
    const asked = await runSync({ db, trigger: 'refresh', steps, now: () => NOW + 30 * 60_000 });
    expect(asked.steps.find((s) => s.step === 'ledgerMovements')!.requests).toBe(25);

    // What is stored is what the sandbox says for that month.
    const api = apiFor(sb, kind);
    const march = byCode(await api.periodBalances({ from: '2026-03-01', to: '2026-03-31' }));
    const stored = await db.ledgerMonths.where('month').equals('2026-03').toArray();
    expect(stored.length).toBeGreaterThan(3);
    for (const r of stored) expect(r.cents).toBe(march.get(r.code));
    await api.close();
    db.close();
  });
});

describe('the REST exchanges above, against openapi-v1.json', () => {
  it('every request and answer is one the document allows', () => {
    expect(recorder.exchanges.some((e) => e.path.startsWith('/v1/ledger/balances?from='))).toBe(true);
    expect(recorder.exchanges.some((e) => e.status === 404)).toBe(true); // the LEDG_020 answers
    expect(recorder.requestProblems()).toEqual([]);
    expect(recorder.responseProblems()).toEqual([]);
  });
});
