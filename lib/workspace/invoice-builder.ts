/**
 * Work order / workspace invoice → the e-Boekhouden layer's NewInvoice, with every check that
 * must pass before anything is sent. Amounts are computed in integer cents so that the totals
 * shown in the preview are the totals that are sent, to the cent.
 */
import type { Customer, HourType, InvoiceLineRow, Material, WorkOrder, WorkspaceDb, WorkspaceInvoice } from '../db';
import { isEmailAddress, type Settings } from '../settings';
import {
  isSalesVatCode,
  MAX_INVOICE_LINES,
  newInvoiceSchema,
  PURCHASE_VAT_CODES,
  VAT_RATES,
  type InvoiceLine,
  type NewInvoice,
} from '../eboekhouden/types';
import { text, translate, type Param, type Text } from '../i18n/translate';
// Puts texts of the whole catalogue into words (the popup loads it later).
import '../i18n/catalogue';

/** What is wrong, where, and how to fix it: a code, and the words for a person (key+params). */
export interface Notice extends Text {
  code: string;
}

const notice = (code: string, words: Text): Notice => ({ code, ...words });

export interface LineTotals {
  exclCents: number;
  vatCents: number;
  inclCents: number;
  /** VAT percentage used; undefined when the code has no known rate. */
  rate?: number;
}

export interface InvoiceTotals {
  lines: LineTotals[];
  exclCents: number;
  vatCents: number;
  inclCents: number;
}

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

const PURCHASE = new Set<string>(PURCHASE_VAT_CODES);
/** Divergent VAT needs a VAT amount per line, which the workspace does not keep. */
const DIVERGENT_VAT = new Set(['AFW_VERK']);

// ---------- amounts in integer cents ----------

function decimalsAtMost(n: number, decimals: number): boolean {
  const f = 10 ** decimals;
  return Number.isFinite(n) && Math.abs(Math.round(n * f) - n * f) < 1e-6;
}

/** Rounds half away from zero, as invoices do. */
function roundHalfAway(n: number): number {
  return Math.sign(n) * Math.round(Math.abs(n));
}

/** Quantity in 1/10,000 units and price in cents, both integers. */
function scaled(line: { quantity: number; pricePerUnit: number }): { qtyE4: number; priceCents: number } {
  return { qtyE4: Math.round(line.quantity * 10_000), priceCents: Math.round(line.pricePerUnit * 100) };
}

/** Per line round(qty × price × 100); VAT per line by the code's rate; totals are sums of line cents. */
export function computeTotals(lines: Pick<InvoiceLine, 'quantity' | 'pricePerUnit' | 'vatCode'>[]): InvoiceTotals {
  const out: InvoiceTotals = { lines: [], exclCents: 0, vatCents: 0, inclCents: 0 };
  for (const line of lines) {
    const { qtyE4, priceCents } = scaled(line);
    const exclCents = roundHalfAway((qtyE4 * priceCents) / 10_000);
    const rate = VAT_RATES[line.vatCode];
    const vatCents = rate === undefined ? 0 : roundHalfAway((exclCents * rate) / 100);
    out.lines.push({ exclCents, vatCents, inclCents: exclCents + vatCents, rate });
    out.exclCents += exclCents;
    out.vatCents += vatCents;
  }
  out.inclCents = out.exclCents + out.vatCents;
  return out;
}

/** "€ 1.234,50" style amount for messages, from cents. */
export function euros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}€ ${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
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
  }));
}

// ---------- checks ----------

/** Checks the customer an invoice is for. Returns problems, or a waiting message when it is not exported yet. */
export function customerNotices(
  customer: Customer | undefined,
  record: Param,
): { problems: Notice[]; waiting?: Notice } {
  if (!customer) return { problems: [notice('UNKNOWN_CUSTOMER', text('invoice.unknownCustomer', { record }))] };
  const params = { record, code: customer.code, name: customer.name };
  if (customer.status !== 'active') {
    return { problems: [notice('INACTIVE_CUSTOMER', text('invoice.inactiveCustomer', params))] };
  }
  if (customer.remoteId === undefined && customer.origin === 'workspace') {
    return { problems: [], waiting: notice('CUSTOMER_NOT_EXPORTED', text('invoice.customerNotExported', params)) };
  }
  return { problems: [] };
}

/** Checks every line and the totals. `record` names the work order or invoice in messages. */
export function lineNotices(lines: InvoiceLine[], record: Param): Notice[] {
  const problems: Notice[] = [];
  if (lines.length === 0) {
    problems.push(notice('NO_LINES', text('invoice.noLines', { record })));
    return problems;
  }
  if (lines.length > MAX_INVOICE_LINES) {
    problems.push(
      notice('TOO_MANY_LINES', text('invoice.tooManyLines', { record, count: lines.length, max: MAX_INVOICE_LINES })),
    );
  }
  lines.forEach((l, i) => {
    const where = text('invoice.line', { record, line: i + 1, what: l.code || l.description || '?' });
    const add = (code: string, key: Parameters<typeof text>[0], params: Record<string, string | number> = {}) =>
      problems.push(notice(code, text(key, { where, ...params })));
    if (!l.code.trim()) add('LINE_NO_CODE', 'invoice.line.noCode');
    if (!l.description.trim()) add('LINE_NO_DESCRIPTION', 'invoice.line.noDescription');
    if (!l.vatCode) add('LINE_NO_VAT_CODE', 'invoice.line.noVatCode');
    else if (PURCHASE.has(l.vatCode)) add('LINE_PURCHASE_VAT', 'invoice.line.purchaseVat', { vatCode: l.vatCode });
    else if (DIVERGENT_VAT.has(l.vatCode))
      add('LINE_DIVERGENT_VAT', 'invoice.line.divergentVat', { vatCode: l.vatCode });
    else if (!isSalesVatCode(l.vatCode)) add('LINE_UNKNOWN_VAT', 'invoice.line.unknownVat', { vatCode: l.vatCode });
    if (!l.ledgerCode.trim()) add('LINE_NO_LEDGER', 'invoice.line.noLedger');
    if (!decimalsAtMost(l.pricePerUnit, 2))
      add('LINE_PRICE_DECIMALS', 'invoice.line.priceDecimals', { price: l.pricePerUnit });
    if (!decimalsAtMost(l.quantity, 4))
      add('LINE_QUANTITY_DECIMALS', 'invoice.line.quantityDecimals', { quantity: l.quantity });
    else if (l.quantity === 0) add('LINE_ZERO_QUANTITY', 'invoice.line.zeroQuantity');
  });
  if (problems.length > 0) return problems;

  // Each line is rounded to the cent; if those roundings add up to a different total than the
  // exact sum, the invoice would be a cent off from what the lines say. Refuse rather than guess.
  let exactE4 = 0;
  for (const l of lines) {
    const { qtyE4, priceCents } = scaled(l);
    exactE4 += qtyE4 * priceCents;
  }
  const totals = computeTotals(lines);
  const exactCents = roundHalfAway(exactE4 / 10_000);
  if (exactCents !== totals.exclCents) {
    const params = { record, rounded: euros(totals.exclCents), exact: euros(exactCents) };
    problems.push(notice('TOTAL_ROUNDING', text('invoice.totalRounding', params)));
  }
  return problems;
}

/** Settings the invoice needs that are not per record. */
export function invoiceSettingsNotices(settings: Settings, record: Param): Notice[] {
  const problems: Notice[] = [];
  if (!settings.invoice.template.trim()) problems.push(notice('NO_TEMPLATE', text('invoice.noTemplate', { record })));
  if (settings.invoice.emailToCustomer && !senderAddress(settings))
    problems.push(notice('NO_SENDER_ADDRESS', text('invoice.noSenderAddress', { record })));
  return problems;
}

/**
 * Where e-Boekhouden sends a customer's invoice e-mail: the address for invoices
 * (`emailAddressInvoice`), else the ordinary one.
 */
export function invoiceMailAddress(customer: Pick<Customer, 'email' | 'emailInvoice'> | undefined): string | undefined {
  return customer?.emailInvoice?.trim() || customer?.email?.trim() || undefined;
}

/** A mailed invoice needs an address to go to; e-Boekhouden refuses it otherwise (FACT_EMAIL_001). */
function mailNotices(invoice: NewInvoice, customer: Customer | undefined, record: Param): Notice[] {
  if (!invoice.email || !customer || invoiceMailAddress(customer)) return [];
  return [
    notice('NO_CUSTOMER_EMAIL', text('invoice.noCustomerEmail', { record, code: customer.code, name: customer.name })),
  ];
}

/** The sender of the invoice e-mail, when the settings hold a valid one. */
function senderAddress(settings: Settings): string | undefined {
  const address = settings.invoice.emailFromAddress.trim();
  return isEmailAddress(address) ? address : undefined;
}

// ---------- assembling ----------

export interface InvoiceHeader {
  /** '' until a number is allocated (the preview). */
  number: string;
  relationCode: string;
  date: string;
  /** Used in the booking description. */
  description?: string;
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
  if (s.emailToCustomer && from) {
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
): BuildResult {
  const cust = customerNotices(customer, record);
  // Lines that could not be resolved are reported already; "no lines" would only repeat that.
  const lineProblems = earlier.length > 0 && invoice.lines.length === 0 ? [] : lineNotices(invoice.lines, record);
  const problems = [
    ...cust.problems,
    ...earlier,
    ...lineProblems,
    ...invoiceSettingsNotices(settings, record),
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
    { number, relationCode: lookups.customer?.code ?? '', date: wo.date, description: wo.description },
    lines,
    settings,
  );
  return finishBuild(invoice, settings, record, lookups.customer, problems);
}

/** Pure: a workspace invoice with its customer → the invoice and its problems. */
export function buildFromInvoice(
  inv: WorkspaceInvoice,
  customer: Customer | undefined,
  settings: Settings,
): BuildResult {
  const invoice = assembleInvoice(
    { number: inv.number, relationCode: customer?.code ?? '', date: inv.date },
    invoiceRowsToLines(inv.lines),
    settings,
  );
  return finishBuild(invoice, settings, invoiceLabel(inv), customer, []);
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
