import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';

type List<T = Record<string, unknown>> = { items: T[]; count: number };

let sb: TestSandbox;
let token: string;
beforeAll(async () => {
  sb = await startTestSandbox({ seed: 'large' });
  token = await sb.restToken();
});
afterAll(() => sb.close());

async function get(path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${sb.url}/v1${path}`, { headers: { Authorization: token } });
  return { status: res.status, body: await res.json() };
}

describe('REST paging (large seed)', () => {
  it('defaults to 100 items; count is the number on the page', async () => {
    const { status, body } = await get('/relation');
    expect(status).toBe(200);
    expect(body.items).toHaveLength(100);
    expect(body.count).toBe(100);
  });

  it('serves 2,000 per page and the last page short; pages are disjoint and cover every relation', async () => {
    const seen = new Set<number>();
    let offset = 0;
    for (;;) {
      const { status, body } = await get(`/relation?limit=2000&offset=${offset}`);
      expect(status).toBe(200);
      for (const item of (body as List<{ id: number }>).items) seen.add(item.id);
      expect(body.count).toBe(body.items.length);
      if (body.items.length < 2000) break;
      offset += 2000;
    }
    expect(seen.size).toBe(sb.ctx.store.relations.size);
  });

  it.each([
    ['limit=2001', 'PAGE_001'],
    ['limit=0', 'PAGE_001'],
    ['limit=-1', 'PAGE_001'],
    ['limit=abc', 'PAGE_001'],
    ['limit=1.5', 'PAGE_001'],
    ['offset=-1', 'PAGE_002'],
    ['offset=x', 'PAGE_002'],
  ])('%s → 400 %s', async (query, code) => {
    const { status, body } = await get(`/mutation?${query}`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code, status: 400, type: 'validation' });
    expect(body.errors).toHaveLength(1);
  });

  it('limit 1 and an offset past the end', async () => {
    expect((await get('/product?limit=1')).body.count).toBe(1);
    const past = await get(`/product?offset=${sb.ctx.store.products.size}`);
    expect(past.body).toEqual({ items: [], count: 0 });
  });

  it('lists mutations ascending by id', async () => {
    const { body } = await get('/mutation?limit=2000&offset=58500');
    const ids = (body as List<{ id: number }>).items.map((m) => m.id);
    expect(ids.length).toBe(1500);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });
});

describe('REST list shapes', () => {
  it('relation list items are {id, type, code} only; the detail has the rest', async () => {
    const { body } = await get('/relation?limit=5');
    for (const item of body.items) expect(Object.keys(item).sort()).toEqual(['code', 'id', 'type']);
    const detail = await get(`/relation/${body.items[0].id}`);
    expect(detail.body).toMatchObject({
      id: body.items[0].id,
      code: body.items[0].code,
      name: expect.any(String),
      freeText10: expect.any(String),
    });
  });

  it('product list items are {id, code, description, unitId, active}; detail adds prices, VAT and ledger', async () => {
    const { body } = await get('/product?limit=3');
    for (const item of body.items)
      expect(Object.keys(item).sort()).toEqual(['active', 'code', 'description', 'id', 'unitId']);
    const detail = (await get(`/product/${body.items[0].id}`)).body;
    expect(detail).toMatchObject({
      vat: expect.any(String),
      ledgerId: expect.any(Number),
      priceExcl: expect.any(Number),
      inStockManagement: false,
    });
  });

  it('mutation list items have no rows; the detail has rows and a VAT summary', async () => {
    const { body } = await get('/mutation?type=2&limit=1');
    expect(Object.keys(body.items[0]).sort()).toEqual([
      'amount',
      'date',
      'entryNumber',
      'id',
      'invoiceNumber',
      'ledgerId',
      'type',
    ]);
    const detail = (await get(`/mutation/${body.items[0].id}`)).body;
    expect(detail.rows.length).toBeGreaterThan(0);
    const rowsIncl = detail.rows.reduce(
      (s: number, r: { amount: number; vatAmount: number }) => s + r.amount + r.vatAmount,
      0,
    );
    expect(body.items[0].amount).toBeCloseTo(rowsIncl, 2);
  });

  it('unknown ids are 404 with the entity code', async () => {
    expect((await get('/relation/1')).body).toMatchObject({ code: 'REL_055', status: 404 });
    expect((await get('/product/1')).body).toMatchObject({ code: 'ART_001', status: 404 });
    expect((await get('/mutation/999999999')).body).toMatchObject({ code: 'MUT_300', status: 404 });
    expect((await get('/invoice/1')).body).toMatchObject({ code: 'FACT_021', status: 404 });
    expect((await get('/ledger/1')).body).toMatchObject({ code: 'LEDG_011', status: 404 });
  });
});

describe('REST filters', () => {
  it('id[gt] gives the ids after a cursor, in order', async () => {
    const { body } = await get('/mutation?id[gt]=59990&limit=2000');
    expect(body.items.map((m: { id: number }) => m.id)).toEqual(Array.from({ length: 10 }, (_, i) => 59991 + i));
  });

  it('id range, gte/lte and not_eq', async () => {
    expect((await get('/mutation?id[range]=100,109')).body.count).toBe(10);
    expect((await get('/mutation?id[gte]=100&id[lte]=104')).body.items.map((m: { id: number }) => m.id)).toEqual([
      100, 101, 102, 103, 104,
    ]);
    const notEq = (await get('/mutation?id[lte]=3&id[not_eq]=2')).body.items.map((m: { id: number }) => m.id);
    expect(notEq).toEqual([1, 3]);
  });

  it('code eq (plain and [eq]) and like with % and ?', async () => {
    expect((await get('/relation?code=R00042')).body.items).toEqual([expect.objectContaining({ code: 'R00042' })]);
    expect((await get('/relation?code[eq]=R00042')).body.count).toBe(1);
    expect((await get('/relation?code[like]=R000%25&limit=2000')).body.count).toBe(99);
    expect((await get('/relation?code[like]=R0004?&limit=2000')).body.count).toBe(10);
    const notLike = (await get('/product?code[not_like]=P000%25&limit=2000&offset=2000')).body.items.map(
      (p: { code: string }) => p.code,
    );
    expect(notLike.length).toBe(sb.ctx.store.products.size - 99 - 2000);
    expect(notLike.every((c: string) => !c.startsWith('P000'))).toBe(true);
  });

  it('date range and gt/lt on mutations match what the store holds', async () => {
    const all = [...sb.ctx.store.mutations.values()];
    const expected = all.filter((m) => m.date >= '2026-03-01' && m.date <= '2026-03-07').length;
    let received = 0;
    for (let offset = 0; ; offset += 2000) {
      const { body } = await get(`/mutation?date[range]=2026-03-01,2026-03-07&limit=2000&offset=${offset}`);
      received += body.count;
      for (const m of body.items) expect(m.date >= '2026-03-01' && m.date <= '2026-03-07').toBe(true);
      if (body.count < 2000) break;
    }
    expect(received).toBe(expected);
    expect(expected).toBeGreaterThan(0);
    const gt = (await get('/mutation?date[gt]=2026-12-30&limit=2000')).body.items;
    expect(gt.every((m: { date: string }) => m.date > '2026-12-30')).toBe(true);
  });

  it('combines filters with paging (offset counts matches, not records)', async () => {
    const first = (await get('/mutation?type=3&limit=5')).body.items.map((m: { id: number }) => m.id);
    const second = (await get('/mutation?type=3&limit=5&offset=5')).body.items.map((m: { id: number }) => m.id);
    expect(second[0]).toBeGreaterThan(first[4]);
    for (const id of [...first, ...second]) expect(sb.ctx.store.mutations.get(id)!.type).toBe(3);
  });

  it('a bad filter value or operator is ERR_002 naming the parameter', async () => {
    expect((await get('/mutation?id[gt]=abc')).body).toMatchObject({
      code: 'ERR_002',
      propertyName: 'id',
      status: 400,
    });
    expect((await get('/mutation?date[range]=2026-01-01')).body).toMatchObject({
      code: 'ERR_002',
      propertyName: 'date',
    });
    expect((await get('/mutation?id[between]=1')).body).toMatchObject({ code: 'ERR_002' });
  });

  it('relation name/city filters and product groupCode', async () => {
    const city = (await get('/relation?city=Zwolle&limit=2000')).body;
    const expected = [...sb.ctx.store.relations.values()].filter((r) => r.city === 'Zwolle').length;
    expect(city.count).toBe(Math.min(expected, 2000));
    const arb = sb.ctx.store.productGroupByCode('ARB')!;
    const products = (await get('/product?groupCode=ARB&limit=2000')).body.items;
    expect(products.length).toBe([...sb.ctx.store.products.values()].filter((p) => p.groupId === arb.id).length);
  });
});

describe('REST other lists', () => {
  it('administrations are for accountants only (EP_001)', async () => {
    expect((await get('/administration')).body).toMatchObject({ code: 'EP_001', status: 400 });
    await sb.config({ accountant: true });
    try {
      const { status, body } = await get('/administration');
      expect(status).toBe(200);
      expect(body.count).toBe(sb.ctx.store.administrations.length);
      expect(Object.keys(body.items[0]).sort()).toEqual(['company', 'guid']);
    } finally {
      await sb.config({ accountant: false });
    }
  });

  it('outstanding needs credDeb C or D', async () => {
    expect((await get('/mutation/invoice/outstanding')).body).toMatchObject({ code: 'MUTA_006', status: 400 });
    expect((await get('/mutation/invoice/outstanding?credDeb=X')).body).toMatchObject({
      code: 'MUTA_007',
      status: 400,
    });
    const debtors = (await get('/mutation/invoice/outstanding?credDeb=D&limit=3')).body;
    expect(Object.keys(debtors.items[0]).sort()).toEqual([
      'company',
      'date',
      'invoiceNumber',
      'mutationId',
      'outstandingAmount',
      'paidAmount',
      'relationCode',
      'relationId',
      'totalAmount',
    ]);
  });

  it('units, groups, templates, cost centers and ledger balances', async () => {
    const units = (await get('/unit?singular=uur')).body.items;
    expect(units.map((u: { singular: string }) => u.singular.toLowerCase())).toContain('uur');
    expect((await get('/product/groups')).body.count).toBe(sb.ctx.store.productGroups.size);
    const templates = (await get('/invoicetemplate?active=false')).body.items;
    expect(templates.length).toBeGreaterThan(0);
    expect(templates.every((t: { active: boolean }) => t.active === false)).toBe(true);
    const centers = (await get('/costcenter')).body.items;
    const child = centers.find((c: { parentId: number }) => c.parentId !== 0);
    expect((await get(`/costcenter/${child.id}`)).body.fullPath).toContain('/');
    const balances = (await get('/ledger/balances?limit=2000')).body.items as { balance: number }[];
    // Double entry: every booking leaves the ledgers in balance.
    expect(balances.reduce((s, b) => s + b.balance, 0)).toBeCloseTo(0, 2);
  });
});
