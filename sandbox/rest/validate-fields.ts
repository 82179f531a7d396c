/** The field rules every REST write shares: presence, optional strings and numbers, dates, IBANs, e-mail. */
import { fail } from './errors';

export type Body = Record<string, unknown>;

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * A digit string read as the number it spells, as the live .NET service reads integers
 * (OPENAPI-NOTES.md: "the service reads numbers sent as strings"); anything else unchanged.
 */
export function digits(value: unknown): unknown {
  return typeof value === 'string' && /^-?\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : value;
}

/** An optional string field: undefined when absent, ERR_002 when not a string, `tooLong` when over `max`. */
export function optionalString(
  body: Body,
  key: string,
  max: number,
  tooLong: string,
  property = key,
): string | undefined {
  const value = body[key];
  if (!present(value)) return undefined;
  if (typeof value !== 'string') fail('ERR_002', property);
  if (value.length > max) fail(tooLong, property);
  return value;
}

export function optionalInteger(body: Body, key: string, property = key): number | undefined {
  const value = digits(body[key]);
  if (!present(value)) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) fail('ERR_002', property);
  return value;
}

export function optionalNumber(body: Body, key: string, property = key): number | undefined {
  const value = body[key];
  if (!present(value)) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) fail('ERR_002', property);
  return value;
}

export function optionalBoolean(body: Body, key: string): boolean | undefined {
  const value = body[key];
  if (!present(value)) return undefined;
  if (typeof value !== 'boolean') fail('ERR_002', key);
  return value;
}

export function isValidIban(iban: string): boolean {
  const compact = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) return false;
  const numeric = (compact.slice(4) + compact.slice(0, 4)).replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  let rest = 0;
  for (const digit of numeric) rest = (rest * 10 + Number(digit)) % 97;
  return rest === 1;
}

export function isValidDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Accepts `YYYY-MM-DD` and a datetime with the date first; returns the date or undefined. */
export function dateOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const date = value.slice(0, 10);
  return isValidDate(date) && (value.length === 10 || value[10] === 'T') ? date : undefined;
}
