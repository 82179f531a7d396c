/** The sync's payment-state step: changes logged after each full read of the outstanding items, nothing lost by a failed read. */
import { describe, expect, it } from 'vitest';
import { KV, WorkspaceDb, type StepLog } from '../../lib/db';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { IMPORT_STEPS, runSync, saveSettings } from '../../lib/sync/index';
import { say } from '../../lib/i18n/translate';
import { loadPaymentOverview } from '../../lib/workspace/payments/index';
import { FakeEBoekhouden, fakeData } from '../helpers/sync-fake-api';
import { freshDbName } from '../helpers/run-steps';
import { invoicePayload } from '../helpers/outbox';

async function setUp() {
  const db = new WorkspaceDb(freshDbName('payment-states'));
  await saveSettings(db, { ...DEFAULT_SETTINGS, connection: { kind: 'token', apiToken: 'token-aaaa-1111' } });
  const data = fakeData({ relations: 3, mutations: 0, openItems: 0 });
  const code = data.relations[0]!.code;
  const now = Date.now();
  await db.outbox.add({
    key: 'invoice:BC-42',
    kind: 'invoice',
    source: { table: 'invoices', id: 1 },
    payload: invoicePayload({ number: 'BC-42', relationCode: code, date: '2026-01-10', termOfPayment: 14 }),
    state: 'done',
    attempts: 1,
    remote: { number: 'BC-42' },
    createdAt: now,
    updatedAt: now,
  });
  const api = new FakeEBoekhouden(data);
  const item = (paid: number) => ({
    side: 'debtors' as const,
    date: '2026-01-10',
    invoiceNumber: 'BC-42',
    relationCode: code,
    relationName: 'Klant',
    total: 1234.5,
    paid,
    outstanding: Math.round((1234.5 - paid) * 100) / 100,
  });
  // Before the due date (2026-01-24), so open rather than overdue.
  let tick = 0;
  const clock = () => Date.UTC(2026, 0, 20, 12) + tick++ * 1000;
  const sync = () => runSync({ db, trigger: 'manual', createApi: () => api, steps: IMPORT_STEPS, now: clock });
  const notes = (run: { steps: StepLog[] }, lang: 'nl' | 'en') =>
    (run.steps.find((s) => s.step === 'paymentStates')?.notes ?? []).map((n) => say(lang, n).replace(/\u00a0/g, ' '));
  return { db, api, data, item, sync, notes };
}

describe('paymentStates step', () => {
  it('logs open, partly paid and paid in both languages, and only what changed', async () => {
    const { db, data, item, sync, notes } = await setUp();
    const first = await sync();
    expect(first.result).toBe('ok');
    expect(notes(first, 'en')).toEqual([]); // not seen yet: unknown, nothing to say

    data.openItems = [item(0)];
    expect(notes(await sync(), 'en')).toEqual(['BC-42 open, €1,234.50']);
    expect(notes(await sync(), 'en')).toEqual([]); // the same again: no note

    data.openItems = [item(234.5)];
    const partly = await sync();
    expect(notes(partly, 'en')).toEqual(['BC-42 partly paid: €234.50 paid, €1,000.00 left']);
    expect(notes(partly, 'nl')).toEqual(['BC-42 deels betaald: € 234,50 betaald, € 1.000,00 open']);

    data.openItems = [];
    const paid = await sync();
    expect(notes(paid, 'nl')).toEqual(['BC-42 betaald, € 1.234,50']);
    expect(notes(paid, 'en')).toEqual(['BC-42 paid, €1,234.50']);
    const overview = await loadPaymentOverview(db, Date.UTC(2026, 0, 20, 12));
    expect(overview.invoices.find((i) => i.number === 'BC-42')!.state).toEqual({ kind: 'paid', paid: 123450 });
    db.close();
    await db.delete();
  });

  it('keeps the previous states when the outstanding items could not be read', async () => {
    const { db, api, data, item, sync, notes } = await setUp();
    data.openItems = [item(0)];
    await sync();
    const snapshot = await db.kv.get(KV.paymentStates);
    const asOf = (await loadPaymentOverview(db)).asOf;

    data.openItems = [];
    api.beforeRequest = (op) => {
      if (op === 'listOpenItems') throw new Error('the list broke');
    };
    const failed = await sync();
    expect(failed.result).toBe('failed');
    expect(notes(failed, 'en')).toEqual([]);
    expect(await db.kv.get(KV.paymentStates)).toEqual(snapshot);
    const after = await loadPaymentOverview(db, Date.UTC(2026, 0, 20, 12));
    expect(after.asOf).toBe(asOf);
    expect(after.invoices[0]!.state).toEqual({ kind: 'open', left: 123450 });
    db.close();
    await db.delete();
  });
});
