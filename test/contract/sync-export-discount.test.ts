/**
 * Against the sandbox, through the real engine: per-line discounts from a work order are sent as
 * `discountPercentage` / `discountAmount` over REST, and the totals the workspace shows are the
 * totals e-Boekhouden (the sandbox) computes, to the cent. Over SOAP (no discount field in
 * AddFactuur) the work order is refused before anything is sent, with a specific problem.
 */
import { describe, expect, it } from 'vitest';
import { createEBoekhouden } from '../../lib/eboekhouden/index';
import { transportOptions } from '../../lib/settings';
import { runSync, saveSettings } from '../../lib/sync/index';
import { completeWorkOrder, computeTotals, saveWorkOrder } from '../../lib/workspace';
import { useSandboxWorkspace } from '../helpers/sandbox-workspace';

const env = useSandboxWorkspace('sync-export-discount', { invoice: { template: 'Standaard', numberPrefix: 'KO' } });

async function idOf(table: 'hourTypes' | 'materials', code: string): Promise<number> {
  const row = await env.db[table].where('code').equals(code).first();
  if (!row) throw new Error(`${code} was not imported`);
  return row.id!;
}

/** Imports, then completes a work order whose lines carry every kind of discount (and one without). */
async function discountedWorkOrder(kind: 'token' | 'securityCodes') {
  const saved = await saveSettings(env.db, env.settingsFor(kind));
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  await runSync({ db: env.db, trigger: 'manual' });
  const customer = await env.db.customers.where('status').equals('active').first();
  const wo = await saveWorkOrder(env.db, {
    customerId: customer!.id!,
    date: '2026-07-01',
    description: 'Korting',
    hourLines: [
      // 2.5 × 62.50 at 15%: 132.8125 → 132.81
      { hourTypeId: await idOf('hourTypes', 'ARB-MONT'), hours: 2.5, price: 62.5, discountPercentage: 15 },
      { hourTypeId: await idOf('hourTypes', 'ARB-LEER'), hours: 1, price: 42 },
    ],
    materialLines: [
      // 3.5 × (8.95 − 0.33) = 30.17
      { materialId: await idOf('materials', 'MAT-KOP15'), quantity: 3.5, price: 8.95, discountAmount: 0.33 },
      // 7 × 11.50 at 12.5% (9% VAT): 70.4375 → 70.44
      { materialId: await idOf('materials', 'MAT-ISOL'), quantity: 7, price: 11.5, discountPercentage: 12.5 },
      // 1895 at 7.35%: 1755.7175 → 1755.72
      { materialId: await idOf('materials', 'MAT-CVKETEL'), quantity: 1, price: 1895, discountPercentage: 7.35 },
    ],
  });
  if (kind === 'securityCodes') {
    // Said when the person completes it, before anything is sent …
    await expect(completeWorkOrder(env.db, wo.id!)).rejects.toMatchObject({
      problems: expect.arrayContaining([expect.objectContaining({ code: 'LINE_DISCOUNT_SOAP' })]),
    });
    // … and by the export, for one completed while connected with a token.
    await completeWorkOrder(env.db, wo.id!, { settings: env.settingsFor('token') });
  } else await completeWorkOrder(env.db, wo.id!);
  return wo;
}

describe('per-line discounts', () => {
  it('REST: sends the discounts, and the workspace totals are the sandbox totals to the cent', async () => {
    await discountedWorkOrder('token');
    const run = await runSync({ db: env.db, trigger: 'manual' });
    expect(run.steps.find((s) => s.step === 'exportInvoices')).toMatchObject({ created: 1, failed: 0 });
    const entry = await env.db.outbox.where('key').equals('invoice:KO2026-0001').first();
    expect(entry?.state).toBe('done');
    if (entry?.kind !== 'invoice') throw new Error('no invoice entry');

    const created = (await env.sb.state()).created.invoices.find((i) => i.invoiceNumber === 'KO2026-0001');
    expect(created?.items.map((i) => [i.discountPercentage ?? null, i.discountAmount ?? null])).toEqual([
      [15, null],
      [null, null],
      [null, 0.33],
      [12.5, null],
      [7.35, null],
    ]);

    const ours = computeTotals(entry.payload.lines);
    expect(ours.exclCents).toBe(13281 + 4200 + 3017 + 7044 + 175572);
    const api = createEBoekhouden(transportOptions(env.settingsFor('token')));
    const theirs = await api.findInvoice('KO2026-0001');
    expect(Math.round(theirs!.totalExcl * 100)).toBe(ours.exclCents);
    expect(Math.round(theirs!.totalVat * 100)).toBe(ours.vatCents);
    expect(Math.round(theirs!.totalIncl * 100)).toBe(ours.inclCents);
    // and the lines read back carry their discounts
    expect(theirs!.lines?.[0]).toMatchObject({ discountPercentage: 15 });
    expect(theirs!.lines?.[2]).toMatchObject({ discountAmount: 0.33 });
  });

  it('SOAP: refuses the discounted work order before anything is sent, saying why and what to do', async () => {
    await discountedWorkOrder('securityCodes');
    const before = (await env.sb.state()).created.invoices.length;
    const run = await runSync({ db: env.db, trigger: 'manual' });
    expect(run.steps.find((s) => s.step === 'exportInvoices')).toMatchObject({ created: 0, failed: 1 });
    const soap = run.problems.filter((p) => p.code === 'LINE_DISCOUNT_SOAP');
    // the four discounted lines, each named; the line without a discount is not
    expect(soap).toHaveLength(4);
    expect(await env.db.outbox.where('kind').equals('invoice').count()).toBe(0);
    expect((await env.sb.state()).created.invoices.length).toBe(before);
  });
});
