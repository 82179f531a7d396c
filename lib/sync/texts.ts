/**
 * What to tell a person about everything a sync can run into, as catalogue keys (lib/i18n):
 * what happened and what the person can do about it. Used by the sync log and by the pages
 * (`describeError`). Words never include a token, security code or session id: they are chosen
 * by the error's kind and code only, plus the transport's own (already redacted) message as a detail.
 */
import { isEBoekhoudenError, redactSecrets } from '../eboekhouden/errors';
import { isTextKey, text, translate, type TextKey, type Param, type Text } from '../i18n/translate';
// Puts texts of the whole catalogue into words (the popup loads it later).
import '../i18n/catalogue';

/** An error as a person reads it: its kind and code, and the words for it. */
export interface ErrorText extends Text {
  kind: string;
  code?: string;
}

/** Errors the sync engine itself raises, with a stable code. */
export class SyncError extends Error {
  readonly code: string;
  readonly text: Text;
  constructor(code: string, words: Text) {
    // The developer message is the English words; a person gets `text` in their language.
    super(translate('en', words.key, words.params));
    this.name = 'SyncError';
    this.code = code;
    this.text = words;
  }
}

/** Codes whose words say everything: no detail from the error appended. */
const COMPLETE_TEXTS = new Set(['PROXY_TOKEN', 'PROXY_ORIGIN', 'PROXY_PATH', 'REQUEST_TOO_LARGE']);

function errorKey(code: string | undefined, kind: string): TextKey {
  const byCode = code && `error.code.${code}`;
  if (byCode && isTextKey(byCode)) return byCode;
  const byKind = `error.kind.${kind}`;
  return isTextKey(byKind) ? byKind : 'error.unknown';
}

/** The words and the fix, for pages and the sync log. */
export function describeError(e: unknown): ErrorText {
  if (e instanceof SyncError) return { kind: 'sync', code: e.code, ...e.text };
  if (isEBoekhoudenError(e)) {
    const words = text(errorKey(e.code, e.kind));
    // For validation/upstream problems e-Boekhouden's own message names the field; keep it as detail.
    const withDetail =
      (e.kind === 'validation' || e.kind === 'upstream') && !(e.code && COMPLETE_TEXTS.has(e.code))
        ? text('error.withDetail', { text: words, detail: redactSecrets(e.message) })
        : words;
    return { kind: e.kind, code: e.code, ...withDetail };
  }
  if (isAbort(e)) return { kind: 'cancelled', code: 'CANCELLED', ...TEXT.cancelled };
  return { kind: 'unknown', ...text('error.unknown') };
}

export function isAbort(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}

export const TEXT = {
  busy: text('run.busy'),
  cancelled: text('run.cancelled'),
  notConfigured: text('run.notConfigured'),
  paused: text('run.paused'),
  interrupted: text('run.interrupted'),
  leaseLost: text('run.leaseLost'),
  administrationSwitch: text('run.administrationSwitch'),
  moreProblems: text('run.moreProblems'),
  truncated: (what: Param, received: number, limit: number): Text =>
    text('import.truncated', { what, received, limit }),
  rejected: (message: string): Text => text('import.rejected', { message }),
  codeInUse: (code: string): Text => text('import.codeInUse', { code }),
  stepFailed: (step: string, e: ErrorText): Text =>
    text('run.stepFailed', { step, error: e.params ? { key: e.key, params: e.params } : { key: e.key } }),
} as const;

export const WHAT = {
  relations: text('import.what.relations'),
  products: text('import.what.products'),
} as const;
