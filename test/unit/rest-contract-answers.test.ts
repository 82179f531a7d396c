/**
 * Answers e-Boekhouden's OpenAPI document (openapi-v1.json) allows, and what the client sends
 * because the document says so. Each case is a shape the document's schema or example shows.
 */
import { describe, expect, it } from 'vitest';
import { collect } from '../../lib/eboekhouden/api';
import { EBoekhoudenError, isDuplicate } from '../../lib/eboekhouden/errors';
import type { NewInvoice } from '../../lib/eboekhouden/types';
import { caught, harness, json, LEDGERS, lookupRoutes, paged } from '../helpers/rest-fake';

const invoice: NewInvoice = {
  number: 'F2026-0007',
  relationCode: 'KL001',
  date: '2026-08-29',
  termOfPayment: 14,
  template: 'Standaard',
  bookInAccounts: true,
  lines: [
    { code: 'ARB', description: 'Arbeid', quantity: 2, pricePerUnit: 50, vatCode: 'HOOG_VERK_21', ledgerCode: '8000' },
  ],
};

const invoiceRoutes = () => ({
  ...lookupRoutes(),
  'GET /v1/relation': paged([{ id: 901, type: 'B', code: 'KL001' }]),
});

describe('REST error bodies as the document allows them', () => {
  it('keeps code, title and propertyName when `errors` is an object map (the document example)', async () => {
    const { transport } = harness({
      'POST /v1/relation': () =>
        json(400, {
          errors: { 'relation.name': ['Name is mandatory.'] },
          type: 'validation',
          propertyName: 'relation.name',
          code: 'REL_002',
          title: 'Name is missing.',
          status: 400,
          traceId: 'ABCDEF-123456.',
        }),
    });
    const error = await caught(transport.createRelation({ code: 'X1', type: 'B', name: 'Valid here' }));
    expect(error).toBeInstanceOf(EBoekhoudenError);
    expect(error).toMatchObject({ kind: 'validation', code: 'REL_002', field: 'relation.name', status: 400 });
    expect((error as Error).message).toContain('Name is missing.');
  });

  it('reads the first sentence of an `errors` map when there is no message or title', async () => {
    const { transport } = harness({
      'POST /v1/relation': () =>
        json(400, { type: 'validation', code: 'REL_023', errors: { emailAddress: ['Invalid e-mail.'] }, status: 400 }),
    });
    const error = await caught(transport.createRelation({ code: 'X1', type: 'B', name: 'Valid here' }));
    expect(error).toMatchObject({ code: 'REL_023' });
    expect((error as Error).message).toContain('Invalid e-mail.');
  });

  it('still reads an array of strings (the document schema)', async () => {
    const { transport } = harness({
      'POST /v1/relation': () =>
        json(400, { type: 'validation', code: 'REL_025', errors: ['Invalid invoice e-mail.'], status: 400 }),
    });
    const error = await caught(transport.createRelation({ code: 'X1', type: 'B', name: 'Valid here' }));
    expect(error).toMatchObject({ code: 'REL_025' });
    expect((error as Error).message).toContain('Invalid invoice e-mail.');
  });

  it('one odd field (a status as a digit string, errors as a number) does not cost the code', async () => {
    const { transport } = harness({
      'POST /v1/relation': () =>
        json(400, { type: 'validation', code: 'REL_002', title: 'Name is missing.', status: '400', errors: 7 }),
    });
    const error = await caught(transport.createRelation({ code: 'X1', type: 'B', name: 'Valid here' }));
    expect(error).toMatchObject({ kind: 'validation', code: 'REL_002' });
    expect((error as Error).message).toContain('Name is missing.');
  });
});

describe('REST list answers as the document allows them', () => {
  it('an envelope with `items: null` is an empty list, `count` as a digit string is read', async () => {
    const empty = harness({ 'GET /v1/relation': () => json(200, { items: null, count: '0' }) });
    expect((await collect(empty.transport.listRelations())).items).toEqual([]);

    const one = harness({
      'GET /v1/relation': () => json(200, { items: [{ id: 1, type: 'B', code: 'R1' }], count: '1' }),
    });
    expect((await collect(one.transport.listRelations())).items).toEqual([{ id: 1, type: 'B', code: 'R1' }]);
  });

  it('an envelope without `items` at all is still an error, never an empty list', async () => {
    const { transport } = harness({ 'GET /v1/relation': () => json(200, { count: 3 }) });
    expect(await caught(collect(transport.listRelations()))).toMatchObject({ kind: 'upstream', field: 'items' });
  });

  it('reads mutation types as numbers and as digit strings, and the opening balance (id 0, type 0)', async () => {
    const { transport } = harness({
      ...lookupRoutes(),
      'GET /v1/mutation': paged([
        { id: 0, type: 0, date: '2026-01-01', ledgerId: 22206001, amount: 100 },
        { id: 12, type: '2', date: '2026-08-29', invoiceNumber: 'F00001', ledgerId: 22206002, amount: 12 },
        { id: 13, type: 7, date: '2026-08-29', ledgerId: 22206001, amount: 1 },
        { id: 14, type: '8', date: '2026-08-29', ledgerId: 22206001, amount: 1 },
        { id: 15, type: 'x', date: '2026-08-29', ledgerId: 22206001, amount: 1 },
      ]),
    });
    const pages = [];
    for await (const page of transport.listMutations()) pages.push(page);
    expect(pages.flatMap((p) => p.items).map((m) => [m.id, m.type])).toEqual([
      [0, 0],
      [12, 2],
      [13, 7],
    ]);
    expect(pages.flatMap((p) => p.rejected ?? []).map((r) => r.id)).toEqual([14, 15]);
  });

  it('keeps an open item with `invoiceNumber: null` (the document example): money owed', async () => {
    const { transport } = harness({
      'GET /v1/mutation/invoice/outstanding': paged([
        {
          date: '2026-08-29',
          mutationId: 1,
          invoiceNumber: null,
          relationId: 101,
          relationCode: null,
          company: 'SkillSource',
          totalAmount: 100,
          paidAmount: 0,
          outstandingAmount: 100,
        },
      ]),
      'GET /v1/relation/{id}': () => json(200, { id: 101, type: 'B', code: 'SKILL' }),
    });
    const { items } = await collect(transport.listOpenItems('debtors'));
    expect(items).toEqual([
      {
        side: 'debtors',
        date: '2026-08-29',
        relationCode: 'SKILL',
        relationName: 'SkillSource',
        total: 100,
        paid: 0,
        outstanding: 100,
        mutationId: 1,
      },
    ]);
  });

  it('finds an invoice whose list item has no relationId or totals, taking them from the detail', async () => {
    const { transport } = harness({
      ...lookupRoutes(),
      'GET /v1/invoice': paged([{ id: 1000, invoiceNumber: 'F00001', date: '2026-08-29' }]),
      'GET /v1/invoice/{id}': () =>
        json(200, {
          id: 1000,
          invoiceNumber: 'F00001',
          relationId: 1500,
          date: '2026-08-29',
          totalExcl: 121,
          totalAmount: 131.89,
          vatAmount: 10.89,
          urlPdfFile: 'https://secure.e-boekhouden.nl/pdf/F00001.pdf',
          items: [
            { description: 'Product A', quantity: 2, pricePerUnit: 60.5, vatCode: 'LAAG_VERK_9', ledgerId: 22206462 },
          ],
        }),
      'GET /v1/relation/{id}': () => json(200, { id: 1500, type: 'B', code: 'KL1500' }),
    });
    expect(await transport.findInvoice('F00001')).toMatchObject({
      number: 'F00001',
      relationCode: 'KL1500',
      totalExcl: 121,
      totalVat: 10.89,
      totalIncl: 131.89,
      pdfUrl: 'https://secure.e-boekhouden.nl/pdf/F00001.pdf',
    });
  });

  it('sums totals in cents from the lines when neither the list item nor the detail has them', async () => {
    const { transport } = harness({
      ...lookupRoutes(),
      'GET /v1/invoice': paged([{ id: 1000, invoiceNumber: 'F00001', relationId: 1500, date: '2026-08-29' }]),
      'GET /v1/invoice/{id}': () =>
        json(200, {
          id: 1000,
          invoiceNumber: 'F00001',
          date: '2026-08-29',
          items: [
            {
              description: 'A',
              quantity: 3,
              pricePerUnit: 0.1,
              vatCode: 'HOOG_VERK_21',
              vatAmount: 0.06,
              ledgerId: 22206462,
            },
            {
              description: 'B',
              quantity: 1,
              pricePerUnit: 0.2,
              vatCode: 'HOOG_VERK_21',
              vatAmount: 0.04,
              ledgerId: 22206462,
            },
          ],
        }),
      'GET /v1/relation/{id}': () => json(200, { id: 1500, type: 'B', code: 'KL1500' }),
    });
    const found = await transport.findInvoice('F00001');
    expect(found).toMatchObject({ relationCode: 'KL1500', totalExcl: 0.5, totalVat: 0.1, totalIncl: 0.6 });
  });

  it('summed totals apply a line discount to the price per unit, as the document describes it', async () => {
    const { transport } = harness({
      ...lookupRoutes(),
      'GET /v1/invoice': paged([{ id: 1000, invoiceNumber: 'F00001', relationId: 1500, date: '2026-08-29' }]),
      'GET /v1/invoice/{id}': () =>
        json(200, {
          id: 1000,
          invoiceNumber: 'F00001',
          date: '2026-08-29',
          items: [
            // 3 × (10 − 2) = 24.00 (VAT 21% from the code: 5.04); 4 × 5 × 0.75 = 15.00 (no VAT)
            {
              description: 'A',
              quantity: 3,
              pricePerUnit: 10,
              discountAmount: 2,
              vatCode: 'HOOG_VERK_21',
              ledgerId: 22206462,
            },
            {
              description: 'B',
              quantity: 4,
              pricePerUnit: 5,
              discountPercentage: 25,
              vatCode: 'GEEN',
              ledgerId: 22206462,
            },
          ],
        }),
      'GET /v1/relation/{id}': () => json(200, { id: 1500, type: 'B', code: 'KL1500' }),
    });
    expect(await transport.findInvoice('F00001')).toMatchObject({ totalExcl: 39, totalVat: 5.04, totalIncl: 44.04 });
  });

  it('a list item with an unknown extra field still parses', async () => {
    const { transport } = harness({
      'GET /v1/relation': paged([{ id: 1, type: 'B', code: 'R1', somethingNew: { a: 1 } }]),
    });
    expect((await collect(transport.listRelations())).items).toEqual([{ id: 1, type: 'B', code: 'R1' }]);
  });
});

describe('what the REST client sends because the document says so', () => {
  it('accepts 500 invoice lines and refuses 501 with FACT_025 before anything is sent', async () => {
    const line = invoice.lines[0];
    const ok = harness({
      ...invoiceRoutes(),
      'POST /v1/invoice': () => json(201, { id: 1, invoiceNumber: 'F2026-0007' }),
    });
    await ok.transport.createInvoice({ ...invoice, lines: Array.from({ length: 500 }, () => line) });
    expect((ok.fake.callsTo('POST /v1/invoice')[0].body as { items: unknown[] }).items).toHaveLength(500);

    const tooMany = harness({
      ...invoiceRoutes(),
      'POST /v1/invoice': () => json(201, { id: 1, invoiceNumber: 'X1' }),
    });
    const error = await caught(
      tooMany.transport.createInvoice({ ...invoice, lines: Array.from({ length: 501 }, () => line) }),
    );
    expect(error).toMatchObject({ kind: 'validation', code: 'FACT_025', field: 'lines' });
    expect((error as Error).message).toContain('500');
    expect(tooMany.fake.callsTo('POST /v1/invoice')).toHaveLength(0);
    expect(isDuplicate(error)).toBe(false);
  });

  it('books with the invoice number as checked payment reference', async () => {
    const { transport, fake } = harness({
      ...invoiceRoutes(),
      'POST /v1/invoice': () => json(201, { id: 1, invoiceNumber: 'F2026-0007' }),
    });
    await transport.createInvoice(invoice);
    const body = fake.callsTo('POST /v1/invoice')[0].body as { mutation: Record<string, unknown> };
    expect(body.mutation).toEqual({
      description: 'Factuur F2026-0007',
      ledgerId: LEDGERS.find((l) => l.code === '1300')!.id,
      paymentReference: 'F2026-0007',
      checkPaymentReference: true,
    });
  });

  it('without a number (e-Boekhouden numbers it) no payment reference is sent', async () => {
    const { transport, fake } = harness({
      ...invoiceRoutes(),
      'POST /v1/invoice': () => json(201, { id: 1, invoiceNumber: 'F00009' }),
    });
    await transport.createInvoice({ ...invoice, number: '' });
    const body = fake.callsTo('POST /v1/invoice')[0].body as { mutation: Record<string, unknown> };
    expect(body.mutation).not.toHaveProperty('paymentReference');
    expect(body.mutation).not.toHaveProperty('checkPaymentReference');
  });

  for (const code of ['FACT_VERWERK_004', 'MUTA_008']) {
    it(`${code} (payment reference already exists) is a duplicate: the invoice is there already`, async () => {
      const { transport } = harness({
        ...invoiceRoutes(),
        'POST /v1/invoice': () =>
          json(400, { type: 'validation', code, title: 'Payment reference already exists.', status: 400 }),
      });
      const error = await caught(transport.createInvoice(invoice));
      expect(error).toMatchObject({ kind: 'validation', code });
      expect(isDuplicate(error)).toBe(true);
    });
  }

  it('keeps urlPdfFile of a created invoice', async () => {
    const { transport } = harness({
      ...invoiceRoutes(),
      'POST /v1/invoice': () =>
        json(201, { id: 1000, invoiceNumber: 'F2026-0007', urlPdfFile: 'https://secure.e-boekhouden.nl/f.pdf' }),
    });
    expect(await transport.createInvoice(invoice)).toEqual({
      id: 1000,
      number: 'F2026-0007',
      pdfUrl: 'https://secure.e-boekhouden.nl/f.pdf',
    });
  });

  it('sends and reads emailAddressInvoice and emailAddressReminder', async () => {
    const { transport, fake } = harness({
      'POST /v1/relation': () => json(201, { id: 77, code: 'KL077' }),
      'GET /v1/relation/{id}': () =>
        json(200, {
          id: 77,
          type: 'B',
          code: 'KL077',
          name: 'Bakkerij',
          emailAddress: 'info@bakkerij.nl',
          emailAddressInvoice: 'facturen@bakkerij.nl',
          emailAddressReminder: 'herinnering@bakkerij.nl',
        }),
    });
    await transport.createRelation({
      code: 'KL077',
      type: 'B',
      name: 'Bakkerij',
      email: 'info@bakkerij.nl',
      emailInvoice: 'facturen@bakkerij.nl',
      emailReminder: 'herinnering@bakkerij.nl',
    });
    expect(fake.callsTo('POST /v1/relation')[0].body).toMatchObject({
      emailAddress: 'info@bakkerij.nl',
      emailAddressInvoice: 'facturen@bakkerij.nl',
      emailAddressReminder: 'herinnering@bakkerij.nl',
    });
    expect(await transport.getRelation(77)).toMatchObject({
      email: 'info@bakkerij.nl',
      emailInvoice: 'facturen@bakkerij.nl',
      emailReminder: 'herinnering@bakkerij.nl',
    });
  });

  it('the default session source matches the document pattern', async () => {
    const { transport, fake } = harness({});
    await transport.open();
    const source = (fake.callsTo('POST /v1/session')[0].body as { source: string }).source;
    expect(source).toMatch(/^[\w_ ]{1,10}$/);
  });
});

describe('administrations: /v1/administration for accountants, /linked for everyone', () => {
  const ep001 = () =>
    json(400, {
      type: 'validation',
      code: 'EP_001',
      title: 'This endpoint is only available to accountants.',
      status: 400,
    });

  it('an accountant gets /v1/administration and /linked is not asked', async () => {
    const { transport, fake } = harness({
      'GET /v1/administration': paged([
        { guid: 'g-1', company: 'A' },
        { guid: 'g-2', company: 'B' },
      ]),
      'GET /v1/administration/linked': paged([{ guid: 'g-1', company: 'A' }]),
    });
    expect((await transport.listAdministrations()).map((a) => a.guid)).toEqual(['g-1', 'g-2']);
    expect(fake.callsTo('GET /v1/administration/linked')).toHaveLength(0);
  });

  it('anyone else gets the /linked list after EP_001, with no error', async () => {
    const { transport } = harness({
      'GET /v1/administration': ep001,
      'GET /v1/administration/linked': paged([{ guid: 'g-9', company: 'Eigen bedrijf' }]),
    });
    expect(await transport.listAdministrations()).toEqual([{ guid: 'g-9', company: 'Eigen bedrijf' }]);
  });

  it('a throttled /linked is reported as such, not as "not an accountant"', async () => {
    const { transport } = harness(
      {
        'GET /v1/administration': ep001,
        'GET /v1/administration/linked': () => json(429, { type: 'error', title: 'Too many requests', status: 429 }),
      },
      { retries: 0 },
    );
    expect(await caught(transport.listAdministrations())).toMatchObject({ kind: 'limit' });
  });

  it('when e-Boekhouden refuses /linked too, the EP_001 stands (callers read it as "not an accountant")', async () => {
    const { transport } = harness({
      'GET /v1/administration': ep001,
      'GET /v1/administration/linked': ep001,
    });
    const e = await caught(transport.listAdministrations());
    expect(e).toMatchObject({ code: 'EP_001', status: 400, operation: 'GET /v1/administration' });
  });

  it('a failing /linked (5xx) is reported as that failure, not as "not an accountant"', async () => {
    const { transport } = harness(
      {
        'GET /v1/administration': ep001,
        'GET /v1/administration/linked': () => json(500, { type: 'error', title: 'Oops', status: 500 }),
      },
      { retries: 0 },
    );
    expect(await caught(transport.listAdministrations())).toMatchObject({ status: 500 });
  });
});
