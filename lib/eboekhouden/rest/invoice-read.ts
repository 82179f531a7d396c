/** A REST invoice (list item + detail) → the domain's invoice: relation, ledgers and units by code, totals in cents. */
import type { z } from 'zod';
import { EBoekhoudenError } from '../errors';
import type { Invoice, InvoiceLine } from '../types';
import { compact } from '../validate';
import { invoiceTotals } from './invoices';
import type { Lookups } from './lookups';
import type * as wire from './wire';

export async function invoiceFromWire(
  lookups: Lookups,
  number: string,
  detail: z.output<typeof wire.invoice>,
  found: z.output<typeof wire.invoiceListItem>,
  operation: string,
): Promise<Invoice> {
  const relationId = detail.relationId ?? found.relationId;
  const [ledgers, units, relationCode] = await Promise.all([
    lookups.ledgerById(),
    lookups.unitNameById(),
    relationId === undefined ? undefined : lookups.relationCodeById(relationId),
  ]);
  if (relationCode === undefined)
    throw new EBoekhoudenError(`Invoice ${number} refers to a relation e-Boekhouden cannot find (${operation}).`, {
      kind: 'upstream',
      operation,
      field: 'relationId',
    });
  const lines: InvoiceLine[] = detail.items.map((item, i) => {
    const ledger = ledgers.get(item.ledgerId);
    if (!ledger) {
      throw new EBoekhoudenError(
        `Invoice ${number} line ${i + 1} refers to an unknown ledger account (${operation}).`,
        {
          kind: 'upstream',
          operation,
          field: `items[${i}].ledgerId`,
        },
      );
    }
    return compact<InvoiceLine>({
      code: item.code ?? '',
      description: item.description,
      quantity: item.quantity ?? item.amount ?? 1,
      unit: item.unitId === undefined ? undefined : units.get(item.unitId),
      pricePerUnit: item.pricePerUnit,
      vatCode: item.vatCode,
      ledgerCode: ledger.code,
      costCenterId: item.costCenterId,
      discountAmount: item.discountAmount,
      discountPercentage: item.discountPercentage,
    });
  });
  const totals = invoiceTotals(detail, found);
  return compact<Invoice>({
    number: detail.invoiceNumber,
    relationCode,
    date: detail.date,
    termOfPayment: detail.termOfPayment ?? found.termOfPayment,
    ...totals,
    pdfUrl: detail.urlPdfFile ?? found.urlPdfFile,
    lines,
  });
}
