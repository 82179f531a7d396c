/**
 * Against the sandbox, through the real engine: a REST export keeps the created invoice's
 * `urlPdfFile` (a link that serves the PDF) and sends a new customer's invoice address as
 * `emailAddressInvoice`; SOAP gives no PDF link, so none is kept or offered.
 */
import { describe, expect, it } from 'vitest';
import { runSync, saveSettings } from '../../lib/sync/index';
import { completeWorkOrder, createCustomer, invoicePdf, saveWorkOrder } from '../../lib/workspace';
import { useSandboxWorkspace } from '../helpers/sandbox-workspace';

const env = useSandboxWorkspace('sync-export-pdf', { invoice: { template: 'Standaard', numberPrefix: 'PD' } });

/** Imports, then exports a new customer (with an invoice address) and a work order for it. */
async function exportOne(kind: 'token' | 'securityCodes') {
  const saved = await saveSettings(env.db, env.settingsFor(kind));
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  await runSync({ db: env.db, trigger: 'manual' });
  const hourType = await env.db.hourTypes.where('code').equals('ARB-MONT').first();
  const customer = await createCustomer(env.db, {
    name: 'PDF Test BV',
    email: 'info@pdftest.nl',
    emailInvoice: 'facturen@pdftest.nl',
  });
  const wo = await saveWorkOrder(env.db, {
    customerId: customer.id!,
    date: '2026-07-01',
    description: 'Onderhoud',
    hourLines: [{ hourTypeId: hourType!.id!, hours: 1, price: 62.5 }],
    materialLines: [],
  });
  await completeWorkOrder(env.db, wo.id!);
  const run = await runSync({ db: env.db, trigger: 'manual' });
  expect(run.steps.find((s) => s.step === 'exportInvoices')).toMatchObject({ created: 1, failed: 0 });
  const entry = await env.db.outbox.where('key').equals('invoice:PD2026-0001').first();
  expect(entry?.state).toBe('done');
  return { customer, entry: entry! };
}

describe('the PDF of an exported invoice and the invoice address', () => {
  it('REST: keeps urlPdfFile, which serves the PDF, and sends emailAddressInvoice', async () => {
    const { customer, entry } = await exportOne('token');
    const pdf = invoicePdf(entry);
    expect(pdf?.number).toBe('PD2026-0001');
    expect(pdf?.url).toMatch(/^https?:\/\/.+\/pdf$/);
    const response = await fetch(pdf!.url);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(await response.text()).toMatch(/^%PDF-/);

    const relation = (await env.sb.state()).created.relations.find((r) => r.code === customer.code);
    expect(relation).toMatchObject({ emailAddress: 'info@pdftest.nl', emailAddressInvoice: 'facturen@pdftest.nl' });
  });

  it('SOAP: no PDF link, so none is kept or offered', async () => {
    const { entry } = await exportOne('securityCodes');
    expect(entry.remote).not.toHaveProperty('pdfUrl');
    expect(invoicePdf(entry)).toBeUndefined();
  });
});
