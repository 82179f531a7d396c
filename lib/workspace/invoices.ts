/**
 * Workspace invoices: drafts (from a work order or typed in) with a concept number, final with
 * their invoice number, then exported at the next sync. An exported one is flagged when changed.
 */
import type { InvoiceLineRow, WorkOrder, WorkspaceDb, WorkspaceInvoice } from '../db';
import {
  checkCustomer,
  checkLines,
  invoiceRecord,
  invoiceRowsToLines,
  linesToInvoiceRows,
  loadLookups,
  workOrderLines,
  workOrderRecord,
  type Message,
} from '../sync/invoice-builder';
import { allocateInvoiceNumber } from '../sync/numbering';
import { entryForSource } from '../sync/exports/outbox';
import { validDate } from './checks';
import { fail, WorkspaceError } from './errors';
import { conceptNumber } from './numbering';
import { nowOf, settingsOf, type Options } from './options';
import { refuseWhileQueued } from './queued-for-export';

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export interface InvoiceInput {
  id?: number;
  customerId: number;
  date: string;
  workOrderId?: number;
  lines: InvoiceLineRow[];
}

function checkInvoiceInput(inv: InvoiceInput, label: { nl: string; en: string }): void {
  const problems: Message[] = [];
  const add = (code: string, nl: string, en: string) =>
    problems.push({ code, nl: `${label.nl}: ${nl}`, en: `${label.en}: ${en}` });
  if (!validDate(inv.date))
    add(
      'INVALID_DATE',
      `datum "${inv.date}" is geen geldige datum (JJJJ-MM-DD).`,
      `date "${inv.date}" is not a valid date (YYYY-MM-DD).`,
    );
  inv.lines.forEach((l, i) => {
    if (!Number.isFinite(l.quantity))
      add('INVALID_QUANTITY', `regel ${i + 1}: vul een aantal in.`, `line ${i + 1}: enter a quantity.`);
    if (!Number.isFinite(l.price))
      add('INVALID_PRICE', `regel ${i + 1}: vul een prijs in.`, `line ${i + 1}: enter a price.`);
  });
  if (problems.length > 0) throw new WorkspaceError(problems);
}

/** A work order may get a workspace invoice: completed, not queued or exported, no invoice yet. */
async function checkWorkOrderInvoiceable(db: WorkspaceDb, workOrderId: number): Promise<WorkOrder> {
  const wo = await db.workOrders.get(workOrderId);
  if (!wo)
    fail(
      'WORK_ORDER_NOT_FOUND',
      `Werkbon ${workOrderId} bestaat niet (meer). Vernieuw de lijst.`,
      `Work order ${workOrderId} does not exist (any more). Refresh the list.`,
    );
  const label = workOrderRecord(wo);
  if (wo.status !== 'completed') {
    fail(
      'WORK_ORDER_NOT_COMPLETED',
      wo.status === 'draft'
        ? `${label.nl} is nog een concept. Rond de werkbon eerst af.`
        : `${label.nl} is al als factuur ${wo.invoiceNumber ?? ''} naar e-Boekhouden gegaan.`,
      wo.status === 'draft'
        ? `${label.en} is still a draft. Complete the work order first.`
        : `${label.en} has already gone to e-Boekhouden as invoice ${wo.invoiceNumber ?? ''}.`,
    );
  }
  const existing = await db.invoices.where('workOrderId').equals(workOrderId).first();
  if (existing) {
    fail(
      'ALREADY_INVOICED',
      `${label.nl} heeft al factuur ${existing.number}. Open die factuur.`,
      `${label.en} already has invoice ${existing.number}. Open that invoice.`,
    );
  }
  refuseWhileQueued(await entryForSource(db, { table: 'workOrders', id: workOrderId }), label);
  return wo;
}

/** A draft invoice with the work order's lines (codes, VAT and counter accounts resolved). */
export async function createInvoiceFromWorkOrder(
  db: WorkspaceDb,
  workOrderId: number,
  o?: Options,
): Promise<WorkspaceInvoice> {
  const settings = await settingsOf(db, o);
  const at = nowOf(o);
  const wo = await checkWorkOrderInvoiceable(db, workOrderId);
  const lookups = await loadLookups(db, wo);
  const { lines, problems } = workOrderLines(wo, lookups, settings);
  if (problems.length > 0) throw new WorkspaceError(problems);
  return db.transaction('rw', [db.kv, db.customers, db.workOrders, db.invoices, db.outbox], async () => {
    // Again inside the transaction: the sync may have queued it meanwhile.
    await checkWorkOrderInvoiceable(db, workOrderId);
    const row: WorkspaceInvoice = {
      number: await conceptNumber(db),
      customerId: wo.customerId,
      date: isoDay(at),
      workOrderId,
      lines: linesToInvoiceRows(lines),
      status: 'draft',
      updatedAt: at,
    };
    row.id = await db.invoices.add(row);
    return row;
  });
}

/** Saves an invoice: new ones are drafts; final ones only while their export failed; exported ones are flagged. */
export async function saveInvoice(db: WorkspaceDb, inv: InvoiceInput, o?: Options): Promise<WorkspaceInvoice> {
  const at = nowOf(o);
  const lines = inv.lines.map((l) => ({ ...l }));
  if (!(await db.customers.get(inv.customerId)))
    fail(
      'UNKNOWN_CUSTOMER',
      'Kies een bestaande klant voor de factuur.',
      'Choose an existing customer for the invoice.',
      'customerId',
    );
  if (inv.id === undefined) {
    checkInvoiceInput(inv, { nl: 'Nieuwe factuur', en: 'New invoice' });
    return db.transaction('rw', [db.kv, db.customers, db.workOrders, db.invoices, db.outbox], async () => {
      if (inv.workOrderId !== undefined) await checkWorkOrderInvoiceable(db, inv.workOrderId);
      const row: WorkspaceInvoice = {
        number: await conceptNumber(db),
        customerId: inv.customerId,
        date: inv.date,
        workOrderId: inv.workOrderId,
        lines,
        status: 'draft',
        updatedAt: at,
      };
      row.id = await db.invoices.add(row);
      return row;
    });
  }
  return db.transaction('rw', [db.invoices, db.outbox], async () => {
    const current = await db.invoices.get(inv.id!);
    if (!current)
      fail(
        'INVOICE_NOT_FOUND',
        `Factuur ${inv.id} bestaat niet (meer). Vernieuw de lijst.`,
        `Invoice ${inv.id} does not exist (any more). Refresh the list.`,
      );
    const label = invoiceRecord(current);
    checkInvoiceInput(inv, label);
    const next: WorkspaceInvoice = { ...current, customerId: inv.customerId, date: inv.date, lines, updatedAt: at };
    if (current.status === 'exported') next.changedAfterExport = true;
    else if (current.status === 'final')
      refuseWhileQueued(await entryForSource(db, { table: 'invoices', id: current.id! }), label);
    await db.invoices.put(next);
    return next;
  });
}

/** draft → final: checks the invoice and gives it its invoice number. It is exported at the next sync. */
export async function finalizeInvoice(db: WorkspaceDb, id: number, o?: Options): Promise<WorkspaceInvoice> {
  const settings = await settingsOf(db, o);
  const at = nowOf(o);
  const inv = await db.invoices.get(id);
  if (!inv)
    fail(
      'INVOICE_NOT_FOUND',
      `Factuur ${id} bestaat niet (meer). Vernieuw de lijst.`,
      `Invoice ${id} does not exist (any more). Refresh the list.`,
    );
  const label = invoiceRecord(inv);
  if (inv.status !== 'draft') fail('NOT_A_DRAFT', `${label.nl} is al definitief.`, `${label.en} is already final.`);
  const problems = [
    ...checkCustomer(await db.customers.get(inv.customerId), label).problems,
    ...checkLines(invoiceRowsToLines(inv.lines), label),
  ];
  if (problems.length > 0) throw new WorkspaceError(problems);
  return db.transaction('rw', [db.kv, db.invoices, db.outbox, db.transactions, db.openItems], async () => {
    const fresh = await db.invoices.get(id);
    if (!fresh || fresh.status !== 'draft')
      fail('NOT_A_DRAFT', `${label.nl} is al definitief.`, `${label.en} is already final.`);
    const number = await allocateInvoiceNumber(db, settings, fresh.date);
    const next: WorkspaceInvoice = { ...fresh, number, status: 'final', updatedAt: at };
    await db.invoices.put(next);
    return next;
  });
}

/** Deletes a draft invoice (a work order it was made from can then be exported or invoiced again). */
export async function deleteDraftInvoice(db: WorkspaceDb, id: number): Promise<void> {
  await db.transaction('rw', [db.invoices], async () => {
    const inv = await db.invoices.get(id);
    if (!inv) return;
    const label = invoiceRecord(inv);
    if (inv.status !== 'draft')
      fail(
        'NOT_A_DRAFT',
        `${label.nl} is definitief en kan niet worden verwijderd.`,
        `${label.en} is final and cannot be deleted.`,
      );
    await db.invoices.delete(id);
  });
}
