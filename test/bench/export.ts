/**
 * Exporting 500 completed work orders (made with the workspace operations, as the pages do)
 * through the proxy: invoices per second and requests per invoice. Every one must arrive once.
 */
import type { Customer, HourType, Material, WorkspaceDb } from '../../lib/db';
import { EXPORT_STEPS, runSync, saveSettings } from '../../lib/sync/index';
import { completeWorkOrder, saveWorkOrder } from '../../lib/workspace';
import { control, resetStats, settingsFor, stats, type Backend } from './common';
import { freshDb } from './import-node';
import { say } from '../../lib/i18n/translate';

export interface ExportBench {
  workOrders: number;
  wallMs: number;
  invoicesPerSec: number;
  requests: number;
  requestsPerInvoice: number;
  byOperation: Record<string, number>;
  result: string;
  /** Invoices the sandbox received, and how many numbers came twice (must be 0). */
  received: number;
  duplicates: number;
}

const strip = <T extends { id?: number }>({ id: _id, ...rest }: T) => rest as T;

/** Customers, hour types and materials as the import left them (from `source`), into a fresh workspace. */
async function catalogue(source: WorkspaceDb, db: WorkspaceDb) {
  const customers: Customer[] = (await source.customers.limit(200).toArray())
    .filter((c) => c.status === 'active' && c.remoteId !== undefined)
    .slice(0, 25);
  const usable = (a: Material) => a.status === 'active' && !!a.ledgerCode && !!a.vatCode && a.vatCode.includes('VERK');
  const materials: Material[] = (await source.materials.limit(500).toArray()).filter(usable).slice(0, 25);
  const hourTypes: HourType[] = (await source.hourTypes.limit(200).toArray()).filter(usable).slice(0, 5);
  if (!customers.length || !materials.length || !hourTypes.length)
    throw new Error('the imported workspace has no usable customers, materials or hour types');
  const ids = {
    customers: (await db.customers.bulkAdd(customers.map(strip), { allKeys: true })) as number[],
    materials: (await db.materials.bulkAdd(materials.map(strip), { allKeys: true })) as number[],
    hourTypes: (await db.hourTypes.bulkAdd(hourTypes.map(strip), { allKeys: true })) as number[],
  };
  return ids;
}

export async function benchExport(b: Backend, imported: WorkspaceDb, n = 500): Promise<ExportBench> {
  await control(b, 'reset', { seed: 'large' });
  const db = freshDb('export');
  try {
    const base = settingsFor(b.proxy, 'token');
    const saved = await saveSettings(db, { ...base, invoice: { ...base.invoice, template: 'Standaard' } });
    if (!saved.ok) throw new Error(`settings refused: ${JSON.stringify(saved.errors)}`);
    const settings = saved.settings;
    const ids = await catalogue(imported, db);
    for (let i = 0; i < n; i++) {
      const materialLines = [
        { materialId: ids.materials[i % ids.materials.length], quantity: 1 + (i % 4), price: 12.5 + (i % 7) },
      ];
      if (i % 3 === 0)
        materialLines.push({
          materialId: ids.materials[(i * 7 + 3) % ids.materials.length],
          quantity: 2,
          price: 19.99,
        });
      const wo = await saveWorkOrder(
        db,
        {
          customerId: ids.customers[i % ids.customers.length],
          date: '2026-06-15',
          description: `Onderhoud ${i}`,
          hourLines: [
            {
              hourTypeId: ids.hourTypes[i % ids.hourTypes.length],
              hours: 0.5 * (1 + (i % 6)),
              price: 45 + (i % 9) * 2.5,
            },
          ],
          materialLines,
        },
        { settings },
      );
      await completeWorkOrder(db, wo.id!, { settings });
    }

    await resetStats(b);
    const t0 = performance.now();
    const run = await runSync({ db, trigger: 'manual', steps: EXPORT_STEPS });
    const wallMs = performance.now() - t0;
    const s = await stats(b);
    const created = (await control<{ created: { invoices: { invoiceNumber: string }[] } }>(b, 'state')).created
      .invoices;
    const numbers = created.map((i) => i.invoiceNumber);
    const exported = await db.workOrders.where('status').equals('exported').count();
    if (exported !== n)
      throw new Error(
        `${exported} of ${n} work orders exported (run: ${run.result} ${say('en', run.error) ?? ''} ${JSON.stringify(run.problems.slice(0, 3))})`,
      );
    return {
      workOrders: n,
      wallMs,
      invoicesPerSec: exported / (wallMs / 1000),
      requests: s.total,
      requestsPerInvoice: s.total / exported,
      byOperation: s.byOperation,
      result: run.result,
      received: created.length,
      duplicates: numbers.length - new Set(numbers).size,
    };
  } finally {
    db.close();
    await db.delete();
  }
}
