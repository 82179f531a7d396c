import type { NewInvoice } from '../../lib/eboekhouden/types';

/**
 * An exported invoice's outbox payload with only the fields a test cares about; the rest are
 * plausible defaults. `termOfPayment` may be left out to test what reads it when it is missing
 * (entries written by older versions).
 */
export function invoicePayload(
  p: Partial<NewInvoice> & Pick<NewInvoice, 'number' | 'relationCode' | 'date'>,
): NewInvoice {
  return { template: 'Standaard', bookInAccounts: true, lines: [], ...p } as NewInvoice;
}

/**
 * An invoice of work order `workOrderId` that the outbox sent and e-Boekhouden took (state done),
 * as the payment and overview tests seed it for customer R001.
 */
export function sentInvoiceEntry(
  number: string,
  date: string,
  workOrderId: number,
  at: number,
  termOfPayment?: number,
) {
  return {
    key: `invoice:${number}`,
    kind: 'invoice' as const,
    source: { table: 'workOrders' as const, id: workOrderId },
    payload: invoicePayload({ number, relationCode: 'R001', date, termOfPayment }),
    state: 'done' as const,
    attempts: 1,
    remote: { number },
    createdAt: at,
    updatedAt: at,
  };
}
