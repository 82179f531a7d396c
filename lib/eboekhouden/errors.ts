/**
 * The one error type of the e-Boekhouden layer.
 *
 * - auth:       credentials rejected (SOAP E001.x, REST API_SESSION_00x / 403). Never retried; the person must reconnect.
 * - session:    the session expired or is unknown (SOAP E002.x, REST 401). Transports renew once and retry.
 * - validation: e-Boekhouden refused the data (SOAP CFACT*, CMUT*, REST REL_*, FACT_* …). Fix the record, not the connection.
 * - limit:      throttled (429), a call quota (E003.1) or a list the API cut short.
 * - network:    no answer: connection refused, dropped, timed out. For a write, the outcome is unknown.
 * - upstream:   the service answered something we cannot use (HTTP 5xx, a soap:Fault, a malformed response).
 */
export type ErrorKind = 'auth' | 'session' | 'validation' | 'limit' | 'network' | 'upstream';

export interface EBoekhoudenErrorInit {
  kind: ErrorKind;
  /** e-Boekhouden's own code when it sent one: E001.1, CFACT026, REL_002, API_SESSION_004 … */
  code?: string;
  /** The operation that failed, in e-Boekhouden's words: GetRelaties, POST /v1/invoice … */
  operation: string;
  /** HTTP status, when there was a response. */
  status?: number;
  /** The field e-Boekhouden or our validation named, if any. */
  field?: string;
  /** For a write: true when the request may have been processed (timeout, dropped connection). */
  outcomeUnknown?: boolean;
  /** For 429: how long e-Boekhouden asked us to wait. */
  retryAfterMs?: number;
  cause?: unknown;
}

export class EBoekhoudenError extends Error {
  readonly kind: ErrorKind;
  readonly code?: string;
  readonly operation: string;
  readonly status?: number;
  readonly field?: string;
  readonly outcomeUnknown: boolean;
  readonly retryAfterMs?: number;

  /** `message` must be safe to show and to log: it never contains a token, security code or session id. */
  constructor(message: string, init: EBoekhoudenErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'EBoekhoudenError';
    this.kind = init.kind;
    this.code = init.code;
    this.operation = init.operation;
    this.status = init.status;
    this.field = init.field;
    this.outcomeUnknown = init.outcomeUnknown ?? false;
    this.retryAfterMs = init.retryAfterMs;
  }

  /** A plain object for logs, messages between extension pages, and IndexedDB. */
  toJSON(): SerializedError {
    return {
      name: 'EBoekhoudenError',
      kind: this.kind,
      code: this.code,
      operation: this.operation,
      status: this.status,
      field: this.field,
      outcomeUnknown: this.outcomeUnknown,
      message: this.message,
    };
  }
}

export interface SerializedError {
  name: 'EBoekhoudenError';
  kind: ErrorKind;
  code?: string;
  operation: string;
  status?: number;
  field?: string;
  outcomeUnknown: boolean;
  message: string;
}

export function isEBoekhoudenError(e: unknown): e is EBoekhoudenError {
  return e instanceof EBoekhoudenError;
}

/** An error about the connection as a whole (credentials, reachability, quota, session), not about one request. */
export function concernsTheConnection(e: unknown): e is EBoekhoudenError {
  return (
    isEBoekhoudenError(e) && (e.kind === 'auth' || e.kind === 'network' || e.kind === 'limit' || e.kind === 'session')
  );
}

/** Duplicate invoice number / relation code, as each protocol reports it. REST's FACT_VERWERK_004 and
 *  MUTA_008 ("Payment reference already exists") answer an invoice booked with its number as checked
 *  payment reference: it is there already. */
export const DUPLICATE_CODES = new Set([
  'CFACT026',
  'CMUT018',
  'CMUT019',
  'FACT_101',
  'FACT_VERWERK_004',
  'MUT_019',
  'MUT_020',
  'MUTA_008',
  'REL_049',
]);

export function isDuplicate(e: unknown): boolean {
  return isEBoekhoudenError(e) && e.code !== undefined && DUPLICATE_CODES.has(e.code);
}

/**
 * Removes anything that looks like a secret from text before it is logged or shown.
 * Transports never put secrets in messages; this is the second line of defence for
 * text that came from elsewhere (an upstream echoing a request, a thrown fetch error).
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('[redacted]');
  return out
    .replace(/(<(?:SecurityCode1|SecurityCode2|SessionID)>)[^<]*(<\/)/g, '$1[redacted]$2')
    .replace(/("(?:accessToken|token)"\s*:\s*")[^"]*"/g, '$1[redacted]"')
    .replace(/(authorization\s*[:=]\s*)(bearer\s+)?[^\s,;"]+/gi, '$1[redacted]');
}
