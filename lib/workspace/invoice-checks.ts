/** The checks an invoice must pass before anything is sent: customer, lines, totals, settings, e-mail. */
import type { Customer } from '../db';
import { isEmailAddress, type Settings } from '../settings';
import {
  isSalesVatCode,
  MAX_INVOICE_LINES,
  PURCHASE_VAT_CODES,
  type InvoiceLine,
  type NewInvoice,
} from '../eboekhouden/types';
import { text, type Param, type Text } from '../i18n/translate';
import { centsOfE8, computeTotals, euros, exactLineE8 } from './invoice-amounts';
import { decimalsAtMost } from './checks';
import { discountProblem } from './discounts';

/** What is wrong, where, and how to fix it: a code, and the words for a person (key+params). */
export interface Notice extends Text {
  code: string;
}

export const notice = (code: string, words: Text): Notice => ({ code, ...words });

const PURCHASE = new Set<string>(PURCHASE_VAT_CODES);
/** Divergent VAT needs a VAT amount per line, which the workspace does not keep. */
const DIVERGENT_VAT = new Set(['AFW_VERK']);

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
    const discount = discountProblem(l);
    if (discount) add(discount.code, discount.key, discount.params);
  });
  if (problems.length > 0) return problems;

  // Each line is rounded to the cent; if those roundings add up to a different total than the
  // exact sum, the invoice would be a cent off from what the lines say. Refuse rather than guess.
  let exactE8 = 0n;
  for (const l of lines) exactE8 += exactLineE8(l);
  const totals = computeTotals(lines);
  const exactCents = centsOfE8(exactE8);
  if (exactCents !== totals.exclCents) {
    const params = { record, rounded: euros(totals.exclCents), exact: euros(exactCents) };
    problems.push(notice('TOTAL_ROUNDING', text('invoice.totalRounding', params)));
  }
  return problems;
}

/** Settings the invoice needs that are not per record. */
export function invoiceSettingsNotices(
  settings: Settings,
  record: Param,
  mailed = settings.invoice.emailToCustomer,
): Notice[] {
  const problems: Notice[] = [];
  if (!settings.invoice.template.trim()) problems.push(notice('NO_TEMPLATE', text('invoice.noTemplate', { record })));
  if (mailed && !senderAddress(settings))
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
export function mailNotices(invoice: NewInvoice, customer: Customer | undefined, record: Param): Notice[] {
  if (!invoice.email || !customer || invoiceMailAddress(customer)) return [];
  return [
    notice('NO_CUSTOMER_EMAIL', text('invoice.noCustomerEmail', { record, code: customer.code, name: customer.name })),
  ];
}

/** The sender of the invoice e-mail, when the settings hold a valid one. */
export function senderAddress(settings: Settings): string | undefined {
  const address = settings.invoice.emailFromAddress.trim();
  return isEmailAddress(address) ? address : undefined;
}
