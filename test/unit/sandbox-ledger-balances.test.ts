import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';

type Balance = { code: string; type: string; balance: number };

let sb: TestSandbox;
let token: string;
beforeAll(async () => {
  sb = await startTestSandbox({ seed: 'demo' });
  token = await sb.restToken();
});
afterAll(() => sb.close());

async function get(path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${sb.url}/v1${path}`, { headers: { Authorization: token } });
  return { status: res.status, body: await res.json() };
}
const cents = (n: number) => Math.round(n * 100);

describe('GET /v1/ledger/balances over a period', () => {
  it('with from, answers the change over the period: two halves add up to the whole', async () => {
    const whole = (await get('/ledger/balances?from=2025-01-01&to=2025-12-31')).body.items as Balance[];
    const first = (await get('/ledger/balances?from=2025-01-01&to=2025-06-30')).body.items as Balance[];
    const second = (await get('/ledger/balances?from=2025-07-01&to=2025-12-31')).body.items as Balance[];
    const byCode = (items: Balance[]) => new Map(items.map((b) => [b.code, cents(b.balance)]));
    const [a, b] = [byCode(first), byCode(second)];
    for (const w of whole) expect(a.get(w.code)! + b.get(w.code)!, w.code).toBe(cents(w.balance));
    expect(whole.find((w) => w.code === '8000')!.balance).toBeLessThan(0);
    expect(Object.keys(whole[0]).sort()).toEqual(['balance', 'code', 'type']);
  });

  it('without from, answers the balance at `to` (inclusive): the opening balance is in it', async () => {
    const opening = (await get('/ledger/balances?to=2025-01-01')).body.items as Balance[];
    expect(opening.find((b) => b.code === '1000')!.balance).toBe(350);
  });

  it('answers LEDG_020 for a period longer than ledgerBalancesMaxDays, and a month still works', async () => {
    await sb.config({ ledgerBalancesMaxDays: 31 });
    try {
      const long = await get('/ledger/balances?from=2025-01-01&to=2025-02-28');
      expect(long.status).toBe(404);
      expect(long.body.code).toBe('LEDG_020');
      // An open start runs from the first mutation: too long as well.
      expect((await get('/ledger/balances?to=2026-06-30')).body.code).toBe('LEDG_020');
      const ledger = (await get('/ledger?code=1100')).body.items[0];
      expect((await get(`/ledger/${ledger.id}/balance?from=2025-01-01`)).body.code).toBe('LEDG_020');
      const month = await get('/ledger/balances?from=2025-01-01&to=2025-01-31');
      expect(month.status).toBe(200);
      expect(month.body.count).toBe(month.body.items.length);
    } finally {
      await sb.config({ ledgerBalancesMaxDays: 0 });
    }
    expect((await get('/ledger/balances?from=2025-01-01&to=2025-02-28')).status).toBe(200);
  });
});
