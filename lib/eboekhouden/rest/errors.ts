/**
 * What a REST v1 error answer means for the product: status + `Error` body → EBoekhoudenError.
 */
import { EBoekhoudenError, isEBoekhoudenError, redactSecrets, type ErrorKind } from '../errors';
import { errorBody, firstErrorText, type ErrorBody } from './wire';

/** Codes that mean "the API token itself is not accepted": the person must reconnect. */
const AUTH_CODES = new Set(['API_SESSION_003', 'API_SESSION_004']);

export function readErrorBody(text: string): ErrorBody | undefined {
  if (!text) return undefined;
  try {
    const parsed = errorBody.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Source problems are ours to fix; any other refusal of POST /v1/session is about the token. */
const SOURCE_CODES = new Set(['API_SESSION_001', 'API_SESSION_002']);

function kindFor(status: number, code: string | undefined, startingSession: boolean): ErrorKind {
  if (startingSession && [400, 401, 403].includes(status) && !(code && SOURCE_CODES.has(code))) return 'auth';
  if (code && AUTH_CODES.has(code)) return 'auth';
  if (status === 401) return 'session';
  if (status === 403) return 'auth';
  if (status === 429) return 'limit';
  if (status >= 500) return 'upstream';
  // A 404 without a code is a path nobody serves (a wrong base URL, a proxy), not a missing record.
  if (status === 404) return code ? 'validation' : 'upstream';
  if (status === 400 || status === 409 || status === 422) return 'validation';
  return 'upstream';
}

function advice(kind: ErrorKind, code: string | undefined): string {
  if (kind === 'auth') {
    return code === 'API_SESSION_004'
      ? ' The API token has expired: create a new one in e-Boekhouden (Beheer → Inrichting → Koppelingen → API) and reconnect.'
      : ' Check the API token (Beheer → Inrichting → Koppelingen → API) and reconnect.';
  }
  if (kind === 'session') return ' The session could not be renewed; try again.';
  return '';
}

/** Builds the error for a non-2xx answer. `secrets` are redacted from anything the service echoed. */
export function errorFromResponse(
  operation: string,
  status: number,
  text: string,
  secrets: readonly (string | undefined)[],
  write = false,
  startingSession = false,
): EBoekhoudenError {
  const body = readErrorBody(text);
  const code = body?.code ?? undefined;
  const kind = kindFor(status, code, startingSession);
  const said = body?.message || body?.title || firstErrorText(body?.errors);
  const what = said ? redactSecrets(said, secrets).trim().replace(/\.?$/, '.') : `HTTP ${status}.`;
  const prefix =
    kind === 'validation'
      ? `e-Boekhouden refused the request (${operation}${code ? `, ${code}` : ''}): `
      : kind === 'auth'
        ? `e-Boekhouden did not accept the connection (${operation}${code ? `, ${code}` : ''}): `
        : `e-Boekhouden answered with an error (${operation}${code ? `, ${code}` : ''}, HTTP ${status}): `;
  return new EBoekhoudenError(prefix + what + advice(kind, code), {
    kind,
    code,
    operation,
    status,
    field: body?.propertyName ?? undefined,
    // A 5xx on a write may have been processed (the service failed after committing).
    outcomeUnknown: write && status >= 500,
  });
}

/** e-Boekhouden said the record does not exist (not: nobody serves this path). */
export function isNotFound(e: unknown): boolean {
  return isEBoekhoudenError(e) && e.status === 404 && e.kind === 'validation';
}
