import { describe, expect, it } from 'vitest';
import { collect } from '../../lib/eboekhouden/api';
import { harness, json, lookupRoutes, paged, LEDGERS } from '../helpers/rest-fake';

describe('REST mapping: wire JSON → domain records', () => {
  it('maps relation list rows to {id, code, type} and a relation detail to the domain names', async () => {
    const { transport } = harness({
      'GET /v1/relation': paged([
        { id: 901, type: 'B', code: 'KL001' },
        { id: 902, type: 'P', code: 'KL002' },
      ]),
      'GET /v1/relation/{id}': () =>
        json(200, {
          id: 901,
          type: 'B',
          code: 'KL001',
          date: '2024-02-03T00:00:00',
          name: 'Bakkerij Jansen',
          contact: 'Piet Jansen',
          address: 'Dorpsstraat 1',
          postalCode: '1234 AB',
          city: 'Utrecht',
          country: 'NL',
          phoneNumber: '030-1234567',
          emailAddress: 'piet@example.nl',
          vatNumber: 'NL001234567B01',
          companyRegistrationNumber: '12345678',
          iban: 'NL91ABNA0417164300',
          termOfPayment: 14,
          inactive: false,
          freeText1: 'ignored',
        }),
    });
    const { items } = await collect(transport.listRelations());
    expect(items).toEqual([
      { id: 901, code: 'KL001', type: 'B' },
      { id: 902, code: 'KL002', type: 'P' },
    ]);
    expect(await transport.getRelation(901)).toEqual({
      id: 901,
      code: 'KL001',
      type: 'B',
      name: 'Bakkerij Jansen',
      contact: 'Piet Jansen',
      email: 'piet@example.nl',
      phone: '030-1234567',
      address: 'Dorpsstraat 1',
      postalCode: '1234 AB',
      city: 'Utrecht',
      country: 'NL',
      vatNumber: 'NL001234567B01',
      cocNumber: '12345678',
      iban: 'NL91ABNA0417164300',
      termOfPayment: 14,
      inactive: false,
      addedOn: '2024-02-03',
    });
  });

  it('accepts a relation with only the required fields; empty and null fields are left out', async () => {
    const { transport } = harness({
      'GET /v1/relation/{id}': () =>
        json(200, { id: 5, type: 'P', code: 'P5', name: 'An', emailAddress: '', city: null }),
    });
    expect(await transport.getRelation(5)).toEqual({ id: 5, code: 'P5', type: 'P', name: 'An', inactive: false });
  });

  it('resolves the product unit to its name, and "" for unit 0 or an unknown unit', async () => {
    const { transport } = harness({
      ...lookupRoutes(),
      'GET /v1/product': paged([
        { id: 1, code: 'ARB', description: 'Arbeid', unitId: 5, active: true },
        { id: 2, code: 'KAB', description: 'Kabel', unitId: 0, active: true },
        { id: 3, code: 'OUD', description: 'Oud', unitId: 999, active: false },
        { id: 4, code: 'NIX', description: 'Zonder' },
      ]),
    });
    const { items } = await collect(transport.listProducts());
    expect(items.map((p) => [p.code, p.unit, p.active])).toEqual([
      ['ARB', 'uur', true],
      ['KAB', '', true],
      ['OUD', '', false],
      ['NIX', '', true],
    ]);
  });

  it('getProduct maps vat → vatCode and ledgerId → ledgerCode', async () => {
    const { transport } = harness({
      ...lookupRoutes(),
      'GET /v1/product/{id}': () =>
        json(200, {
          id: 1,
          code: 'ARB',
          description: 'Arbeid',
          unitId: 5,
          active: true,
          groupId: 0,
          purchasePriceExcl: 20,
          priceExcl: 55,
          priceIncl: 66.55,
          vat: 'HOOG_VERK_21',
          ledgerId: 22206463,
          costCenterId: 0,
          inStockManagement: false,
        }),
    });
    expect(await transport.getProduct(1)).toEqual({
      id: 1,
      code: 'ARB',
      description: 'Arbeid',
      unit: 'uur',
      active: true,
      priceExcl: 55,
      priceIncl: 66.55,
      purchasePriceExcl: 20,
      vatCode: 'HOOG_VERK_21',
      ledgerCode: '8100',
    });
  });

  it('getProduct resolves groupId to the group code; no group lookup for a product without one', async () => {
    const { transport, fake } = harness({
      ...lookupRoutes(),
      'GET /v1/product/groups': paged([{ id: 301, code: 'INST', description: 'Installatie' }]),
      'GET /v1/product/{id}': (call) =>
        json(200, {
          id: Number(call.path.split('/').pop()),
          code: 'K',
          description: 'Kabel',
          unitId: 6,
          active: true,
          groupId: call.path.endsWith('/1') ? 301 : 0,
        }),
    });
    expect(await transport.getProduct(2)).not.toHaveProperty('groupCode');
    expect(fake.callsTo('GET /v1/product/groups')).toHaveLength(0);
    expect(await transport.getProduct(1)).toMatchObject({ id: 1, unit: 'stuk', groupCode: 'INST' });
  });

  it('maps ledger accounts, invoice templates and administrations', async () => {
    const { transport } = harness({
      ...lookupRoutes(),
      'GET /v1/administration': paged([{ guid: 'A1B2', company: 'Klant BV' }]),
    });
    const ledgers = await collect(transport.listLedgerAccounts());
    expect(ledgers.items[0]).toEqual({ id: 22206001, code: '1000', description: 'Kas', category: 'FIN' });
    expect(ledgers.items[4]).toEqual({ id: 22206462, code: '8000', description: 'Omzet', category: 'VW', group: '80' });
    expect(ledgers.items).toHaveLength(LEDGERS.length);
    const templates = await collect(transport.listInvoiceTemplates());
    expect(templates.items).toEqual([
      { id: 71, name: 'Standaard', active: true, type: 'E' },
      { id: 72, name: 'Engels', active: false, type: 'A' },
    ]);
    expect(await transport.listAdministrations()).toEqual([{ guid: 'A1B2', company: 'Klant BV' }]);
  });

  it('maps mutation rows without lines, ledgerId → ledgerCode, a date with a time part to YYYY-MM-DD', async () => {
    const { transport, fake } = harness({
      ...lookupRoutes(),
      'GET /v1/mutation': paged([
        { id: 0, type: 0, date: '2024-01-01', ledgerId: 22206001, amount: 100 },
        {
          id: 17,
          type: 2,
          date: '2024-03-05T00:00:00',
          invoiceNumber: 'F2024-7',
          ledgerId: 22206002,
          amount: 121,
          entryNumber: '',
        },
      ]),
    });
    const { items } = await collect(transport.listMutations({ afterId: 0, from: '2024-01-01', to: '2024-12-31' }));
    expect(items).toEqual([
      { id: 0, type: 0, date: '2024-01-01', ledgerCode: '1000', amount: 100 },
      { id: 17, type: 2, date: '2024-03-05', ledgerCode: '1300', invoiceNumber: 'F2024-7', amount: 121 },
    ]);
    expect(items.every((m) => m.lines === undefined)).toBe(true);
    const call = fake.callsTo('GET /v1/mutation')[0];
    expect(call.query.get('id[gt]')).toBe('0');
    expect(call.query.get('date[range]')).toBe('2024-01-01,2024-12-31');
    expect(call.search).toContain('id[gt]=0');
    expect(transport.capabilities).toEqual({
      completeLists: true,
      listInvoiceTemplates: true,
      listsCarryDetails: false,
      mutationLinesInLists: false,
    });
  });

  it('filters mutations by one date bound with gte/lte, and sends no filter when none is asked', async () => {
    const { transport, fake } = harness({ ...lookupRoutes(), 'GET /v1/mutation': paged([]) });
    await collect(transport.listMutations({ from: '2024-06-01' }));
    await collect(transport.listMutations({ to: '2024-06-30' }));
    await collect(transport.listMutations());
    const [a, b, c] = fake.callsTo('GET /v1/mutation');
    expect(a.query.get('date[gte]')).toBe('2024-06-01');
    expect(b.query.get('date[lte]')).toBe('2024-06-30');
    expect([...c.query.keys()].sort()).toEqual(['limit', 'offset']);
  });

  it('maps open items for each side with credDeb D / C, resolving a missing relation code by id', async () => {
    const { transport, fake } = harness({
      'GET /v1/mutation/invoice/outstanding': (call) =>
        call.query.get('credDeb') === 'D'
          ? json(200, {
              items: [
                {
                  date: '2024-04-01T00:00:00',
                  mutationId: 33,
                  invoiceNumber: 'F1',
                  relationId: 901,
                  relationCode: 'KL001',
                  company: 'Bakkerij Jansen',
                  totalAmount: 121,
                  paidAmount: 21,
                  outstandingAmount: 100,
                },
                {
                  date: '2024-04-02',
                  invoiceNumber: 'F2',
                  relationId: 902,
                  company: 'Visser',
                  totalAmount: 50,
                  outstandingAmount: 50,
                },
              ],
              count: 2,
            })
          : json(200, { items: [], count: 0 }),
      'GET /v1/relation/{id}': (call) =>
        json(200, { id: 902, type: 'P', code: 'KL002', name: 'Visser', path: call.path }),
    });
    const debtors = await collect(transport.listOpenItems('debtors'));
    expect(debtors.items).toEqual([
      {
        side: 'debtors',
        date: '2024-04-01',
        invoiceNumber: 'F1',
        relationCode: 'KL001',
        relationName: 'Bakkerij Jansen',
        total: 121,
        paid: 21,
        outstanding: 100,
        mutationId: 33,
      },
      {
        side: 'debtors',
        date: '2024-04-02',
        invoiceNumber: 'F2',
        relationCode: 'KL002',
        relationName: 'Visser',
        total: 50,
        paid: 0,
        outstanding: 50,
      },
    ]);
    expect(fake.callsTo('GET /v1/relation/{id}').map((c) => c.path)).toEqual(['/v1/relation/902']);
    const creditors = await collect(transport.listOpenItems('creditors'));
    expect(creditors.items).toEqual([]);
    expect(fake.callsTo('GET /v1/mutation/invoice/outstanding').map((c) => c.query.get('credDeb'))).toEqual(['D', 'C']);
  });

  it('an empty list yields one empty page', async () => {
    const { transport } = harness({ 'GET /v1/relation': () => json(200, { items: [], count: 0 }) });
    const pages = [];
    for await (const page of transport.listRelations()) pages.push(page);
    expect(pages).toEqual([{ items: [], received: 0 }]);
  });
});
