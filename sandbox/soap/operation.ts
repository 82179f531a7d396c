/**
 * What a SOAP operation of the sandbox is: how it reads its request, whether it needs a
 * session, and the shape its result takes when it reports an error.
 */
import type { SandboxContext } from '../faults';
import type { SbSession } from '../sessions';
import type { ENode, Fields } from './xml';
import { el } from './xml';
import { errorMsg } from './records';

/** A business error: HTTP 200 with ErrorMsg/LastErrorCode filled in. */
export class SoapError extends Error {
  constructor(
    readonly code: string,
    readonly description: string,
  ) {
    super(`${code}: ${description}`);
    this.name = 'SoapError';
  }
}

/**
 * - `result`: `<OpResult>` holds ErrorMsg then the payload; on an error the payload is `defaults`.
 * - `cError`: `<OpResult>` is itself a cError (UpdateRelatie, UpdateGrootboekrekening).
 * - `none`: an empty `<OpResponse />` (CloseSession).
 */
export type ResultShape = { kind: 'result'; defaults: ENode[] } | { kind: 'cError' } | { kind: 'none' };

export interface SoapCall {
  ctx: SandboxContext;
  /** The caller's session, for operations that need one. */
  session?: SbSession;
}

export interface SoapOperation<Req = unknown> {
  name: string;
  /** A write: a dropped or timed-out request may still commit (withFaults). */
  write: boolean;
  /** Needs SessionID + SecurityCode2 as its first two children. */
  session: boolean;
  shape: ResultShape;
  /** Deserializes the request (throws SoapReadError, a fault, when it cannot). */
  read(fields: Fields): Req;
  /** The payload after ErrorMsg (or the cError children); throws SoapError for a business error. */
  run(req: Req, call: SoapCall): ENode[];
}

export function defineOperation<Req>(op: SoapOperation<Req>): SoapOperation<Req> {
  return op;
}

/** A read that needs a session; on an error its payload is `defaults` (none unless given). */
export function defineRead<Req>(op: {
  name: string;
  defaults?: ENode[];
  read(fields: Fields): Req;
  run(req: Req, call: SoapCall): ENode[];
}): SoapOperation<Req> {
  const { defaults = [], ...rest } = op;
  return { ...rest, write: false, session: true, shape: { kind: 'result', defaults } };
}

/** The children of `<OpResult>` for a success, or null when the response is empty. */
export function successResult(op: SoapOperation, payload: ENode[]): ENode[] | null {
  if (op.shape.kind === 'none') return null;
  if (op.shape.kind === 'cError') return [el('LastErrorCode', ''), el('LastErrorDescription', '')];
  return [errorMsg(), ...payload];
}

export function errorResult(op: SoapOperation, code: string, description: string): ENode[] | null {
  if (op.shape.kind === 'none') return null;
  if (op.shape.kind === 'cError') return [el('LastErrorCode', code), el('LastErrorDescription', description)];
  return [errorMsg(code, description), ...op.shape.defaults];
}

/** The documented descriptions of the session and auth codes (SOAP.md §5). */
export const SESSION_ERRORS: Record<string, string> = {
  'E001.1': 'Invalid credentials (Username, SecurityCode1 or SecurityCode2)',
  'E001.2': 'No administration found',
  'E001.3': 'Invalid SecurityCode2',
  'E002.1': 'Invalid session variables',
  'E002.2': 'Session not found',
  'E002.3': 'Session expired',
  'E002.4': 'Session already closed',
  'E002.5': 'Not an accountant',
  'E003.1': 'GetMutaties call limit reached for this month',
};

export function sessionError(code: keyof typeof SESSION_ERRORS & string): SoapError {
  return new SoapError(code, SESSION_ERRORS[code] ?? code);
}
