/**
 * The local workspace: one Dexie database, versioned. Workspace names (customer, material,
 * hour type, work order, invoice) on this side; e-Boekhouden ids are kept as `remoteId`.
 *
 * Imported records are never deleted when they disappear upstream: they are marked
 * `status: 'gone'` (or 'inactive'), so work orders and invoices that use them keep working.
 */
import Dexie, { type EntityTable } from 'dexie';
import type {
  MutationLine,
  MutationType,
  NewInvoice,
  NewRelation,
  OpenItemSide,
  RelationType,
} from './eboekhouden/types';
import type { Bilingual, Text, WrittenText } from './i18n/translate';

export type RecordStatus = 'active' | 'inactive' | 'gone';

/** What a person can fill in about a customer besides code, type and name. */
export interface CustomerDetails {
  contact?: string;
  email?: string;
  /** e-Boekhouden's invoice and reminder addresses (REST relations only). */
  emailInvoice?: string;
  emailReminder?: string;
  phone?: string;
  address?: string;
  postalCode?: string;
  city?: string;
  country?: string;
  vatNumber?: string;
  cocNumber?: string;
  iban?: string;
  termOfPayment?: number;
}

export interface Customer extends CustomerDetails {
  id?: number;
  /** e-Boekhouden relation id; undefined for a new customer not yet exported. */
  remoteId?: number;
  code: string;
  type: RelationType;
  name: string;
  status: RecordStatus;
  /** Where the record was made: imported from e-Boekhouden, or created in the workspace. */
  origin: 'eboekhouden' | 'workspace';
  /** Last time the whole record was read from e-Boekhouden (ms); drives the refresh rotation. */
  refreshedAt?: number;
  /** Set when a workspace customer was changed after it was exported; it is not re-sent. */
  changedAfterExport?: boolean;
  updatedAt: number;
}

/** A material or an hour type: both come from e-Boekhouden products; the unit decides which. */
export interface Article {
  id?: number;
  remoteId: number;
  code: string;
  description: string;
  unit: string;
  priceExcl?: number;
  /** The two fields an invoice line needs. */
  vatCode?: string;
  ledgerCode?: string;
  groupCode?: string;
  status: RecordStatus;
  refreshedAt?: number;
  updatedAt: number;
}
export type Material = Article;
export type HourType = Article;

export interface LedgerAccountRow {
  remoteId: number;
  code: string;
  description: string;
  category: string;
  group?: string;
  status: RecordStatus;
}

export interface Transaction {
  remoteId: number;
  type: MutationType;
  date: string;
  ledgerCode: string;
  relationCode?: string;
  invoiceNumber?: string;
  entryNumber?: string;
  description?: string;
  termOfPayment?: number;
  inExVat?: 'IN' | 'EX';
  amount?: number;
  lines?: MutationLine[];
}

export interface OpenItemRow {
  /** `${side}:${relationCode}:${invoiceNumber}`, or by mutation for an item without a number (openItemRowKey). */
  key: string;
  side: OpenItemSide;
  date: string;
  /** Absent for a booked item without a number: still money owed, so kept and shown. */
  invoiceNumber?: string;
  relationCode: string;
  relationName: string;
  total: number;
  paid: number;
  outstanding: number;
  /** The sales/purchase mutation behind the item (REST only; SOAP GetOpenPosten has no id): its term of payment. */
  mutationId?: number;
  /** False once the item no longer appears upstream (paid in full). */
  open: boolean;
  seenAt: number;
}

/** One ledger account's movement in one calendar month (GET /v1/ledger/balances / GetSaldi), for the overview. */
export interface LedgerMonthRow {
  /** `${month}|${code}` */
  key: string;
  /** YYYY-MM */
  month: string;
  code: string;
  category: string;
  /** Debit positive, whole cents. */
  cents: number;
  /** When this month was read (ms). */
  readAt: number;
}

/** The cursor of the step that fills ledgerMonths (lib/sync/imports/ledger-movements.ts); the overview reads it too. */
export const LEDGER_MOVEMENTS_STEP = 'ledgerMovements';
export interface LedgerMovementsCursor {
  /** Month → when it was read (ms). */
  readAt: Record<string, number>;
  /** Balances (cents, debit positive) at the end of `openingMonth`, the month before the 24-month window. */
  openingMonth?: string;
  opening?: Record<string, { category: string; cents: number }>;
  openingReadAt?: number;
}

export interface InvoiceTemplateRow {
  remoteId: number;
  name: string;
  active: boolean;
}

export interface AdministrationRow {
  guid: string;
  company: string;
  city?: string;
}

export interface HourLine {
  hourTypeId: number;
  description?: string;
  hours: number;
  /** Price per hour excl. VAT. */
  price: number;
  /** A discount on the price per unit: an amount or a percentage, never both (REST only). */
  discountAmount?: number;
  discountPercentage?: number;
}

export interface MaterialLine {
  materialId: number;
  description?: string;
  quantity: number;
  /** Price per unit excl. VAT. */
  price: number;
  /** A discount on the price per unit: an amount or a percentage, never both (REST only). */
  discountAmount?: number;
  discountPercentage?: number;
}

export type WorkOrderStatus = 'draft' | 'completed' | 'exported';

export interface WorkOrder {
  id?: number;
  /** Shown to the person, e.g. WO-0012. */
  number: string;
  customerId: number;
  date: string;
  description: string;
  hourLines: HourLine[];
  materialLines: MaterialLine[];
  status: WorkOrderStatus;
  /** The e-Boekhouden invoice number once exported. */
  invoiceNumber?: string;
  exportedAt?: number;
  changedAfterExport?: boolean;
  /** The workspace invoice (a credit note) that credits this work order's exported invoice. */
  creditedBy?: number;
  /** Let e-Boekhouden e-mail the invoice: undefined follows the setting (settings.invoice.emailToCustomer). */
  emailToCustomer?: boolean;
  updatedAt: number;
}

export interface InvoiceLineRow {
  code: string;
  description: string;
  quantity: number;
  unit?: string;
  /** Price per unit excl. VAT. */
  price: number;
  vatCode: string;
  ledgerCode: string;
  /** A discount on the price per unit: an amount or a percentage, never both (REST only). */
  discountAmount?: number;
  discountPercentage?: number;
}

export type InvoiceStatus = 'draft' | 'final' | 'exported';

export interface WorkspaceInvoice {
  id?: number;
  /** Our invoice number (settings prefix + running number); the same number in e-Boekhouden. */
  number: string;
  customerId: number;
  date: string;
  workOrderId?: number;
  lines: InvoiceLineRow[];
  status: InvoiceStatus;
  exportedAt?: number;
  changedAfterExport?: boolean;
  /** On a credit note: the invoice it credits (a workspace invoice, or a work order's invoice), and its number. */
  creditsInvoiceId?: number;
  creditsWorkOrderId?: number;
  creditsNumber?: string;
  /** On an invoice: the credit note that credits it (money-state reads "credited" from this). */
  creditedBy?: number;
  /** Let e-Boekhouden e-mail the invoice: undefined follows the setting (settings.invoice.emailToCustomer). */
  emailToCustomer?: boolean;
  updatedAt: number;
}

export type OutboxState = 'pending' | 'sending' | 'done' | 'failed';

interface OutboxEntryBase {
  id?: number;
  /** Unique per export target: `relation:<code>` or `invoice:<number>`. */
  key: string;
  source: { table: 'customers' | 'workOrders' | 'invoices'; id: number };
  state: OutboxState;
  attempts: number;
  /** Set while sending; if found set at the next run, the outcome is unknown: look it up first. */
  sendingSince?: number;
  /** `message`: the error's own (developer) message; `text`: what to tell the person, when it is ours to say. */
  lastError?: { kind: string; code?: string; message: string; text?: Text };
  /** `pdfUrl`: e-Boekhouden's link to the invoice PDF (REST `urlPdfFile`), kept only when it is an http(s) address. */
  remote?: { id?: number; number?: string; code?: string; pdfUrl?: string; foundByLookup?: boolean };
  /**
   * e-Boekhouden's code when it refused to e-mail the invoice (SMTP_00x, FACT_EMAIL_0xx): the
   * invoice is (then) created without the e-mail, and the person sends it from e-Boekhouden.
   * Kept apart from `lastError`, which later attempts overwrite.
   */
  mailRefused?: string;
  createdAt: number;
  updatedAt: number;
}

/** A customer to create as an e-Boekhouden relation. */
export interface RelationOutboxEntry extends OutboxEntryBase {
  kind: 'relation';
  /** What will be (or was) sent. */
  payload: NewRelation;
}

/** A work order or workspace invoice to create as an e-Boekhouden invoice. */
export interface InvoiceOutboxEntry extends OutboxEntryBase {
  kind: 'invoice';
  /** What will be (or was) sent, frozen with its invoice number. */
  payload: NewInvoice;
}

/** One export target; `kind` says what the payload is. */
export type OutboxEntry = RelationOutboxEntry | InvoiceOutboxEntry;

export interface Cursor {
  step: string;
  value: unknown;
  updatedAt: number;
}

export type RunTrigger = 'alarm' | 'manual' | 'startup' | 'refresh';
export type RunResult = 'running' | 'ok' | 'warning' | 'failed' | 'cancelled';

export interface StepLog {
  step: string;
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  requests?: number;
  durationMs?: number;
  /** What changed that is not a problem, e.g. an invoice that was paid ("F2026-0042 paid, €1,234.50"). */
  notes?: Text[];
}

/** A per-record problem, shown in the sync log in the person's language. */
export interface Problem extends Text {
  step: string;
  /** The record's name (key+params); old records hold an English string. */
  record?: Text | string;
  code?: string;
}

/** A problem as stored: written by this version (key+params) or an older one (both languages). */
export type StoredProblem = Problem | (Omit<Problem, keyof Text> & WrittenText);

export interface SyncRun {
  id?: number;
  trigger: RunTrigger;
  startedAt: number;
  endedAt?: number;
  result: RunResult;
  steps: StepLog[];
  problems: StoredProblem[];
  error?: { kind: string; code?: string } & Bilingual;
}

/** Small named records: settings, connection state, sync progress, the sync lease. */
export interface KeyValue {
  key: string;
  value: unknown;
}

export interface ConnectionState {
  /** 'needsReconnect' after e-Boekhouden rejected the credentials; auto-sync pauses until new ones are saved. */
  status: 'notConfigured' | 'ok' | 'needsReconnect';
  /** The administration the local data belongs to (to ask before mixing two administrations). */
  administrationKey?: string;
  /** Set when the credentials open a different administration than the local data's: runSync refuses until confirmed. */
  pendingAdministrationKey?: string;
  message?: Bilingual;
  checkedAt?: number;
}

export interface SyncProgress {
  running: boolean;
  runId?: number;
  step?: string;
  done?: number;
  total?: number;
  startedAt?: number;
  updatedAt: number;
}

export const KV = {
  settings: 'settings',
  connection: 'connection',
  progress: 'progress',
  lease: 'syncLease',
  paymentStates: 'paymentStates',
} as const;

export class WorkspaceDb extends Dexie {
  customers!: EntityTable<Customer, 'id'>;
  materials!: EntityTable<Material, 'id'>;
  hourTypes!: EntityTable<HourType, 'id'>;
  ledgerAccounts!: EntityTable<LedgerAccountRow, 'remoteId'>;
  transactions!: EntityTable<Transaction, 'remoteId'>;
  openItems!: EntityTable<OpenItemRow, 'key'>;
  ledgerMonths!: EntityTable<LedgerMonthRow, 'key'>;
  invoiceTemplates!: EntityTable<InvoiceTemplateRow, 'remoteId'>;
  administrations!: EntityTable<AdministrationRow, 'guid'>;
  workOrders!: EntityTable<WorkOrder, 'id'>;
  invoices!: EntityTable<WorkspaceInvoice, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'id'>;
  cursors!: EntityTable<Cursor, 'step'>;
  syncLog!: EntityTable<SyncRun, 'id'>;
  kv!: EntityTable<KeyValue, 'key'>;

  constructor(name = 'boekhoud-companion') {
    super(name);
    this.version(1).stores({
      customers: '++id, &code, remoteId, name, city, status, origin, refreshedAt',
      materials: '++id, &remoteId, code, description, status, refreshedAt',
      hourTypes: '++id, &remoteId, code, description, status, refreshedAt',
      ledgerAccounts: '&remoteId, code, category',
      // Only what is queried (invoice numbers in use); every index costs time on each of 60,000 writes.
      transactions: '&remoteId, invoiceNumber',
      openItems: '&key, side, date, relationCode, invoiceNumber, open',
      invoiceTemplates: '&remoteId, name',
      administrations: '&guid, company',
      workOrders: '++id, &number, customerId, date, status, updatedAt',
      invoices: '++id, &number, customerId, date, status, workOrderId',
      outbox: '++id, &key, state, kind, updatedAt',
      cursors: '&step',
      syncLog: '++id, startedAt',
      kv: '&key',
    });
    // The overview's month movements per ledger (import step ledgerMovements); `month` for the 24-month window.
    this.version(2).stores({
      ledgerMonths: '&key, month',
    });
  }
}
