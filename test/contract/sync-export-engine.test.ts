/**
 * The export steps inside the real engine (runSync), after a real import: what the import
 * leaves in the workspace is enough to build and send invoices, and the run log counts them.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceDb } from '../../lib/db';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { runSync, saveSettings } from '../../lib/sync/index';
import { completeWorkOrder, createCustomer, previewExports, saveWorkOrder } from '../../lib/workspace';
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
  db = new WorkspaceDb(freshDbName('sync-export-engine'));
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function settingsFor(kind: 'token' | 'securityCodes'): Settings {
  return {
    ...sandboxSettings(sb, kind),
    invoice: { ...DEFAULT_SETTINGS.invoice, template: 'Standaard', numberPrefix: 'WB' },
  };
}

describe.each(['token', 'securityCodes'] as const)('runSync with %s', (kind) => {
  it('imports, then exports a new customer and its work order; the preview matched what was sent', async () => {
    const saved = await saveSettings(db, settingsFor(kind));
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    const first = await runSync({ db, trigger: 'manual' });
    expect(first.result === 'ok' || first.result === 'warning').toBe(true);

    const hourType = await db.hourTypes.where('code').equals('ARB-MONT').first();
    const material = await db.materials.where('code').equals('MAT-KOP15').first();
    expect(hourType?.vatCode).toBe('HOOG_VERK_21');
    expect(material?.ledgerCode).toBe('8000');

    const customer = await createCustomer(db, { name: 'Engine Test BV', city: 'Zwolle' });
    const wo = await saveWorkOrder(db, {
      customerId: customer.id!,
      date: '2026-07-01',
      description: 'CV onderhoud',
      hourLines: [{ hourTypeId: hourType!.id!, hours: 1.5, price: 62.5 }],
      materialLines: [{ materialId: material!.id!, quantity: 4, price: 8.95 }],
    });
    await completeWorkOrder(db, wo.id!);
    const preview = await previewExports(db, saved.settings);
    const item = preview.find((p) => p.key === `new:workOrders:${wo.id}`)!;
    // The customer is exported first in the same run, so the invoice only waits in the preview.
    expect(item.waiting?.code).toBe('CUSTOMER_NOT_EXPORTED');

    const second = await runSync({ db, trigger: 'manual' });
    expect(second.error).toBeUndefined();
    expect(second.steps.find((s) => s.step === 'exportCustomers')).toMatchObject({ created: 1, failed: 0 });
    expect(second.steps.find((s) => s.step === 'exportInvoices')).toMatchObject({ created: 1, failed: 0 });

    const { created } = await sb.state();
    expect(created.relations.map((r) => r.code)).toEqual([customer.code]);
    expect(created.invoices).toHaveLength(1);
    const sent = created.invoices[0];
    const exported = await db.workOrders.get(wo.id!);
    expect(exported).toMatchObject({ status: 'exported', invoiceNumber: 'WB2026-0001' });
    expect(sent.invoiceNumber).toBe('WB2026-0001');
    // 1.5 × 62.50 + 4 × 8.95 = 93.75 + 35.80 = 129.55; VAT 21 % per line: 19.69 + 7.52.
    expect(Math.round(sent.totalExcl * 100)).toBe(item.totals!.exclCents);
    expect(Math.round(sent.vatAmount * 100)).toBe(item.totals!.vatCents);
    expect(item.totals).toMatchObject({ exclCents: 12955, vatCents: 1969 + 752 });

    // A third run has nothing to send.
    const third = await runSync({ db, trigger: 'manual' });
    expect(third.steps.find((s) => s.step === 'exportInvoices')).toMatchObject({ created: 0, failed: 0 });
    expect((await sb.state()).created.invoices).toHaveLength(1);
  });
});
