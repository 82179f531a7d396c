/**
 * The export steps inside the real engine (runSync), after a real import: what the import
 * leaves in the workspace is enough to build and send invoices, and the run log counts them.
 */
import { describe, expect, it } from 'vitest';
import { runSync, saveSettings } from '../../lib/sync/index';
import { completeWorkOrder, createCustomer, previewExports, saveWorkOrder } from '../../lib/workspace';
import { useSandboxWorkspace } from '../helpers/sandbox-workspace';

const env = useSandboxWorkspace('sync-export-engine', { invoice: { template: 'Standaard', numberPrefix: 'WB' } });

describe.each(['token', 'securityCodes'] as const)('runSync with %s', (kind) => {
  it('imports, then exports a new customer and its work order; the preview matched what was sent', async () => {
    const saved = await saveSettings(env.db, env.settingsFor(kind));
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    const first = await runSync({ db: env.db, trigger: 'manual' });
    expect(first.result === 'ok' || first.result === 'warning').toBe(true);

    const hourType = await env.db.hourTypes.where('code').equals('ARB-MONT').first();
    const material = await env.db.materials.where('code').equals('MAT-KOP15').first();
    expect(hourType?.vatCode).toBe('HOOG_VERK_21');
    expect(material?.ledgerCode).toBe('8000');

    const customer = await createCustomer(env.db, { name: 'Engine Test BV', city: 'Zwolle' });
    const wo = await saveWorkOrder(env.db, {
      customerId: customer.id!,
      date: '2026-07-01',
      description: 'CV onderhoud',
      hourLines: [{ hourTypeId: hourType!.id!, hours: 1.5, price: 62.5 }],
      materialLines: [{ materialId: material!.id!, quantity: 4, price: 8.95 }],
    });
    await completeWorkOrder(env.db, wo.id!);
    const preview = await previewExports(env.db, saved.settings);
    const item = preview.find((p) => p.key === `new:workOrders:${wo.id}`)!;
    // The customer is exported first in the same run, so the invoice only waits in the preview.
    expect(item.waiting?.code).toBe('CUSTOMER_NOT_EXPORTED');

    const second = await runSync({ db: env.db, trigger: 'manual' });
    expect(second.error).toBeUndefined();
    expect(second.steps.find((s) => s.step === 'exportCustomers')).toMatchObject({ created: 1, failed: 0 });
    expect(second.steps.find((s) => s.step === 'exportInvoices')).toMatchObject({ created: 1, failed: 0 });

    const { created } = await env.sb.state();
    expect(created.relations.map((r) => r.code)).toEqual([customer.code]);
    expect(created.invoices).toHaveLength(1);
    const sent = created.invoices[0];
    const exported = await env.db.workOrders.get(wo.id!);
    expect(exported).toMatchObject({ status: 'exported', invoiceNumber: 'WB2026-0001' });
    expect(sent.invoiceNumber).toBe('WB2026-0001');
    // 1.5 × 62.50 + 4 × 8.95 = 93.75 + 35.80 = 129.55; VAT 21 % per line: 19.69 + 7.52.
    expect(Math.round(sent.totalExcl * 100)).toBe(item.totals!.exclCents);
    expect(Math.round(sent.vatAmount * 100)).toBe(item.totals!.vatCents);
    expect(item.totals).toMatchObject({ exclCents: 12955, vatCents: 1969 + 752 });

    // A third run has nothing to send.
    const third = await runSync({ db: env.db, trigger: 'manual' });
    expect(third.steps.find((s) => s.step === 'exportInvoices')).toMatchObject({ created: 0, failed: 0 });
    expect((await env.sb.state()).created.invoices).toHaveLength(1);
  });
});
