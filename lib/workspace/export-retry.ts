/** Retrying a failed export after the person fixed the cause. */
import type { InvoiceOutboxEntry, OutboxEntry, RelationOutboxEntry, WorkspaceDb } from '../db';
import { loadAndBuildInvoice, loadAndBuildWorkOrder } from './invoice-builder';
import { allocateInvoiceNumber } from '../sync/numbering';
import { customerLabel, relationNotices, relationPayload } from '../sync/exports/customers';
import { fail, WorkspaceError } from './errors';
import { nowOf, settingsOf, type Options } from './options';

type Rebuilt =
  Pick<RelationOutboxEntry, 'kind' | 'payload' | 'key'> | Pick<InvoiceOutboxEntry, 'kind' | 'payload' | 'key'>;

/**
 * failed → pending, after the person fixed the cause. The payload is rebuilt from the record
 * as it is now (a failed entry was never created upstream); the invoice number stays, unless
 * e-Boekhouden already had that number for another invoice, then a new one is allocated.
 */
export async function retryExport(db: WorkspaceDb, outboxId: number, o?: Options): Promise<OutboxEntry> {
  const settings = await settingsOf(db, o);
  const at = nowOf(o);
  const entry = await db.outbox.get(outboxId);
  if (!entry) fail('EXPORT_NOT_FOUND', 'workspace.export.notFound', { id: outboxId });
  if (entry.state !== 'failed') fail('NOT_FAILED', 'workspace.export.notFailed', { state: entry.state });

  let rebuilt: Rebuilt;
  if (entry.kind === 'relation') {
    const c = await db.customers.get(entry.source.id);
    if (!c) fail('CUSTOMER_NOT_FOUND', 'workspace.export.customerGone');
    const payload = relationPayload(c);
    const problems = relationNotices(payload, customerLabel(c));
    if (problems.length > 0) throw new WorkspaceError(problems);
    rebuilt = { kind: 'relation', payload, key: `relation:${c.code}` };
  } else {
    const oldNumber = entry.payload.number;
    const newNumberNeeded = entry.lastError?.code === 'NUMBER_TAKEN';
    const number = newNumberNeeded ? await allocateInvoiceNumber(db, settings, entry.payload.date) : oldNumber;
    let built;
    if (entry.source.table === 'workOrders') {
      const wo = await db.workOrders.get(entry.source.id);
      if (!wo) fail('WORK_ORDER_NOT_FOUND', 'workspace.export.workOrderGone');
      built = await loadAndBuildWorkOrder(db, settings, wo, number);
    } else {
      const inv = await db.invoices.get(entry.source.id);
      if (!inv) fail('INVOICE_NOT_FOUND', 'workspace.export.invoiceGone');
      built = await loadAndBuildInvoice(db, settings, { ...inv, number });
    }
    if (built.problems.length > 0) throw new WorkspaceError(built.problems);
    if (built.waiting) throw new WorkspaceError([built.waiting]);
    rebuilt = { kind: 'invoice', payload: built.invoice, key: `invoice:${number}` };
  }

  return db.transaction('rw', [db.outbox, db.workOrders, db.invoices], async () => {
    const fresh = await db.outbox.get(outboxId);
    if (!fresh || fresh.state !== 'failed') fail('NOT_FAILED', 'workspace.export.restarted');
    const number = rebuilt.kind === 'invoice' ? rebuilt.payload.number : undefined;
    if (number !== undefined && fresh.kind === 'invoice' && number !== fresh.payload.number) {
      if (fresh.source.table === 'workOrders')
        await db.workOrders.update(fresh.source.id, { invoiceNumber: number, updatedAt: at });
      else await db.invoices.update(fresh.source.id, { number, updatedAt: at });
    }
    const next: OutboxEntry = {
      ...fresh,
      ...rebuilt,
      state: 'pending',
      lastError: undefined,
      sendingSince: undefined,
      updatedAt: at,
    };
    delete next.lastError;
    delete next.sendingSince;
    await db.outbox.put(next);
    return next;
  });
}
