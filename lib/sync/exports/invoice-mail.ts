/**
 * When e-Boekhouden refuses the e-mail of an invoice it was asked to send (SMTP_001–003: its mail
 * server; FACT_EMAIL_0xx: an address or the message). The document does not say whether the
 * invoice is created anyway, so both are handled: look it up by number; there → it is ours, done;
 * not there → create it again without the e-mail. Either way it exists exactly once, and the
 * refusal is kept on the entry (`mailRefused`) so the person can send it from e-Boekhouden.
 */
import type { InvoiceOutboxEntry } from '../../db';
import { isEBoekhoudenError, type EBoekhoudenError } from '../../eboekhouden/errors';
import type { CreatedInvoice, NewInvoice } from '../../eboekhouden/types';
import { text } from '../../i18n/translate';
import type { StepContext } from '../step';

const MAIL_CODE = /^(SMTP_\d{3}|FACT_EMAIL_\d{3})$/;

export function isMailRefusalCode(code: string | undefined): boolean {
  return code !== undefined && MAIL_CODE.test(code);
}

function isMailRefusal(e: unknown): e is EBoekhoudenError {
  return isEBoekhoudenError(e) && isMailRefusalCode(e.code);
}

function withoutMail(payload: NewInvoice): NewInvoice {
  const copy = { ...payload };
  delete copy.email;
  return copy;
}

/**
 * Creates the entry's invoice; on an e-mail refusal, makes sure it exists once without the
 * e-mail. `same` says whether an invoice found under the number is ours.
 */
export async function createInvoiceOnce(
  entry: InvoiceOutboxEntry,
  ctx: StepContext,
  same: (found: { relationCode: string }, payload: NewInvoice) => boolean,
): Promise<CreatedInvoice> {
  const payload = entry.payload;
  // A refusal seen by an earlier attempt (this run or the last): no second try at the e-mail.
  const refused = (await ctx.db.outbox.get(entry.id!))?.mailRefused;
  if (refused) return ctx.api.createInvoice(withoutMail(payload));
  try {
    return await ctx.api.createInvoice(payload);
  } catch (e) {
    if (!payload.email || !isMailRefusal(e)) throw e;
    await ctx.db.outbox.update(entry.id!, { mailRefused: e.code, updatedAt: ctx.now() });
    const record = text('record.invoice', { number: payload.number });
    ctx.problem({ code: e.code, record, ...text('export.invoice.mailRefused', { record, code: e.code ?? '' }) });
    const found = await ctx.api.findInvoice(payload.number);
    if (found && same(found, payload)) return { number: found.number, pdfUrl: found.pdfUrl };
    if (found) throw e;
    return ctx.api.createInvoice(withoutMail(payload));
  }
}
