/**
 * Workspace invoices: drafts (from a work order or typed in) with a concept number, final with
 * their invoice number, then exported at the next sync. An exported one is flagged when changed.
 */
import type { InvoiceLineRow, WorkOrder, WorkspaceDb, WorkspaceInvoice } from '../db';
import { text, type TextKey, type Params, type Text } from '../i18n/translate';
import {
  customerNotices,
  invoiceLabel,
  invoiceRowsToLines,
  lineNotices,
  linesToInvoiceRows,
  loadLookups,
  resolveWorkOrderLines,
  workOrderLabel,
  type Notice,
} from './invoice-builder';
import { allocateInvoiceNumber } from '../sync/numbering';
import { entryForSource } from '../sync/exports/outbox-sources';
import { validDate } from './checks';
import { discountProblem, soapDiscountNotices } from './discounts';
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
  /** The person's choice for this invoice; left out, the setting decides. */
  emailToCustomer?: boolean;
}

function checkInvoiceInput(inv: InvoiceInput, record: Text): void {
  const problems: Notice[] = [];
  const add = (code: string, key: TextKey, params: Params = {}) =>
    problems.push({ code, ...text(key, { record, ...params }) });
  if (!validDate(inv.date)) add('INVALID_DATE', 'workspace.invalidDate', { date: inv.date });
  inv.lines.forEach((l, i) => {
    if (!Number.isFinite(l.quantity)) add('INVALID_QUANTITY', 'workspace.invoice.line.noQuantity', { line: i + 1 });
    if (!Number.isFinite(l.price)) add('INVALID_PRICE', 'workspace.invoice.line.noPrice', { line: i + 1 });
    const discount = discountProblem({ ...l, pricePerUnit: l.price });
    if (discount) {
      const where = text('invoice.line', { record, line: i + 1, what: l.code || l.description || '?' });
      problems.push({ code: discount.code, ...text(discount.key, { where, ...discount.params }) });
    }
  });
  if (problems.length > 0) throw new WorkspaceError(problems);
}

/** A work order may get a workspace invoice: completed, not queued or exported, no invoice yet. */
async function checkWorkOrderInvoiceable(db: WorkspaceDb, workOrderId: number): Promise<WorkOrder> {
  const wo = await db.workOrders.get(workOrderId);
  if (!wo) fail('WORK_ORDER_NOT_FOUND', 'workspace.workOrder.notFound', { id: workOrderId });
  const label = workOrderLabel(wo);
  if (wo.status === 'draft') fail('WORK_ORDER_NOT_COMPLETED', 'workspace.workOrder.stillDraft', { record: label });
  if (wo.status !== 'completed') {
    const number = wo.invoiceNumber ?? '';
    fail('WORK_ORDER_NOT_COMPLETED', 'workspace.workOrder.alreadyExported', { record: label, number });
  }
  const existing = await db.invoices.where('workOrderId').equals(workOrderId).first();
  if (existing) {
    fail('ALREADY_INVOICED', 'workspace.workOrder.alreadyInvoiced', { record: label, number: existing.number });
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
  const { lines, problems } = resolveWorkOrderLines(wo, lookups, settings);
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
    if (wo.emailToCustomer !== undefined) row.emailToCustomer = wo.emailToCustomer;
    row.id = await db.invoices.add(row);
    return row;
  });
}

/** Saves an invoice: new ones are drafts; final ones only while their export failed; exported ones are flagged. */
export async function saveInvoice(db: WorkspaceDb, inv: InvoiceInput, o?: Options): Promise<WorkspaceInvoice> {
  const at = nowOf(o);
  const lines = inv.lines.map((l) => ({ ...l }));
  if (!(await db.customers.get(inv.customerId)))
    fail('UNKNOWN_CUSTOMER', 'workspace.invoice.unknownCustomer', undefined, 'customerId');
  if (inv.id === undefined) {
    checkInvoiceInput(inv, text('workspace.record.newInvoice'));
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
      if (inv.emailToCustomer !== undefined) row.emailToCustomer = inv.emailToCustomer;
      row.id = await db.invoices.add(row);
      return row;
    });
  }
  return db.transaction('rw', [db.invoices, db.outbox], async () => {
    const current = await db.invoices.get(inv.id!);
    if (!current) fail('INVOICE_NOT_FOUND', 'workspace.invoice.notFound', { id: inv.id! });
    const label = invoiceLabel(current);
    checkInvoiceInput(inv, label);
    const next: WorkspaceInvoice = { ...current, customerId: inv.customerId, date: inv.date, lines, updatedAt: at };
    if (inv.emailToCustomer !== undefined) next.emailToCustomer = inv.emailToCustomer;
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
  if (!inv) fail('INVOICE_NOT_FOUND', 'workspace.invoice.notFound', { id });
  const label = invoiceLabel(inv);
  if (inv.status !== 'draft') fail('NOT_A_DRAFT', 'workspace.invoice.alreadyFinal', { record: label });
  const problems = [
    ...customerNotices(await db.customers.get(inv.customerId), label).problems,
    ...lineNotices(invoiceRowsToLines(inv.lines), label),
    ...soapDiscountNotices(invoiceRowsToLines(inv.lines), settings, label),
  ];
  if (problems.length > 0) throw new WorkspaceError(problems);
  return db.transaction('rw', [db.kv, db.invoices, db.outbox, db.transactions, db.openItems], async () => {
    const fresh = await db.invoices.get(id);
    if (!fresh || fresh.status !== 'draft') fail('NOT_A_DRAFT', 'workspace.invoice.alreadyFinal', { record: label });
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
    if (inv.status !== 'draft')
      fail('NOT_A_DRAFT', 'workspace.invoice.finalCannotDelete', { record: invoiceLabel(inv) });
    await db.invoices.delete(id);
  });
}
