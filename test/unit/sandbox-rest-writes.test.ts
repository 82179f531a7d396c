import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';

let sb: TestSandbox;
let token: string;
beforeAll(async () => {
  sb = await startTestSandbox({ seed: 'demo' });
});
afterAll(() => sb.close());
beforeEach(async () => {
  await sb.reset('demo');
  token = await sb.restToken();
});

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${sb.url}/v1${path}`, {
    method,
    headers: { Authorization: token, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
const store = () => sb.ctx.store;
const ledgerId = (code: string) => store().ledgerByCode(code)!.id;
const activeCustomer = () => [...store().relations.values()].find((r) => !r.inactive && r.code.startsWith('1'))!;
const inactiveCustomer = () => [...store().relations.values()].find((r) => r.inactive)!;
const template = (name = 'Standaard') => store().templateByName(name)!.id;

function invoice(overrides: Record<string, unknown> = {}, item: Record<string, unknown> = {}) {
  return {
    relationId: activeCustomer().id,
    templateId: template(),
    termOfPayment: 14,
    date: '2026-11-20',
    invoiceNumber: 'WB2026-001',
    items: [
      {
        description: 'Arbeid monteur',
        vatCode: 'HOOG_VERK_21',
        ledgerId: ledgerId('8000'),
        quantity: 2.5,
        pricePerUnit: 62.5,
        ...item,
      },
    ],
    ...overrides,
  };
}

describe('REST relations', () => {
  it('creates a relation → {id, code}; it lists, reads back and shows in state', async () => {
    const { status, body } = await call('POST', '/relation', {
      type: 'P',
      code: 'K9001',
      name: 'Jan Pietersen',
      emailAddress: 'jan@example.nl',
      iban: 'NL91ABNA0417164300',
      city: 'Ede',
    });
    expect(status).toBe(201);
    expect(body).toEqual({ id: expect.any(Number), code: 'K9001' });
    expect((await call('GET', `/relation/${body.id}`)).body).toMatchObject({
      type: 'P',
      name: 'Jan Pietersen',
      emailAddress: 'jan@example.nl',
      city: 'Ede',
    });
    expect((await call('GET', '/relation?code=K9001')).body.items).toEqual([{ id: body.id, type: 'P', code: 'K9001' }]);
    const state = await sb.state();
    expect(state.created.relations.map((r) => r.code)).toEqual(['K9001']);
  });

  it('generates a code when none is given, and honours createdStatus 200 (201 is the default)', async () => {
    await sb.config({ createdStatus: 200 });
    const { status, body } = await call('POST', '/relation', { name: 'Zonder Code' });
    expect(status).toBe(200);
    expect(body.code).toMatch(/^\d+$/);
    expect(store().relationByCode(body.code)?.name).toBe('Zonder Code');
  });

  it.each([
    [{ name: 'X', type: 'Q' }, 'REL_001', 'type'],
    [{}, 'REL_002', 'name'],
    [{ name: '  ' }, 'REL_002', 'name'],
    [{ name: 'x'.repeat(101) }, 'REL_003', 'name'],
    [{ name: 'X', gender: 'x' }, 'REL_004', 'gender'],
    [{ name: 'X', code: 'C'.repeat(16) }, 'REL_006', 'code'],
    [{ name: 'X', iban: 'NL00ABNA0417164300' }, 'REL_007', 'iban'],
    [{ name: 'X', companyRegistrationNumber: '12AB' }, 'REL_008', 'companyRegistrationNumber'],
    [{ name: 'X', contact: 'c'.repeat(51) }, 'REL_009', 'contact'],
    [{ name: 'X', city: 'c'.repeat(51) }, 'REL_013', 'city'],
    [{ name: 'X', emailAddress: 'not-an-email' }, 'REL_023', 'emailAddress'],
    [{ name: 'X', emailAddressInvoice: 'a@' }, 'REL_025', 'emailAddressInvoice'],
    [{ name: 'X', termOfPayment: -1 }, 'REL_030', 'termOfPayment'],
    [{ name: 'X', freeText3: 'f'.repeat(101) }, 'REL_039', 'freeText3'],
    [{ name: 'X', ledgerId: 1 }, 'REL_048', 'ledgerId'],
    [{ name: 'X', code: '1001' }, 'REL_049', 'code'],
    [{ name: 'X', mandateType: 'Z' }, 'REL_051', 'mandateType'],
    [{ name: 42 }, 'ERR_002', 'name'],
  ])('%j → %s', async (body, code, propertyName) => {
    const before = store().relations.size;
    const res = await call('POST', '/relation', body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code, propertyName, type: 'validation', status: 400 });
    expect(store().relations.size).toBe(before);
  });

  it('no body is DATA_01, broken JSON is ERR_002', async () => {
    expect((await call('POST', '/relation', '')).body).toMatchObject({ code: 'DATA_01' });
    expect((await call('POST', '/relation', '{"name":')).body).toMatchObject({ code: 'ERR_002' });
  });

  it("PATCH needs name, keeps its own code, rejects another relation's code, 404s on unknown ids", async () => {
    const r = activeCustomer();
    expect((await call('PATCH', `/relation/${r.id}`, { city: 'Baarn' })).body).toMatchObject({ code: 'REL_002' });
    const ok = await call('PATCH', `/relation/${r.id}`, { name: r.name, code: r.code, city: 'Baarn' });
    expect(ok.status).toBe(204);
    expect(store().relations.get(r.id)!.city).toBe('Baarn');
    expect((await call('PATCH', `/relation/${r.id}`, { name: r.name, code: '2001' })).body).toMatchObject({
      code: 'REL_049',
    });
    expect((await call('PATCH', '/relation/1', { name: 'X' })).body).toMatchObject({ code: 'REL_055', status: 404 });
  });
});

describe('REST invoices', () => {
  it('creates and books an invoice: totals per line in cents, a type-2 mutation on the debtors ledger, an open item', async () => {
    const res = await call(
      'POST',
      '/invoice',
      invoice({ mutation: { description: 'Werkbon 2026-001' } }, { quantity: 3, pricePerUnit: 33.33 }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(Number), invoiceNumber: 'WB2026-001', inExVat: 'EX' });
    const saved = (await call('GET', `/invoice/${res.body.id}`)).body;
    expect(saved.totalExcl).toBe(99.99);
    expect(saved.vatAmount).toBe(21); // 99.99 × 21% = 20.9979 → 21.00
    expect(saved.totalAmount).toBe(120.99);
    expect(saved.items).toHaveLength(1);
    const booked = store().invoiceByNumber('WB2026-001')!;
    const mutation = store().mutations.get(booked.mutationId)!;
    expect(mutation).toMatchObject({
      type: 2,
      ledgerId: ledgerId('1300'),
      invoiceNumber: 'WB2026-001',
      description: 'Werkbon 2026-001',
    });
    const open = (await call('GET', '/mutation/invoice/outstanding?credDeb=D&invoiceNumber=WB2026-001')).body.items;
    expect(open).toEqual([
      expect.objectContaining({
        totalAmount: 120.99,
        paidAmount: 0,
        outstandingAmount: 120.99,
        relationCode: activeCustomer().code,
      }),
    ]);
    expect((await sb.state()).created.invoices.map((i) => i.invoiceNumber)).toEqual(['WB2026-001']);
  });

  it('without `mutation` the invoice is not booked and not outstanding', async () => {
    const mutations = store().mutations.size;
    await call('POST', '/invoice', invoice());
    expect(store().mutations.size).toBe(mutations);
    expect(store().invoiceByNumber('WB2026-001')!.mutationId).toBe(0);
    expect((await call('GET', '/mutation/invoice/outstanding?credDeb=D&invoiceNumber=WB2026-001')).body.count).toBe(0);
  });

  it('an invoice number is unique: FACT_101, also against seeded invoices', async () => {
    expect((await call('POST', '/invoice', invoice())).status).toBe(201);
    const again = await call('POST', '/invoice', invoice());
    expect(again.body).toMatchObject({ code: 'FACT_101', propertyName: 'invoiceNumber', status: 400 });
    const seeded = [...store().invoices.values()][0].invoiceNumber;
    expect((await call('POST', '/invoice', invoice({ invoiceNumber: seeded }))).body).toMatchObject({
      code: 'FACT_101',
    });
    expect(
      store()
        .sorted(store().invoices)
        .filter((i) => i.invoiceNumber === 'WB2026-001'),
    ).toHaveLength(1);
  });

  it('numbers the invoice when no number is given', async () => {
    const a = (await call('POST', '/invoice', invoice({ invoiceNumber: '' }))).body.invoiceNumber;
    const b = (await call('POST', '/invoice', invoice({ invoiceNumber: undefined }))).body.invoiceNumber;
    expect(a).toMatch(/\d$/);
    expect(b).toMatch(/\d$/);
    expect(a).not.toBe(b);
  });

  it.each([
    [{ relationId: undefined }, {}, 'FACT_001', 'relationId'],
    [{ relationId: 12345 }, {}, 'FACT_002', 'relationId'],
    [{ invoiceNumber: 'X'.repeat(50) + '1' }, {}, 'FACT_007', 'invoiceNumber'],
    [{ invoiceNumber: 'WB2026-A' }, {}, 'FACT_009', 'invoiceNumber'],
    [{ inExVat: 'INCL' }, {}, 'FACT_010', 'inExVat'],
    [{ date: undefined }, {}, 'FACT_011', 'date'],
    [{ date: '2026-02-30' }, {}, 'FACT_012', 'date'],
    [{ date: '1999-12-31' }, {}, 'FACT_013', 'date'],
    [{ termOfPayment: undefined }, {}, 'FACT_015', 'termOfPayment'],
    [{ termOfPayment: -3 }, {}, 'FACT_016', 'termOfPayment'],
    [{ text: 't'.repeat(35001) }, {}, 'FACT_017', 'text'],
    [{ templateId: 1 }, {}, 'FACT_018', 'templateId'],
    [{ items: [] }, {}, 'FACT_019', 'items'],
    [{ email: { fromEmail: 'nope', subject: 'S', body: 'B' } }, {}, 'FACT_EMAIL_006', 'email.fromEmail'],
    [{ email: { fromEmail: 'a@b.nl', subject: '', body: 'B' } }, {}, 'FACT_EMAIL_013', 'email.subject'],
    [{}, { description: '' }, 'FACT_ITEM_001', 'items[0].description'],
    [{}, { code: 'c'.repeat(51) }, 'FACT_ITEM_003', 'items[0].code'],
    [{}, { pricePerUnit: undefined }, 'FACT_ITEM_004', 'items[0].pricePerUnit'],
    [{ inExVat: 'IN' }, { pricePerUnit: undefined }, 'FACT_ITEM_005', 'items[0].pricePerUnit'],
    [{}, { vatCode: undefined }, 'FACT_ITEM_006', 'items[0].vatCode'],
    [{}, { ledgerId: undefined }, 'FACT_ITEM_007', 'items[0].ledgerId'],
    [{}, { unitId: 999 }, 'FACT_ITEM_010', 'items[0].unitId'],
    [{}, { productId: 1 }, 'FACT_ITEM_011', 'items[0].productId'],
    [{}, { ledgerId: 1 }, 'FACT_ITEM_012', 'items[0].ledgerId'],
    [{}, { discountAmount: 1, discountPercentage: 5 }, 'FACT_ITEM_013', 'items[0].discountAmount'],
    [{}, { vatCode: 'HOOG_VERK_99' }, 'FACT_ITEM_014', 'items[0].vatCode'],
    [{}, { vatCode: 'HOOG_INK_21' }, 'FACT_ITEM_014', 'items[0].vatCode'],
    [{}, { vatAmount: 5 }, 'FACT_ITEM_015', 'items[0].vatAmount'],
  ])('%j / item %j → %s', async (overrides, item, code, propertyName) => {
    const body = invoice(overrides, item);
    const before = store().invoices.size;
    const res = await call('POST', '/invoice', body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code, propertyName, status: 400 });
    expect(store().invoices.size).toBe(before);
  });

  it('an inactive relation is FACT_003', async () => {
    expect((await call('POST', '/invoice', invoice({ relationId: inactiveCustomer().id }))).body).toMatchObject({
      code: 'FACT_003',
    });
  });

  it('a valid e-mail block is accepted (and nothing is sent)', async () => {
    const res = await call(
      'POST',
      '/invoice',
      invoice({
        email: { fromEmail: 'factuur@vandijk.nl', fromName: 'Van Dijk', subject: 'Factuur', body: 'Zie bijlage' },
      }),
    );
    expect(res.status).toBe(201);
  });

  it('IN prices include VAT', async () => {
    await call('POST', '/invoice', invoice({ inExVat: 'IN' }, { quantity: 1, pricePerUnit: 121 }));
    expect(store().invoiceByNumber('WB2026-001')).toMatchObject({ totalAmount: 121, totalExcl: 100, vatAmount: 21 });
  });
});

describe('open items follow payments', () => {
  it('a partial payment lowers the outstanding amount; paying the rest removes the item', async () => {
    const customer = activeCustomer();
    await call('POST', '/invoice', invoice({ mutation: {} }, { quantity: 1, pricePerUnit: 100 }));
    const outstanding = async () =>
      (await call('GET', '/mutation/invoice/outstanding?credDeb=D&invoiceNumber=WB2026-001')).body.items;
    expect((await outstanding())[0]).toMatchObject({ totalAmount: 121, outstandingAmount: 121 });
    const pay = (amount: number) =>
      call('POST', '/mutation', {
        type: 3,
        date: '2026-11-25',
        ledgerId: ledgerId('1100'),
        relationId: customer.id,
        description: 'Betaling',
        rows: [{ ledgerId: ledgerId('1300'), vatCode: 'GEEN', amount, invoiceNumber: 'WB2026-001' }],
      });
    const first = await pay(50);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: expect.any(Number) });
    expect((await outstanding())[0]).toMatchObject({ paidAmount: 50, outstandingAmount: 71 });
    await pay(71);
    expect(await outstanding()).toEqual([]);
  });

  it('a purchase invoice is outstanding on the creditors side until paid', async () => {
    const supplier = store().relationByCode('2001')!;
    const book = await call('POST', '/mutation', {
      type: 1,
      date: '2026-11-02',
      ledgerId: ledgerId('1600'),
      relationId: supplier.id,
      invoiceNumber: 'TU-77001',
      description: 'Materialen',
      rows: [{ ledgerId: ledgerId('4700'), vatCode: 'HOOG_INK_21', amount: 200 }],
    });
    expect(book.status).toBe(201);
    const creditors = async () =>
      (await call('GET', '/mutation/invoice/outstanding?credDeb=C&invoiceNumber=TU-77001')).body.items;
    expect((await creditors())[0]).toMatchObject({ totalAmount: 242, outstandingAmount: 242, relationCode: '2001' });
    await call('POST', '/mutation', {
      type: 4,
      date: '2026-11-20',
      ledgerId: ledgerId('1100'),
      relationId: supplier.id,
      rows: [{ ledgerId: ledgerId('1600'), vatCode: 'GEEN', amount: 242, invoiceNumber: 'TU-77001' }],
    });
    expect(await creditors()).toEqual([]);
  });

  it('the demo open items equal invoices minus payments, computed independently', async () => {
    const totals = new Map<string, number>();
    for (const m of store().mutations.values()) {
      const sign = m.type === 2 ? 1 : m.type === 3 ? -1 : 0;
      if (!sign) continue;
      for (const r of m.rows) {
        const number = r.invoiceNumber || m.invoiceNumber;
        totals.set(number, (totals.get(number) ?? 0) + sign * r.amountIncl);
      }
    }
    const expected = [...totals]
      .filter(([, v]) => Math.abs(v) > 0.004)
      .map(([n]) => n)
      .sort();
    const items = (await call('GET', '/mutation/invoice/outstanding?credDeb=D&limit=2000')).body.items as {
      invoiceNumber: string;
      outstandingAmount: number;
    }[];
    expect(items.map((i) => i.invoiceNumber).sort()).toEqual(expected);
    for (const i of items) expect(i.outstandingAmount).toBeCloseTo(totals.get(i.invoiceNumber)!, 2);
    expect(expected.length).toBeGreaterThan(0);
  });
});

describe('REST mutations', () => {
  const valid = () => ({
    type: 6,
    date: '2026-11-10',
    ledgerId: ledgerId('1100'),
    description: 'Parkeren',
    rows: [{ ledgerId: ledgerId('4200'), vatCode: 'HOOG_INK_21', amount: 10 }],
  });

  it('creates a mutation with the next id', async () => {
    const last = Math.max(...store().mutations.keys());
    const res = await call('POST', '/mutation', valid());
    expect(res.body).toEqual({ id: last + 1 });
    const saved = (await call('GET', `/mutation/${last + 1}`)).body;
    expect(saved.rows[0]).toMatchObject({ amount: 10, vatAmount: 2.1, vatCode: 'HOOG_INK_21' });
  });

  it.each([
    [{ type: undefined }, 'MUTA_002', 'type'],
    [{ type: 9 }, 'MUT_001', 'type'],
    [{ date: undefined }, 'MUT_003', 'date'],
    [{ date: '10-11-2026' }, 'MUT_004', 'date'],
    [{ ledgerId: undefined }, 'MUTA_001', 'ledgerId'],
    [{ ledgerId: 1 }, 'MUT_007', 'ledgerId'],
    [{ ledgerId: 'L:4700' }, 'MUT_009', 'ledgerId'],
    [{ type: 2, ledgerId: 'L:1100', relationId: 'R:1001', invoiceNumber: 'F1' }, 'MUT_011', 'ledgerId'],
    [{ type: 1, ledgerId: 'L:1600', invoiceNumber: 'X1' }, 'MUT_012', 'relationId'],
    [{ type: 1, ledgerId: 'L:1600', relationId: 'R:2001' }, 'MUT_002', 'invoiceNumber'],
    [{ relationId: 42 }, 'MUT_013', 'relationId'],
    [{ inExVat: 'BOTH' }, 'MUT_017', 'inExVat'],
    [{ invoiceNumber: 'n'.repeat(51) }, 'MUT_018', 'invoiceNumber'],
    [{ rows: [] }, 'MUT_100', 'rows'],
    [
      { rows: Array.from({ length: 501 }, () => ({ ledgerId: 'L:4200', vatCode: 'GEEN', amount: 1 })) },
      'MUT_101',
      'rows',
    ],
    [{ rows: [{ vatCode: 'GEEN', amount: 1 }] }, 'MUTA_004', 'rows[0].ledgerId'],
    [{ rows: [{ ledgerId: 1, vatCode: 'GEEN', amount: 1 }] }, 'MUT_104', 'rows[0].ledgerId'],
    [{ rows: [{ ledgerId: 'L:4200', vatCode: 'XYZ', amount: 1 }] }, 'MUT_109', 'rows[0].vatCode'],
    [{ rows: [{ ledgerId: 'L:4200', vatCode: 'HOOG_VERK_21', amount: 1 }] }, 'MUT_110', 'rows[0].vatCode'],
    [{ type: 5, rows: [{ ledgerId: 'L:8000', vatCode: 'HOOG_INK_21', amount: 1 }] }, 'MUT_111', 'rows[0].vatCode'],
    [
      { rows: [{ ledgerId: 'L:4200', vatCode: 'HOOG_INK_21', amount: 1, vatAmount: 0.2 }] },
      'MUTA_003',
      'rows[0].vatAmount',
    ],
    [{ type: 3, rows: [{ ledgerId: 'L:1300', vatCode: 'GEEN', amount: 1 }] }, 'MUT_120', 'rows[0].invoiceNumber'],
    [
      { rows: [{ ledgerId: 'L:4200', vatCode: 'GEEN', amount: 1, costCenterId: 1 }] },
      'MUT_117',
      'rows[0].costCenterId',
    ],
  ])('%j → %s', async (overrides, code, propertyName) => {
    // 'L:code' and 'R:code' stand for the ids of that ledger / relation.
    const resolve = (v: unknown): unknown =>
      typeof v === 'string' && v.startsWith('L:')
        ? ledgerId(v.slice(2))
        : typeof v === 'string' && v.startsWith('R:')
          ? store().relationByCode(v.slice(2))!.id
          : Array.isArray(v)
            ? v.map(resolve)
            : v && typeof v === 'object'
              ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]))
              : v;
    const before = store().mutations.size;
    const res = await call('POST', '/mutation', resolve({ ...valid(), ...overrides }));
    expect(res.body).toMatchObject({ code, propertyName, status: 400 });
    expect(store().mutations.size).toBe(before);
  });

  it('a sales invoice number already booked is MUT_019; a supplier invoice number twice for one supplier is MUT_020', async () => {
    const seeded = [...store().invoices.values()][0];
    const sales = await call('POST', '/mutation', {
      type: 2,
      date: '2026-11-10',
      ledgerId: ledgerId('1300'),
      relationId: seeded.relationId,
      invoiceNumber: seeded.invoiceNumber,
      rows: [{ ledgerId: ledgerId('8000'), vatCode: 'HOOG_VERK_21', amount: 10 }],
    });
    expect(sales.body).toMatchObject({ code: 'MUT_019' });
    const supplier = store().relationByCode('2002')!;
    const purchase = {
      type: 1,
      date: '2026-11-10',
      ledgerId: ledgerId('1600'),
      relationId: supplier.id,
      invoiceNumber: 'RX-1',
      rows: [{ ledgerId: ledgerId('4700'), vatCode: 'HOOG_INK_21', amount: 10 }],
    };
    expect((await call('POST', '/mutation', purchase)).status).toBe(201);
    expect((await call('POST', '/mutation', purchase)).body).toMatchObject({ code: 'MUT_020' });
    const other = store().relationByCode('2003')!;
    expect((await call('POST', '/mutation', { ...purchase, relationId: other.id })).status).toBe(201);
  });
});
