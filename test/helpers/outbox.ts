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
