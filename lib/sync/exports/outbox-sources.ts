/** Which source record (customer, work order, invoice) an export entry belongs to, found by its indexed key. */
import type { OutboxEntry, WorkspaceDb } from '../../db';

export function sourceKey(source: OutboxEntry['source']): string {
  return `${source.table}:${source.id}`;
}

/** Every source record that already has an export entry (in any state). */
export async function sourcesInOutbox(db: WorkspaceDb): Promise<Set<string>> {
  const set = new Set<string>();
  await db.outbox.each((e) => set.add(sourceKey(e.source)));
  return set;
}

/**
 * The export entry of a source record, found through its key (indexed): a work order's entry is
 * keyed by the invoice number it was given when queued, an invoice's by its number, a customer's
 * by its code.
 */
export async function entryForSource(db: WorkspaceDb, source: OutboxEntry['source']): Promise<OutboxEntry | undefined> {
  let key: string | undefined;
  if (source.table === 'workOrders') {
    const wo = await db.workOrders.get(source.id);
    key = wo?.invoiceNumber === undefined ? undefined : `invoice:${wo.invoiceNumber}`;
  } else if (source.table === 'invoices') {
    const inv = await db.invoices.get(source.id);
    key = inv && `invoice:${inv.number}`;
  } else {
    const c = await db.customers.get(source.id);
    key = c && `relation:${c.code}`;
  }
  if (!key) return undefined;
  const entry = await db.outbox.where('key').equals(key).first();
  return entry && entry.source.table === source.table && entry.source.id === source.id ? entry : undefined;
}
