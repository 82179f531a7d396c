/**
 * REST v1 write validation with the documented codes (REL_*, FACT_*, FACT_ITEM_*, MUT_*).
 * The first broken rule wins, as a 400 with that code and the property name.
 */
import { fail } from './errors';
import {
  EMAIL_TEMPLATES,
  PURCHASE_VAT_CODES,
  SALES_VAT_CODES,
  isKnownVatCode,
  makeRow,
  type SbInvoice,
  type SbInvoiceItem,
  type SbMutation,
  type SbMutationRow,
  type SbRelation,
  type Store,
} from '../store';

type Body = Record<string, unknown>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * A digit string read as the number it spells, as the live .NET service reads integers
 * (OPENAPI-NOTES.md: "the service reads numbers sent as strings"); anything else unchanged.
 */
export function digits(value: unknown): unknown {
  return typeof value === 'string' && /^-?\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : value;
}

/** An optional string field: undefined when absent, ERR_002 when not a string, `tooLong` when over `max`. */
function optionalString(body: Body, key: string, max: number, tooLong: string, property = key): string | undefined {
  const value = body[key];
  if (!present(value)) return undefined;
  if (typeof value !== 'string') fail('ERR_002', property);
  if (value.length > max) fail(tooLong, property);
  return value;
}

function optionalInteger(body: Body, key: string, property = key): number | undefined {
  const value = digits(body[key]);
  if (!present(value)) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) fail('ERR_002', property);
  return value;
}

function optionalNumber(body: Body, key: string, property = key): number | undefined {
  const value = body[key];
  if (!present(value)) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) fail('ERR_002', property);
  return value;
}

function optionalBoolean(body: Body, key: string): boolean | undefined {
  const value = body[key];
  if (!present(value)) return undefined;
  if (typeof value !== 'boolean') fail('ERR_002', key);
  return value;
}

export function isValidIban(iban: string): boolean {
  const compact = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) return false;
  const numeric = (compact.slice(4) + compact.slice(0, 4)).replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  let rest = 0;
  for (const digit of numeric) rest = (rest * 10 + Number(digit)) % 97;
  return rest === 1;
}

export function isValidDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Accepts `YYYY-MM-DD` and a datetime with the date first; returns the date or undefined. */
function dateOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const date = value.slice(0, 10);
  return isValidDate(date) && (value.length === 10 || value[10] === 'T') ? date : undefined;
}

// ---------------------------------------------------------------------------------------------
// Relations

const RELATION_STRINGS: readonly [key: string, field: keyof SbRelation | null, max: number, tooLong: string][] = [
  ['salutation', 'salutation', 50, 'REL_010'],
  ['contact', 'contact', 50, 'REL_009'],
  ['address', 'address', 150, 'REL_011'],
  ['postalCode', 'postalCode', 50, 'REL_012'],
  ['city', 'city', 50, 'REL_013'],
  ['country', 'country', 50, 'REL_014'],
  ['address2', 'address2', 150, 'REL_015'],
  ['postalCode2', 'postalCode2', 50, 'REL_016'],
  ['city2', 'city2', 50, 'REL_017'],
  ['country2', 'country2', 50, 'REL_018'],
  ['phoneNumber', 'phoneNumber', 50, 'REL_019'],
  ['mobilePhoneNumber', 'mobilePhoneNumber', 50, 'REL_020'],
  ['faxNumber', 'faxNumber', 50, 'REL_021'],
  ['website', 'website', 50, 'REL_028'],
  ['note', 'note', 40000, 'REL_047'],
  ['vatNumber', 'vatNumber', 50, 'REL_035'],
  ['bic', 'bic', 20, 'REL_032'],
  ['mandateId', 'mandateId', 35, 'REL_034'],
];
const RELATION_EMAILS: readonly [key: string, field: keyof SbRelation | null, tooLong: string, invalid: string][] = [
  ['emailAddress', 'emailAddress', 'REL_022', 'REL_023'],
  ['emailAddressInvoice', 'emailAddressInvoice', 'REL_024', 'REL_025'],
  ['emailAddressReminder', 'emailAddressReminder', 'REL_026', 'REL_027'],
];

/**
 * Validates a relation body (create or patch) and returns the fields to write.
 * `selfId` is the relation being patched, so its own code is not a duplicate.
 */
export function validateRelation(store: Store, body: Body, selfId?: number): Partial<SbRelation> {
  const out: Partial<SbRelation> = {};
  const type = body.type;
  if (present(type)) {
    if (type !== 'B' && type !== 'P') fail('REL_001', 'type');
    out.type = type;
  }
  const code = body.code;
  if (present(code) && code !== '') {
    // eslint-disable-next-line no-control-regex
    if (typeof code !== 'string' || code.trim() === '' || /[\u0000-\u001f]/.test(code)) fail('REL_005', 'code');
    if (code.length > 15) fail('REL_006', 'code');
    const existing = store.relationByCode(code);
    if (existing && existing.id !== selfId) fail('REL_049', 'code');
    out.code = code;
  }
  const name = body.name;
  if (!present(name) || (typeof name === 'string' && name.trim() === '')) fail('REL_002', 'name');
  if (typeof name !== 'string') fail('ERR_002', 'name');
  if (name.length > 100) fail('REL_003', 'name');
  out.name = name;

  const gender = body.gender;
  if (present(gender) && gender !== '') {
    if (gender !== 'm' && gender !== 'v' && gender !== 'a') fail('REL_004', 'gender');
    out.gender = gender;
  }
  for (const [key, field, max, tooLong] of RELATION_STRINGS) {
    const value = optionalString(body, key, max, tooLong);
    if (value !== undefined && field) (out as Record<string, unknown>)[field] = value;
  }
  for (const [key, field, tooLong, invalid] of RELATION_EMAILS) {
    const value = optionalString(body, key, 150, tooLong);
    if (value !== undefined && value !== '' && !EMAIL.test(value)) fail(invalid, key);
    if (value !== undefined && field) (out as Record<string, unknown>)[field] = value;
  }
  const coc = optionalString(body, 'companyRegistrationNumber', 50, 'REL_050');
  if (coc !== undefined) {
    if (!/^\d*$/.test(coc)) fail('REL_008', 'companyRegistrationNumber');
    out.companyRegistrationNumber = coc;
  }
  const iban = optionalString(body, 'iban', 50, 'REL_029');
  if (iban !== undefined) {
    if (iban !== '' && !isValidIban(iban)) fail('REL_007', 'iban');
    out.iban = iban;
  }
  const term = optionalInteger(body, 'termOfPayment');
  if (term !== undefined) {
    if (term < 0) fail('REL_030', 'termOfPayment');
    if (term > 999) fail('REL_031', 'termOfPayment');
    out.termOfPayment = term;
  }
  const ledgerId = optionalInteger(body, 'ledgerId');
  if (ledgerId !== undefined && ledgerId !== 0) {
    if (!store.ledgers.has(ledgerId)) fail('REL_048', 'ledgerId');
    out.ledgerId = ledgerId;
  }
  const mandateType = body.mandateType;
  if (present(mandateType) && mandateType !== '' && mandateType !== 'E' && mandateType !== 'D')
    fail('REL_051', 'mandateType');
  if (present(mandateType)) out.mandateType = mandateType as SbRelation['mandateType'];
  const mandate = optionalBoolean(body, 'mandate');
  if (mandate !== undefined) out.mandate = mandate;
  // The document types it `object` (an open point); its examples and the live service use a date string.
  if (present(body.mandateSignedDate)) {
    const signed = dateOf(body.mandateSignedDate);
    if (!signed) fail('ERR_002', 'mandateSignedDate');
    out.mandateSignedDate = signed;
  }
  const newsletters = optionalBoolean(body, 'doNotReceiveNewsletters');
  if (newsletters !== undefined) out.doNotReceiveNewsletters = newsletters;
  const inactive = optionalBoolean(body, 'inactive');
  if (inactive !== undefined) out.inactive = inactive;
  const freeText: string[] = [];
  let anyFreeText = false;
  for (let i = 1; i <= 10; i++) {
    const value = optionalString(body, `freeText${i}`, 100, `REL_${String(36 + i).padStart(3, '0')}`);
    if (value !== undefined) anyFreeText = true;
    freeText.push(value ?? '');
  }
  if (anyFreeText) out.freeText = freeText;
  return out;
}

/** The next free numeric relation code, as e-Boekhouden generates one when none is given. */
export function nextRelationCode(store: Store): string {
  let max = 0;
  for (const r of store.relations.values()) {
    if (typeof r.code === 'string' && /^\d{1,9}$/.test(r.code)) max = Math.max(max, Number(r.code));
  }
  let next = max + 1;
  while (store.relationByCode(String(next))) next++;
  return String(next);
}

// ---------------------------------------------------------------------------------------------
// Invoices

export interface ValidInvoice {
  invoice: Omit<SbInvoice, 'id' | 'totalExcl' | 'vatAmount' | 'totalAmount' | 'mutationId'>;
  book: { book: boolean; description: string; ledgerId: number; paymentReference: string };
}

/** openapi-v1.json: `items` maxItems 500 (FACT_025 "Too many items."). */
export const MAX_INVOICE_ITEMS = 500;
/** openapi-v1.json: mutation `rows` maxItems 500 (MUT_101 "Too many rows."). */
export const MAX_MUTATION_ROWS = 500;

export function validateInvoice(store: Store, body: Body): ValidInvoice {
  const relationId = digits(body.relationId);
  if (!present(relationId) || relationId === 0) fail('FACT_001', 'relationId');
  if (typeof relationId !== 'number' || !Number.isInteger(relationId)) fail('ERR_002', 'relationId');
  const relation = store.relations.get(relationId);
  if (!relation) fail('FACT_002', 'relationId');
  if (relation.inactive) fail('FACT_003', 'relationId');

  const templateId = digits(body.templateId);
  if (typeof templateId !== 'number' || !store.templates.has(templateId)) fail('FACT_018', 'templateId');

  const termOfPayment = digits(body.termOfPayment);
  if (!present(termOfPayment)) fail('FACT_015', 'termOfPayment');
  if (typeof termOfPayment !== 'number' || !Number.isInteger(termOfPayment) || termOfPayment < 0 || termOfPayment > 999)
    fail('FACT_016', 'termOfPayment');

  const rawItems = body.items;
  if (!Array.isArray(rawItems) || rawItems.length === 0) fail('FACT_019', 'items');
  if (rawItems.length > MAX_INVOICE_ITEMS) fail('FACT_025', 'items');

  let invoiceNumber = '';
  if (present(body.invoiceNumber) && body.invoiceNumber !== '') {
    const n = body.invoiceNumber;
    // eslint-disable-next-line no-control-regex
    if (typeof n !== 'string' || /[\u0000-\u001f]/.test(n) || n.trim() !== n) fail('FACT_008', 'invoiceNumber');
    if (n.length > 50) fail('FACT_007', 'invoiceNumber');
    if (!/\d$/.test(n)) fail('FACT_009', 'invoiceNumber');
    if (store.invoiceByNumber(n) || hasSalesInvoiceNumber(store, n)) fail('FACT_101', 'invoiceNumber');
    invoiceNumber = n;
  }

  if (!present(body.date) || body.date === '') fail('FACT_011', 'date');
  const date = dateOf(body.date);
  if (!date) fail('FACT_012', 'date');
  if (date < '2000-01-01' || date > '2099-12-31') fail('FACT_013', 'date');

  const inExVat = present(body.inExVat) ? body.inExVat : 'EX';
  if (inExVat !== 'IN' && inExVat !== 'EX') fail('FACT_010', 'inExVat');

  const reference = optionalString(body, 'reference', 50, 'FACT_014') ?? '';
  const text = optionalString(body, 'text', 35000, 'FACT_017') ?? '';
  optionalBoolean(body, 'print');

  let emailTemplateId = 0;
  if (present(body.emailTemplateId) && digits(body.emailTemplateId) !== 0) {
    emailTemplateId = digits(body.emailTemplateId) as number;
    if (!EMAIL_TEMPLATES.some((t) => t.id === emailTemplateId)) fail('FACT_020', 'emailTemplateId');
  }
  validateEmail(body.email);
  // e-Boekhouden mails to the relation's invoice address, else its ordinary one.
  if (present(body.email) && !relation.emailAddressInvoice?.trim() && !relation.emailAddress?.trim())
    fail('FACT_EMAIL_001', 'email');
  const book = validateBooking(store, body.mutation);

  const items = rawItems.map((raw, i) => validateInvoiceItem(store, raw, i, inExVat));
  return {
    invoice: {
      invoiceNumber,
      relationId,
      date,
      termOfPayment,
      templateId,
      inExVat,
      reference,
      text,
      items,
      createdVia: 'rest',
      emailTemplateId,
    },
    book,
  };
}

function hasSalesInvoiceNumber(store: Store, number: string): boolean {
  for (const m of store.mutations.values()) if (m.type === 2 && m.invoiceNumber === number) return true;
  return false;
}

/** `email` sends the invoice at once; the sandbox sends nothing but checks it as e-Boekhouden would. */
function validateEmail(email: unknown): void {
  if (!present(email)) return;
  if (typeof email !== 'object' || Array.isArray(email)) fail('ERR_002', 'email');
  const e = email as Body;
  const from = e.fromEmail;
  if (typeof from !== 'string' || !EMAIL.test(from)) fail('FACT_EMAIL_006', 'email.fromEmail');
  if (typeof e.subject !== 'string' || e.subject.trim() === '') fail('FACT_EMAIL_013', 'email.subject');
  if (typeof e.body !== 'string' || e.body.trim() === '') fail('FACT_EMAIL_014', 'email.body');
  optionalString(e, 'fromName', 100, 'ERR_002', 'email.fromName');
}

function validateBooking(store: Store, mutation: unknown): ValidInvoice['book'] {
  if (!present(mutation)) return { book: false, description: '', ledgerId: 0, paymentReference: '' };
  if (typeof mutation !== 'object' || Array.isArray(mutation)) fail('ERR_002', 'mutation');
  const m = mutation as Body;
  const description = optionalString(m, 'description', 200, 'FACT_VERWERK_002', 'mutation.description') ?? '';
  const paymentReference =
    optionalString(m, 'paymentReference', 50, 'FACT_VERWERK_003', 'mutation.paymentReference') ?? '';
  if (optionalBoolean(m, 'checkPaymentReference') && store.paymentReferenceInUse(paymentReference))
    fail('FACT_VERWERK_004', 'mutation.paymentReference');
  const ledgerId = optionalInteger(m, 'ledgerId', 'mutation.ledgerId') ?? 0;
  if (ledgerId && store.ledgers.get(ledgerId)?.category !== 'DEB') fail('MUT_011', 'mutation.ledgerId');
  return { book: true, description, ledgerId, paymentReference };
}

function validateInvoiceItem(store: Store, raw: unknown, i: number, inExVat: 'IN' | 'EX'): SbInvoiceItem {
  const at = (field: string) => `items[${i}].${field}`;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail('ERR_002', `items[${i}]`);
  const item = raw as Body;
  const description = item.description;
  if (typeof description !== 'string' || description.trim() === '') fail('FACT_ITEM_001', at('description'));
  if (description.length > 1000) fail('FACT_ITEM_002', at('description'));
  let code = optionalString(item, 'code', 50, 'FACT_ITEM_003', at('code')) ?? '';

  const vatCode = item.vatCode;
  if (!present(vatCode) || vatCode === '') fail('FACT_ITEM_006', at('vatCode'));
  if (typeof vatCode !== 'string' || !isKnownVatCode(vatCode) || !(SALES_VAT_CODES.has(vatCode) || vatCode === 'GEEN'))
    fail('FACT_ITEM_014', at('vatCode'));

  const ledgerId = digits(item.ledgerId);
  if (!present(ledgerId) || ledgerId === 0) fail('FACT_ITEM_007', at('ledgerId'));
  if (typeof ledgerId !== 'number' || !store.ledgers.has(ledgerId)) fail('FACT_ITEM_012', at('ledgerId'));

  const quantity =
    optionalNumber(item, 'quantity', at('quantity')) ?? optionalNumber(item, 'amount', at('amount')) ?? 1;
  if (Math.abs(Math.round(quantity * 1e4) - quantity * 1e4) > 1e-6) fail('ERR_002', at('quantity'));

  const pricePerUnit = optionalNumber(item, 'pricePerUnit', at('pricePerUnit'));
  if (pricePerUnit === undefined) fail(inExVat === 'IN' ? 'FACT_ITEM_005' : 'FACT_ITEM_004', at('pricePerUnit'));

  let unit = '';
  const unitId = optionalInteger(item, 'unitId', at('unitId'));
  if (unitId !== undefined && unitId !== 0) {
    const found = store.units.get(unitId);
    if (!found) fail('FACT_ITEM_010', at('unitId'));
    unit = found.singular;
  }
  let productId = 0;
  const product = optionalInteger(item, 'productId', at('productId'));
  if (product !== undefined && product !== 0) {
    const found = store.products.get(product);
    if (!found) fail('FACT_ITEM_011', at('productId'));
    productId = found.id;
    code = typeof found.code === 'string' ? found.code : '';
  }
  if (present(item.vatAmount) && vatCode !== 'AFW_VERK') fail('FACT_ITEM_015', at('vatAmount'));
  if (present(item.discountAmount) && present(item.discountPercentage)) fail('FACT_ITEM_013', at('discountAmount'));
  const discountAmount = optionalNumber(item, 'discountAmount', at('discountAmount')) ?? null;
  const discountPercentage = optionalNumber(item, 'discountPercentage', at('discountPercentage')) ?? null;

  let costCenterId = 0;
  const cc = optionalInteger(item, 'costCenterId', at('costCenterId'));
  if (cc !== undefined && cc !== 0) {
    if (!store.costCenters.has(cc)) fail('COST_001', at('costCenterId'));
    costCenterId = cc;
  }
  return {
    description,
    code,
    quantity,
    unit,
    pricePerUnit,
    vatCode,
    vatPercentage: store.vatPercentage(vatCode),
    ledgerId,
    costCenterId,
    productId,
    discountAmount,
    discountPercentage,
  };
}

// ---------------------------------------------------------------------------------------------
// Mutations

const MONEY_TYPES = new Set([3, 4, 5, 6]);
const SALES_TYPES = new Set([2, 5]);
const PURCHASE_TYPES = new Set([1, 6]);

export function validateMutation(store: Store, body: Body): Omit<SbMutation, 'id'> {
  const type = digits(body.type);
  if (!present(type)) fail('MUTA_002', 'type');
  if (typeof type !== 'number' || !Number.isInteger(type) || type < 1 || type > 7) fail('MUT_001', 'type');
  const t = type as SbMutation['type'];

  if (!present(body.date) || body.date === '') fail('MUT_003', 'date');
  const date = dateOf(body.date);
  if (!date) fail('MUT_004', 'date');

  const ledgerId = digits(body.ledgerId);
  if (!present(ledgerId) || ledgerId === 0) fail('MUTA_001', 'ledgerId');
  if (typeof ledgerId !== 'number') fail('ERR_002', 'ledgerId');
  const ledger = store.ledgers.get(ledgerId);
  if (!ledger) fail('MUT_007', 'ledgerId');
  if (t === 1 && ledger.category !== 'CRED') fail('MUT_010', 'ledgerId');
  if (t === 2 && ledger.category !== 'DEB') fail('MUT_011', 'ledgerId');
  if (MONEY_TYPES.has(t) && ledger.category !== 'FIN') fail('MUT_009', 'ledgerId');

  const relationId = optionalInteger(body, 'relationId') ?? 0;
  if ((t === 1 || t === 2) && !relationId) fail('MUT_012', 'relationId');
  if (relationId && !store.relations.has(relationId)) fail('MUT_013', 'relationId');

  const invoiceNumber = optionalString(body, 'invoiceNumber', 50, 'MUT_018') ?? '';
  if ((t === 1 || t === 2) && !invoiceNumber) fail('MUT_002', 'invoiceNumber');
  if (t === 2 && (hasSalesInvoiceNumber(store, invoiceNumber) || store.invoiceByNumber(invoiceNumber)))
    fail('MUT_019', 'invoiceNumber');
  if (t === 1) {
    for (const m of store.mutations.values()) {
      if (m.type === 1 && m.relationId === relationId && m.invoiceNumber === invoiceNumber)
        fail('MUT_020', 'invoiceNumber');
    }
  }
  const entryNumber = optionalString(body, 'entryNumber', 50, 'ERR_002') ?? '';
  // openapi-v1.json: description maxLength 50, with no code of its own.
  const description = optionalString(body, 'description', 50, 'ERR_002') ?? '';
  const paymentReference = optionalString(body, 'paymentReference', 50, 'ERR_002') ?? '';
  if (optionalBoolean(body, 'checkPaymentReference') && store.paymentReferenceInUse(paymentReference))
    fail('MUTA_008', 'paymentReference');
  const termOfPayment = optionalInteger(body, 'termOfPayment') ?? 0;
  const inExVat = present(body.inExVat) ? body.inExVat : 'EX';
  if (inExVat !== 'IN' && inExVat !== 'EX') fail('MUT_017', 'inExVat');

  const rawRows = body.rows;
  if (!Array.isArray(rawRows) || rawRows.length === 0) fail('MUT_100', 'rows');
  if (rawRows.length > MAX_MUTATION_ROWS) fail('MUT_101', 'rows');
  const rows = rawRows.map((raw, i) => validateMutationRow(store, raw, i, t, inExVat, relationId));
  return {
    type: t,
    date,
    description,
    termOfPayment,
    ledgerId,
    relationId,
    inExVat,
    invoiceNumber,
    entryNumber,
    rows,
    paymentReference,
  };
}

function validateMutationRow(
  store: Store,
  raw: unknown,
  i: number,
  type: number,
  inExVat: 'IN' | 'EX',
  relationId: number,
): SbMutationRow {
  const at = (field: string) => `rows[${i}].${field}`;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail('ERR_002', `rows[${i}]`);
  const row = raw as Body;
  const ledgerId = digits(row.ledgerId);
  if (!present(ledgerId) || ledgerId === 0) fail('MUTA_004', at('ledgerId'));
  if (typeof ledgerId !== 'number' || !store.ledgers.has(ledgerId)) fail('MUT_104', at('ledgerId'));
  const vatCode = row.vatCode;
  if (typeof vatCode !== 'string' || !isKnownVatCode(vatCode)) fail('MUT_109', at('vatCode'));
  if (vatCode !== 'GEEN' && PURCHASE_TYPES.has(type) && !PURCHASE_VAT_CODES.has(vatCode))
    fail('MUT_110', at('vatCode'));
  if (vatCode !== 'GEEN' && SALES_TYPES.has(type) && !SALES_VAT_CODES.has(vatCode)) fail('MUT_111', at('vatCode'));
  const vatAmount = optionalNumber(row, 'vatAmount', at('vatAmount'));
  if (vatAmount !== undefined && vatCode !== 'AFW' && vatCode !== 'AFW_VERK') fail('MUTA_003', at('vatAmount'));
  const amount = row.amount;
  if (typeof amount !== 'number' || !Number.isFinite(amount)) fail('ERR_002', at('amount'));
  const invoiceNumber = optionalString(row, 'invoiceNumber', 50, 'MUT_018', at('invoiceNumber')) ?? '';
  if ((type === 3 || type === 4) && !invoiceNumber) fail('MUT_120', at('invoiceNumber'));
  const rowRelation = optionalInteger(row, 'relationId', at('relationId')) ?? 0;
  if (rowRelation && !store.relations.has(rowRelation)) fail('MUT_113', at('relationId'));
  const costCenterId = optionalInteger(row, 'costCenterId', at('costCenterId')) ?? 0;
  if (costCenterId && !store.costCenters.has(costCenterId)) fail('MUT_117', at('costCenterId'));
  const description = optionalString(row, 'description', 200, 'ERR_002', at('description')) ?? '';
  return makeRow({
    ledgerId,
    vatCode,
    amount,
    inExVat,
    description,
    invoiceNumber,
    relationId: rowRelation || relationId,
    costCenterId,
    vatAmount,
  });
}
