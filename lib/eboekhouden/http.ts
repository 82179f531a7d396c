/**
 * The HTTP layer both transports share: timeout, proxy token, and the retry policy.
 *
 * - Reads retry network failures and 502/503/504 with bounded, jittered exponential backoff.
 * - Writes are never retried after a network failure: the request may have been processed,
 *   so the error says `outcomeUnknown` and the caller looks the record up first.
 * - 429 means "not processed": reads and writes wait for Retry-After (capped) and retry.
 * - Everything else (2xx, 4xx, 500 with a soap:Fault) goes back to the transport to interpret.
 */
import { EBoekhoudenError } from './errors';
import type { TransportOptions } from './api';

export interface HttpRequest {
  /** In e-Boekhouden's words, for errors and stats: "GetRelaties", "GET /v1/relation". */
  operation: string;
  url: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  body?: string;
  /** A request that changes data upstream. */
  write: boolean;
}

export interface Http {
  send(request: HttpRequest): Promise<Response>;
}

const MAX_RETRY_AFTER_MS = 60_000;

export function createHttp(options: TransportOptions): Http {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retries = options.retries ?? 3;
  const retryBaseMs = options.retryBaseMs ?? 250;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;

  const backoff = (attempt: number) => Math.round(retryBaseMs * 2 ** attempt * (0.5 + random()));

  async function send(request: HttpRequest): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const canRetry = attempt < retries;
      let response: Response;
      try {
        response = await doFetch(request.url, {
          method: request.method,
          headers: { ...request.headers, ...(options.proxyToken ? { 'X-Proxy-Token': options.proxyToken } : {}) },
          body: request.body,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (cause) {
        if (!request.write && canRetry) {
          await sleep(backoff(attempt));
          continue;
        }
        throw networkError(request, cause, timeoutMs);
      }

      if (response.status === 429) {
        const waitMs = retryAfterMs(response.headers.get('Retry-After')) ?? backoff(attempt);
        await response.body?.cancel();
        if (canRetry) {
          await sleep(Math.min(waitMs, MAX_RETRY_AFTER_MS));
          continue;
        }
        throw new EBoekhoudenError(`e-Boekhouden is limiting requests (${request.operation}); try again in ${Math.ceil(waitMs / 1000)} s.`, {
          kind: 'limit',
          operation: request.operation,
          status: 429,
          retryAfterMs: waitMs,
        });
      }

      if (response.status === 502 || response.status === 503 || response.status === 504) {
        await response.body?.cancel();
        if (!request.write && canRetry) {
          await sleep(backoff(attempt));
          continue;
        }
        throw new EBoekhoudenError(
          `e-Boekhouden or the proxy did not answer properly (${request.operation}: HTTP ${response.status}).`,
          { kind: 'upstream', operation: request.operation, status: response.status, outcomeUnknown: request.write && response.status !== 503 },
        );
      }
      return response;
    }
  }

  return { send };
}

function networkError(request: HttpRequest, cause: unknown, timeoutMs: number): EBoekhoudenError {
  const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
  let host = request.url;
  try {
    host = new URL(request.url).host;
  } catch {
    /* keep the raw url */
  }
  const why = timedOut ? `no answer within ${Math.round(timeoutMs / 1000)} s` : 'the connection failed';
  return new EBoekhoudenError(`Could not reach e-Boekhouden through ${host} (${request.operation}): ${why}.`, {
    kind: 'network',
    operation: request.operation,
    outcomeUnknown: request.write,
    cause,
  });
}

/** Retry-After is seconds or an HTTP date. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
