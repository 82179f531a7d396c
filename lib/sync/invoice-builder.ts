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

/** A message for the person, in Dutch and English: what is wrong, where, and how to fix it. */
export interface Message {
  code: string;
  nl: string;
  en: string;
}

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
  problems: Message[];
  /** Set when the customer is not in e-Boekhouden yet: the invoice waits for the relation export. */
  waiting?: Message;
  totals: InvoiceTotals;
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
export function workOrderLines(
  wo: Pick<WorkOrder, 'number' | 'hourLines' | 'materialLines'>,
  lookups: Pick<BuildLookups, 'hourTypes' | 'materials'>,
  settings: Settings,
): { lines: InvoiceLine[]; problems: Message[] } {
  const lines: InvoiceLine[] = [];
  const problems: Message[] = [];
  wo.hourLines.forEach((h, i) => {
    const ht = lookups.hourTypes.get(h.hourTypeId);
    if (!ht) {
      problems.push({
        code: 'UNKNOWN_HOUR_TYPE',
        nl: `Werkbon ${wo.number}, urenregel ${i + 1}: het uursoort bestaat niet (meer) in de werkruimte. Kies een ander uursoort of synchroniseer de artikelen opnieuw.`,
        en: `Work order ${wo.number}, hour line ${i + 1}: the hour type no longer exists in the workspace. Choose another hour type or sync the products again.`,
      });
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
      problems.push({
        code: 'UNKNOWN_MATERIAL',
        nl: `Werkbon ${wo.number}, materiaalregel ${i + 1}: het materiaal bestaat niet (meer) in de werkruimte. Kies een ander materiaal of synchroniseer de artikelen opnieuw.`,
        en: `Work order ${wo.number}, material line ${i + 1}: the material no longer exists in the workspace. Choose another material or sync the products again.`,
      });
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
export function checkCustomer(
  customer: Customer | undefined,
  record: { nl: string; en: string },
): { problems: Message[]; waiting?: Message } {
  if (!customer) {
    return {
      problems: [
        {
          code: 'UNKNOWN_CUSTOMER',
          nl: `${record.nl}: de klant bestaat niet in de werkruimte. Kies een bestaande klant.`,
          en: `${record.en}: the customer does not exist in the workspace. Choose an existing customer.`,
        },
      ],
    };
  }
  if (customer.status !== 'active') {
    return {
      problems: [
        {
          code: 'INACTIVE_CUSTOMER',
          nl: `${record.nl}: klant ${customer.code} (${customer.name}) is inactief of verwijderd in e-Boekhouden. Activeer de relatie in e-Boekhouden of kies een andere klant.`,
          en: `${record.en}: customer ${customer.code} (${customer.name}) is inactive or removed in e-Boekhouden. Reactivate the relation in e-Boekhouden or choose another customer.`,
        },
      ],
    };
  }
  if (customer.remoteId === undefined && customer.origin === 'workspace') {
    return {
      problems: [],
      waiting: {
        code: 'CUSTOMER_NOT_EXPORTED',
        nl: `${record.nl}: wacht tot klant ${customer.code} (${customer.name}) naar e-Boekhouden is geëxporteerd; daarna wordt de factuur verstuurd. Staat het exporteren van klanten uit, zet het dan aan in de instellingen.`,
        en: `${record.en}: waits until customer ${customer.code} (${customer.name}) has been exported to e-Boekhouden; the invoice is sent after that. If exporting customers is off, turn it on in the settings.`,
      },
    };
  }
  return { problems: [] };
}

/** Checks every line and the totals. `record` names the work order or invoice in messages. */
export function checkLines(lines: InvoiceLine[], record: { nl: string; en: string }): Message[] {
  const problems: Message[] = [];
  if (lines.length === 0) {
    problems.push({
      code: 'NO_LINES',
      nl: `${record.nl}: er staan geen regels op. Voeg minstens één uren- of materiaalregel toe.`,
      en: `${record.en}: there are no lines. Add at least one hour or material line.`,
    });
    return problems;
  }
  if (lines.length > MAX_INVOICE_LINES) {
    problems.push({
      code: 'TOO_MANY_LINES',
      nl: `${record.nl}: ${lines.length} regels; e-Boekhouden accepteert er hoogstens ${MAX_INVOICE_LINES}. Verdeel het over twee facturen.`,
      en: `${record.en}: ${lines.length} lines; e-Boekhouden accepts at most ${MAX_INVOICE_LINES}. Split it over two invoices.`,
    });
  }
  lines.forEach((l, i) => {
    const where = {
      nl: `${record.nl}, regel ${i + 1} (${l.code || l.description || '?'})`,
      en: `${record.en}, line ${i + 1} (${l.code || l.description || '?'})`,
    };
    const add = (code: string, nl: string, en: string) =>
      problems.push({ code, nl: `${where.nl}: ${nl}`, en: `${where.en}: ${en}` });
    if (!l.code.trim())
      add(
        'LINE_NO_CODE',
        'geen artikelcode. Kies een artikel of uursoort met een code.',
        'no product code. Choose a material or hour type that has a code.',
      );
    if (!l.description.trim())
      add(
        'LINE_NO_DESCRIPTION',
        'geen omschrijving. Vul een omschrijving in.',
        'no description. Fill in a description.',
      );
    if (!l.vatCode) {
      add(
        'LINE_NO_VAT_CODE',
        'geen btw-code. Geef het artikel een btw-code in e-Boekhouden en synchroniseer, of stel voor uren een standaard btw-code in bij de instellingen.',
        'no VAT code. Give the product a VAT code in e-Boekhouden and sync, or set a default VAT code for hours in the settings.',
      );
    } else if (PURCHASE.has(l.vatCode)) {
      add(
        'LINE_PURCHASE_VAT',
        `btw-code ${l.vatCode} is een inkoopcode en mag niet op een verkoopfactuur. Gebruik een verkoopcode, bijvoorbeeld HOOG_VERK_21.`,
        `VAT code ${l.vatCode} is a purchase code and cannot be used on a sales invoice. Use a sales code, for example HOOG_VERK_21.`,
      );
    } else if (DIVERGENT_VAT.has(l.vatCode)) {
      add(
        'LINE_DIVERGENT_VAT',
        `btw-code ${l.vatCode} (afwijkend) vraagt een btw-bedrag per regel, dat de werkruimte niet bijhoudt. Kies een gewone verkoopcode.`,
        `VAT code ${l.vatCode} (divergent) needs a VAT amount per line, which the workspace does not keep. Choose a regular sales code.`,
      );
    } else if (!isSalesVatCode(l.vatCode)) {
      add(
        'LINE_UNKNOWN_VAT',
        `btw-code ${l.vatCode} is onbekend. Kies een verkoopcode, bijvoorbeeld HOOG_VERK_21.`,
        `VAT code ${l.vatCode} is unknown. Choose a sales code, for example HOOG_VERK_21.`,
      );
    }
    if (!l.ledgerCode.trim()) {
      add(
        'LINE_NO_LEDGER',
        'geen tegenrekening. Geef het artikel een omzetrekening in e-Boekhouden en synchroniseer, of stel voor uren een standaard tegenrekening in bij de instellingen.',
        'no counter account. Give the product a revenue account in e-Boekhouden and sync, or set a default counter account for hours in the settings.',
      );
    }
    if (!decimalsAtMost(l.pricePerUnit, 2)) {
      add(
        'LINE_PRICE_DECIMALS',
        `prijs ${l.pricePerUnit} heeft meer dan 2 decimalen. Rond de prijs af op hele centen.`,
        `price ${l.pricePerUnit} has more than 2 decimals. Round the price to whole cents.`,
      );
    }
    if (!decimalsAtMost(l.quantity, 4)) {
      add(
        'LINE_QUANTITY_DECIMALS',
        `aantal ${l.quantity} heeft meer dan 4 decimalen. Rond het aantal af.`,
        `quantity ${l.quantity} has more than 4 decimals. Round the quantity.`,
      );
    } else if (l.quantity === 0) {
      add(
        'LINE_ZERO_QUANTITY',
        'het aantal is 0. Vul een aantal in of verwijder de regel.',
        'the quantity is 0. Enter a quantity or remove the line.',
      );
    }
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
    problems.push({
      code: 'TOTAL_ROUNDING',
      nl: `${record.nl}: de regelbedragen, elk afgerond op centen, tellen op tot ${euros(totals.exclCents)}, maar het exacte totaal is ${euros(exactCents)}. Pas aantallen of prijzen aan zodat elke regel op hele centen uitkomt.`,
      en: `${record.en}: the line amounts, each rounded to the cent, add up to ${euros(totals.exclCents)}, but the exact total is ${euros(exactCents)}. Adjust quantities or prices so every line comes to whole cents.`,
    });
  }
  return problems;
}

/** Settings the invoice needs that are not per record. */
export function checkInvoiceSettings(settings: Settings, record: { nl: string; en: string }): Message[] {
  const problems: Message[] = [];
  if (!settings.invoice.template.trim()) {
    problems.push({
      code: 'NO_TEMPLATE',
      nl: `${record.nl}: er is geen factuursjabloon gekozen. Kies een sjabloon bij Instellingen → Facturen.`,
      en: `${record.en}: no invoice template is chosen. Pick a template under Settings → Invoices.`,
    });
  }
  if (settings.invoice.emailToCustomer && !senderAddress(settings)) {
    problems.push({
      code: 'NO_SENDER_ADDRESS',
      nl: `${record.nl}: e-Boekhouden kan de factuur alleen mailen met een geldig afzenderadres. Vul het afzenderadres in bij Synchronisatie → Standaarden voor facturen, of zet "e-Boekhouden mailt de factuur naar de klant" uit.`,
      en: `${record.en}: e-Boekhouden can only e-mail the invoice from a valid sender address. Fill in the sender address under Sync settings → Invoice defaults, or turn off "e-Boekhouden e-mails the invoice to the customer".`,
    });
  }
  return problems;
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
    const text = header.description?.trim()
      ? `Factuur ${header.number} ${header.description.trim()}`
      : `Factuur ${header.number}`;
    invoice.bookingDescription = text.slice(0, 200);
  }
  const from = senderAddress(settings);
  if (s.emailToCustomer && from) {
    invoice.email = {
      subject: `Factuur ${header.number}`,
      body: `Hierbij ontvangt u factuur ${header.number}.`,
      fromAddress: from,
    };
    const name = s.emailFromName.trim();
    if (name) invoice.email.fromName = name;
  }
  return invoice;
}

/** Anything the zod schema still refuses (lengths, date format), so the transport never does. */
function schemaProblems(invoice: NewInvoice, record: { nl: string; en: string }): Message[] {
  const parsed = newInvoiceSchema.safeParse(invoice);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    code: 'INVALID_FIELD',
    nl: `${record.nl}: veld ${issue.path.join('.') || '?'} is ongeldig (${issue.message}). Pas het veld aan.`,
    en: `${record.en}: field ${issue.path.join('.') || '?'} is invalid (${issue.message}). Correct the field.`,
  }));
}

/** Runs every check on an assembled invoice; per-line and settings problems come first, then the schema's. */
export function finishBuild(
  invoice: NewInvoice,
  settings: Settings,
  record: { nl: string; en: string },
  customer: Customer | undefined,
  earlier: Message[],
): BuildResult {
  const cust = checkCustomer(customer, record);
  // Lines that could not be resolved are reported already; "no lines" would only repeat that.
  const lineProblems = earlier.length > 0 && invoice.lines.length === 0 ? [] : checkLines(invoice.lines, record);
  const problems = [...cust.problems, ...earlier, ...lineProblems, ...checkInvoiceSettings(settings, record)];
  if (problems.length === 0) {
    // The number may still be '' in a preview; check with a placeholder so only real problems show.
    problems.push(...schemaProblems(invoice.number ? invoice : { ...invoice, number: '0' }, record));
  }
  return { invoice, problems, waiting: cust.waiting, totals: computeTotals(invoice.lines) };
}

export function workOrderRecord(wo: Pick<WorkOrder, 'number'>): { nl: string; en: string } {
  return { nl: `Werkbon ${wo.number}`, en: `Work order ${wo.number}` };
}

export function invoiceRecord(inv: Pick<WorkspaceInvoice, 'number'>): { nl: string; en: string } {
  return { nl: `Factuur ${inv.number}`, en: `Invoice ${inv.number}` };
}

/** Pure: a work order with its lookups → the invoice and its problems. */
export function buildFromWorkOrder(
  wo: WorkOrder,
  lookups: BuildLookups,
  settings: Settings,
  number: string,
): BuildResult {
  const record = workOrderRecord(wo);
  const { lines, problems } = workOrderLines(wo, lookups, settings);
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
  return finishBuild(invoice, settings, invoiceRecord(inv), customer, []);
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

export async function buildWorkOrderInvoice(
  db: WorkspaceDb,
  settings: Settings,
  wo: WorkOrder,
  number: string,
): Promise<BuildResult> {
  return buildFromWorkOrder(wo, await loadLookups(db, wo), settings, number);
}

export async function buildWorkspaceInvoice(
  db: WorkspaceDb,
  settings: Settings,
  inv: WorkspaceInvoice,
): Promise<BuildResult> {
  return buildFromInvoice(inv, await db.customers.get(inv.customerId), settings);
}
