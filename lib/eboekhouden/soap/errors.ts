/** The SOAP transport's errors: ErrorMsg codes by kind, and records or input it cannot use. */
import type { z } from 'zod';
import { EBoekhoudenError } from '../errors';
import type { RejectedRecord } from '../types';
import { firstIssue, malformed } from '../validate';

export function notFound(operation: string, what: string): EBoekhoudenError {
  return new EBoekhoudenError(`${what} was not found in e-Boekhouden (${operation}).`, {
    kind: 'validation',
    code: 'NOT_FOUND',
    operation,
  });
}

export function rejectedRecord(operation: string, rejected: RejectedRecord): EBoekhoudenError {
  const [field] = rejected.message.split(':');
  return malformed(operation, field ?? '', rejected.message.slice((field ?? '').length + 1).trim() || 'invalid');
}

export function invalidInput(operation: string, error: z.ZodError): EBoekhoudenError {
  const { field, reason } = firstIssue(error);
  return new EBoekhoudenError(`${field ? `${field}: ` : ''}${reason}`, {
    kind: 'validation',
    code: 'INVALID',
    operation,
    field: field || undefined,
  });
}

/** Maps an ErrorMsg code to the error kind; the description is e-Boekhouden's own text (often Dutch). */
export function codeError(
  operation: string,
  code: string,
  description: string | undefined,
  redact: (s: string) => string = (s) => s,
): EBoekhoudenError {
  const said = description ? `: ${redact(description)}` : '';
  if (code === 'E002.5') {
    return new EBoekhoudenError(
      `This e-Boekhouden user is not an accountant, so other administrations cannot be opened (${code})${said}.`,
      {
        kind: 'auth',
        code,
        operation,
      },
    );
  }
  if (code.startsWith('E001')) {
    return new EBoekhoudenError(
      `e-Boekhouden rejected the username or security codes (${code})${said}. Check them under Beheer > Instellingen > API/SOAP; Security Code 1 changes when the password changes.`,
      { kind: 'auth', code, operation },
    );
  }
  if (code.startsWith('E002')) {
    return new EBoekhoudenError(`The e-Boekhouden session is no longer valid (${code})${said}.`, {
      kind: 'session',
      code,
      operation,
    });
  }
  if (code === 'E003.1') {
    return new EBoekhoudenError(
      `e-Boekhouden's monthly limit of GetMutaties calls is used up (${code})${said}. Try again next month, or connect with an API token.`,
      { kind: 'limit', code, operation },
    );
  }
  return new EBoekhoudenError(`e-Boekhouden refused the request (${operation}, ${code})${said}.`, {
    kind: 'validation',
    code,
    operation,
  });
}
