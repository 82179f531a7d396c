/**
 * SOAP lists: the items of an ArrayOfX validated one by one (a bad item is reported, not fatal),
 * and the warning when GetRelaties or GetArtikelen hit their cap.
 */
import type { z } from 'zod';
import type { Page, RejectedRecord } from '../types';
import { malformed, validateRecord } from '../validate';
import type { Result } from './client';
import { identifySoap } from './wire';
import { eachListItem } from './xml';
import { UnreadableItem } from './xml-split';

/** GetRelaties and GetArtikelen return at most this many per request, and cannot page. */
export const SOAP_LIST_CAP = 2000;

/**
 * The items of an ArrayOfX in a result, each validated; bad ones become rejections. Each item is
 * parsed, validated and mapped before the next is read (readEnvelope), so only mapped records pile up.
 */
export function items<S extends z.ZodType, T>(
  operation: string,
  result: Result,
  wrapper: string,
  item: string,
  schema: S,
  map: (wire: z.output<S>) => T,
): { items: T[]; rejected: RejectedRecord[]; received: number } {
  const raw = eachListItem(result[wrapper], item);
  if (raw === undefined) throw malformed(operation, wrapper, `expected a list of ${item}`);
  const items: T[] = [];
  const rejected: RejectedRecord[] = [];
  let received = 0;
  try {
    for (const one of raw) {
      received++;
      const r = validateRecord(schema, one, map, identifySoap);
      if (r.ok) items.push(r.value);
      else rejected.push(r.rejected);
    }
  } catch (e) {
    if (e instanceof UnreadableItem) throw malformed(operation, wrapper, 'the response is not well-formed XML');
    throw e;
  }
  return { items, rejected, received };
}

export function page<T>(
  items: T[],
  rejected: RejectedRecord[],
  received: number,
  extra: Partial<Page<T>> = {},
): Page<T> {
  return { items, received, ...(rejected.length ? { rejected } : {}), ...extra };
}

export function capWarning(operation: string, received: number): Page<never>['truncated'] {
  if (received < SOAP_LIST_CAP) return undefined;
  const what = operation === 'GetRelaties' ? 'relations' : 'products';
  return {
    operation,
    received,
    limit: SOAP_LIST_CAP,
    message:
      `e-Boekhouden's SOAP connection returns at most ${SOAP_LIST_CAP} ${what} per request, and ${received} arrived, ` +
      `so some may be missing. Connect with an API token (REST) to get all ${what}.`,
  };
}
