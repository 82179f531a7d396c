/** REST v1 invoice validation with the documented FACT_* and FACT_ITEM_* codes; the first broken rule wins. */
import { fail } from './errors';
import {
  EMAIL_TEMPLATES,
  SALES_VAT_CODES,
  isKnownVatCode,
  type SbInvoice,
  type SbInvoiceItem,
  type Store,
} from '../store';
import {
  EMAIL,
  dateOf,
  digits,
  optionalBoolean,
  optionalInteger,
  optionalNumber,
  optionalString,
  present,
  type Body,
} from './validate-fields';

// ---------------------------------------------------------------------------------------------
// Invoices

export interface ValidInvoice {
  invoice: Omit<SbInvoice, 'id' | 'totalExcl' | 'vatAmount' | 'totalAmount' | 'mutationId'>;
  book: { book: boolean; description: string; ledgerId: number; paymentReference: string };
}

/** openapi-v1.json: `items` maxItems 500 (FACT_025 "Too many items."). */
export const MAX_INVOICE_ITEMS = 500;

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

export function hasSalesInvoiceNumber(store: Store, number: string): boolean {
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
