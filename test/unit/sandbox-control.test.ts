import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ seed: 'demo', config: { restSessionTtlSeconds: 900 } });
});
afterAll(() => sb.close());
beforeEach(() => sb.reset('demo'));

async function rest(path: string, token: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${sb.url}/v1${path}`, {
    ...init,
    headers: { Authorization: token, 'Content-Type': 'application/json' },
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

describe('control API', () => {
  it('reset switches seeds and reports the counts the store holds', async () => {
    const large = await sb.reset('large');
    expect(large.seed).toBe('large');
    expect(large.counts).toMatchObject({ relations: 10_000, products: 3_000, mutations: 60_000 });
    const demo = await sb.reset('demo');
    const s = sb.ctx.store;
    expect(demo.counts).toEqual({
      relations: s.relations.size,
      products: s.products.size,
      ledgers: s.ledgers.size,
      mutations: s.mutations.size,
      invoices: s.invoices.size,
      templates: s.templates.size,
      openDebtors: s.openItems('D').length,
      openCreditors: s.openItems('C').length,
    });
    await expect(sb.reset('huge' as never)).rejects.toThrow(/400/);
  });

  it('reset drops writes, faults and stats, and returns to the start config plus the given one', async () => {
    const token = await sb.restToken();
    await rest('/relation', token, { method: 'POST', body: JSON.stringify({ name: 'Tijdelijk', code: 'TMP1' }) });
    await sb.faults({ rate: 1, kinds: ['http500'], operations: ['GET /v1/unit'] });
    await sb.config({ restSessionTtlSeconds: 5 });
    await sb.reset('demo', { accountant: true });
    expect(sb.ctx.store.relationByCode('TMP1')).toBeUndefined();
    expect((await sb.stats()).total).toBe(0);
    expect(sb.ctx.config).toMatchObject({ accountant: true, restSessionTtlSeconds: 900 });
    const fresh = await sb.restToken();
    expect((await rest('/unit', fresh)).status).toBe(200);
    expect((await rest('/administration', fresh)).status).toBe(200);
  });

  it('config changes apply at once and never show credentials', async () => {
    const res = await fetch(`${sb.url}/__sandbox/config`, {
      method: 'POST',
      body: JSON.stringify({ soapListCap: 50, apiToken: 'changed-token' }),
    });
    const text = await res.text();
    expect(JSON.parse(text).soapListCap).toBe(50);
    expect(text).not.toContain('changed-token');
    expect(text).not.toContain(sb.ctx.config.securityCode1);
    expect(sb.ctx.config.apiToken).toBe('changed-token');
  });

  it('state lists what was created through the API, with invoice lines, and not the seed', async () => {
    const token = await sb.restToken();
    const created = await rest('/relation', token, {
      method: 'POST',
      body: JSON.stringify({ name: 'Nieuw B.V.', code: 'NW1' }),
    });
    const invoice = {
      relationId: created.body.id,
      templateId: sb.ctx.store.templateByName('Standaard')!.id,
      termOfPayment: 30,
      date: '2026-11-21',
      invoiceNumber: 'ST-1',
      items: [
        {
          description: 'Arbeid',
          vatCode: 'HOOG_VERK_21',
          ledgerId: sb.ctx.store.ledgerByCode('8000')!.id,
          quantity: 2,
          pricePerUnit: 60,
        },
        {
          description: 'Isolatie',
          vatCode: 'LAAG_VERK_9',
          ledgerId: sb.ctx.store.ledgerByCode('8100')!.id,
          quantity: 10,
          pricePerUnit: 11.5,
        },
      ],
    };
    expect((await rest('/invoice', token, { method: 'POST', body: JSON.stringify(invoice) })).status).toBe(201);
    const state = await sb.state();
    expect(state.created.relations.map((r) => r.code)).toEqual(['NW1']);
    expect(state.created.invoices).toHaveLength(1);
    expect(state.created.invoices[0]).toMatchObject({
      invoiceNumber: 'ST-1',
      createdVia: 'rest',
      totalExcl: 235,
      vatAmount: 35.55,
      totalAmount: 270.55,
    });
    expect(state.created.invoices[0].items.map((i) => i.vatPercentage)).toEqual([21, 9]);
    expect(state.counts.invoices).toBe(sb.ctx.store.invoices.size);
  });

  it('stats count by operation template and reset', async () => {
    const token = await sb.restToken();
    const id = [...sb.ctx.store.relations.keys()][0];
    await rest(`/relation/${id}`, token);
    await rest(`/relation/${id + 1}`, token);
    await rest('/relation', token);
    const stats = await sb.stats();
    expect(stats.byOperation).toMatchObject({
      'POST /v1/session': 1,
      'GET /v1/relation/{id}': 2,
      'GET /v1/relation': 1,
    });
    expect(stats.total).toBe(4);
    await sb.resetStats();
    expect(await sb.stats()).toEqual({ total: 0, byOperation: {} });
  });

  it('corrupt writes a raw value that the API then serves, and other records stay intact', async () => {
    const token = await sb.restToken();
    const [first, second] = sb.ctx.store.sorted(sb.ctx.store.products);
    await sb.corrupt('product', first.id, 'code', null);
    const list = (await rest('/product?limit=2', token)).body.items;
    expect(list[0]).toMatchObject({ id: first.id, code: null });
    expect(list[1]).toMatchObject({ id: second.id, code: second.code });
    expect((await rest(`/product/${first.id}`, token)).body.code).toBeNull();

    const relation = sb.ctx.store.sorted(sb.ctx.store.relations)[0];
    await sb.corrupt('relation', relation.id, 'type', 'X');
    expect((await rest('/relation?limit=1', token)).body.items[0]).toEqual({
      id: relation.id,
      type: 'X',
      code: relation.code,
    });
  });

  it('a mutation with corrupt rows does not break lists or open items', async () => {
    const token = await sb.restToken();
    const sale = [...sb.ctx.store.mutations.values()].find((m) => m.type === 2)!;
    await sb.corrupt('mutation', sale.id, 'rows', null);
    expect((await rest(`/mutation?id=${sale.id}`, token)).body.items[0]).toMatchObject({ id: sale.id, amount: 0 });
    expect((await rest('/mutation/invoice/outstanding?credDeb=D&limit=2000', token)).status).toBe(200);
    await sb.corrupt('mutation', sale.id, 'date', 12345);
    expect((await rest(`/mutation?date[gte]=2025-01-01&id=${sale.id}`, token)).body.count).toBe(0);
  });

  it('corrupt refuses unknown entities, ids and the id field', async () => {
    const id = [...sb.ctx.store.products.keys()][0];
    await expect(sb.corrupt('ledger' as never, id, 'code', null)).rejects.toThrow(/400/);
    await expect(sb.corrupt('product', 1, 'code', null)).rejects.toThrow(/404/);
    await expect(sb.corrupt('product', id, 'id', 5)).rejects.toThrow(/400/);
  });

  it('expire-sessions reports how many were open', async () => {
    await sb.restToken();
    await sb.restToken();
    expect(await sb.expireSessions()).toBe(2);
    expect(await sb.expireSessions()).toBe(0);
  });
});
