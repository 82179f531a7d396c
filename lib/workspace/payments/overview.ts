/**
 * Reads what the payment states are derived from (the exported invoices in the outbox, the
 * debtors' outstanding items as last seen, the terms of payment) and derives every state.
 *
 * Due date = invoice date + term of payment. Neither e-Boekhouden's outstanding list (REST
 * /v1/mutation/invoice/outstanding) nor SOAP GetOpenPosten carries the term, so it comes from
 * the invoice as exported (its payload), else from the imported sales mutation of that number,
 * else the customer's own term, else the settings' term.
 */
import type {
  Customer,
  OpenItemRow,
  OutboxEntry,
  Transaction,
  WorkOrder,
  WorkspaceDb,
  WorkspaceInvoice,
} from '../../db';
import { loadSettings } from '../options';
import { dueDate, localDay, paymentState, type PaymentState } from './state';

export interface InvoicePayment {
  number: string;
  /** Exported from this workspace, or made elsewhere in e-Boekhouden (only its outstanding item is known). */
  origin: 'workspace' | 'elsewhere';
  customerId?: number;
  customerName: string;
  relationCode?: string;
  date: string;
  due?: string;
  state: PaymentState;
  workOrderId?: number;
  invoiceId?: number;
}

export interface PaymentOverview {
  invoices: InvoicePayment[];
  /** When the outstanding lists were last read in full (ms); undefined before the first such sync. */
  asOf?: number;
  today: string;
}

interface ExportedInvoice {
  number: string;
  date: string;
  term?: number;
  customerId?: number;
  relationCode?: string;
  creditedBy?: number;
  workOrderId?: number;
  invoiceId?: number;
}

function payloadFields(payload: unknown): { number?: string; date?: string; term?: number; relationCode?: string } {
  if (typeof payload !== 'object' || payload === null) return {};
  const p = payload as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return {
    number: str(p.number),
    date: str(p.date),
    term: typeof p.termOfPayment === 'number' ? p.termOfPayment : undefined,
    relationCode: str(p.relationCode),
  };
}

async function exportedInvoices(db: WorkspaceDb): Promise<ExportedInvoice[]> {
  const done = (await db.outbox.where('state').equals('done').toArray()).filter(
    (e: OutboxEntry) => e.kind === 'invoice',
  );
  const woIds = done.filter((e) => e.source.table === 'workOrders').map((e) => e.source.id);
  const invIds = done.filter((e) => e.source.table === 'invoices').map((e) => e.source.id);
  const workOrders = new Map<number, WorkOrder>();
  for (const w of await db.workOrders.bulkGet(woIds)) if (w?.id !== undefined) workOrders.set(w.id, w);
  const invoices = new Map<number, WorkspaceInvoice>();
  for (const i of await db.invoices.bulkGet(invIds)) if (i?.id !== undefined) invoices.set(i.id, i);
  const out: ExportedInvoice[] = [];
  for (const e of done) {
    const p = payloadFields(e.payload);
    const record = e.source.table === 'workOrders' ? workOrders.get(e.source.id) : invoices.get(e.source.id);
    const recordNumber =
      record && ('invoiceNumber' in record ? record.invoiceNumber : (record as WorkspaceInvoice).number);
    const number = e.remote?.number ?? p.number ?? recordNumber;
    if (!number) continue;
    out.push({
      number,
      date: p.date ?? record?.date ?? '',
      term: p.term,
      customerId: record?.customerId,
      relationCode: p.relationCode,
      creditedBy: record?.creditedBy,
      workOrderId: e.source.table === 'workOrders' ? e.source.id : undefined,
      invoiceId: e.source.table === 'invoices' ? e.source.id : undefined,
    });
  }
  return out;
}

const LOOKUPS_AT_ONCE = 500;

/**
 * The terms of the sales mutations behind these invoices. By mutation id where the item has one
 * (REST), else by invoice number, one indexed lookup each (an `anyOf` over thousands of numbers is
 * a cursor walk, far too slow in fake-indexeddb).
 */
async function mutationTerms(
  db: WorkspaceDb,
  wanted: { number?: string; mutationId?: number }[],
): Promise<Map<string, number>> {
  const terms = new Map<string, number>();
  const byId = wanted.filter((w) => w.mutationId !== undefined);
  const byNumber = [...new Set(wanted.filter((w) => w.mutationId === undefined).flatMap((w) => w.number ?? []))];
  if (byId.length === 0 && byNumber.length === 0) return terms;
  const keep = (r: Transaction | undefined) => {
    if (r?.type === 2 && r.invoiceNumber && r.termOfPayment !== undefined) terms.set(r.invoiceNumber, r.termOfPayment);
  };
  await db.transaction('r', db.transactions, async () => {
    for (const r of await db.transactions.bulkGet(byId.map((w) => w.mutationId!))) keep(r);
    // In slices: 10,000 lookups at once (SOAP items carry no mutation id) keep as many queries and
    // promises alive together, which in the service worker is tens of MB of heap for a moment.
    for (let at = 0; at < byNumber.length; at += LOOKUPS_AT_ONCE) {
      const found = await Promise.all(
        byNumber.slice(at, at + LOOKUPS_AT_ONCE).map((n) =>
          db.transactions
            .where('invoiceNumber')
            .equals(n)
            .and((r) => r.type === 2)
            .first(),
        ),
      );
      found.forEach(keep);
    }
  });
  return terms;
}

export async function loadPaymentOverview(db: WorkspaceDb, now: number = Date.now()): Promise<PaymentOverview> {
  const [settings, exported, items, cursor] = await Promise.all([
    loadSettings(db),
    exportedInvoices(db),
    db.openItems.where('side').equals('debtors').toArray(),
    db.cursors.get('openItems'),
  ]);
  const today = localDay(now);
  const customers = await db.customers.toArray();
  const byId = new Map<number, Customer>();
  const byCode = new Map<string, Customer>();
  for (const c of customers) {
    if (c.id !== undefined) byId.set(c.id, c);
    byCode.set(c.code.toLowerCase(), c);
  }
  const byNumber = new Map<string, OpenItemRow[]>();
  for (const r of items) {
    if (!r.invoiceNumber) continue;
    const list = byNumber.get(r.invoiceNumber);
    if (list) list.push(r);
    else byNumber.set(r.invoiceNumber, [r]);
  }
  const ours = new Set(exported.map((e) => e.number));
  const elsewhere = items.filter((r) => r.open && !(r.invoiceNumber && ours.has(r.invoiceNumber)));
  const terms = await mutationTerms(db, [
    ...exported.filter((e) => e.term === undefined).map((e) => ({ number: e.number })),
    ...elsewhere.map((r) => ({ number: r.invoiceNumber, mutationId: r.mutationId })),
  ]);
  const termOf = (number: string | undefined, own: number | undefined, customer: Customer | undefined) =>
    own ?? (number ? terms.get(number) : undefined) ?? customer?.termOfPayment ?? settings.invoice.termOfPayment;

  const invoices: InvoicePayment[] = [];
  for (const e of exported) {
    const customer = e.customerId !== undefined ? byId.get(e.customerId) : undefined;
    const code = (e.relationCode ?? customer?.code)?.toLowerCase();
    const seen = byNumber.get(e.number);
    const item = seen?.find((r) => r.relationCode.toLowerCase() === code) ?? seen?.[0];
    const due = dueDate(e.date, termOf(e.number, e.term, customer));
    invoices.push({
      number: e.number,
      origin: 'workspace',
      customerId: e.customerId,
      customerName: customer?.name ?? item?.relationName ?? '',
      relationCode: customer?.code ?? e.relationCode,
      date: e.date,
      due,
      state: paymentState({ item, creditedBy: e.creditedBy, due, today }),
      workOrderId: e.workOrderId,
      invoiceId: e.invoiceId,
    });
  }
  for (const r of elsewhere) {
    const customer = byCode.get(r.relationCode.toLowerCase());
    const due = dueDate(r.date, termOf(r.invoiceNumber, undefined, customer));
    invoices.push({
      number: r.invoiceNumber ?? '',
      origin: 'elsewhere',
      customerId: customer?.id,
      customerName: r.relationName || customer?.name || r.relationCode,
      relationCode: r.relationCode,
      date: r.date,
      due,
      state: paymentState({ item: r, due, today }),
    });
  }
  const asOf = (cursor?.value as { readAt?: number } | undefined)?.readAt;
  return { invoices, asOf, today };
}
