/**
 * What the pages do with the local workspace: customers, work orders, invoices, and the export
 * preview/retry. Pages call these through the background; the sync engine does the sending.
 *
 * Every refusal is a WorkspaceError with a message in Dutch and English saying what is wrong,
 * where, and how to fix it. Records that are in e-Boekhouden already can still be edited here;
 * they are then flagged `changedAfterExport` and never sent again (booked means booked).
 */
import {
  KV,
  type Customer,
  type CustomerDetails,
  type HourLine,
  type InvoiceLineRow,
  type MaterialLine,
  type OutboxEntry,
  type WorkOrder,
  type WorkspaceDb,
  type WorkspaceInvoice,
} from './db';
import { DEFAULT_SETTINGS, restoreSettings, type Settings } from './settings';
import type { NewInvoice, NewRelation, RelationType } from './eboekhouden/types';
import {
  buildWorkOrderInvoice,
  buildWorkspaceInvoice,
  checkCustomer,
  checkLines,
  computeTotals,
  invoiceRecord,
  invoiceRowsToLines,
  linesToInvoiceRows,
  loadLookups,
  workOrderLines,
  workOrderRecord,
  type InvoiceTotals,
  type Message,
} from './sync/invoice-builder';
import { allocateInvoiceNumber, nextNumber, peekInvoiceNumbers } from './sync/numbering';
import { checkRelation, customerRecord, customersToExport, relationPayload } from './sync/exports/customers';
import { entryLabel, invoicesToExport, workOrdersToExport } from './sync/exports/invoices';
import { entryForSource, sourcesInOutbox } from './sync/exports/outbox';

export type { Message };

export class WorkspaceError extends Error {
  readonly code: string;
  readonly nl: string;
  readonly en: string;
  /** The input field it is about, when there is one ("code", "hourLines.1.price"). */
  readonly field?: string;
  /** Every problem, when there are several (the first is also in nl/en). */
  readonly problems: Message[];

  constructor(problems: Message[], field?: string) {
    super(problems.map((p) => p.en).join(' '));
    this.name = 'WorkspaceError';
    this.code = problems[0]?.code ?? 'INVALID';
    this.nl = problems.map((p) => p.nl).join(' ');
    this.en = this.message;
    this.field = field;
    this.problems = problems;
  }

  /** Plain data for messages between extension pages and the background. */
  toJSON(): { name: 'WorkspaceError'; code: string; nl: string; en: string; field?: string; problems: Message[] } {
    return {
      name: 'WorkspaceError',
      code: this.code,
      nl: this.nl,
      en: this.en,
      field: this.field,
      problems: this.problems,
    };
  }
}

function fail(code: string, nl: string, en: string, field?: string): never {
  throw new WorkspaceError([{ code, nl, en }], field);
}

export interface Options {
  settings?: Settings;
  now?: () => number;
}

/** The saved settings, or the defaults when none are saved (or they no longer validate). */
export async function currentSettings(db: WorkspaceDb): Promise<Settings> {
  const row = await db.kv.get(KV.settings);
  return row?.value ? restoreSettings(row.value) : DEFAULT_SETTINGS;
}

const settingsOf = async (db: WorkspaceDb, o?: Options) => o?.settings ?? (await currentSettings(db));
const nowOf = (o?: Options) => (o?.now ?? Date.now)();

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function validDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function decimalsAtMost(n: number, decimals: number): boolean {
  const f = 10 ** decimals;
  return Number.isFinite(n) && Math.abs(Math.round(n * f) - n * f) < 1e-6;
}

// ---------------------------------------------------------------- customers

export interface CustomerInput extends CustomerDetails {
  /** Empty: a code is generated (K0001, K0002 …). */
  code?: string;
  type?: RelationType;
  name: string;
}

const CODE_PATTERN = /^[A-Za-z0-9._\-/]+$/;

async function codeInUse(db: WorkspaceDb, code: string, exceptId?: number): Promise<boolean> {
  const rows = await db.customers.where('code').equalsIgnoreCase(code).toArray();
  return rows.some((r) => r.id !== exceptId);
}

function checkCode(code: string): void {
  if (code.length > 15) {
    fail(
      'CODE_TOO_LONG',
      `Klantcode "${code}" is ${code.length} tekens; e-Boekhouden staat er hoogstens 15 toe. Kies een kortere code.`,
      `Customer code "${code}" is ${code.length} characters; e-Boekhouden allows at most 15. Choose a shorter code.`,
      'code',
    );
  }
  if (!CODE_PATTERN.test(code)) {
    fail(
      'CODE_CHARACTERS',
      `Klantcode "${code}" mag alleen letters, cijfers en . _ - / bevatten. Pas de code aan.`,
      `Customer code "${code}" may only contain letters, digits and . _ - /. Change the code.`,
      'code',
    );
  }
}

function cleanCustomer(input: CustomerInput): Omit<Customer, 'id' | 'code' | 'status' | 'origin' | 'updatedAt'> {
  const t = (s?: string) => (s?.trim() ? s.trim() : undefined);
  return {
    type: input.type ?? 'B',
    name: input.name?.trim() ?? '',
    contact: t(input.contact),
    email: t(input.email),
    phone: t(input.phone),
    address: t(input.address),
    postalCode: t(input.postalCode),
    city: t(input.city),
    country: t(input.country),
    vatNumber: t(input.vatNumber),
    cocNumber: t(input.cocNumber),
    iban: t(input.iban),
    termOfPayment: input.termOfPayment,
  };
}

function checkCustomerFields(c: Customer): void {
  const problems = checkRelation(relationPayload(c), customerRecord(c));
  if (problems.length > 0) throw new WorkspaceError(problems);
}

/** A new customer made in the workspace; it is exported as a relation at the next sync. */
export async function createCustomer(db: WorkspaceDb, input: CustomerInput, o?: Options): Promise<Customer> {
  const fields = cleanCustomer(input);
  if (!fields.name) fail('NAME_REQUIRED', 'Vul de naam van de klant in.', "Fill in the customer's name.", 'name');
  let code = input.code?.trim() ?? '';
  if (code) {
    checkCode(code);
    if (await codeInUse(db, code)) {
      fail(
        'CODE_IN_USE',
        `Klantcode "${code}" is al in gebruik. Kies een andere code of laat het veld leeg voor een automatische code.`,
        `Customer code "${code}" is already in use. Choose another code or leave it empty to get one generated.`,
        'code',
      );
    }
  }
  const at = nowOf(o);
  return db.transaction('rw', [db.kv, db.customers, db.workOrders, db.invoices], async () => {
    if (!code)
      code = await nextNumber(
        db,
        'customerCode',
        (n) => `K${String(n).padStart(4, '0')}`,
        (v) => codeInUse(db, v),
      );
    const customer: Customer = { ...fields, code, status: 'active', origin: 'workspace', updatedAt: at };
    checkCustomerFields(customer);
    customer.id = await db.customers.add(customer);
    return customer;
  });
}

/**
 * Changes a workspace customer. Before export the queued relation is dropped and re-made with
 * the new data at the next sync; after export the change stays local and is flagged.
 */
export async function updateCustomer(
  db: WorkspaceDb,
  id: number,
  input: CustomerInput,
  o?: Options,
): Promise<Customer> {
  const at = nowOf(o);
  return db.transaction('rw', [db.customers, db.outbox], async () => {
    const current = await db.customers.get(id);
    if (!current)
      fail(
        'CUSTOMER_NOT_FOUND',
        `Klant ${id} bestaat niet (meer). Vernieuw de lijst.`,
        `Customer ${id} does not exist (any more). Refresh the list.`,
      );
    const record = customerRecord(current);
    if (current.origin === 'eboekhouden') {
      fail(
        'CUSTOMER_FROM_EBOEKHOUDEN',
        `${record.nl} komt uit e-Boekhouden. Wijzig de relatie daar; de volgende synchronisatie neemt de wijziging over.`,
        `${record.en} comes from e-Boekhouden. Change the relation there; the next sync brings the change in.`,
      );
    }
    const fields = cleanCustomer(input);
    if (!fields.name) fail('NAME_REQUIRED', 'Vul de naam van de klant in.', "Fill in the customer's name.", 'name');
    const code = input.code?.trim() || current.code;
    const exported = current.remoteId !== undefined;
    if (code !== current.code) {
      if (exported) {
        fail(
          'CODE_FIXED',
          `${record.nl} staat al in e-Boekhouden; de code kan niet meer veranderen.`,
          `${record.en} is in e-Boekhouden already; its code can no longer change.`,
          'code',
        );
      }
      checkCode(code);
      if (await codeInUse(db, code, id)) {
        fail(
          'CODE_IN_USE',
          `Klantcode "${code}" is al in gebruik. Kies een andere code.`,
          `Customer code "${code}" is already in use. Choose another code.`,
          'code',
        );
      }
    }
    const entry = await entryForSource(db, { table: 'customers', id });
    if (entry?.state === 'sending') {
      fail(
        'EXPORT_IN_PROGRESS',
        `${record.nl} wordt op dit moment naar e-Boekhouden verstuurd. Probeer het na de synchronisatie opnieuw.`,
        `${record.en} is being sent to e-Boekhouden right now. Try again after the sync.`,
      );
    }
    const next: Customer = { ...current, ...fields, code, updatedAt: at };
    checkCustomerFields(next);
    if (exported || entry?.state === 'done') next.changedAfterExport = true;
    else if (entry) await db.outbox.delete(entry.id!); // pending/failed: never created upstream; queued afresh next sync
    await db.customers.put(next);
    return next;
  });
}

// ---------------------------------------------------------------- work orders

export interface WorkOrderInput {
  id?: number;
  customerId: number;
  date: string;
  description: string;
  hourLines: HourLine[];
  materialLines: MaterialLine[];
}

async function checkWorkOrderInput(
  db: WorkspaceDb,
  wo: WorkOrderInput,
  label: { nl: string; en: string },
): Promise<void> {
  const problems: Message[] = [];
  const add = (code: string, nl: string, en: string) =>
    problems.push({ code, nl: `${label.nl}: ${nl}`, en: `${label.en}: ${en}` });
  if (!(await db.customers.get(wo.customerId)))
    add('UNKNOWN_CUSTOMER', 'kies een bestaande klant.', 'choose an existing customer.');
  if (!validDate(wo.date))
    add(
      'INVALID_DATE',
      `datum "${wo.date}" is geen geldige datum (JJJJ-MM-DD).`,
      `date "${wo.date}" is not a valid date (YYYY-MM-DD).`,
    );
  if ((wo.description ?? '').length > 200)
    add(
      'DESCRIPTION_TOO_LONG',
      'de omschrijving is langer dan 200 tekens. Maak haar korter.',
      'the description is longer than 200 characters. Shorten it.',
    );
  const hourTypes = await db.hourTypes.bulkGet(wo.hourLines.map((h) => h.hourTypeId));
  wo.hourLines.forEach((h, i) => {
    const n = i + 1;
    if (!hourTypes[i])
      add(
        'UNKNOWN_HOUR_TYPE',
        `urenregel ${n}: kies een bestaand uursoort.`,
        `hour line ${n}: choose an existing hour type.`,
      );
    if (!(Number.isFinite(h.hours) && h.hours > 0 && decimalsAtMost(h.hours, 4)))
      add(
        'INVALID_HOURS',
        `urenregel ${n}: het aantal uren moet groter dan 0 zijn, met hoogstens 4 decimalen.`,
        `hour line ${n}: hours must be more than 0, with at most 4 decimals.`,
      );
    if (!decimalsAtMost(h.price, 2))
      add(
        'INVALID_PRICE',
        `urenregel ${n}: de prijs moet een bedrag in hele centen zijn.`,
        `hour line ${n}: the price must be an amount in whole cents.`,
      );
  });
  const materials = await db.materials.bulkGet(wo.materialLines.map((m) => m.materialId));
  wo.materialLines.forEach((m, i) => {
    const n = i + 1;
    if (!materials[i])
      add(
        'UNKNOWN_MATERIAL',
        `materiaalregel ${n}: kies een bestaand materiaal.`,
        `material line ${n}: choose an existing material.`,
      );
    if (!(Number.isFinite(m.quantity) && m.quantity !== 0 && decimalsAtMost(m.quantity, 4)))
      add(
        'INVALID_QUANTITY',
        `materiaalregel ${n}: het aantal mag niet 0 zijn en heeft hoogstens 4 decimalen.`,
        `material line ${n}: the quantity cannot be 0 and has at most 4 decimals.`,
      );
    if (!decimalsAtMost(m.price, 2))
      add(
        'INVALID_PRICE',
        `materiaalregel ${n}: de prijs moet een bedrag in hele centen zijn.`,
        `material line ${n}: the price must be an amount in whole cents.`,
      );
  });
  if (problems.length > 0) throw new WorkspaceError(problems);
}

/** Refuses a change to a record that is queued for export (or being sent). */
function refuseWhileQueued(entry: OutboxEntry | undefined, label: { nl: string; en: string }): void {
  if (!entry || entry.state === 'failed') return;
  const number = (entry.payload as NewInvoice).number;
  fail(
    'EXPORT_QUEUED',
    `${label.nl} staat klaar om als factuur ${number} naar e-Boekhouden te gaan en kan niet meer worden gewijzigd. Na de export kunt u hem aanpassen; de wijziging blijft dan alleen in de werkruimte.`,
    `${label.en} is queued to go to e-Boekhouden as invoice ${number} and can no longer be changed. After the export you can edit it; the change then stays in the workspace only.`,
  );
}

/** Saves a work order. New ones are drafts numbered WO-0001 …; an exported one is flagged, not re-sent. */
export async function saveWorkOrder(db: WorkspaceDb, wo: WorkOrderInput, o?: Options): Promise<WorkOrder> {
  const at = nowOf(o);
  const input: WorkOrderInput = {
    id: wo.id,
    customerId: wo.customerId,
    date: wo.date,
    description: (wo.description ?? '').trim(),
    hourLines: wo.hourLines.map((h) => ({ ...h })),
    materialLines: wo.materialLines.map((m) => ({ ...m })),
  };
  if (input.id === undefined) {
    await checkWorkOrderInput(db, input, { nl: 'Nieuwe werkbon', en: 'New work order' });
    return db.transaction('rw', [db.kv, db.customers, db.workOrders, db.invoices], async () => {
      const number = await nextNumber(
        db,
        'workOrder',
        (n) => `WO-${String(n).padStart(4, '0')}`,
        async (v) => (await db.workOrders.where('number').equals(v).count()) > 0,
      );
      const { id: _drop, ...fields } = input;
      const row: WorkOrder = { ...fields, number, status: 'draft', updatedAt: at };
      row.id = await db.workOrders.add(row);
      return row;
    });
  }
  const current = await db.workOrders.get(input.id);
  if (!current)
    fail(
      'WORK_ORDER_NOT_FOUND',
      `Werkbon ${input.id} bestaat niet (meer). Vernieuw de lijst.`,
      `Work order ${input.id} does not exist (any more). Refresh the list.`,
    );
  const label = workOrderRecord(current);
  await checkWorkOrderInput(db, input, label);
  if (current.status === 'completed') {
    // A completed work order stays completed, so it must still pass the completion checks.
    const problems = await workOrderProblems(
      db,
      { ...current, ...input, number: current.number },
      await settingsOf(db, o),
    );
    if (problems.length > 0) throw new WorkspaceError(problems);
  }
  return db.transaction('rw', [db.workOrders, db.outbox, db.invoices], async () => {
    const fresh = (await db.workOrders.get(input.id!))!;
    const next: WorkOrder = { ...fresh, ...input, id: fresh.id, number: fresh.number, updatedAt: at };
    if (fresh.status === 'exported') next.changedAfterExport = true;
    else if (fresh.status === 'completed')
      refuseWhileQueued(await entryForSource(db, { table: 'workOrders', id: fresh.id! }), label);
    await db.workOrders.put(next);
    return next;
  });
}

async function workOrderProblems(db: WorkspaceDb, wo: WorkOrder, settings: Settings): Promise<Message[]> {
  const record = workOrderRecord(wo);
  const lookups = await loadLookups(db, wo);
  const { lines, problems } = workOrderLines(wo, lookups, settings);
  return [...checkCustomer(lookups.customer, record).problems, ...problems, ...checkLines(lines, record)];
}

/** draft → completed, after checking the customer and the lines. A completed work order is exported at the next sync. */
export async function completeWorkOrder(db: WorkspaceDb, id: number, o?: Options): Promise<WorkOrder> {
  const settings = await settingsOf(db, o);
  const wo = await db.workOrders.get(id);
  if (!wo)
    fail(
      'WORK_ORDER_NOT_FOUND',
      `Werkbon ${id} bestaat niet (meer). Vernieuw de lijst.`,
      `Work order ${id} does not exist (any more). Refresh the list.`,
    );
  const label = workOrderRecord(wo);
  if (wo.status !== 'draft') {
    fail('NOT_A_DRAFT', `${label.nl} is al afgerond.`, `${label.en} is already completed.`);
  }
  const problems = await workOrderProblems(db, wo, settings);
  if (problems.length > 0) throw new WorkspaceError(problems);
  const at = nowOf(o);
  await db.workOrders.update(id, { status: 'completed', updatedAt: at });
  return { ...wo, status: 'completed', updatedAt: at };
}

// ---------------------------------------------------------------- invoices

export interface InvoiceInput {
  id?: number;
  customerId: number;
  date: string;
  workOrderId?: number;
  lines: InvoiceLineRow[];
}

/** Drafts carry a concept number until they are finalized and get a real invoice number. */
function conceptNumber(db: WorkspaceDb): Promise<string> {
  return nextNumber(
    db,
    'concept',
    (n) => `CONCEPT-${String(n).padStart(4, '0')}`,
    async (v) => (await db.invoices.where('number').equals(v).count()) > 0,
  );
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

/** Deletes a draft work order. */
export async function deleteWorkOrder(db: WorkspaceDb, id: number): Promise<void> {
  await db.transaction('rw', [db.workOrders], async () => {
    const wo = await db.workOrders.get(id);
    if (!wo) return;
    const label = workOrderRecord(wo);
    if (wo.status !== 'draft')
      fail(
        'NOT_A_DRAFT',
        `${label.nl} is afgerond en kan niet worden verwijderd.`,
        `${label.en} is completed and cannot be deleted.`,
      );
    await db.workOrders.delete(id);
  });
}

// ---------------------------------------------------------------- exports

export interface ExportPreviewItem {
  /** The outbox key once queued (`invoice:BC2026-0001`), before that `new:<table>:<id>`. */
  key: string;
  kind: 'relation' | 'invoice';
  /** Short, language-neutral: "K0003 Jansen BV", "WO-0004 → BC2026-0005". */
  label: string;
  title: { nl: string; en: string };
  /** 'new': not queued yet; the others are outbox states. */
  state: 'new' | OutboxEntry['state'];
  outboxId?: number;
  payload?: NewInvoice | NewRelation;
  /** What stops it from being sent; empty means the next sync sends it. */
  problems: Message[];
  /** The customer is not in e-Boekhouden yet; the invoice follows its relation. */
  waiting?: Message;
  totals?: InvoiceTotals;
}

function lastErrorProblem(entry: OutboxEntry, title: { nl: string; en: string }): Message[] {
  if (entry.state !== 'failed' || !entry.lastError) return [];
  return [
    {
      code: entry.lastError.code ?? 'EXPORT_FAILED',
      nl: `${title.nl}: export mislukt: ${entry.lastError.message}. Pas de gegevens aan en kies "Opnieuw proberen".`,
      en: `${title.en}: export failed: ${entry.lastError.message}. Correct the data and choose "Retry".`,
    },
  ];
}

/** What the next sync will send (and what it cannot send, with why), without changing anything. */
export async function previewExports(db: WorkspaceDb, settings: Settings): Promise<ExportPreviewItem[]> {
  const items: ExportPreviewItem[] = [];
  const queued = (await db.outbox.where('state').anyOf('pending', 'sending', 'failed').toArray()).sort(
    (a, b) => a.id! - b.id!,
  );
  const wantRelations = settings.exports.customers;
  const wantInvoices = settings.exports.invoices || settings.exports.workOrders;

  for (const entry of queued) {
    if (entry.kind === 'relation' ? !wantRelations : !wantInvoices) continue;
    if (entry.kind === 'relation') {
      const p = entry.payload as NewRelation;
      const title = customerRecord(p);
      items.push({
        key: entry.key,
        kind: 'relation',
        label: `${p.code} ${p.name}`,
        title,
        state: entry.state,
        outboxId: entry.id,
        payload: p,
        problems: lastErrorProblem(entry, title),
      });
    } else {
      const p = entry.payload as NewInvoice;
      const wo = entry.source.table === 'workOrders' ? await db.workOrders.get(entry.source.id) : undefined;
      const title = entryLabel(entry, wo?.number);
      items.push({
        key: entry.key,
        kind: 'invoice',
        label: wo ? `${wo.number} → ${p.number}` : p.number,
        title,
        state: entry.state,
        outboxId: entry.id,
        payload: p,
        problems: lastErrorProblem(entry, title),
        totals: computeTotals(p.lines),
      });
    }
  }

  const seen = await sourcesInOutbox(db);
  if (wantRelations) {
    for (const c of await customersToExport({ db }, seen)) {
      const payload = relationPayload(c);
      const title = customerRecord(c);
      items.push({
        key: `new:customers:${c.id}`,
        kind: 'relation',
        label: `${c.code} ${c.name}`,
        title,
        state: 'new',
        payload,
        problems: checkRelation(payload, title),
      });
    }
  }
  if (settings.exports.invoices) {
    for (const inv of await invoicesToExport(db, seen)) {
      const built = await buildWorkspaceInvoice(db, settings, inv);
      items.push({
        key: `new:invoices:${inv.id}`,
        kind: 'invoice',
        label: inv.number,
        title: invoiceRecord(inv),
        state: 'new',
        payload: built.invoice,
        problems: built.problems,
        waiting: built.waiting,
        totals: built.totals,
      });
    }
  }
  if (settings.exports.workOrders) {
    const orders = await workOrdersToExport(db, seen);
    const drafts = await Promise.all(orders.map((wo) => buildWorkOrderInvoice(db, settings, wo, '')));
    const ready = (i: number) => drafts[i].problems.length === 0 && !drafts[i].waiting;
    // The numbers the sync would allocate, in the order it allocates them (per invoice year).
    const numbersByYear = new Map<string, string[]>();
    for (let i = 0; i < orders.length; i++) {
      if (!ready(i)) continue;
      const year = orders[i].date.slice(0, 4);
      if (!numbersByYear.has(year)) {
        const count = orders.filter((w, j) => ready(j) && w.date.startsWith(year)).length;
        numbersByYear.set(year, await peekInvoiceNumbers(db, settings, orders[i].date, count));
      }
    }
    for (let i = 0; i < orders.length; i++) {
      const number = ready(i) ? (numbersByYear.get(orders[i].date.slice(0, 4))!.shift() ?? '') : '';
      const b = number ? await buildWorkOrderInvoice(db, settings, orders[i], number) : drafts[i];
      const wo = orders[i];
      items.push({
        key: `new:workOrders:${wo.id}`,
        kind: 'invoice',
        label: number ? `${wo.number} → ${number}` : wo.number,
        title: workOrderRecord(wo),
        state: 'new',
        payload: b.invoice,
        problems: b.problems,
        waiting: b.waiting,
        totals: b.totals,
      });
    }
  }
  return items;
}

/**
 * failed → pending, after the person fixed the cause. The payload is rebuilt from the record
 * as it is now (a failed entry was never created upstream); the invoice number stays, unless
 * e-Boekhouden already had that number for another invoice, then a new one is allocated.
 */
export async function retryExport(db: WorkspaceDb, outboxId: number, o?: Options): Promise<OutboxEntry> {
  const settings = await settingsOf(db, o);
  const at = nowOf(o);
  const entry = await db.outbox.get(outboxId);
  if (!entry)
    fail(
      'EXPORT_NOT_FOUND',
      `Export ${outboxId} bestaat niet (meer). Vernieuw de lijst.`,
      `Export ${outboxId} does not exist (any more). Refresh the list.`,
    );
  if (entry.state !== 'failed') {
    fail(
      'NOT_FAILED',
      `Deze export is niet mislukt (status: ${entry.state}); er valt niets opnieuw te proberen.`,
      `This export has not failed (state: ${entry.state}); there is nothing to retry.`,
    );
  }

  let payload: unknown = entry.payload;
  let key = entry.key;
  if (entry.kind === 'relation') {
    const c = await db.customers.get(entry.source.id);
    if (!c)
      fail(
        'CUSTOMER_NOT_FOUND',
        'De klant van deze export bestaat niet meer.',
        'The customer of this export no longer exists.',
      );
    payload = relationPayload(c);
    const problems = checkRelation(payload as NewRelation, customerRecord(c));
    if (problems.length > 0) throw new WorkspaceError(problems);
    key = `relation:${c.code}`;
  } else {
    const oldNumber = (entry.payload as NewInvoice).number;
    const newNumberNeeded = entry.lastError?.code === 'NUMBER_TAKEN';
    const number = newNumberNeeded
      ? await allocateInvoiceNumber(db, settings, (entry.payload as NewInvoice).date)
      : oldNumber;
    let built;
    if (entry.source.table === 'workOrders') {
      const wo = await db.workOrders.get(entry.source.id);
      if (!wo)
        fail(
          'WORK_ORDER_NOT_FOUND',
          'De werkbon van deze export bestaat niet meer.',
          'The work order of this export no longer exists.',
        );
      built = await buildWorkOrderInvoice(db, settings, wo, number);
    } else {
      const inv = await db.invoices.get(entry.source.id);
      if (!inv)
        fail(
          'INVOICE_NOT_FOUND',
          'De factuur van deze export bestaat niet meer.',
          'The invoice of this export no longer exists.',
        );
      built = await buildWorkspaceInvoice(db, settings, { ...inv, number });
    }
    if (built.problems.length > 0) throw new WorkspaceError(built.problems);
    if (built.waiting) throw new WorkspaceError([built.waiting]);
    payload = built.invoice;
    key = `invoice:${number}`;
  }

  return db.transaction('rw', [db.outbox, db.workOrders, db.invoices], async () => {
    const fresh = await db.outbox.get(outboxId);
    if (!fresh || fresh.state !== 'failed')
      fail('NOT_FAILED', 'Deze export is intussen al opnieuw gestart.', 'This export has been restarted already.');
    const number = entry.kind === 'invoice' ? (payload as NewInvoice).number : undefined;
    if (number !== undefined && number !== (fresh.payload as NewInvoice).number) {
      if (fresh.source.table === 'workOrders')
        await db.workOrders.update(fresh.source.id, { invoiceNumber: number, updatedAt: at });
      else await db.invoices.update(fresh.source.id, { number, updatedAt: at });
    }
    const next: OutboxEntry = {
      ...fresh,
      key,
      payload,
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
