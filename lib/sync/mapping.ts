/**
 * e-Boekhouden records → workspace records, in one place. Pure functions, no database.
 */
import type {
  Article,
  Customer,
  LedgerAccountRow,
  OpenItemRow,
  Transaction,
  InvoiceTemplateRow,
  AdministrationRow,
} from '../db';
import type {
  Administration,
  InvoiceTemplate,
  LedgerAccount,
  Mutation,
  OpenItem,
  OpenItemSide,
  Product,
  Relation,
} from '../eboekhouden/types';

const HOUR_UNITS = new Set(['uur', 'uren', 'hour', 'hours', 'u']);

/** A product whose unit is an hour becomes an hour type; every other product a material. */
export function isHourUnit(unit: string | undefined): boolean {
  return HOUR_UNITS.has((unit ?? '').trim().toLowerCase());
}

export type ArticleTable = 'materials' | 'hourTypes';

export function articleTableFor(unit: string | undefined): ArticleTable {
  return isHourUnit(unit) ? 'hourTypes' : 'materials';
}

/** The fields of a customer that come from e-Boekhouden (compared to decide created/updated/unchanged). */
export function relationToCustomerFields(r: Relation) {
  return {
    remoteId: r.id,
    code: r.code,
    type: r.type,
    name: r.name,
    contact: r.contact || undefined,
    email: r.email || undefined,
    emailInvoice: r.emailInvoice || undefined,
    emailReminder: r.emailReminder || undefined,
    phone: r.phone || undefined,
    address: r.address || undefined,
    postalCode: r.postalCode || undefined,
    city: r.city || undefined,
    country: r.country || undefined,
    vatNumber: r.vatNumber || undefined,
    cocNumber: r.cocNumber || undefined,
    iban: r.iban || undefined,
    termOfPayment: r.termOfPayment,
    status: r.inactive ? ('inactive' as const) : ('active' as const),
  } satisfies Partial<Customer>;
}

/** A material or hour type keeps the product's VAT code and counter account: the two fields an invoice line needs. */
export function productToArticleFields(p: Product) {
  return {
    remoteId: p.id,
    code: p.code,
    description: p.description,
    unit: p.unit,
    priceExcl: p.priceExcl,
    vatCode: p.vatCode || undefined,
    ledgerCode: p.ledgerCode || undefined,
    groupCode: p.groupCode || undefined,
    status: p.active ? ('active' as const) : ('inactive' as const),
  } satisfies Partial<Article>;
}

export function ledgerAccountToRow(a: LedgerAccount): LedgerAccountRow {
  return {
    remoteId: a.id,
    code: a.code,
    description: a.description,
    category: a.category,
    group: a.group || undefined,
    status: 'active',
  };
}

export function mutationToTransaction(m: Mutation): Transaction {
  return {
    remoteId: m.id,
    type: m.type,
    date: m.date,
    ledgerCode: m.ledgerCode,
    relationCode: m.relationCode || undefined,
    invoiceNumber: m.invoiceNumber || undefined,
    entryNumber: m.entryNumber || undefined,
    description: m.description || undefined,
    termOfPayment: m.termOfPayment,
    inExVat: m.inExVat,
    amount: m.amount,
    lines: m.lines,
  };
}

export function openItemKey(side: OpenItemSide, relationCode: string, invoiceNumber: string): string {
  return `${side}:${relationCode}:${invoiceNumber}`;
}

/**
 * The stored key of an open item. One without an invoice number (booked without one) is keyed
 * by its mutation, which stays the same between reads; failing that by its date and total.
 */
export function openItemRowKey(
  i: Pick<OpenItem, 'side' | 'relationCode' | 'invoiceNumber' | 'mutationId' | 'date' | 'total'>,
): string {
  if (i.invoiceNumber) return openItemKey(i.side, i.relationCode, i.invoiceNumber);
  if (i.mutationId !== undefined) return `${i.side}:${i.relationCode}:#mutation:${i.mutationId}`;
  return `${i.side}:${i.relationCode}:#${i.date}:${Math.round(i.total * 100)}`;
}

export function openItemToRow(i: OpenItem, seenAt: number): OpenItemRow {
  return {
    key: openItemRowKey(i),
    side: i.side,
    date: i.date,
    invoiceNumber: i.invoiceNumber,
    relationCode: i.relationCode,
    relationName: i.relationName,
    total: i.total,
    paid: i.paid,
    outstanding: i.outstanding,
    ...(i.mutationId !== undefined ? { mutationId: i.mutationId } : {}),
    open: true,
    seenAt,
  };
}

export function templateToRow(t: InvoiceTemplate): InvoiceTemplateRow {
  return { remoteId: t.id, name: t.name, active: t.active };
}

export function administrationToRow(a: Administration): AdministrationRow {
  return { guid: a.guid, company: a.company, city: a.city || undefined };
}

/** True when every field of `fields` equals the stored record's (undefined and missing are equal). */
export function sameFields(stored: object, fields: object): boolean {
  const s = stored as Record<string, unknown>;
  for (const [k, v] of Object.entries(fields)) {
    if (!deepEqual(s[k], v)) return false;
  }
  return true;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return (a ?? undefined) === (b ?? undefined);
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
