/**
 * REST v1 session and requests: API token → session token, the raw `Authorization` header,
 * renewal shortly before expiry, and one renewal + retry on a 401. Every request goes
 * through `createHttp`, so timeouts, 429 and network retries follow the product's policy.
 */
import type { TransportOptions } from '../api';
import { EBoekhoudenError } from '../errors';
import { createHttp, type HttpRequest } from '../http';
import { errorFromResponse } from './errors';
import { sessionResponse } from './wire';
import { malformed, parseResponse } from '../validate';

export const DEFAULT_SOURCE = 'BoekhoudC';
const SOURCE_PATTERN = /^[\w_ ]{1,10}$/;

export type Query = Record<string, string | number | undefined>;

export interface RestCall {
  /** e.g. "GET /v1/relation/{id}": for errors and stats, never carries ids or secrets. */
  operation: string;
  method: HttpRequest['method'];
  path: string;
  query?: Query;
  body?: unknown;
}

export interface RestClient {
  /** Opens a session if none is open or it is about to expire. */
  ensureSession(): Promise<void>;
  /** Sends an authorised request and returns its parsed JSON (undefined for an empty body). */
  request(call: RestCall): Promise<unknown>;
  /** Ends the session; never throws. */
  close(): Promise<void>;
}

interface Session {
  token: string;
  /** Epoch ms after which we renew instead of using the token. */
  renewAt: number;
}

export function createRestClient(options: TransportOptions): RestClient {
  if (options.credentials.kind !== 'token') throw new Error('The REST transport needs an API token');
  const apiToken = options.credentials.apiToken;
  const source = options.source ?? DEFAULT_SOURCE;
  const base = options.baseUrl.replace(/\/+$/, '');
  const http = createHttp(options);

  let session: Session | undefined;
  let opening: Promise<Session> | undefined;

  const secrets = () => [apiToken, session?.token, options.proxyToken];

  function url(path: string, query?: Query): string {
    const parts: string[] = [];
    for (const [key, value] of Object.entries(query ?? {})) {
      // Keys are ours (`id[gt]`, `date[range]`) and stay literal; values are escaped.
      if (value !== undefined) parts.push(`${key}=${encodeURIComponent(String(value))}`);
    }
    return `${base}${path}${parts.length ? `?${parts.join('&')}` : ''}`;
  }

  async function startSession(): Promise<Session> {
    const operation = 'POST /v1/session';
    if (!SOURCE_PATTERN.test(source)) {
      throw new EBoekhoudenError(
        `The source name "${source}" is not accepted by e-Boekhouden: use 1–10 letters, digits, spaces or underscores.`,
        { kind: 'validation', code: 'API_SESSION_002', operation, field: 'source' },
      );
    }
    const response = await http.send({
      operation,
      url: url('/v1/session'),
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ accessToken: apiToken, source }),
      write: false, // starting a session changes nothing: safe to retry
    });
    const text = await response.text();
    if (!response.ok) throw errorFromResponse(operation, response.status, text, secrets(), false, true);
    const data = parseResponse(
      sessionResponse,
      parseJson(text, operation, response.status),
      operation,
      response.status,
    );
    const lifetimeMs = data.expiresIn * 1000;
    const marginMs = Math.min(60_000, lifetimeMs / 10);
    return { token: data.token, renewAt: Date.now() + lifetimeMs - marginMs };
  }

  async function currentSession(): Promise<Session> {
    if (session && Date.now() < session.renewAt) return session;
    if (!opening) {
      opening = startSession().then(
        (s) => {
          session = s;
          opening = undefined;
          return s;
        },
        (e: unknown) => {
          opening = undefined;
          throw e;
        },
      );
    }
    return opening;
  }

  async function request(call: RestCall): Promise<unknown> {
    const write = call.method !== 'GET';
    for (let attempt = 0; ; attempt++) {
      const used = await currentSession();
      const response = await http.send({
        operation: call.operation,
        url: url(call.path, call.query),
        method: call.method,
        headers: {
          Authorization: used.token,
          Accept: 'application/json',
          ...(call.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        body: call.body !== undefined ? JSON.stringify(call.body) : undefined,
        write,
      });
      if (response.status === 401 && attempt === 0) {
        // Expired or unknown session: nothing was processed, so renew and try once more.
        await response.body?.cancel();
        if (session === used) session = undefined;
        continue;
      }
      const text = await response.text();
      if (!response.ok) throw errorFromResponse(call.operation, response.status, text, secrets(), write);
      return text.trim() === '' ? undefined : parseJson(text, call.operation, response.status);
    }
  }

  async function close(): Promise<void> {
    const open = session;
    session = undefined;
    if (!open) return;
    try {
      const response = await http.send({
        operation: 'DELETE /v1/session',
        url: url('/v1/session'),
        method: 'DELETE',
        headers: { Authorization: open.token },
        write: true, // best effort: no retries that would hold up whoever is closing
      });
      await response.body?.cancel();
    } catch {
      // Closing is best effort: the session expires by itself.
    }
  }

  return {
    ensureSession: async () => {
      await currentSession();
    },
    request,
    close,
  };
}

function parseJson(text: string, operation: string, status: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw malformed(operation, '', 'the body is not JSON', status);
  }
}
