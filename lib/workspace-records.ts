/**
 * The records of the workspace database (lib/db.ts): what is imported from e-Boekhouden and what the
 * person makes here. Workspace names (customer, material, hour type, work order, invoice) on this
 * side; e-Boekhouden ids are kept as `remoteId`.
 */
import type { MutationLine, MutationType, OpenItemSide, RelationType } from './eboekhouden/types';

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
