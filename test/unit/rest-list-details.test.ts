/**
 * The REST transport under the real import steps: list items that carry every detail field (the
 * document's examples of /v1/relation and /v1/product) need no detail reads; thin ones still do.
 * Also the open-items import of an item without an invoice number.
 */
import { describe, expect, it } from 'vitest';
import { WorkspaceDb } from '../../lib/db';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { createRestTransport } from '../../lib/eboekhouden/rest';
import { runSync, saveSettings } from '../../lib/sync/index';
import { importCustomers, importOpenItems, importProducts } from '../../lib/sync/imports/index';
import type { SyncStep } from '../../lib/sync/step';
import { API_TOKEN, createFake, json, lookupRoutes, paged, type Fake, type Handler } from '../helpers/rest-fake';

let dbCount = 0;
async function connectedDb(): Promise<WorkspaceDb> {
  const db = new WorkspaceDb(`rest-list-details-${process.pid}-${Date.now()}-${dbCount++}`);
  const r = await saveSettings(db, { ...DEFAULT_SETTINGS, connection: { kind: 'token', apiToken: API_TOKEN } });
  expect(r.ok).toBe(true);
  return db;
}

function run(db: WorkspaceDb, fake: Fake, steps: SyncStep[]) {
  return runSync({
    db,
    trigger: 'manual',
    steps,
    createApi: () =>
      createRestTransport({
        baseUrl: 'http://eb.test',
        credentials: { kind: 'token', apiToken: API_TOKEN },
        fetch: fake.fetch,
        sleep: async () => undefined,
        random: () => 0.5,
      }),
  });
}

/** A relation as the document's detail example has it: every field, some null. */
function fullRelation(i: number) {
  return {
    id: 1000 + i,
    type: 'B',
    code: `KL${String(i).padStart(3, '0')}`,
    date: '2026-08-29T00:00:00+02:00',
    name: `Klant ${i}`,
    contact: null,
    address: `Straat ${i}`,
    postalCode: '1000 AB',
    city: 'Amsterdam',
    country: null,
    phoneNumber: null,
    mobilePhoneNumber: '+31612345678',
    emailAddress: `info${i}@example.nl`,
    emailAddressInvoice: `facturen${i}@example.nl`,
    emailAddressReminder: null,
    vatNumber: null,
    inactive: false,
    termOfPayment: 30,
    companyRegistrationNumber: null,
    iban: null,
    bic: null,
    freeText1: null,
    ledgerId: null,
    mandate: null,
  };
}
const thin = (r: ReturnType<typeof fullRelation>) => ({ id: r.id, type: r.type, code: r.code });

/** A product as the document's list example has it: every detail field. */
function fullProduct(i: number) {
  return {
    id: 2000 + i,
    code: `P${i}`,
    description: `Product ${i}`,
    unitId: i % 2 ? 5 : 6,
    active: true,
    groupId: null,
    purchasePriceExcl: null,
    priceExcl: 10 + i,
    priceIncl: null,
    vat: 'HOOG_VERK_21',
    ledgerId: 22206462,
    costCenterId: null,
    inStockManagement: null,
    updateSubscriptions: null,
  };
}
const thinProduct = (p: ReturnType<typeof fullProduct>) => ({
  id: p.id,
  code: p.code,
  description: p.description,
  unitId: p.unitId,
  active: p.active,
});

function byId(records: { id: number }[]): Handler {
  return (call) => {
    const found = records.find((r) => call.path.endsWith(`/${r.id}`));
    return found
      ? json(200, found)
      : json(404, { type: 'notfound', code: 'REL_055', title: 'Not found.', status: 404 });
  };
}

describe('REST list items that carry the detail fields', () => {
  const relations = Array.from({ length: 12 }, (_, i) => fullRelation(i + 1));
  const products = Array.from({ length: 9 }, (_, i) => fullProduct(i + 1));

  it('relations: full list items make no detail requests, and their fields are stored', async () => {
    const db = await connectedDb();
    const fake = createFake({ 'GET /v1/relation': paged(relations), 'GET /v1/relation/{id}': byId(relations) });
    const result = await run(db, fake, [importCustomers]);
    expect(result.result).toBe('ok');
    expect(fake.callsTo('GET /v1/relation/{id}')).toHaveLength(0);
    const stored = await db.customers.orderBy('remoteId').toArray();
    expect(stored).toHaveLength(12);
    expect(stored[0]).toMatchObject({
      code: 'KL001',
      name: 'Klant 1',
      city: 'Amsterdam',
      email: 'info1@example.nl',
      emailInvoice: 'facturen1@example.nl',
      phone: '+31612345678',
      termOfPayment: 30,
      status: 'active',
    });
    expect(stored[0].emailReminder).toBeUndefined();

    // The next run lists them again: still no detail reads (and no rotation of re-reads).
    const again = await run(db, fake, [importCustomers]);
    expect(again.result).toBe('ok');
    expect(fake.callsTo('GET /v1/relation/{id}')).toHaveLength(0);
  });

  it('relations: thin list items are still read in full, one detail request each', async () => {
    const db = await connectedDb();
    const fake = createFake({
      'GET /v1/relation': paged(relations.map(thin)),
      'GET /v1/relation/{id}': byId(relations),
    });
    expect((await run(db, fake, [importCustomers])).result).toBe('ok');
    expect(fake.callsTo('GET /v1/relation/{id}')).toHaveLength(12);
    expect((await db.customers.where('code').equals('KL003').first())?.emailInvoice).toBe('facturen3@example.nl');
  });

  it('relations: a mix reads details only for the items that lack them', async () => {
    const db = await connectedDb();
    // A list item missing one detail field the domain reads is thin.
    const { emailAddressReminder: _left, ...partial } = relations[4];
    const mixed = relations.map((r, i) => (i === 2 ? thin(r) : i === 4 ? partial : r));
    const fake = createFake({ 'GET /v1/relation': paged(mixed), 'GET /v1/relation/{id}': byId(relations) });
    expect((await run(db, fake, [importCustomers])).result).toBe('ok');
    expect(fake.callsTo('GET /v1/relation/{id}').map((c) => c.path)).toEqual(
      expect.arrayContaining(['/v1/relation/1003', '/v1/relation/1005']),
    );
    expect(fake.callsTo('GET /v1/relation/{id}')).toHaveLength(2);
    expect(await db.customers.count()).toBe(12);
  });

  it('products: full list items make no detail requests; VAT code and counter account are kept', async () => {
    const db = await connectedDb();
    const fake = createFake({
      ...lookupRoutes(),
      'GET /v1/product/groups': paged([]),
      'GET /v1/product': paged(products),
      'GET /v1/product/{id}': byId(products),
    });
    expect((await run(db, fake, [importProducts])).result).toBe('ok');
    expect(fake.callsTo('GET /v1/product/{id}')).toHaveLength(0);
    const hourTypes = await db.hourTypes.toArray();
    const materials = await db.materials.toArray();
    expect(hourTypes.length + materials.length).toBe(9);
    expect(hourTypes.map((h) => h.unit)).toEqual(Array(hourTypes.length).fill('uur'));
    for (const row of [...hourTypes, ...materials]) {
      expect(row).toMatchObject({ vatCode: 'HOOG_VERK_21', ledgerCode: '8000' });
      expect(row.priceExcl).toBe(10 + (row.remoteId - 2000));
    }
  });

  it('products: thin list items are still read in full', async () => {
    const db = await connectedDb();
    const fake = createFake({
      ...lookupRoutes(),
      'GET /v1/product/groups': paged([]),
      'GET /v1/product': paged(products.map(thinProduct)),
      'GET /v1/product/{id}': byId(products),
    });
    expect((await run(db, fake, [importProducts])).result).toBe('ok');
    expect(fake.callsTo('GET /v1/product/{id}')).toHaveLength(9);
    expect((await db.materials.toArray()).every((m) => m.vatCode === 'HOOG_VERK_21')).toBe(true);
  });
});

describe('the open-items import over REST', () => {
  it('stores an item without an invoice number under a key from its mutation, and keeps it on the next run', async () => {
    const db = await connectedDb();
    const items = [
      {
        date: '2026-08-29',
        mutationId: 41,
        invoiceNumber: null,
        relationId: 101,
        relationCode: 'SKILL',
        company: 'SkillSource',
        totalAmount: 100,
        paidAmount: 25,
        outstandingAmount: 75,
      },
      {
        date: '2026-08-30',
        mutationId: 42,
        invoiceNumber: 'F00002',
        relationId: 101,
        relationCode: 'SKILL',
        company: 'SkillSource',
        totalAmount: 50,
        paidAmount: 0,
        outstandingAmount: 50,
      },
    ];
    const fake = createFake({
      'GET /v1/mutation/invoice/outstanding': (call) =>
        call.query.get('credDeb') === 'D' ? json(200, { items, count: '2' }) : json(200, { items: null, count: 0 }),
    });
    expect((await run(db, fake, [importOpenItems])).result).toBe('ok');
    const rows = await db.openItems.orderBy('key').toArray();
    expect(rows.map((r) => [r.key, r.invoiceNumber, r.outstanding, r.open])).toEqual([
      ['debtors:SKILL:#mutation:41', undefined, 75, true],
      ['debtors:SKILL:F00002', 'F00002', 50, true],
    ]);

    const again = await run(db, fake, [importOpenItems]);
    expect(again.result).toBe('ok');
    expect(await db.openItems.count()).toBe(2);
    expect((await db.openItems.toArray()).every((r) => r.open)).toBe(true);
  });
});
