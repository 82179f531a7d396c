/**
 * The floor of an import: every request the import steps make, fetched and parsed by the
 * transport, nothing written. Runs in Node and, bundled, in the extension's service worker.
 */
import type { EBoekhouden } from '../../lib/eboekhouden/api';
import { mapLimit } from '../../lib/sync/imports/common';

/** Walks everything the import steps read, the way they read it (details 6 at a time per page), storing nothing. */
export async function floorWalk(api: EBoekhouden): Promise<number> {
  let records = 0;
  const signal = new AbortController().signal;
  try {
    records += (await api.listAdministrations()).length;
  } catch {
    /* not an accountant: the import step notes that and moves on */
  }
  for await (const p of api.listLedgerAccounts()) records += p.items.length;
  if (api.capabilities.listInvoiceTemplates) for await (const p of api.listInvoiceTemplates()) records += p.items.length;
  for await (const p of api.listRelations()) {
    const ids = p.items.filter((i) => !i.relation).map((i) => i.id);
    records += p.items.length;
    await mapLimit(ids, 6, signal, (id) => api.getRelation(id));
  }
  for await (const p of api.listProducts()) {
    const ids = p.items.filter((i) => !i.product).map((i) => i.id);
    records += p.items.length;
    await mapLimit(ids, 6, signal, (id) => api.getProduct(id));
  }
  for await (const p of api.listMutations({})) records += p.items.length;
  for await (const p of api.listOpenItems('debtors')) records += p.items.length;
  for await (const p of api.listOpenItems('creditors')) records += p.items.length;
  return records;
}

