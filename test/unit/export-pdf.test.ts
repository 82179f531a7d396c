/**
 * The PDF of an exported invoice: e-Boekhouden's `urlPdfFile` is kept with the export entry's
 * `remote` (sent or found by lookup), only as an http(s) address, and offered only for done invoices.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceDb } from '../../lib/db';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { EXPORT_STEPS } from '../../lib/sync/exports/index';
import {
  completeWorkOrder,
  createInvoiceFromWorkOrder,
  finalizeInvoice,
  invoicePdf,
  saveWorkOrder,
} from '../../lib/workspace';
import { httpUrl } from '../../lib/workspace/invoice-pdf';
import {
  createFakeApi,
  ebError,
  freshDbName,
  runSteps,
  seedBasics,
  WorkerDied,
  type Basics,
  type FakeApi,
} from '../helpers/run-steps';

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  exports: { ...DEFAULT_SETTINGS.exports, workOrders: true, invoices: true },
  invoice: { ...DEFAULT_SETTINGS.invoice, template: 'Standaard', numberPrefix: 'BC' },
};
const PDF = (n: string) => `https://secure.e-boekhouden.nl/factuur/${n}.pdf`;

let db: WorkspaceDb;
let api: FakeApi;
let b: Basics;

beforeEach(async () => {
  db = new WorkspaceDb(freshDbName('export-pdf'));
  api = createFakeApi();
  api.relations.set('r001', { id: 501, code: 'R001', type: 'B', name: 'Bakkerij De Vries', inactive: false });
  b = await seedBasics(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function completedWorkOrder(): Promise<number> {
  const wo = await saveWorkOrder(
    db,
    {
      customerId: b.customerId,
      date: '2026-03-04',
      description: 'Onderhoud',
      hourLines: [{ hourTypeId: b.labourId, hours: 2, price: 62.5 }],
      materialLines: [],
    },
    { settings },
  );
  await completeWorkOrder(db, wo.id!, { settings });
  return wo.id!;
}
const run = () => runSteps({ db, api, settings, steps: EXPORT_STEPS });
const ops = () => api.calls.filter((c) => c.op !== 'findRelationByCode').map((c) => c.op);
const entry = async () => (await db.outbox.where('kind').equals('invoice').toArray())[0];

describe('httpUrl', () => {
  it('keeps absolute http(s) addresses and refuses every other kind', () => {
    expect(httpUrl(' https://secure.e-boekhouden.nl/f.pdf ')).toBe('https://secure.e-boekhouden.nl/f.pdf');
    expect(httpUrl('http://localhost:8787/pdf/1')).toBe('http://localhost:8787/pdf/1');
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:application/pdf;base64,AA',
      '/pdf/1',
      'f.pdf',
      '',
      ' ',
      undefined,
    ])
      expect(httpUrl(bad)).toBeUndefined();
  });
});

describe('the PDF link is stored with the exported invoice', () => {
  it('keeps urlPdfFile of a created invoice in the entry, and offers it with the invoice number', async () => {
    api.pdfUrl = PDF;
    api.pdfUrlOnCreate = true;
    await completedWorkOrder();
    await run();
    const e = await entry();
    expect(e).toMatchObject({ state: 'done', remote: { number: 'BC2026-0001', pdfUrl: PDF('BC2026-0001') } });
    expect(invoicePdf(e)).toEqual({ url: PDF('BC2026-0001'), number: 'BC2026-0001' });
    // The answer had the link: nothing is read back.
    expect(ops()).toEqual(['createInvoice']);
  });

  it('reads a created invoice back once for its link when the create answer has none (REST)', async () => {
    api.pdfUrl = PDF;
    await completedWorkOrder();
    await run();
    expect(ops()).toEqual(['createInvoice', 'findInvoice']);
    expect(invoicePdf(await entry())).toEqual({ url: PDF('BC2026-0001'), number: 'BC2026-0001' });
  });

  it('an error reading the link back leaves the invoice done, without a link, and sends nothing again', async () => {
    api.pdfUrl = PDF;
    api.fault = (op) =>
      op === 'findInvoice' ? { error: ebError('network', { outcomeUnknown: true }), when: 'before' } : undefined;
    await completedWorkOrder();
    const r = await run();
    expect(r.problems).toEqual([]);
    const e = await entry();
    expect(e).toMatchObject({ state: 'done', attempts: 1, remote: { number: 'BC2026-0001' } });
    expect(e.remote).not.toHaveProperty('pdfUrl');
    expect(ops().filter((op) => op === 'createInvoice')).toHaveLength(1);
  });

  it('keeps it for a workspace invoice made from a work order too', async () => {
    api.pdfUrl = PDF;
    const woId = await completedWorkOrder();
    const inv = await createInvoiceFromWorkOrder(db, woId, { settings });
    await finalizeInvoice(db, inv.id!, { settings });
    await run();
    const e = await entry();
    expect(e.source).toEqual({ table: 'invoices', id: inv.id });
    expect(invoicePdf(e)?.url).toBe(PDF(e.remote!.number!));
  });

  it('keeps it when the invoice is found by lookup after an unknown outcome', async () => {
    api.pdfUrl = PDF;
    await completedWorkOrder();
    api.fault = (op) => (op === 'createInvoice' ? { error: new WorkerDied(), when: 'after' } : undefined);
    await expect(run()).rejects.toBeInstanceOf(WorkerDied);
    api.fault = undefined;
    await run();
    const e = await entry();
    expect(e).toMatchObject({ state: 'done', remote: { foundByLookup: true, pdfUrl: PDF('BC2026-0001') } });
    expect(invoicePdf(e)?.number).toBe('BC2026-0001');
  });

  it('stores and offers nothing when e-Boekhouden gives no link (SOAP) or one that is not http(s)', async () => {
    Object.assign(api, { kind: 'soap' });
    await completedWorkOrder();
    await run();
    expect(ops()).toEqual(['createInvoice']);
    const soap = await entry();
    expect(soap.state).toBe('done');
    expect(soap.remote).not.toHaveProperty('pdfUrl');
    expect(invoicePdf(soap)).toBeUndefined();

    await db.outbox.clear();
    await db.workOrders.clear();
    api.invoices.clear();
    Object.assign(api, { kind: 'rest' });
    api.pdfUrl = () => 'javascript:alert(document.cookie)';
    await completedWorkOrder();
    await run();
    const bad = await entry();
    expect(bad.state).toBe('done');
    expect(bad.remote).not.toHaveProperty('pdfUrl');
    expect(invoicePdf(bad)).toBeUndefined();
  });

  it('offers a link only for a done invoice entry with an http(s) address', () => {
    const remote = { number: 'BC2026-0001', pdfUrl: PDF('BC2026-0001') };
    expect(invoicePdf({ kind: 'invoice', state: 'done', remote })).toBeDefined();
    expect(invoicePdf({ kind: 'invoice', state: 'sending', remote })).toBeUndefined();
    expect(invoicePdf({ kind: 'relation', state: 'done', remote })).toBeUndefined();
    expect(
      invoicePdf({ kind: 'invoice', state: 'done', remote: { ...remote, pdfUrl: 'javascript:void 0' } }),
    ).toBeUndefined();
    expect(invoicePdf(undefined)).toBeUndefined();
  });
});
