/**
 * What every REST route module shares: the request body reader, the handler and list/by-id route makers.
 */
import type { Context, Hono } from 'hono';
import { fail } from './errors';
import type { FilterFields } from './query';
import type { SandboxContext } from '../faults';
import type { Store } from '../store';

export interface RouteKit {
  app: Hono;
  ctx: SandboxContext;
  store: () => Store;
  /** Runs a handler under faults, with the session checked first unless `open`. */
  handle(
    c: Context,
    operation: string,
    opts: { write?: boolean; open?: boolean },
    run: () => Response | Promise<Response>,
  ): Response | Promise<Response>;
  /** A create's answer with the configured success status (the document's 201 by default). */
  created(c: Context, body: unknown): Response;
  /** GET list route: paging + filters over a pre-sorted array. */
  list<T, Out>(
    path: string,
    source: () => readonly T[],
    fields: FilterFields<T>,
    shape: (record: T) => Out,
    opts?: { sortedById?: boolean; guard?: (c: Context) => void },
  ): void;
  /** GET by-id route; `notFound` is the 404's code. */
  byId<T, Out>(path: string, map: () => Map<number, T>, notFound: string, shape: (record: T) => Out): void;
}

/** The request body as a JSON object; DATA_01 when there is none, ERR_002 when it is not JSON. */
export async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (!text.trim()) fail('DATA_01');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    fail('ERR_002');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) fail('ERR_002');
  return value as Record<string, unknown>;
}

/** `/:id` of a by-id route: digits (the document types ids `["integer","string"]` with a digit pattern). */
export const ID = ':id{-?[0-9]+}';
