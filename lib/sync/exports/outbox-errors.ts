/**
 * What an error from a send or a lookup means for an export entry: may the request have been
 * processed (look it up), was it refused as a whole (fail it), or does the setup refuse every
 * entry alike (stop the kind, keep the entries pending).
 */
import type { OutboxEntry } from '../../db';
import type { EBoekhoudenError } from '../../eboekhouden/errors';
import type { Notice } from '../../workspace/invoice-builder';
import { PROXY_ERROR_CODES } from '../../eboekhouden/http';
import { isTextKey, text, translate, type Text } from '../../i18n/translate';

export function errorInfo(e: EBoekhoudenError): NonNullable<OutboxEntry['lastError']> {
  return { kind: e.kind, code: e.code, message: e.message };
}

/**
 * A failure of ours to tell the person, kept with the entry: `message` stays the English words for
 * developers and older readers of `lastError.message`; `text` is what a page shows.
 */
export function ourError(n: Notice): NonNullable<OutboxEntry['lastError']> {
  const words = text(n.key, n.params);
  return { kind: 'validation', code: n.code, message: translate('en', n.key, n.params), text: words };
}

/** An HTTP 4xx answer that is not outcome-unknown: the request was refused before anything was processed. */
export function refusedUnprocessed(e: EBoekhoudenError): boolean {
  return !e.outcomeUnknown && e.status !== undefined && e.status >= 400 && e.status < 500;
}

/** Is this the kind of error where the request may have been processed? */
export function mayHaveBeenProcessed(e: EBoekhoudenError): boolean {
  if (e.outcomeUnknown) return true;
  if (refusedUnprocessed(e)) return false;
  return e.kind === 'network' || e.kind === 'upstream';
}

/** The proxy's refusals about the setup (token, allowed extensions, address): every entry would get the same answer. */
const SETUP_REFUSALS = new Set<string>([PROXY_ERROR_CODES.token, PROXY_ERROR_CODES.origin, PROXY_ERROR_CODES.path]);

export function blockingError(e: EBoekhoudenError): boolean {
  return refusedUnprocessed(e) && e.code !== undefined && SETUP_REFUSALS.has(e.code);
}

/** What to tell the person when the setup refuses every export of this kind. */
export function blockedMessage(e: EBoekhoudenError, what: Text): Text {
  const key = `export.blocked.${e.code ?? ''}`;
  if (isTextKey(key)) return text(key, { what });
  return text('export.blocked.other', { what, status: e.status ?? '?' });
}
