/**
 * Work order / workspace invoice → the e-Boekhouden layer's NewInvoice, with every check that
 * must pass before anything is sent. Amounts are computed in integer cents so that the totals
 * shown in the preview are the totals that are sent, to the cent.
 */
import type { Customer, HourType, InvoiceLineRow, Material, WorkOrder, WorkspaceDb, WorkspaceInvoice } from '../db';
import type { Settings } from '../settings';
import { newInvoiceSchema, type InvoiceLine, type NewInvoice } from '../eboekhouden/types';
import { text, translate, type Param, type Text } from '../i18n/translate';
// Puts texts of the whole catalogue into words (the popup loads it later).
import '../i18n/catalogue';
import { computeTotals, type InvoiceTotals } from './invoice-amounts';
import {
  customerNotices,
  invoiceMailAddress,
  invoiceSettingsNotices,
  lineNotices,
  mailNotices,
  notice,
  senderAddress,
  type Notice,
} from './invoice-checks';
import { discountOf, soapDiscountNotices } from './discounts';

// The builder is the entry point for invoicing: its callers need these too.
export { computeTotals, euros, type InvoiceTotals } from './invoice-amounts';
export { customerNotices, invoiceMailAddress, lineNotices, type Notice } from './invoice-checks';

export interface BuildResult {
  /** Built as far as the data allows (for the preview); only send it when `problems` is empty and not `waiting`. */
  invoice: NewInvoice;
  problems: Notice[];
  /** Set when the customer is not in e-Boekhouden yet: the invoice waits for the relation export. */
  waiting?: Notice;
  totals: InvoiceTotals;
  /**
   * Where e-Boekhouden e-mails the invoice, when it does (`invoice.email` set): the relation's
   * own address, as `invoiceMailAddress` picks it. The request names no recipient.
   */
  mailTo?: string;
}

/** What a build needs from the workspace, so the checks can be tested without a database. */
export interface BuildLookups {
  customer?: Customer;
  hourTypes: Map<number, HourType>;
  materials: Map<number, Material>;
}

// ---------- lines ----------

/** The invoice lines of a work order: hour lines first, then material lines. */
export function resolveWorkOrderLines(
  wo: Pick<WorkOrder, 'number' | 'hourLines' | 'materialLines'>,
  lookups: Pick<BuildLookups, 'hourTypes' | 'materials'>,
  settings: Settings,
): { lines: InvoiceLine[]; problems: Notice[] } {
  const lines: InvoiceLine[] = [];
  const problems: Notice[] = [];
  wo.hourLines.forEach((h, i) => {
    const ht = lookups.hourTypes.get(h.hourTypeId);
    if (!ht) {
      problems.push(notice('UNKNOWN_HOUR_TYPE', text('invoice.unknownHourType', { number: wo.number, line: i + 1 })));
      return;
    }
    lines.push({
      code: ht.code,
      description: (h.description ?? '').trim() || ht.description,
      quantity: h.hours,
      unit: ht.unit || undefined,
      pricePerUnit: h.price,
      vatCode: ht.vatCode || settings.invoice.hourVatCode,
      ledgerCode: ht.ledgerCode || settings.invoice.hourLedgerCode,
      ...discountOf(h),
    });
  });
  wo.materialLines.forEach((m, i) => {
    const mat = lookups.materials.get(m.materialId);
    if (!mat) {
      problems.push(notice('UNKNOWN_MATERIAL', text('invoice.unknownMaterial', { number: wo.number, line: i + 1 })));
      return;
    }
    lines.push({
      code: mat.code,
      description: (m.description ?? '').trim() || mat.description,
      quantity: m.quantity,
      unit: mat.unit || undefined,
      pricePerUnit: m.price,
      vatCode: mat.vatCode ?? '',
      ledgerCode: mat.ledgerCode ?? '',
      ...discountOf(m),
    });
  });
  return { lines, problems };
}

export function invoiceRowsToLines(rows: InvoiceLineRow[]): InvoiceLine[] {
  return rows.map((r) => ({
    code: r.code,
    description: r.description,
    quantity: r.quantity,
    unit: r.unit || undefined,
    pricePerUnit: r.price,
    vatCode: r.vatCode,
    ledgerCode: r.ledgerCode,
    ...discountOf(r),
  }));
}

export function linesToInvoiceRows(lines: InvoiceLine[]): InvoiceLineRow[] {
  return lines.map((l) => ({
    code: l.code,
    description: l.description,
    quantity: l.quantity,
    unit: l.unit,
    price: l.pricePerUnit,
    vatCode: l.vatCode,
    ledgerCode: l.ledgerCode,
    ...discountOf(l),
  }));
}

// ---------- assembling ----------

export interface InvoiceHeader {
  /** '' until a number is allocated (the preview). */
  number: string;
  relationCode: string;
  date: string;
  /** Used in the booking description. */
  description?: string;
  /** The record's own choice; undefined follows the setting. */
  emailToCustomer?: boolean;
}

/** Whether the invoice is to be e-mailed by e-Boekhouden: the record's choice, else the setting. */
export function mailWanted(record: { emailToCustomer?: boolean }, settings: Settings): boolean {
  return record.emailToCustomer ?? settings.invoice.emailToCustomer;
}

export function assembleInvoice(header: InvoiceHeader, lines: InvoiceLine[], settings: Settings): NewInvoice {
  const s = settings.invoice;
  const invoice: NewInvoice = {
    number: header.number,
    relationCode: header.relationCode,
    date: header.date,
    termOfPayment: s.termOfPayment,
    template: s.template,
    bookInAccounts: s.bookInAccounts,
    lines,
  };
  if (s.bookInAccounts) {
    // What the invoice says in e-Boekhouden and in its e-mail is for the customer: always Dutch.
    const description = header.description?.trim();
    const booking = description
      ? translate('nl', 'invoice.bookingWithDescription', { number: header.number, description })
      : translate('nl', 'invoice.booking', { number: header.number });
    invoice.bookingDescription = booking.slice(0, 200);
  }
  const from = senderAddress(settings);
  if (mailWanted(header, settings) && from) {
    invoice.email = {
      subject: translate('nl', 'invoice.mailSubject', { number: header.number }),
      body: translate('nl', 'invoice.mailBody', { number: header.number }),
      fromAddress: from,
    };
    const name = s.emailFromName.trim();
    if (name) invoice.email.fromName = name;
  }
  return invoice;
}

/** Anything the zod schema still refuses (lengths, date format), so the transport never does. */
function schemaProblems(invoice: NewInvoice, record: Param): Notice[] {
  const parsed = newInvoiceSchema.safeParse(invoice);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) =>
    notice(
      'INVALID_FIELD',
      text('invoice.invalidField', { record, field: issue.path.join('.') || '?', message: issue.message }),
    ),
  );
}

/** Runs every check on an assembled invoice; per-line and settings problems come first, then the schema's. */
export function finishBuild(
  invoice: NewInvoice,
  settings: Settings,
  record: Param,
  customer: Customer | undefined,
  earlier: Notice[],
  mailed = settings.invoice.emailToCustomer,
): BuildResult {
  const cust = customerNotices(customer, record);
  // Lines that could not be resolved are reported already; "no lines" would only repeat that.
  const lineProblems = earlier.length > 0 && invoice.lines.length === 0 ? [] : lineNotices(invoice.lines, record);
  const problems = [
    ...cust.problems,
    ...earlier,
    ...lineProblems,
    ...invoiceSettingsNotices(settings, record, mailed),
    ...soapDiscountNotices(invoice.lines, settings, record),
    ...(cust.problems.length > 0 ? [] : mailNotices(invoice, customer, record)),
  ];
  if (problems.length === 0) {
    // The number may still be '' in a preview; check with a placeholder so only real problems show.
    problems.push(...schemaProblems(invoice.number ? invoice : { ...invoice, number: '0' }, record));
  }
  const built: BuildResult = { invoice, problems, waiting: cust.waiting, totals: computeTotals(invoice.lines) };
  const mailTo = invoice.email ? invoiceMailAddress(customer) : undefined;
  if (mailTo) built.mailTo = mailTo;
  return built;
}

export function workOrderLabel(wo: Pick<WorkOrder, 'number'>): Text {
  return text('record.workOrder', { number: wo.number });
}

export function invoiceLabel(inv: Pick<WorkspaceInvoice, 'number'>): Text {
  return text('record.invoice', { number: inv.number });
}

/** Pure: a work order with its lookups → the invoice and its problems. */
export function buildFromWorkOrder(
  wo: WorkOrder,
  lookups: BuildLookups,
  settings: Settings,
  number: string,
): BuildResult {
  const record = workOrderLabel(wo);
  const { lines, problems } = resolveWorkOrderLines(wo, lookups, settings);
  const invoice = assembleInvoice(
    {
      number,
      relationCode: lookups.customer?.code ?? '',
      date: wo.date,
      description: wo.description,
      emailToCustomer: wo.emailToCustomer,
    },
    lines,
    settings,
  );
  return finishBuild(invoice, settings, record, lookups.customer, problems, mailWanted(wo, settings));
}

/** Pure: a workspace invoice with its customer → the invoice and its problems. */
export function buildFromInvoice(
  inv: WorkspaceInvoice,
  customer: Customer | undefined,
  settings: Settings,
): BuildResult {
  const invoice = assembleInvoice(
    { number: inv.number, relationCode: customer?.code ?? '', date: inv.date, emailToCustomer: inv.emailToCustomer },
    invoiceRowsToLines(inv.lines),
    settings,
  );
  return finishBuild(invoice, settings, invoiceLabel(inv), customer, [], mailWanted(inv, settings));
}

// ---------- with the database ----------

export async function loadLookups(
  db: WorkspaceDb,
  wo: Pick<WorkOrder, 'customerId' | 'hourLines' | 'materialLines'>,
): Promise<BuildLookups> {
  const [customer, hourTypes, materials] = await Promise.all([
    db.customers.get(wo.customerId),
    db.hourTypes.bulkGet([...new Set(wo.hourLines.map((h) => h.hourTypeId))]),
    db.materials.bulkGet([...new Set(wo.materialLines.map((m) => m.materialId))]),
  ]);
  const byId = <T extends { id?: number }>(rows: (T | undefined)[]) =>
    new Map(rows.filter((r): r is T => !!r && r.id !== undefined).map((r) => [r.id!, r]));
  return { customer, hourTypes: byId(hourTypes), materials: byId(materials) };
}

export async function loadAndBuildWorkOrder(
  db: WorkspaceDb,
  settings: Settings,
  wo: WorkOrder,
  number: string,
): Promise<BuildResult> {
  return buildFromWorkOrder(wo, await loadLookups(db, wo), settings, number);
}

export async function loadAndBuildInvoice(
  db: WorkspaceDb,
  settings: Settings,
  inv: WorkspaceInvoice,
): Promise<BuildResult> {
  return buildFromInvoice(inv, await db.customers.get(inv.customerId), settings);
}
