/** The e-mail e-Boekhouden did not send: the refusal kept with a done invoice export entry. */
import type { OutboxEntry } from '../db';

/** e-Boekhouden's code (SMTP_00x, FACT_EMAIL_0xx) when the invoice exists but was not e-mailed. */
export function invoiceMailRefusal(
  entry: Pick<OutboxEntry, 'kind' | 'state' | 'mailRefused'> | undefined,
): string | undefined {
  if (!entry || entry.kind !== 'invoice' || entry.state !== 'done') return undefined;
  return entry.mailRefused;
}
