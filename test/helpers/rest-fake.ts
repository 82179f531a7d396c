/**
 * A fake `fetch` for REST transport unit tests: routes by "METHOD /path", records every call,
 * and answers POST /v1/session by default. Not a simulator: each test says what the wire holds.
 */
import { createRestTransport } from '../../lib/eboekhouden/rest';
import type { TransportOptions } from '../../lib/eboekhouden/api';

export const API_TOKEN = 'api-token-SECRET-1234567890';
export const SESSION_TOKEN = 'session-SECRET-abcdef';

export interface FakeCall {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The raw query string as sent, to check that filter keys keep their brackets. */
  search: string;
  headers: Record<string, string>;
  body: unknown;
}

export type FakeAnswer = Response | { status?: number; body?: unknown; headers?: Record<string, string> };
export type Handler = (call: FakeCall, nth: number) => FakeAnswer | Promise<FakeAnswer>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** Serves `items` with the real paging rules (limit 1–2000, offset ≥ 0). */
export function paged(items: readonly unknown[]): Handler {
  return (call) => {
    const limit = Number(call.query.get('limit') ?? 100);
    const offset = Number(call.query.get('offset') ?? 0);
    if (!(limit >= 1 && limit <= 2000))
      return json(400, {
        type: 'validation',
        code: 'PAGE_001',
        title: 'Limit must be between 1 and 2000.',
        status: 400,
      });
    const page = items.slice(offset, offset + limit);
    return json(200, { items: page, count: page.length });
  };
}

export interface Fake {
  fetch: typeof fetch;
  calls: FakeCall[];
  routes: Map<string, Handler>;
  on(route: string, handler: Handler): Fake;
  /** Calls to one route, e.g. "GET /v1/relation". */
  callsTo(route: string): FakeCall[];
}

export function createFake(routes: Record<string, Handler> = {}): Fake {
  const calls: FakeCall[] = [];
  const counts = new Map<string, number>();
  const table = new Map<string, Handler>(Object.entries(routes));
  if (!table.has('POST /v1/session'))
    table.set('POST /v1/session', () => json(200, { token: SESSION_TOKEN, expiresIn: 3600 }));
  if (!table.has('DELETE /v1/session')) table.set('DELETE /v1/session', () => new Response(null, { status: 204 }));

  const doFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const call: FakeCall = { method, path: url.pathname, query: url.searchParams, search: url.search, headers, body };
    calls.push(call);
    const route = `${method} ${url.pathname}`;
    const handler = table.get(route) ?? matchPattern(table, method, url.pathname);
    if (!handler) return json(404, { type: 'notfound', title: 'Not found', status: 404 });
    const nth = counts.get(route) ?? 0;
    counts.set(route, nth + 1);
    const answer = await handler(call, nth);
    if (answer instanceof Response) return answer;
    return json(answer.status ?? 200, answer.body, answer.headers);
  };

  const fake: Fake = {
    fetch: doFetch as typeof fetch,
    calls,
    routes: table,
    on(route, handler) {
      table.set(route, handler);
      return fake;
    },
    callsTo(route) {
      const [method, path] = route.split(' ');
      const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      return calls.filter((c) => c.method === method && pattern.test(c.path));
    },
  };
  return fake;
}

/** Routes like "GET /v1/relation/{id}". */
function matchPattern(table: Map<string, Handler>, method: string, path: string): Handler | undefined {
  for (const [route, handler] of table) {
    const [m, p] = route.split(' ');
    if (m !== method || !p.includes('{')) continue;
    if (new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path)) return handler;
  }
  return undefined;
}

export interface Harness {
  fake: Fake;
  sleeps: number[];
  transport: ReturnType<typeof createRestTransport>;
}

/** A transport over the fake, with an injected sleep that records waits instead of waiting. */
export function harness(routes: Record<string, Handler> = {}, options: Partial<TransportOptions> = {}): Harness {
  const fake = createFake(routes);
  const sleeps: number[] = [];
  const transport = createRestTransport({
    baseUrl: 'http://eb.test',
    credentials: { kind: 'token', apiToken: API_TOKEN },
    fetch: fake.fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...options,
  });
  return { fake, sleeps, transport };
}

/** Typical lookup tables, as e-Boekhouden would serve them. */
export const LEDGERS = [
  { id: 22206001, code: '1000', description: 'Kas', category: 'FIN', group: '' },
  { id: 22206002, code: '1300', description: 'Debiteuren', category: 'DEB' },
  { id: 22206003, code: '1310', description: 'Debiteuren 2', category: 'DEB' },
  { id: 22206004, code: '1600', description: 'Crediteuren', category: 'CRED' },
  { id: 22206462, code: '8000', description: 'Omzet', category: 'VW', group: '80' },
  { id: 22206463, code: '8100', description: 'Omzet diensten', category: 'VW' },
];
export const UNITS = [
  { id: 5, singular: 'uur', plural: 'uren' },
  { id: 6, singular: 'stuk', plural: 'stuks' },
];
export const TEMPLATES = [
  { id: 71, name: 'Standaard', active: true, type: 'E' },
  { id: 72, name: 'Engels', active: false, type: 'A' },
];

export function lookupRoutes(): Record<string, Handler> {
  return {
    'GET /v1/ledger': paged(LEDGERS),
    'GET /v1/unit': paged(UNITS),
    'GET /v1/invoicetemplate': paged(TEMPLATES),
  };
}

export async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}
