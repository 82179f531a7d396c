/**
 * Domain records of the e-Boekhouden layer, the same whichever transport fetched them.
 *
 * References between records are by **code** (relation code, ledger account code, template
 * name), as a person sees them in e-Boekhouden. The REST transport translates codes to its
 * numeric ids internally; SOAP speaks codes natively. Amounts are numbers in euros; dates are
 * `YYYY-MM-DD` strings (a time part from the wire is dropped by the transport).
 */
import { z } from 'zod';

export * from './vat';
export * from './invoice-types';

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

/** An inclusive date range, YYYY-MM-DD; without `from`, everything up to `to` (a balance, not a movement). */
export interface Period {
  from?: string;
  to: string;
}

/**
 * One ledger account's movement over a period (REST `/v1/ledger/balances?from&to`, SOAP `GetSaldi`
 * with DatumVan/DatumTot), debit positive, in whole cents.
 */
export interface LedgerMovement {
  code: string;
  category: string;
  cents: number;
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
