/**
 * Credit notes against the sandbox, through the real engine: made from an exported invoice (a
 * workspace invoice, and a work order exported directly), the lines negated so the totals negate
 * to the cent, linked both ways, exported exactly once even when e-Boekhouden's answers time out
 * after the invoice was created; a second click makes no second note.
 */
import { describe, expect, it } from 'vitest';
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
import { useSandboxWorkspace } from '../helpers/sandbox-workspace';

const env = useSandboxWorkspace('sync-export-credit', { invoice: { template: 'Standaard', numberPrefix: 'CR' } });

async function completedWorkOrder() {
  const saved = await saveSettings(env.db, env.settingsFor('token'));
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  await runSync({ db: env.db, trigger: 'manual' });
  const customer = await env.db.customers.where('status').equals('active').first();
  const hour = await env.db.hourTypes.where('code').equals('ARB-MONT').first();
  const mat = await env.db.materials.where('code').equals('MAT-ISOL').first();
  const wo = await saveWorkOrder(env.db, {
    customerId: customer!.id!,
    date: '2026-07-01',
    description: 'Creditnota',
    hourLines: [{ hourTypeId: hour!.id!, hours: 2.5, price: 62.5, discountPercentage: 15 }],
    materialLines: [{ materialId: mat!.id!, quantity: 7, price: 11.5, discountAmount: 0.35 }],
  });
  await completeWorkOrder(env.db, wo.id!);
  return wo;
}

const sandboxInvoices = async (number: string) =>
  (await env.sb.state()).created.invoices.filter((i) => i.invoiceNumber === number);

describe('credit notes', () => {
  it('of a workspace invoice: lines negated, totals negated to the cent, linked, exported once', async () => {
    const wo = await completedWorkOrder();
    const draft = await createInvoiceFromWorkOrder(env.db, wo.id!);
    const final = await finalizeInvoice(env.db, draft.id!);
    await runSync({ db: env.db, trigger: 'manual' });
    expect((await env.db.invoices.get(final.id!))?.status).toBe('exported');

    const note = await makeCreditNote(env.db, { table: 'invoices', id: final.id! });
    const again = await makeCreditNote(env.db, { table: 'invoices', id: final.id! });
    expect(again.id).toBe(note.id);
    expect(await env.db.invoices.count()).toBe(2);
    expect(note).toMatchObject({ status: 'final', creditsInvoiceId: final.id, creditsNumber: final.number });
    expect(note.number).not.toBe(final.number);
    expect((await env.db.invoices.get(final.id!))?.creditedBy).toBe(note.id);
    expect(note.lines.map((l) => l.quantity)).toEqual(final.lines.map((l) => -l.quantity));
    const ours = computeTotals(invoiceRowsToLines(final.lines));
    const theirs = computeTotals(invoiceRowsToLines(note.lines));
    expect([theirs.exclCents, theirs.vatCents, theirs.inclCents]).toEqual([
      -ours.exclCents,
      -ours.vatCents,
      -ours.inclCents,
    ]);

    await runSync({ db: env.db, trigger: 'manual' });
    expect((await env.db.invoices.get(note.id!))?.status).toBe('exported');
    const [created] = await sandboxInvoices(note.number);
    const [original] = await sandboxInvoices(final.number);
    expect(Math.round(created.totalAmount * 100)).toBe(-Math.round(original.totalAmount * 100));
    expect(Math.round(created.totalAmount * 100)).toBe(theirs.inclCents);
  });

  it('of a work order exported directly, under timeouts after commit: exactly one note in e-Boekhouden', async () => {
    const wo = await completedWorkOrder();
    await runSync({ db: env.db, trigger: 'manual' });
    const exported = await env.db.workOrders.get(wo.id!);
    expect(exported?.status).toBe('exported');

    const note = await makeCreditNote(env.db, { table: 'workOrders', id: wo.id! });
    expect(note.creditsWorkOrderId).toBe(wo.id);
    expect((await env.db.workOrders.get(wo.id!))?.creditedBy).toBe(note.id);

    await env.sb.faults({
      rate: 1,
      kinds: ['timeout', 'drop', 'http500'],
      operations: ['POST /v1/invoice'],
      hangMs: 300,
    });
    for (let i = 0; i < 6; i++) {
      await runSync({ db: env.db, trigger: 'manual' });
      if ((await env.db.invoices.get(note.id!))?.status === 'exported') break;
      if (i === 2) await env.sb.faults(null);
    }
    await env.sb.faults(null);
    await runSync({ db: env.db, trigger: 'manual' });
    expect((await env.db.invoices.get(note.id!))?.status).toBe('exported');
    expect(await sandboxInvoices(note.number)).toHaveLength(1);
    const entries = await env.db.outbox.where('key').equals(`invoice:${note.number}`).toArray();
    expect(entries).toHaveLength(1);
    // the faults did bite: the note took more than one attempt, or was found by a lookup
    expect(entries[0].attempts > 1 || entries[0].remote?.foundByLookup).toBe(true);
  });

  it('refuses before the export, and on a credit note itself', async () => {
    const wo = await completedWorkOrder();
    await expect(makeCreditNote(env.db, { table: 'workOrders', id: wo.id! })).rejects.toMatchObject({
      problems: [{ code: 'NOT_EXPORTED' }],
    });
    await runSync({ db: env.db, trigger: 'manual' });
    const note = await makeCreditNote(env.db, { table: 'workOrders', id: wo.id! });
    await runSync({ db: env.db, trigger: 'manual' });
    await expect(makeCreditNote(env.db, { table: 'invoices', id: note.id! })).rejects.toMatchObject({
      problems: [{ code: 'IS_CREDIT_NOTE' }],
    });
  });
});
