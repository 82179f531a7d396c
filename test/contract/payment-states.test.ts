/**
 * Payment states against the sandbox over real HTTP, with both transports: a work order exported
 * through the sync is open, a payment booked with the documented POST /v1/mutation of type 3
 * ("Invoice payment received", openapi-v1.json MutationType) makes it partly paid, the rest paid;
 * overdue follows the date. REST reads /v1/mutation/invoice/outstanding, SOAP GetOpenPosten.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALL_STEPS } from '../../lib/sync/engine';
import { runSync, saveSettings } from '../../lib/sync/index';
import { completeWorkOrder, loadPaymentOverview, saveWorkOrder } from '../../lib/workspace';
import { lowestCodeOf } from '../../sandbox/store/ledgers';
import { say } from '../../lib/i18n/translate';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import { newDb, settingsFor, type Kind } from '../helpers/sync-import';
import type { WorkspaceDb } from '../../lib/db';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ seed: 'demo' });
});
afterAll(async () => {
  await sb?.close();
});
beforeEach(async () => {
  await sb.reset('demo');
});

const DAY = 86_400_000;

/** Books a received payment on an invoice, as a person would in e-Boekhouden (REST, documented fields only). */
async function bookPayment(invoiceNumber: string, amount: number, withRelation: boolean): Promise<void> {
  const store = sb.ctx.store;
  const bank = lowestCodeOf(store.ledgers.values(), 'FIN')!;
  const debtors = lowestCodeOf(store.ledgers.values(), 'DEB')!;
  const invoice = store.invoiceByNumber(invoiceNumber)!;
  const token = await sb.restToken();
  const response = await fetch(`${sb.url}/v1/mutation`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({
      type: 3,
      date: invoice.date,
      ledgerId: bank.id,
      description: `Betaling ${invoiceNumber}`,
      ...(withRelation ? { relationId: invoice.relationId } : {}),
      rows: [{ ledgerId: debtors.id, vatCode: 'GEEN', amount, invoiceNumber }],
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
}

async function exportOneWorkOrder(db: WorkspaceDb, kind: Kind): Promise<{ number: string; cents: number }> {
  const s = settingsFor(sb, kind);
  const r = await saveSettings(db, { ...s, invoice: { ...s.invoice, template: 'Standaard', termOfPayment: 14 } });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  expect((await runSync({ db, trigger: 'manual', steps: ALL_STEPS })).result).toBe('ok');
  const customer = (await db.customers.where('status').equals('active').first())!;
  const hour = (await db.hourTypes.filter((h) => !!h.vatCode?.includes('VERK') && !!h.ledgerCode).first())!;
  const wo = await saveWorkOrder(db, {
    customerId: customer.id!,
    date: new Date().toISOString().slice(0, 10),
    description: 'CV-ketel onderhoud',
    hourLines: [{ hourTypeId: hour.id!, hours: 2.5, price: 62.5 }],
    materialLines: [],
  });
  await completeWorkOrder(db, wo.id!);
  const exported = await runSync({ db, trigger: 'manual', steps: ALL_STEPS });
  expect(exported.result, JSON.stringify(exported.problems)).toBe('ok');
  const number = (await db.workOrders.get(wo.id!))!.invoiceNumber!;
  const invoice = sb.ctx.store.invoiceByNumber(number)!;
  return { number, cents: Math.round(invoice.totalAmount * 100) };
}

const stateOf = async (db: WorkspaceDb, number: string, now = Date.now()) =>
  (await loadPaymentOverview(db, now)).invoices.find((i) => i.number === number)!;

describe.each<Kind>(['token', 'securityCodes'])('payment states with %s', (kind) => {
  it('export → open; a part paid → partly paid; the rest → paid, and the log says so', async () => {
    const db = newDb(`pay-${kind}`);
    const { number, cents } = await exportOneWorkOrder(db, kind);
    expect(cents).toBeGreaterThan(0);
    // The export ran after this run's outstanding items: not seen yet.
    expect((await stateOf(db, number)).state).toEqual({ kind: 'unknown' });

    await runSync({ db, trigger: 'manual', steps: ALL_STEPS });
    expect((await stateOf(db, number)).state).toEqual({ kind: 'open', left: cents });

    // With and without the payment's optional relationId (the number alone links it).
    await bookPayment(number, 50, kind === 'token');
    await runSync({ db, trigger: 'manual', steps: ALL_STEPS });
    expect((await stateOf(db, number)).state).toEqual({ kind: 'partlyPaid', paid: 5000, left: cents - 5000 });

    await bookPayment(number, (cents - 5000) / 100, kind === 'token');
    const paid = await runSync({ db, trigger: 'manual', steps: ALL_STEPS });
    expect((await stateOf(db, number)).state).toEqual({ kind: 'paid', paid: cents });
    const notes = paid.steps.find((s) => s.step === 'paymentStates')?.notes ?? [];
    expect(notes.map((n) => say('en', n))).toEqual([`${number} paid, €${(cents / 100).toFixed(2)}`]);
    db.close();
    await db.delete();
  });

  it('is overdue after the term, by days past the due date', async () => {
    const db = newDb(`pay-overdue-${kind}`);
    const { number, cents } = await exportOneWorkOrder(db, kind);
    await runSync({ db, trigger: 'manual', steps: ALL_STEPS });
    const later = Date.now() + 20 * DAY;
    const inv = await stateOf(db, number, later);
    expect(inv.state).toEqual({ kind: 'overdue', daysOverdue: 6, paid: 0, left: cents });
    db.close();
    await db.delete();
  });
});
