/**
 * Credit notes against the sandbox, through the real engine: made from an exported invoice (a
 * workspace invoice, and a work order exported directly), the lines negated so the totals negate
 * to the cent, linked both ways, exported exactly once even when e-Boekhouden's answers time out
 * after the invoice was created; a second click makes no second note.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceDb } from '../../lib/db';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { runSync, saveSettings } from '../../lib/sync/index';
import {
  completeWorkOrder,
  computeTotals,
  createInvoiceFromWorkOrder,
  finalizeInvoice,
  invoiceRowsToLines,
  makeCreditNote,
  saveWorkOrder,
} from '../../lib/workspace';
import { freshDbName } from '../helpers/run-steps';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import { settingsFor as sandboxSettings } from '../helpers/sync-import';

let sb: TestSandbox;
let db: WorkspaceDb;

beforeAll(async () => {
  sb = await startTestSandbox({ seed: 'demo' });
});
afterAll(async () => {
  await sb?.close();
});
beforeEach(async () => {
  await sb.reset('demo');
  db = new WorkspaceDb(freshDbName('sync-export-credit'));
});
afterEach(async () => {
  await sb.faults(null);
  db.close();
  await db.delete();
});

const settings = (): Settings => ({
  ...sandboxSettings(sb, 'token'),
  invoice: { ...DEFAULT_SETTINGS.invoice, template: 'Standaard', numberPrefix: 'CR' },
});

async function completedWorkOrder() {
  const saved = await saveSettings(db, settings());
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  await runSync({ db, trigger: 'manual' });
  const customer = await db.customers.where('status').equals('active').first();
  const hour = await db.hourTypes.where('code').equals('ARB-MONT').first();
  const mat = await db.materials.where('code').equals('MAT-ISOL').first();
  const wo = await saveWorkOrder(db, {
    customerId: customer!.id!,
    date: '2026-07-01',
    description: 'Creditnota',
    hourLines: [{ hourTypeId: hour!.id!, hours: 2.5, price: 62.5, discountPercentage: 15 }],
    materialLines: [{ materialId: mat!.id!, quantity: 7, price: 11.5, discountAmount: 0.35 }],
  });
  await completeWorkOrder(db, wo.id!);
  return wo;
}

const sandboxInvoices = async (number: string) =>
  (await sb.state()).created.invoices.filter((i) => i.invoiceNumber === number);

describe('credit notes', () => {
  it('of a workspace invoice: lines negated, totals negated to the cent, linked, exported once', async () => {
    const wo = await completedWorkOrder();
    const draft = await createInvoiceFromWorkOrder(db, wo.id!);
    const final = await finalizeInvoice(db, draft.id!);
    await runSync({ db, trigger: 'manual' });
    expect((await db.invoices.get(final.id!))?.status).toBe('exported');

    const note = await makeCreditNote(db, { table: 'invoices', id: final.id! });
    const again = await makeCreditNote(db, { table: 'invoices', id: final.id! });
    expect(again.id).toBe(note.id);
    expect(await db.invoices.count()).toBe(2);
    expect(note).toMatchObject({ status: 'final', creditsInvoiceId: final.id, creditsNumber: final.number });
    expect(note.number).not.toBe(final.number);
    expect((await db.invoices.get(final.id!))?.creditedBy).toBe(note.id);
    expect(note.lines.map((l) => l.quantity)).toEqual(final.lines.map((l) => -l.quantity));
    const ours = computeTotals(invoiceRowsToLines(final.lines));
    const theirs = computeTotals(invoiceRowsToLines(note.lines));
    expect([theirs.exclCents, theirs.vatCents, theirs.inclCents]).toEqual([
      -ours.exclCents,
      -ours.vatCents,
      -ours.inclCents,
    ]);

    await runSync({ db, trigger: 'manual' });
    expect((await db.invoices.get(note.id!))?.status).toBe('exported');
    const [created] = await sandboxInvoices(note.number);
    const [original] = await sandboxInvoices(final.number);
    expect(Math.round(created.totalAmount * 100)).toBe(-Math.round(original.totalAmount * 100));
    expect(Math.round(created.totalAmount * 100)).toBe(theirs.inclCents);
  });

  it('of a work order exported directly, under timeouts after commit: exactly one note in e-Boekhouden', async () => {
    const wo = await completedWorkOrder();
    await runSync({ db, trigger: 'manual' });
    const exported = await db.workOrders.get(wo.id!);
    expect(exported?.status).toBe('exported');

    const note = await makeCreditNote(db, { table: 'workOrders', id: wo.id! });
    expect(note.creditsWorkOrderId).toBe(wo.id);
    expect((await db.workOrders.get(wo.id!))?.creditedBy).toBe(note.id);

    await sb.faults({ rate: 1, kinds: ['timeout', 'drop', 'http500'], operations: ['POST /v1/invoice'], hangMs: 300 });
    for (let i = 0; i < 6; i++) {
      await runSync({ db, trigger: 'manual' });
      if ((await db.invoices.get(note.id!))?.status === 'exported') break;
      if (i === 2) await sb.faults(null);
    }
    await sb.faults(null);
    await runSync({ db, trigger: 'manual' });
    expect((await db.invoices.get(note.id!))?.status).toBe('exported');
    expect(await sandboxInvoices(note.number)).toHaveLength(1);
    const entries = await db.outbox.where('key').equals(`invoice:${note.number}`).toArray();
    expect(entries).toHaveLength(1);
    // the faults did bite: the note took more than one attempt, or was found by a lookup
    expect(entries[0].attempts > 1 || entries[0].remote?.foundByLookup).toBe(true);
  });

  it('refuses before the export, and on a credit note itself', async () => {
    const wo = await completedWorkOrder();
    await expect(makeCreditNote(db, { table: 'workOrders', id: wo.id! })).rejects.toMatchObject({
      problems: [{ code: 'NOT_EXPORTED' }],
    });
    await runSync({ db, trigger: 'manual' });
    const note = await makeCreditNote(db, { table: 'workOrders', id: wo.id! });
    await runSync({ db, trigger: 'manual' });
    await expect(makeCreditNote(db, { table: 'invoices', id: note.id! })).rejects.toMatchObject({
      problems: [{ code: 'IS_CREDIT_NOTE' }],
    });
  });
});
