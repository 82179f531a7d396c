import { describe, expect, it } from 'vitest';
import type { NewInvoice } from '../../lib/eboekhouden/types';
import { caught, harness, json, lookupRoutes, paged, type Handler } from '../helpers/rest-fake';

const invoice: NewInvoice = {
  number: 'F2024-0001',
  relationCode: 'KL001',
  date: '2024-05-01',
  termOfPayment: 14,
  template: 'Standaard',
  bookInAccounts: true,
  lines: [
    {
      code: 'ARB',
      description: 'Arbeid',
      quantity: 2.5,
      unit: 'uur',
      pricePerUnit: 55,
      vatCode: 'HOOG_VERK_21',
      ledgerCode: '8100',
    },
    {
      code: 'KAB',
      description: 'Kabel 3x2,5',
      quantity: 10,
      pricePerUnit: 1.25,
      vatCode: 'HOOG_VERK_21',
      ledgerCode: '8000',
      costCenterId: 3,
    },
  ],
};

/** The relation list honours the `code` filter, as the service does. */
const relationsByCode: Handler = (call) => {
  const all = [
    { id: 901, type: 'B', code: 'KL001' },
    { id: 902, type: 'P', code: 'KL002' },
  ];
  const code = call.query.get('code');
  return paged(code === null ? all : all.filter((r) => r.code === code))(call, 0);
};

const created = () => json(201, { id: 555, invoiceNumber: 'F2024-0001', inExVat: 'EX' });

describe('REST createInvoice', () => {
  it('sends ids for codes, EX VAT, and books on the lowest-code DEB ledger', async () => {
    const { transport, fake } = harness({
      ...lookupRoutes(),
      'GET /v1/relation': relationsByCode,
      'POST /v1/invoice': created,
    });
    expect(await transport.createInvoice(invoice)).toEqual({ number: 'F2024-0001', id: 555 });
    expect(fake.callsTo('GET /v1/relation')[0].query.get('code')).toBe('KL001');
    const [post] = fake.callsTo('POST /v1/invoice');
    expect(post.body).toEqual({
      relationId: 901,
      templateId: 71,
      termOfPayment: 14,
      invoiceNumber: 'F2024-0001',
      date: '2024-05-01',
      inExVat: 'EX',
      items: [
        {
          description: 'Arbeid',
          vatCode: 'HOOG_VERK_21',
          ledgerId: 22206463,
          quantity: 2.5,
          code: 'ARB',
          pricePerUnit: 55,
          unitId: 5,
        },
        {
          description: 'Kabel 3x2,5',
          vatCode: 'HOOG_VERK_21',
          ledgerId: 22206462,
          quantity: 10,
          code: 'KAB',
          pricePerUnit: 1.25,
          costCenterId: 3,
        },
      ],
      // The number as checked payment reference: e-Boekhouden refuses a second booking of it.
      mutation: {
        description: 'Factuur F2024-0001',
        ledgerId: 22206002,
        paymentReference: 'F2024-0001',
        checkPaymentReference: true,
      },
    });
    expect(post.headers['content-type']).toBe('application/json');
  });

  it('leaves out the booking when not asked, the number when empty, and sends the e-mail object when set', async () => {
    const { transport, fake } = harness({
      ...lookupRoutes(),
      'GET /v1/relation': relationsByCode,
      'POST /v1/invoice': created,
    });
    await transport.createInvoice({
      ...invoice,
      number: '',
      bookInAccounts: false,
      email: {
        subject: 'Uw factuur',
        body: 'Zie bijlage',
        fromAddress: 'info@example.nl',
        fromName: 'Installatiebedrijf',
      },
    });
    const body = fake.callsTo('POST /v1/invoice')[0].body as Record<string, unknown>;
    expect(body).not.toHaveProperty('mutation');
    expect(body).not.toHaveProperty('invoiceNumber');
    expect(body.email).toEqual({
      fromEmail: 'info@example.nl',
      fromName: 'Installatiebedrijf',
      subject: 'Uw factuur',
      body: 'Zie bijlage',
    });
  });

  it('uses a custom booking description', async () => {
    const { transport, fake } = harness({
      ...lookupRoutes(),
      'GET /v1/relation': relationsByCode,
      'POST /v1/invoice': created,
    });
    await transport.createInvoice({ ...invoice, bookingDescription: 'Werkbon 12' });
    expect((fake.callsTo('POST /v1/invoice')[0].body as { mutation: unknown }).mutation).toEqual({
      description: 'Werkbon 12',
      ledgerId: 22206002,
      paymentReference: 'F2024-0001',
      checkPaymentReference: true,
    });
  });

  it('looks up each table once per session and each relation code once', async () => {
    const { transport, fake } = harness({
      ...lookupRoutes(),
      'GET /v1/relation': relationsByCode,
      'POST /v1/invoice': created,
    });
    await transport.createInvoice(invoice);
    await transport.createInvoice({ ...invoice, number: 'F2024-0002' });
    expect(fake.callsTo('GET /v1/relation')).toHaveLength(1);
    expect(fake.callsTo('GET /v1/ledger')).toHaveLength(1);
    expect(fake.callsTo('GET /v1/invoicetemplate')).toHaveLength(1);
    expect(fake.callsTo('GET /v1/unit')).toHaveLength(1);
    await transport.close();
    await transport.createInvoice({ ...invoice, number: 'F2024-0003' });
    expect(fake.callsTo('GET /v1/ledger')).toHaveLength(2);
  });

  it.each([
    ['an unknown relation code', { relationCode: 'NOPE' }, 'FACT_002', 'relationCode', /NOPE/],
    ['an unknown template', { template: 'Bestaat niet' }, 'FACT_018', 'template', /Bestaat niet/],
    [
      'an unknown counter account',
      { lines: [invoice.lines[0], { ...invoice.lines[1], ledgerCode: '9999' }] },
      'FACT_ITEM_012',
      'lines[1].ledgerCode',
      /9999/,
    ],
  ])(
    '%s is a validation error with a clear message, and nothing is sent',
    async (_what, change, code, field, mentions) => {
      const { transport, fake } = harness({
        ...lookupRoutes(),
        'GET /v1/relation': relationsByCode,
        'POST /v1/invoice': created,
      });
      const error = await caught(transport.createInvoice({ ...invoice, ...change } as NewInvoice));
      expect(error).toMatchObject({ kind: 'validation', code, field, operation: 'POST /v1/invoice' });
      expect((error as Error).message).toMatch(mentions);
      expect(fake.callsTo('POST /v1/invoice')).toHaveLength(0);
    },
  );

  it('an invoice our own rules refuse is never sent (purchase VAT code, no lines)', async () => {
    const { transport, fake } = harness({
      ...lookupRoutes(),
      'GET /v1/relation': relationsByCode,
      'POST /v1/invoice': created,
    });
    const purchase = await caught(
      transport.createInvoice({ ...invoice, lines: [{ ...invoice.lines[0], vatCode: 'HOOG_INK_21' }] }),
    );
    expect(purchase).toMatchObject({ kind: 'validation', field: 'lines[0].vatCode' });
    const empty = await caught(transport.createInvoice({ ...invoice, lines: [] }));
    expect(empty).toMatchObject({ kind: 'validation', field: 'lines' });
    expect(fake.calls.filter((c) => c.method === 'POST' && c.path !== '/v1/session')).toHaveLength(0);
  });

  it('refuses to book when the administration has no DEB ledger', async () => {
    const { transport, fake } = harness({
      ...lookupRoutes(),
      'GET /v1/ledger': paged([{ id: 1, code: '8000', description: 'Omzet', category: 'VW' }]),
      'GET /v1/relation': relationsByCode,
      'POST /v1/invoice': created,
    });
    const error = await caught(transport.createInvoice({ ...invoice, lines: [{ ...invoice.lines[1] }] }));
    expect(error).toMatchObject({ kind: 'validation', field: 'bookInAccounts' });
    expect(fake.callsTo('POST /v1/invoice')).toHaveLength(0);
  });

  it('an answer without an invoice number is an upstream error naming the field', async () => {
    const { transport } = harness({
      ...lookupRoutes(),
      'GET /v1/relation': relationsByCode,
      'POST /v1/invoice': () => json(200, { id: 1 }),
    });
    expect(await caught(transport.createInvoice(invoice))).toMatchObject({
      kind: 'upstream',
      field: 'invoiceNumber',
      operation: 'POST /v1/invoice',
    });
  });
});

describe('REST findInvoice', () => {
  const detail = {
    id: 555,
    invoiceNumber: 'F2024-0001',
    relationId: 902,
    date: '2024-05-01T00:00:00',
    termOfPayment: 14,
    totalExcl: 150,
    vatAmount: 31.5,
    totalAmount: 181.5,
    urlPdfFile: 'https://example.test/f.pdf',
    templateId: 71,
    inExVat: 'EX',
    items: [
      {
        code: 'ARB',
        description: 'Arbeid',
        quantity: 2,
        unitId: 5,
        pricePerUnit: 50,
        vatCode: 'HOOG_VERK_21',
        ledgerId: 22206463,
      },
      { description: 'Voorrijkosten', amount: 1, pricePerUnit: 50, vatCode: 'HOOG_VERK_21', ledgerId: 22206462 },
    ],
  };

  it('finds by number, then reads the lines and the relation code', async () => {
    const { transport, fake } = harness({
      ...lookupRoutes(),
      'GET /v1/invoice': (call) =>
        paged(
          call.query.get('invoiceNumber') === 'F2024-0001' ? [{ ...detail, items: undefined, inExVat: undefined }] : [],
        )(call, 0),
      'GET /v1/invoice/{id}': () => json(200, detail),
      'GET /v1/relation/{id}': () => json(200, { id: 902, type: 'P', code: 'KL002', name: 'Visser' }),
    });
    expect(await transport.findInvoice('F2024-0001')).toEqual({
      number: 'F2024-0001',
      relationCode: 'KL002',
      date: '2024-05-01',
      termOfPayment: 14,
      totalExcl: 150,
      totalVat: 31.5,
      totalIncl: 181.5,
      pdfUrl: 'https://example.test/f.pdf',
      lines: [
        {
          code: 'ARB',
          description: 'Arbeid',
          quantity: 2,
          unit: 'uur',
          pricePerUnit: 50,
          vatCode: 'HOOG_VERK_21',
          ledgerCode: '8100',
        },
        {
          code: '',
          description: 'Voorrijkosten',
          quantity: 1,
          pricePerUnit: 50,
          vatCode: 'HOOG_VERK_21',
          ledgerCode: '8000',
        },
      ],
    });
    expect(fake.callsTo('GET /v1/invoice/{id}')[0].path).toBe('/v1/invoice/555');
    expect(await transport.findInvoice('F2024-0002')).toBeNull();
    expect(fake.callsTo('GET /v1/invoice/{id}')).toHaveLength(1);
  });

  it('a line with a malformed field is an upstream error naming the line', async () => {
    const { transport } = harness({
      ...lookupRoutes(),
      'GET /v1/invoice': paged([{ ...detail, items: undefined }]),
      'GET /v1/invoice/{id}': () =>
        json(200, { ...detail, items: [detail.items[0], { ...detail.items[1], vatCode: 21 }] }),
    });
    expect(await caught(transport.findInvoice('F2024-0001'))).toMatchObject({
      kind: 'upstream',
      field: 'items[1].vatCode',
    });
  });
});

describe('REST relations by code', () => {
  it('findRelationByCode returns the whole relation, or null when the code is unknown', async () => {
    const { transport, fake } = harness({
      'GET /v1/relation': relationsByCode,
      'GET /v1/relation/{id}': () =>
        json(200, { id: 901, type: 'B', code: 'KL001', name: 'Bakkerij Jansen', inactive: true }),
    });
    expect(await transport.findRelationByCode('KL001')).toMatchObject({
      id: 901,
      code: 'KL001',
      name: 'Bakkerij Jansen',
      inactive: true,
    });
    expect(await transport.findRelationByCode('ZZZ')).toBeNull();
    expect(fake.callsTo('GET /v1/relation/{id}')).toHaveLength(1);
  });

  it('a relation that vanished between list and read is null; a path nobody serves is an error', async () => {
    const gone = harness({
      'GET /v1/relation': relationsByCode,
      'GET /v1/relation/{id}': () =>
        json(404, { type: 'notfound', code: 'REL_055', title: 'Relation not found.', status: 404 }),
    });
    expect(await gone.transport.findRelationByCode('KL001')).toBeNull();

    const misrouted = harness({
      'GET /v1/relation': relationsByCode,
      'GET /v1/relation/{id}': () => json(404, { title: 'Not Found', status: 404 }),
    });
    expect(await caught(misrouted.transport.findRelationByCode('KL001'))).toMatchObject({
      kind: 'upstream',
      status: 404,
    });
  });

  it('createRelation sends REST names, returns {id, code}, and remembers the code for invoices', async () => {
    const { transport, fake } = harness({
      ...lookupRoutes(),
      'GET /v1/relation': relationsByCode,
      'POST /v1/relation': () => json(201, { id: 950, code: 'NEW01' }),
      'POST /v1/invoice': created,
    });
    const result = await transport.createRelation({
      code: 'NEW01',
      type: 'B',
      name: 'Nieuw BV',
      email: 'a@b.nl',
      phone: '06-1',
      cocNumber: '123',
      termOfPayment: 30,
    });
    expect(result).toEqual({ id: 950, code: 'NEW01' });
    expect(fake.callsTo('POST /v1/relation')[0].body).toEqual({
      code: 'NEW01',
      type: 'B',
      name: 'Nieuw BV',
      emailAddress: 'a@b.nl',
      phoneNumber: '06-1',
      companyRegistrationNumber: '123',
      termOfPayment: 30,
    });
    await transport.createInvoice({ ...invoice, relationCode: 'NEW01' });
    expect((fake.callsTo('POST /v1/invoice')[0].body as { relationId: number }).relationId).toBe(950);
    expect(fake.callsTo('GET /v1/relation')).toHaveLength(0);
  });

  it('a relation our rules refuse is not sent', async () => {
    const { transport, fake } = harness({ 'POST /v1/relation': () => json(201, { id: 1, code: 'X' }) });
    expect(await caught(transport.createRelation({ code: 'X', type: 'B', name: ' ' }))).toMatchObject({
      kind: 'validation',
      field: 'name',
    });
    expect(fake.calls).toHaveLength(0);
  });
});
