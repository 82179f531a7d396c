/**
 * Invoice templates, so the settings can offer a list to pick from. REST only: with SOAP a
 * template is typed by name (the capability says so) and this step does nothing.
 */
import { templateToRow } from '../mapping';
import type { SyncStep } from '../step';
import { changedRows, forEachPage, logRejected } from './common';

export const importInvoiceTemplates: SyncStep = {
  name: 'invoiceTemplates',
  enabled: () => true,
  async run(ctx) {
    const { db, api } = ctx;
    if (!api.capabilities.listInvoiceTemplates) return;
    const seen = new Set<number>();
    await forEachPage(api.listInvoiceTemplates(), ctx.signal, async (page) => {
      ctx.log.fetched += page.items.length;
      logRejected(ctx, page);
      const rows = page.items.map(templateToRow);
      for (const r of rows) seen.add(r.remoteId);
      await db.transaction('rw', db.invoiceTemplates, async () => {
        const existing = await db.invoiceTemplates.bulkGet(rows.map((r) => r.remoteId));
        const changed = changedRows(ctx, existing, rows);
        await db.invoiceTemplates.bulkPut(changed);
      });
    });
    // A template deleted upstream can no longer be chosen; the row stays for invoices that name it.
    const missing = ((await db.invoiceTemplates.toCollection().primaryKeys()) as number[]).filter(
      (id) => !seen.has(id),
    );
    if (missing.length) {
      ctx.log.updated += await db.invoiceTemplates
        .where('remoteId')
        .anyOf(missing)
        .filter((t) => t.active)
        .modify({ active: false });
    }
  },
};
