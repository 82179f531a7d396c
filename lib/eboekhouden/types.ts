/**
 * Domain records of the e-Boekhouden layer, the same whichever transport fetched them.
 *
 * References between records are by **code** (relation code, ledger account code, template
 * name), as a person sees them in e-Boekhouden. The REST transport translates codes to its
 * numeric ids internally; SOAP speaks codes natively. Amounts are numbers in euros; dates are
 * `YYYY-MM-DD` strings (a time part from the wire is dropped by the transport).
 */
import { z } from 'zod';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/** VAT codes. Sales codes may be used on invoices; purchase codes may not. */
export const SALES_VAT_CODES = [
  'HOOG_VERK_21',
  'LAAG_VERK_9',
  'VERL_VERK',
  'VERL_VERK_L9',
  'BU_EU_VERK',
  'BI_EU_VERK',
  'BI_EU_VERK_D',
  'AFST_VERK',
  'AFW_VERK',
  'HOOG_VERK',
  'LAAG_VERK',
] as const;
export const PURCHASE_VAT_CODES = [
  'LAAG_INK_9',
  'HOOG_INK_21',
  'VERL_INK',
  'VERL_INK_L9',
  'BU_EU_INK',
  'BI_EU_INK',
  'AFW',
  'HOOG_INK',
  'LAAG_INK',
] as const;
export const NO_VAT_CODE = 'GEEN' as const;

/** VAT percentage per code, for totals shown before sending. AFW* are divergent (line decides). */
export const VAT_RATES: Record<string, number> = {
  HOOG_VERK_21: 21,
  HOOG_INK_21: 21,
  HOOG_VERK: 19,
  HOOG_INK: 19,
  LAAG_VERK_9: 9,
  LAAG_INK_9: 9,
  LAAG_VERK: 9,
  LAAG_INK: 9,
  VERL_VERK: 0,
  VERL_VERK_L9: 0,
  VERL_INK: 0,
  VERL_INK_L9: 0,
  BU_EU_VERK: 0,
  BI_EU_VERK: 0,
  BI_EU_VERK_D: 0,
  AFST_VERK: 0,
  BU_EU_INK: 0,
  BI_EU_INK: 0,
  GEEN: 0,
};

export function isSalesVatCode(code: string): boolean {
  return code === NO_VAT_CODE || (SALES_VAT_CODES as readonly string[]).includes(code);
}

export interface Administration {
  /** GUID of the administration (for SOAP it doubles as that administration's SecurityCode2). */
  guid: string;
  company: string;
  city?: string;
  startYear?: string;
}

export type RelationType = 'B' | 'P'; // B = business, P = private person

export interface Relation {
  id: number;
  code: string;
  type: RelationType;
  /** Company name, or the person's name for a private relation. */
  name: string;
  contact?: string;
  email?: string;
  /** Where e-Boekhouden e-mails invoices (REST `emailAddressInvoice`); `email` when empty. */
  emailInvoice?: string;
  /** Where e-Boekhouden e-mails payment reminders (REST `emailAddressReminder`). */
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
  inactive: boolean;
  addedOn?: string;
}

/**
 * One row of a relation list. SOAP lists carry the whole relation; REST lists carry id, type and
 * code, and the whole relation when the list item has every detail field (`relation` set).
 */
export interface RelationListItem {
  id: number;
  code: string;
  type: RelationType;
  relation?: Relation;
}

export const newRelationSchema = z.object({
  code: z.string().trim().min(1, 'a relation code is required').max(15, 'a relation code has at most 15 characters'),
  type: z.enum(['B', 'P']),
  name: z.string().trim().min(1, 'a name is required').max(100, 'a name has at most 100 characters'),
  contact: z.string().max(50).optional(),
  email: z.string().email('not a valid e-mail address').max(150).optional(),
  emailInvoice: z.string().email('not a valid e-mail address').max(150).optional(),
  emailReminder: z.string().email('not a valid e-mail address').max(150).optional(),
  phone: z.string().max(50).optional(),
  address: z.string().max(150).optional(),
  postalCode: z.string().max(50).optional(),
  city: z.string().max(50).optional(),
  country: z.string().max(50).optional(),
  vatNumber: z.string().max(50).optional(),
  cocNumber: z.string().regex(/^\d*$/, 'a KvK number has digits only').max(50).optional(),
  iban: z.string().max(50).optional(),
  termOfPayment: z.number().int().min(0).optional(),
});
export type NewRelation = z.infer<typeof newRelationSchema>;

export interface Product {
  id: number;
  code: string;
  description: string;
  /** The unit's name as e-Boekhouden shows it ("uur", "stuk"); '' when the product has none. */
  unit: string;
  active: boolean;
  groupCode?: string;
  priceExcl?: number;
  priceIncl?: number;
  purchasePriceExcl?: number;
  vatCode?: string;
  /** Counter account (revenue ledger) code, e.g. "8000". */
  ledgerCode?: string;
}

/**
 * One row of a product list. SOAP lists carry the whole product; REST lists may leave out prices,
 * VAT and ledger, and carry the whole product (`product` set) when the item has every detail field.
 */
export interface ProductListItem {
  id: number;
  code: string;
  description: string;
  unit: string;
  active: boolean;
  product?: Product;
}

export interface LedgerAccount {
  id: number;
  code: string;
  description: string;
  category: string;
  group?: string;
}

/** 0 opening balance, 1 invoice received, 2 invoice sent, 3 invoice payment received,
 *  4 invoice payment sent, 5 money received, 6 money sent, 7 journal entry. */
export type MutationType = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const MUTATION_TYPE_NAMES: Record<MutationType, string> = {
  0: 'OpeningsSaldo',
  1: 'FactuurOntvangen',
  2: 'FactuurVerstuurd',
  3: 'FactuurbetalingOntvangen',
  4: 'FactuurbetalingVerstuurd',
  5: 'GeldOntvangen',
  6: 'GeldUitgegeven',
  7: 'Memoriaal',
};

export interface MutationLine {
  /** Counter account code. */
  ledgerCode: string;
  vatCode: string;
  /** The amount as entered (incl. VAT when the mutation is IN, excl. when EX). */
  amount: number;
  amountExcl?: number;
  vatAmount?: number;
  amountIncl?: number;
  vatPercentage?: number;
  invoiceNumber?: string;
  description?: string;
  costCenterId?: number;
}

export interface Mutation {
  /** MutatieNr (SOAP) / id (REST). Increases with every new mutation; the sync cursor. */
  id: number;
  type: MutationType;
  date: string;
  /** The mutation's own account code (Rekening), e.g. 1300 for an invoice sent. */
  ledgerCode: string;
  relationCode?: string;
  invoiceNumber?: string;
  entryNumber?: string;
  description?: string;
  termOfPayment?: number;
  inExVat?: 'IN' | 'EX';
  /** REST list rows carry the total only; SOAP rows carry lines. */
  amount?: number;
  /** Undefined when the list did not include lines (REST lists). */
  lines?: MutationLine[];
}

export type OpenItemSide = 'debtors' | 'creditors';

export interface OpenItem {
  side: OpenItemSide;
  date: string;
  /** Absent for a booked item without a number (the document's own example): still money owed. */
  invoiceNumber?: string;
  relationCode: string;
  relationName: string;
  total: number;
  paid: number;
  outstanding: number;
  mutationId?: number;
}

export interface InvoiceTemplate {
  id: number;
  name: string;
  active: boolean;
  type?: 'E' | 'A';
}

export interface InvoiceLine {
  code: string;
  description: string;
  quantity: number;
  unit?: string;
  /** Price per unit, excl. VAT. */
  pricePerUnit: number;
  vatCode: string;
  /** Counter account (revenue ledger) code. */
  ledgerCode: string;
  costCenterId?: number;
  /**
   * A discount on `pricePerUnit` (REST only; never both, FACT_ITEM_013): an amount off the price
   * per unit, or a percentage of it. The line is quantity × the price after the discount.
   */
  discountAmount?: number;
  discountPercentage?: number;
}

export interface Invoice {
  number: string;
  relationCode: string;
  date: string;
  termOfPayment?: number;
  totalExcl: number;
  totalVat: number;
  totalIncl: number;
  outstanding?: number;
  /** e-Boekhouden's link to the invoice PDF (REST `urlPdfFile`, SOAP `URLPDFBestand`). */
  pdfUrl?: string;
  lines?: InvoiceLine[];
}

const money = z
  .number()
  .finite()
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'amounts have at most 2 decimals');

export const invoiceLineSchema = z
  .object({
    code: z.string().trim().min(1, 'every line needs a code').max(50),
    description: z.string().trim().min(1, 'every line needs a description'),
    quantity: z
      .number()
      .finite()
      .refine((n) => Math.abs(Math.round(n * 1e4) - n * 1e4) < 1e-6, 'a quantity has at most 4 decimals'),
    unit: z.string().max(50).optional(),
    pricePerUnit: money,
    vatCode: z
      .string()
      .min(1, 'every line needs a VAT code')
      .refine(isSalesVatCode, 'a purchase VAT code cannot be used on a sales invoice'),
    ledgerCode: z.string().trim().min(1, 'every line needs a counter account').max(10),
    costCenterId: z.number().int().optional(),
    discountAmount: money.refine((n) => n >= 0, 'a discount amount is not negative').optional(),
    discountPercentage: z
      .number()
      .min(0)
      .max(100)
      .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'a discount percentage has at most 2 decimals')
      .optional(),
  })
  .refine(
    (l) => l.discountAmount === undefined || l.discountPercentage === undefined,
    'a line has a discount amount or a discount percentage, not both',
  );

/** Lines per invoice: the REST document's `maxItems` (FACT_025 beyond). SOAP AddFactuur takes 1–100 (CFACT006). */
export const MAX_INVOICE_LINES = 500;
export const MAX_SOAP_INVOICE_LINES = 100;

export const newInvoiceSchema = z.object({
  /** Empty lets e-Boekhouden number the invoice; exports always send their own number so a retry can look it up. */
  number: z
    .string()
    .max(50)
    .regex(/^$|\d$/, 'an invoice number must end with a digit'),
  relationCode: z.string().trim().min(1, 'an invoice needs a customer').max(15),
  date: isoDate,
  termOfPayment: z.number().int().min(0).max(999),
  /** Template name as shown in e-Boekhouden. */
  template: z.string().trim().min(1, 'choose an invoice template').max(50),
  /** Book the invoice in the accounts (on the debtors ledger). */
  bookInAccounts: z.boolean(),
  bookingDescription: z.string().max(200).optional(),
  /** Let e-Boekhouden e-mail the invoice to the customer. */
  email: z
    .object({
      subject: z.string().min(1),
      body: z.string().min(1),
      fromAddress: z.string().email(),
      fromName: z.string().optional(),
    })
    .optional(),
  lines: z
    .array(invoiceLineSchema)
    .min(1, 'an invoice needs at least one line')
    .max(MAX_INVOICE_LINES, `an invoice has at most ${MAX_INVOICE_LINES} lines`),
});
export type NewInvoice = z.infer<typeof newInvoiceSchema>;

export interface CreatedInvoice {
  number: string;
  /** REST only. */
  id?: number;
  /** e-Boekhouden's link to the PDF, when the answer carries one (REST `urlPdfFile`). */
  pdfUrl?: string;
}

/** A page of a list as it arrives. */
export interface Page<T> {
  items: T[];
  /** Records received so far in this listing, this page included. */
  received: number;
  /** Total to expect, when the protocol tells (SOAP windows do; REST does not). */
  total?: number;
  /**
   * Set on the last page when e-Boekhouden cut the list short and the rest cannot be fetched
   * with this connection (SOAP returns at most 2,000 relations or products per request).
   */
  truncated?: LimitWarning;
  /** Records on this page that failed validation and were left out, so the caller can log them. */
  rejected?: RejectedRecord[];
}

export interface RejectedRecord {
  id?: number;
  code?: string;
  /** Which field was wrong and why, e.g. "code: expected a string". */
  message: string;
}

export interface LimitWarning {
  operation: string;
  received: number;
  limit: number;
  message: string;
}
