/**
 * The body of POST /v1/invoice from a domain invoice: relation, template, ledgers and units looked
 * up by code or name, and our own checks before anything is sent, refused with e-Boekhouden's codes.
 */
import type { z } from 'zod';
import { EBoekhoudenError } from '../errors';
import type { NewInvoice } from '../types';
import { compact, firstIssue } from '../validate';
import type { Lookups } from './lookups';
import type * as wire from './wire';

export function refused(
  message: string,
  code: string | undefined,
  operation: string,
  field?: string,
): EBoekhoudenError {
  return new EBoekhoudenError(message, { kind: 'validation', code, operation, field });
}

export async function buildInvoiceBody(
  lookups: Lookups,
  invoice: NewInvoice,
  operation: string,
): Promise<wire.InvoiceBody> {
  const relationId = await lookups.relationIdByCode(invoice.relationCode);
  if (relationId === undefined) {
    throw refused(
      `There is no relation with code "${invoice.relationCode}" in e-Boekhouden: export the customer first.`,
      'FACT_002',
      operation,
      'relationCode',
    );
  }
  const templateId = await lookups.templateIdByName(invoice.template);
  if (templateId === undefined) {
    throw refused(
      `There is no invoice template named "${invoice.template}" in e-Boekhouden: choose one of its templates.`,
      'FACT_018',
      operation,
      'template',
    );
  }
  const items: wire.InvoiceItemBody[] = [];
  for (const [i, line] of invoice.lines.entries()) {
    const ledgerId = await lookups.ledgerIdByCode(line.ledgerCode);
    if (ledgerId === undefined) {
      throw refused(
        `Line ${i + 1} ("${line.description}") uses counter account ${line.ledgerCode}, which does not exist in e-Boekhouden.`,
        'FACT_ITEM_012',
        operation,
        `lines[${i}].ledgerCode`,
      );
    }
    const unitId = line.unit ? await lookups.unitIdByName(line.unit) : undefined;
    items.push(
      compact<wire.InvoiceItemBody>({
        description: line.description,
        vatCode: line.vatCode,
        ledgerId,
        quantity: line.quantity,
        code: line.code,
        pricePerUnit: line.pricePerUnit,
        unitId,
        costCenterId: line.costCenterId,
        discountAmount: line.discountAmount,
        discountPercentage: line.discountPercentage,
      }),
    );
  }
  let mutation: wire.InvoiceBody['mutation'];
  if (invoice.bookInAccounts) {
    const ledgerId = await lookups.debtorsLedgerId();
    if (ledgerId === undefined) {
      throw refused(
        'The invoice cannot be booked: e-Boekhouden has no debtors ledger account (category DEB).',
        undefined,
        operation,
        'bookInAccounts',
      );
    }
    const description = invoice.bookingDescription ?? (invoice.number ? `Factuur ${invoice.number}` : 'Factuur');
    // The invoice number as payment reference, checked: e-Boekhouden itself then refuses a second
    // booking of the same invoice (FACT_VERWERK_004 / MUTA_008, read as a duplicate by the outbox).
    const paymentReference = invoice.number ? invoice.number.slice(0, 50) : undefined;
    mutation = compact({
      description: description.slice(0, 200),
      ledgerId,
      paymentReference,
      checkPaymentReference: paymentReference ? true : undefined,
    });
  }
  return compact<wire.InvoiceBody>({
    relationId,
    templateId,
    termOfPayment: invoice.termOfPayment,
    invoiceNumber: invoice.number || undefined,
    date: invoice.date,
    inExVat: 'EX',
    items,
    mutation,
    email: invoice.email
      ? compact({
          fromEmail: invoice.email.fromAddress,
          fromName: invoice.email.fromName,
          subject: invoice.email.subject,
          body: invoice.email.body,
        })
      : undefined,
  });
}

/** Our own check before anything is sent: the same rules the forms use. */
export function checkInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  operation: string,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { field, reason } = firstIssue(result.error);
  throw refused(
    `The ${what} cannot be sent: ${field ? `${field}: ` : ''}${reason}.`,
    undefined,
    operation,
    field || undefined,
  );
}
