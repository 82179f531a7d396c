/**
 * Validation helpers both transports share: wire data in, domain records (or a clear
 * rejection / upstream error) out. Nothing here knows REST or SOAP.
 *
 * - `parseResponse`: a whole response (envelope) must be valid, else an `upstream` error
 *   naming the operation and the field.
 * - `validateItems`: each list item on its own; a bad item becomes a `RejectedRecord`
 *   ("field: reason") and the rest of the page survives.
 * - `wireDate`, `optionalText`, `optionalNumber`: shapes e-Boekhouden sends in practice
 *   (a date with a time part, empty fields as null, "" or left out).
 */
import { z } from 'zod';
import { EBoekhoudenError } from './errors';
import type { RejectedRecord } from './types';

/** `2024-03-01`, `2024-03-01T00:00:00`, `2024-03-01 00:00:00+01:00` → `2024-03-01`; else undefined. */
export function normaliseDate(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(value.trim());
  return match ? match[1] : undefined;
}

/** A wire date, with or without a time part, as `YYYY-MM-DD`. */
export const wireDate = z.string().transform((value, ctx) => {
  const date = normaliseDate(value);
  if (date === undefined) {
    ctx.addIssue({ code: 'custom', message: 'expected a date as YYYY-MM-DD' });
    return z.NEVER;
  }
  return date;
});

/** An optional wire date: null, '' and a missing field become undefined. */
export const optionalWireDate = z
  .union([z.null(), z.literal(''), wireDate])
  .optional()
  .transform((v) => (v === null || v === '' ? undefined : v));

/** Optional text: null, '' (after trimming) and a missing field become undefined. */
export const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v == null || v.trim() === '' ? undefined : v));

/** Optional number: null and a missing field become undefined. */
export const optionalNumber = z
  .number()
  .nullish()
  .transform((v) => (v == null ? undefined : v));

/** Dotted path of a zod issue: `items.3.code` → `items[3].code`. '' for the root. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** The first issue as `{ field, reason }`; the reason never echoes the received value. */
export function firstIssue(error: z.ZodError, prefix: readonly PropertyKey[] = []): { field: string; reason: string } {
  const issue = error.issues[0];
  if (!issue) return { field: issuePath(prefix), reason: 'invalid' };
  // zod's default wording names types and options, never the received value.
  const reason = issue.message.replace(/^Invalid (?:input|option): /, '');
  return { field: issuePath([...prefix, ...issue.path]), reason };
}

/** Raised by a record mapper for a value zod accepted but the transport cannot use (an unknown ledger id…). */
export class RecordError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'RecordError';
  }
}

/** The `upstream` error for a response that does not have the shape we rely on. */
export function malformed(operation: string, field: string, reason: string, status?: number): EBoekhoudenError {
  const where = field ? `${field}: ${reason}` : reason;
  return new EBoekhoudenError(`e-Boekhouden sent a response we cannot read (${operation}): ${where}.`, {
    kind: 'upstream',
    operation,
    field: field || undefined,
    status,
  });
}

/** Validates a whole response; a mismatch is an `upstream` error naming the operation and the field. */
export function parseResponse<S extends z.ZodType>(
  schema: S,
  data: unknown,
  operation: string,
  status?: number,
): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const { field, reason } = firstIssue(result.error);
  throw malformed(operation, field, reason, status);
}

/** Reads a record's id and code for a rejection note, whatever the protocol calls them. */
export function identify(raw: unknown): { id?: number; code?: string } {
  if (!raw || typeof raw !== 'object') return {};
  const r = raw as Record<string, unknown>;
  const idValue = r.id ?? r.ID ?? r.MutatieNr ?? r.mutationId;
  const codeValue = r.code ?? r.Code ?? r.Relatiecode ?? r.ArtikelCode ?? r.invoiceNumber ?? r.Factuurnummer;
  const id =
    typeof idValue === 'number' && Number.isFinite(idValue)
      ? idValue
      : typeof idValue === 'string' && /^\d+$/.test(idValue)
        ? Number(idValue)
        : undefined;
  const code =
    typeof codeValue === 'string' && codeValue !== ''
      ? codeValue
      : typeof codeValue === 'number'
        ? String(codeValue)
        : undefined;
  return { ...(id !== undefined ? { id } : {}), ...(code !== undefined ? { code } : {}) };
}

export type RecordResult<T> = { ok: true; value: T } | { ok: false; rejected: RejectedRecord };

/**
 * Validates one wire record and maps it to a domain record. A zod failure or a `RecordError`
 * from `map` becomes a `RejectedRecord`; any other exception from `map` propagates.
 */
export function validateRecord<S extends z.ZodType, T>(
  schema: S,
  raw: unknown,
  map: (wire: z.output<S>) => T,
  ident: (raw: unknown) => { id?: number; code?: string } = identify,
): RecordResult<T> {
  const result = schema.safeParse(raw);
  if (!result.success) {
    const { field, reason } = firstIssue(result.error);
    return { ok: false, rejected: { ...ident(raw), message: field ? `${field}: ${reason}` : reason } };
  }
  try {
    return { ok: true, value: map(result.data) };
  } catch (e) {
    if (e instanceof RecordError) return { ok: false, rejected: { ...ident(raw), message: e.message } };
    throw e;
  }
}

/** Validates every item of a page; the good ones are kept in order, the bad ones reported. */
export function validateItems<S extends z.ZodType, T>(
  schema: S,
  rawItems: readonly unknown[],
  map: (wire: z.output<S>) => T,
  ident?: (raw: unknown) => { id?: number; code?: string },
): { items: T[]; rejected: RejectedRecord[] } {
  const items: T[] = [];
  const rejected: RejectedRecord[] = [];
  for (const raw of rawItems) {
    const r = validateRecord(schema, raw, map, ident);
    if (r.ok) items.push(r.value);
    else rejected.push(r.rejected);
  }
  return { items, rejected };
}

/** Drops keys whose value is undefined, so domain records compare cleanly and omit empty fields. */
export function compact<T extends object>(record: T): T {
  const out = {} as T;
  for (const key of Object.keys(record) as (keyof T)[]) if (record[key] !== undefined) out[key] = record[key];
  return out;
}
