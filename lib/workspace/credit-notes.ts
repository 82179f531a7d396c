/**
 * Credit notes: "make a credit note" on an exported invoice (a workspace invoice, or the invoice a
 * work order was exported as) makes a new final workspace invoice with the same lines negated
 * (quantities negated; prices and discounts kept, so every line and total negates to the cent),
 * its own number, linked both ways (`creditsInvoiceId` / `creditsWorkOrderId` on the note,
 * `creditedBy` on the original). The next sync exports it through the same exactly-once outbox.
 *
 * The lines are those that were sent (the export entry's frozen payload), so the note credits what
 * e-Boekhouden has, even when the record was changed after its export.
 */
import type { InvoiceLineRow, WorkspaceDb, WorkspaceInvoice } from '../db';
import type { NewInvoice } from '../eboekhouden/types';
import { allocateInvoiceNumber } from '../sync/numbering';
import { entryForSource } from '../sync/exports/outbox-sources';
import { fail } from './errors';
import { invoiceLabel, linesToInvoiceRows, workOrderLabel } from './invoice-builder';
import { nowOf, settingsOf, type Options } from './options';

export type Creditable = { table: 'invoices' | 'workOrders'; id: number };

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The lines negated: -quantity × the same price after the same discount is exactly -(the line). */
export function negatedLines(lines: InvoiceLineRow[]): InvoiceLineRow[] {
  return lines.map((l) => ({ ...l, quantity: -l.quantity }));
}

const TABLES = (db: WorkspaceDb) => [db.kv, db.invoices, db.workOrders, db.outbox, db.transactions, db.openItems];

/** What was sent for the record, once it is in e-Boekhouden; refuses anything else with why. */
async function sentInvoice(db: WorkspaceDb, source: Creditable): Promise<{ payload: NewInvoice; customerId: number }> {
  if (source.table === 'invoices') {
    const inv = await db.invoices.get(source.id);
    if (!inv) fail('INVOICE_NOT_FOUND', 'workspace.invoice.notFound', { id: source.id });
    const record = invoiceLabel(inv);
    if (inv.creditsInvoiceId !== undefined || inv.creditsWorkOrderId !== undefined)
      fail('IS_CREDIT_NOTE', 'workspace.credit.isCreditNote', { record });
    const entry = await entryForSource(db, source);
    if (inv.status !== 'exported' || entry?.kind !== 'invoice' || entry.state !== 'done')
      fail('NOT_EXPORTED', 'workspace.credit.notExported', { record });
    return { payload: entry.payload, customerId: inv.customerId };
  }
  const wo = await db.workOrders.get(source.id);
  if (!wo) fail('WORK_ORDER_NOT_FOUND', 'workspace.workOrder.notFound', { id: source.id });
  const record = workOrderLabel(wo);
  const entry = await entryForSource(db, source);
  if (entry?.kind === 'invoice' && entry.state === 'done') return { payload: entry.payload, customerId: wo.customerId };
  // Exported through a workspace invoice: that invoice is the one to credit.
  const viaInvoice = await db.invoices.where('workOrderId').equals(source.id).first();
  if (viaInvoice) return sentInvoice(db, { table: 'invoices', id: viaInvoice.id! });
  fail('NOT_EXPORTED', 'workspace.credit.notExported', { record });
}

/** The workspace invoice the note hangs on: a work order exported through an invoice credits that invoice. */
async function original(db: WorkspaceDb, source: Creditable): Promise<Creditable> {
  if (source.table === 'invoices') return source;
  const direct = await entryForSource(db, source);
  if (direct) return source;
  const viaInvoice = await db.invoices.where('workOrderId').equals(source.id).first();
  return viaInvoice ? { table: 'invoices', id: viaInvoice.id! } : source;
}

/**
 * Makes the credit note (final, numbered) for an exported invoice or work order. A second call
 * (a second click, two pages at once) returns the note made the first time, never a second one.
 */
export async function makeCreditNote(db: WorkspaceDb, source: Creditable, o?: Options): Promise<WorkspaceInvoice> {
  const settings = await settingsOf(db, o);
  const at = nowOf(o);
  const target = await original(db, source);
  return db.transaction('rw', TABLES(db), async () => {
    const table = target.table === 'invoices' ? db.invoices : db.workOrders;
    const fresh = await table.get(target.id);
    if (fresh?.creditedBy !== undefined) {
      const existing = await db.invoices.get(fresh.creditedBy);
      if (existing) return existing;
    }
    const { payload, customerId } = await sentInvoice(db, target);
    const date = isoDay(at);
    const note: WorkspaceInvoice = {
      number: await allocateInvoiceNumber(db, settings, date),
      customerId,
      date,
      lines: negatedLines(linesToInvoiceRows(payload.lines)),
      status: 'final',
      creditsNumber: payload.number,
      ...(target.table === 'invoices' ? { creditsInvoiceId: target.id } : { creditsWorkOrderId: target.id }),
      // The e-mail goes as the original's did.
      emailToCustomer: payload.email !== undefined,
      updatedAt: at,
    };
    note.id = await db.invoices.add(note);
    await table.update(target.id, { creditedBy: note.id, updatedAt: at });
    return note;
  });
}
