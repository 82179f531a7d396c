import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KV, WorkspaceDb } from '../../lib/db';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { EXPORT_STEPS } from '../../lib/sync/exports/index';
import { workOrdersToExport } from '../../lib/sync/exports/invoices';
import {
  completeWorkOrder,
  createCustomer,
  createInvoiceFromWorkOrder,
  loadSettings,
  deleteDraftInvoice,
  deleteWorkOrder,
  finalizeInvoice,
  previewExports,
  retryExport,
  saveInvoice,
  saveWorkOrder,
  updateCustomer,
  WorkspaceError,
  type WorkOrderInput,
} from '../../lib/workspace';
import { say } from '../../lib/i18n/translate';
import { createFakeApi, freshDbName, runSteps, seedBasics, type Basics } from '../helpers/run-steps';

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  invoice: {
    ...DEFAULT_SETTINGS.invoice,
    template: 'Standaard',
    numberPrefix: 'F',
    hourVatCode: 'LAAG_VERK_9',
    hourLedgerCode: '8100',
  },
};
const o = { settings, now: () => Date.UTC(2026, 4, 6, 10) };

let db: WorkspaceDb;
let b: Basics;
beforeEach(async () => {
  db = new WorkspaceDb(freshDbName('workspace'));
  b = await seedBasics(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function refused(p: Promise<unknown>): Promise<WorkspaceError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(WorkspaceError);
  const w = e as WorkspaceError;
  expect(say('nl', w).length).toBeGreaterThan(10);
  expect(say('en', w).length).toBeGreaterThan(10);
  expect(say('nl', w)).not.toEqual(say('en', w));
  return w;
}

function order(over: Partial<WorkOrderInput> = {}): WorkOrderInput {
  return {
    customerId: b.customerId,
    date: '2026-05-04',
    description: 'Radiator vervangen',
    hourLines: [{ hourTypeId: b.bareHourId, hours: 1.5, price: 60 }],
    materialLines: [{ materialId: b.insulationId, quantity: 2, price: 11.5 }],
    ...over,
  };
}

describe('customers', () => {
  it('generates unique codes when empty, skipping codes already typed by hand', async () => {
    const a = await createCustomer(db, { name: 'Eerste' }, o);
    await createCustomer(db, { code: 'K0002', name: 'Handmatig' }, o);
    const c = await createCustomer(db, { name: 'Derde' }, o);
    expect([a.code, c.code]).toEqual(['K0001', 'K0003']);
    expect(a).toMatchObject({ origin: 'workspace', status: 'active', type: 'B' });
    expect(a.remoteId).toBeUndefined();
  });

  it('refuses a code longer than 15 characters, a code in use (any case), and a bad e-mail', async () => {
    expect((await refused(createCustomer(db, { code: 'ABCDEFGHIJKLMNOP', name: 'X' }, o))).code).toBe('CODE_TOO_LONG');
    expect((await refused(createCustomer(db, { code: 'r001', name: 'X' }, o))).code).toBe('CODE_IN_USE');
    const e = await refused(createCustomer(db, { name: 'X', email: 'not-an-address' }, o));
    expect(say('en', e)).toMatch(/e-mail/);
    expect((await refused(createCustomer(db, { name: '  ' }, o))).field).toBe('name');
  });

  it('keeps the address for invoices and exports it with the relation (emailAddressInvoice)', async () => {
    const c = await createCustomer(
      db,
      { name: 'Facturen BV', email: 'info@facturen.nl', emailInvoice: ' boekhouding@facturen.nl ' },
      o,
    );
    expect(await db.customers.get(c.id!)).toMatchObject({
      email: 'info@facturen.nl',
      emailInvoice: 'boekhouding@facturen.nl',
    });
    expect((await createCustomer(db, { name: 'Zonder', emailInvoice: '  ' }, o)).emailInvoice).toBeUndefined();
    await runSteps({ db, api: createFakeApi(), settings, steps: EXPORT_STEPS });
    const entry = await db.outbox.where('key').equals(`relation:${c.code}`).first();
    expect(entry).toMatchObject({ state: 'done', payload: { emailInvoice: 'boekhouding@facturen.nl' } });
  });

  it('refuses an address for invoices that is not an e-mail address, naming the field', async () => {
    const e = await refused(createCustomer(db, { name: 'X', emailInvoice: 'boekhouding' }, o));
    expect(say('nl', e)).toMatch(/e-mailadres voor facturen/);
    expect(say('en', e)).toMatch(/e-mail address for invoices/);
    expect(await db.customers.where('name').equals('X').count()).toBe(0);
  });

  it('editing before export re-queues fresh data; after export it flags and keeps the code', async () => {
    const c = await createCustomer(db, { name: 'Oud' }, o);
    const api = createFakeApi();
    api.fault = (op) =>
      op === 'createRelation' ? { error: Object.assign(new Error('x'), { name: 'X' }), when: 'before' } : undefined;
    // Queue it (the send fails in a way that is not an e-Boekhouden error: it stays 'sending').
    await runSteps({ db, api, settings, steps: EXPORT_STEPS }).catch(() => undefined);
    await db.outbox.toCollection().modify({ state: 'pending' });
    await updateCustomer(db, c.id!, { name: 'Nieuw' }, o);
    expect(await db.outbox.count()).toBe(0);
    api.fault = undefined;
    await runSteps({ db, api, settings, steps: EXPORT_STEPS });
    expect(api.relations.get('k0001')?.name).toBe('Nieuw');

    const updated = await updateCustomer(db, c.id!, { name: 'Na export' }, o);
    expect(updated.changedAfterExport).toBe(true);
    expect((await refused(updateCustomer(db, c.id!, { code: 'ANDERS', name: 'Na export' }, o))).code).toBe(
      'CODE_FIXED',
    );
    await runSteps({ db, api, settings, steps: EXPORT_STEPS });
    expect(api.calls.filter((x) => x.op === 'createRelation')).toHaveLength(2); // one failed attempt, one real
  });

  it('refuses to edit a customer that comes from e-Boekhouden', async () => {
    expect((await refused(updateCustomer(db, b.customerId, { name: 'X' }, o))).code).toBe('CUSTOMER_FROM_EBOEKHOUDEN');
  });
});

describe('work orders', () => {
  it('numbers new work orders WO-0001, WO-0002 as drafts', async () => {
    const a = await saveWorkOrder(db, order(), o);
    const c = await saveWorkOrder(db, order(), o);
    expect([a.number, c.number]).toEqual(['WO-0001', 'WO-0002']);
    expect(a.status).toBe('draft');
  });

  it('refuses impossible input with the line named', async () => {
    const e = await refused(
      saveWorkOrder(
        db,
        order({ date: '2026-02-30', hourLines: [{ hourTypeId: b.labourId, hours: 0, price: 1.999 }] }),
        o,
      ),
    );
    expect(e.problems.map((p) => p.code)).toEqual(['INVALID_DATE', 'INVALID_HOURS', 'INVALID_PRICE']);
    expect(say('en', e.problems[1])).toMatch(/hour line 1/);
  });

  it('completes only with a known customer and at least one line', async () => {
    const empty = await saveWorkOrder(db, order({ hourLines: [], materialLines: [] }), o);
    expect((await refused(completeWorkOrder(db, empty.id!, o))).code).toBe('NO_LINES');
    const wo = await saveWorkOrder(db, order(), o);
    await db.customers.delete(b.customerId);
    expect((await refused(completeWorkOrder(db, wo.id!, o))).code).toBe('UNKNOWN_CUSTOMER');
  });

  it('a completed work order can be corrected but must still pass the completion checks', async () => {
    const wo = await saveWorkOrder(db, order(), o);
    await completeWorkOrder(db, wo.id!, o);
    expect(
      (await refused(saveWorkOrder(db, { ...order({ hourLines: [], materialLines: [] }), id: wo.id }, o))).code,
    ).toBe('NO_LINES');
    expect((await db.workOrders.get(wo.id!))?.hourLines).toHaveLength(1);
    expect((await refused(deleteWorkOrder(db, wo.id!))).code).toBe('NOT_A_DRAFT');
    const draft = await saveWorkOrder(db, order(), o);
    await deleteWorkOrder(db, draft.id!);
    expect(await db.workOrders.get(draft.id!)).toBeUndefined();
  });

  it('cannot be changed while queued for export', async () => {
    const wo = await saveWorkOrder(db, order(), o);
    await completeWorkOrder(db, wo.id!, o);
    // A completed one that is not queued can still be corrected.
    await saveWorkOrder(db, { ...order({ description: 'Correctie' }), id: wo.id }, o);
    const api = createFakeApi();
    api.fault = (op) => (op === 'createInvoice' ? { error: new Error('stop'), when: 'before' } : undefined);
    await runSteps({ db, api, settings, steps: EXPORT_STEPS }).catch(() => undefined);
    expect((await refused(saveWorkOrder(db, { ...order(), id: wo.id }, o))).code).toBe('EXPORT_QUEUED');
  });
});

describe('invoices', () => {
  it('an invoice from a completed work order carries resolved lines and replaces the direct export', async () => {
    const wo = await saveWorkOrder(db, order(), o);
    expect((await refused(createInvoiceFromWorkOrder(db, wo.id!, o))).code).toBe('WORK_ORDER_NOT_COMPLETED');
    await completeWorkOrder(db, wo.id!, o);
    const inv = await createInvoiceFromWorkOrder(db, wo.id!, o);
    expect(inv).toMatchObject({ status: 'draft', workOrderId: wo.id, customerId: b.customerId, date: '2026-05-06' });
    expect(inv.number).toMatch(/^CONCEPT-/);
    expect(inv.lines).toEqual([
      {
        code: 'ARB-X',
        description: 'Arbeid zonder instellingen',
        quantity: 1.5,
        unit: 'uur',
        price: 60,
        vatCode: 'LAAG_VERK_9',
        ledgerCode: '8100',
      },
      {
        code: 'MAT-ISOL',
        description: 'Glaswol isolatiedeken',
        quantity: 2,
        unit: 'm2',
        price: 11.5,
        vatCode: 'LAAG_VERK_9',
        ledgerCode: '8100',
      },
    ]);
    expect((await refused(createInvoiceFromWorkOrder(db, wo.id!, o))).code).toBe('ALREADY_INVOICED');
    expect(await workOrdersToExport(db)).toEqual([]);

    // Finalized and exported: the invoice and its work order are marked exported.
    const final = await finalizeInvoice(db, inv.id!, o);
    expect(final.number).toBe('F2026-0001');
    const api = createFakeApi();
    api.relations.set('r001', { id: 501, code: 'R001', type: 'B', name: 'Bakkerij De Vries', inactive: false });
    await runSteps({ db, api, settings, steps: EXPORT_STEPS });
    expect([...api.invoices.keys()]).toEqual(['F2026-0001']);
    expect(await db.invoices.get(inv.id!)).toMatchObject({ status: 'exported' });
    expect(await db.workOrders.get(wo.id!)).toMatchObject({ status: 'exported', invoiceNumber: 'F2026-0001' });
  });

  it('one invoice per work order, also through saveInvoice; deleting the draft frees the work order', async () => {
    const wo = await saveWorkOrder(db, order(), o);
    await completeWorkOrder(db, wo.id!, o);
    const inv = await createInvoiceFromWorkOrder(db, wo.id!, o);
    const e = await refused(
      saveInvoice(db, { customerId: b.customerId, date: '2026-05-01', workOrderId: wo.id, lines: [] }, o),
    );
    expect(e.code).toBe('ALREADY_INVOICED');
    expect(JSON.parse(JSON.stringify(e))).toMatchObject({
      name: 'WorkspaceError',
      code: 'ALREADY_INVOICED',
      key: e.key,
    });
    expect(say('nl', JSON.parse(JSON.stringify(e)))).toBe(say('nl', e));
    expect(say('en', JSON.parse(JSON.stringify(e)))).toBe(say('en', e));
    expect(await workOrdersToExport(db)).toEqual([]);
    await deleteDraftInvoice(db, inv.id!);
    expect((await workOrdersToExport(db)).map((w) => w.id)).toEqual([wo.id]);
  });

  it('finalize checks the lines and allocates numbers, skipping numbers already known from e-Boekhouden', async () => {
    await db.transactions.add({
      remoteId: 1,
      type: 2,
      date: '2026-01-01',
      ledgerCode: '1300',
      invoiceNumber: 'F2026-0001',
    });
    const bad = await saveInvoice(
      db,
      {
        customerId: b.customerId,
        date: '2026-05-01',
        lines: [{ code: 'X', description: 'x', quantity: 1, price: 10, vatCode: 'HOOG_INK_21', ledgerCode: '8000' }],
      },
      o,
    );
    expect((await refused(finalizeInvoice(db, bad.id!, o))).code).toBe('LINE_PURCHASE_VAT');
    const good = await saveInvoice(
      db,
      {
        customerId: b.customerId,
        date: '2026-05-01',
        lines: [{ code: 'X', description: 'x', quantity: 1, price: 10, vatCode: 'HOOG_VERK_21', ledgerCode: '8000' }],
      },
      o,
    );
    const f = await finalizeInvoice(db, good.id!, o);
    expect(f.number).toBe('F2026-0002');
    expect((await refused(finalizeInvoice(db, good.id!, o))).code).toBe('NOT_A_DRAFT');
  });
});

describe('preview and retry', () => {
  it('shows what the next sync sends, with numbers and totals, without allocating anything', async () => {
    const c = await createCustomer(db, { name: 'Nieuw BV' }, o);
    const wo = await saveWorkOrder(db, order({ customerId: c.id! }), o);
    await completeWorkOrder(db, wo.id!, o);
    const ok = await saveWorkOrder(db, order(), o);
    await completeWorkOrder(db, ok.id!, o);
    const noTemplate = await previewExports(db, { ...settings, invoice: { ...settings.invoice, template: '' } });
    expect(noTemplate.find((i) => i.key === `new:workOrders:${ok.id}`)?.problems.map((p) => p.code)).toEqual([
      'NO_TEMPLATE',
    ]);

    const items = await previewExports(db, settings);
    expect(items.map((i) => [i.kind, i.state])).toEqual([
      ['relation', 'new'],
      ['invoice', 'new'],
      ['invoice', 'new'],
    ]);
    const waiting = items.find((i) => i.key === `new:workOrders:${wo.id}`)!;
    expect(waiting.waiting?.code).toBe('CUSTOMER_NOT_EXPORTED');
    const ready = items.find((i) => i.key === `new:workOrders:${ok.id}`)!;
    expect(ready.problems).toEqual([]);
    expect(ready.label).toBe(`${ok.number} → F2026-0001`);
    // 1.5 × 60 = 90.00 and 2 × 11.50 = 23.00, both at 9 %.
    expect(ready.totals).toMatchObject({ exclCents: 11300, vatCents: 810 + 207, inclCents: 11300 + 1017 });
    expect(await db.kv.get('counter:invoice:F2026')).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
  });

  it("names where e-Boekhouden mails the invoice: the customer's address for invoices, else their e-mail", async () => {
    await db.customers.update(b.customerId, { email: 'info@devries.nl', emailInvoice: 'facturen@devries.nl' });
    const wo = await saveWorkOrder(db, order(), o);
    await completeWorkOrder(db, wo.id!, o);
    const mailing = {
      ...settings,
      invoice: { ...settings.invoice, emailToCustomer: true, emailFromAddress: 'facturen@jansen.nl' },
    };
    const [item] = await previewExports(db, mailing);
    expect(item).toMatchObject({ problems: [], mailTo: 'facturen@devries.nl' });
    await db.customers.update(b.customerId, { emailInvoice: undefined });
    expect((await previewExports(db, mailing))[0].mailTo).toBe('info@devries.nl');
    expect((await previewExports(db, settings))[0]).not.toHaveProperty('mailTo');
  });

  it('retry only applies to failed exports', async () => {
    const wo = await saveWorkOrder(db, order(), o);
    await completeWorkOrder(db, wo.id!, o);
    const api = createFakeApi();
    api.relations.set('r001', { id: 501, code: 'R001', type: 'B', name: 'Bakkerij De Vries', inactive: false });
    await runSteps({ db, api, settings, steps: EXPORT_STEPS });
    const entry = (await db.outbox.toArray())[0];
    expect((await refused(retryExport(db, entry.id!, o))).code).toBe('NOT_FAILED');
  });

  it('reads the saved settings, falling back to the defaults', async () => {
    expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
    await db.kv.put({ key: KV.settings, value: settings });
    expect((await loadSettings(db)).invoice.numberPrefix).toBe('F');
  });
});

describe('the words of a refusal', () => {
  it('names the refusal by catalogue key; Dutch and English read the same as before', async () => {
    const e = await refused(createCustomer(db, { code: 'ABCDEFGHIJKLMNOP', name: 'X' }, o));
    expect(e).toMatchObject({
      key: 'workspace.customer.codeTooLong',
      params: { code: 'ABCDEFGHIJKLMNOP', length: 16 },
    });
    expect(e).not.toHaveProperty('nl');
    expect(say('nl', e)).toBe(
      'Klantcode "ABCDEFGHIJKLMNOP" is 16 tekens; e-Boekhouden staat er hoogstens 15 toe. Kies een kortere code.',
    );
    expect(say('en', e)).toBe(
      'Customer code "ABCDEFGHIJKLMNOP" is 16 characters; e-Boekhouden allows at most 15. Choose a shorter code.',
    );
    const wo = await saveWorkOrder(db, order(), o);
    await completeWorkOrder(db, wo.id!, o);
    const again = await refused(completeWorkOrder(db, wo.id!, o));
    expect(say('nl', again)).toBe('Werkbon WO-0001 is al afgerond.');
    expect(say('en', again)).toBe('Work order WO-0001 is already completed.');
  });

  it('several problems read one after the other, each naming the record and the line', async () => {
    const e = await refused(
      saveWorkOrder(
        db,
        order({ date: '2026-02-30', hourLines: [{ hourTypeId: b.labourId, hours: 0, price: 1.999 }] }),
        o,
      ),
    );
    expect(say('nl', e)).toBe(e.problems.map((p) => say('nl', p)).join(' '));
    expect(say('en', e)).toBe(e.problems.map((p) => say('en', p)).join(' '));
    expect(say('nl', e.problems[0])).toBe('Nieuwe werkbon: datum "2026-02-30" is geen geldige datum (JJJJ-MM-DD).');
    expect(say('en', e.problems[2])).toBe('New work order: hour line 1: the price must be an amount in whole cents.');
    expect(e.message).toBe(say('en', e));
  });
});
