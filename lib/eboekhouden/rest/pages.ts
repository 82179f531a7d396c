/**
 * REST v1 list paging: `limit` + `offset` until a page is shorter than the limit, each page
 * yielded as it arrives. Items are validated one by one; a bad item is reported, not fatal.
 */
import type { z } from 'zod';
import type { Page, RejectedRecord } from '../types';
import type { Query, RestClient } from './client';
import { listEnvelope } from './wire';
import { identify, parseResponse, RecordError, validateRecord } from '../validate';

export const MAX_PAGE_SIZE = 2000;

export interface ListRequest<S extends z.ZodType, T> {
  operation: string;
  path: string;
  query?: Query;
  schema: S;
  /**
   * Wire item → domain record; may throw RecordError to reject just this item. `raw` is the item
   * as received, to tell a field sent as null from one left out.
   */
  map: (wire: z.output<S>, raw: unknown) => T | Promise<T>;
}

export function pageSizeOf(requested: number | undefined): number {
  if (requested === undefined) return MAX_PAGE_SIZE;
  if (!Number.isInteger(requested) || requested < 1 || requested > MAX_PAGE_SIZE) {
    throw new RangeError(`pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  return requested;
}

/** Validates and maps a page's items one by one; a bad item is rejected, the others kept. */
async function readItems<S extends z.ZodType, T>(
  raws: unknown[],
  list: ListRequest<S, T>,
): Promise<{ items: T[]; rejected: RejectedRecord[] }> {
  const items: T[] = [];
  const rejected: RejectedRecord[] = [];
  for (const raw of raws) {
    const checked = validateRecord(list.schema, raw, (wire) => wire);
    if (!checked.ok) {
      rejected.push(checked.rejected);
      continue;
    }
    try {
      items.push(await list.map(checked.value, raw));
    } catch (e) {
      if (!(e instanceof RecordError)) throw e;
      rejected.push({ ...identify(raw), message: e.message });
    }
  }
  return { items, rejected };
}

export async function* listPages<S extends z.ZodType, T>(
  client: RestClient,
  pageSize: number,
  list: ListRequest<S, T>,
): AsyncGenerator<Page<T>> {
  let offset = 0;
  let received = 0;
  for (let first = true; ; first = false) {
    const data = await client.request({
      operation: list.operation,
      method: 'GET',
      path: list.path,
      query: { ...list.query, limit: pageSize, offset },
    });
    const envelope = parseResponse(listEnvelope, data, list.operation);
    const { items, rejected } = await readItems(envelope.items, list);
    received += items.length;
    // An empty last page after a full one adds nothing; the first page is always reported.
    if (first || items.length > 0 || rejected.length > 0) {
      yield { items, received, ...(rejected.length > 0 ? { rejected } : {}) };
    }
    if (envelope.items.length < pageSize) return;
    offset += envelope.items.length;
  }
}

/** The whole listing as wire-validated records (for lookups), rejected items left out. */
export async function listAll<S extends z.ZodType, T>(
  client: RestClient,
  pageSize: number,
  list: ListRequest<S, T>,
): Promise<T[]> {
  const all: T[] = [];
  for await (const page of listPages(client, pageSize, list)) all.push(...page.items);
  return all;
}

/**
 * A listing for which the document names no paging parameters (GET /v1/product/groups): one
 * request without limit/offset, and the answer is the whole list. Paging it would not work live,
 * where unknown parameters are ignored: every "page" would be the same list again. A record the
 * answer lists twice is kept once; rejected items are left out, as in listAll.
 */
export async function listWhole<S extends z.ZodType, T extends { id: number }>(
  client: RestClient,
  list: ListRequest<S, T>,
): Promise<T[]> {
  const data = await client.request({ operation: list.operation, method: 'GET', path: list.path, query: list.query });
  const envelope = parseResponse(listEnvelope, data, list.operation);
  const { items } = await readItems(envelope.items, list);
  const byId = new Map<number, T>();
  for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item);
  return [...byId.values()];
}
