/**
 * The HTTP layer both transports share: timeout, proxy token, and the retry policy.
 *
 * - Reads retry network failures and 502/503/504 with bounded, jittered exponential backoff.
 * - Writes are never retried after a network failure: the request may have been processed,
 *   so the error says `outcomeUnknown` and the caller looks the record up first.
 * - 429 means "not processed": reads and writes wait for Retry-After (capped) and retry.
 * - The proxy's own refusals (wrong proxy token 401, origin not allowed 403, a path it does not
 *   serve 404) and any 413 (body too large) mean nothing reached e-Boekhouden: an error that is
 *   not `outcomeUnknown` and says what to change. They are settled here, so a transport never
 *   mistakes the proxy's 401 for an expired e-Boekhouden session or its 403 for a refused token.
 * - Everything else (2xx, other 4xx, 500 with a soap:Fault) goes back to the transport to interpret.
 */
import { EBoekhoudenError, redactSecrets } from './errors';
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
        throw new EBoekhoudenError(
          `e-Boekhouden is limiting requests (${request.operation}); try again in ${Math.ceil(waitMs / 1000)} s.`,
          {
            kind: 'limit',
            operation: request.operation,
            status: 429,
            retryAfterMs: waitMs,
          },
        );
      }

      if (response.status === 502 || response.status === 503 || response.status === 504) {
        await response.body?.cancel();
        if (!request.write && canRetry) {
          await sleep(backoff(attempt));
          continue;
        }
        throw new EBoekhoudenError(
          `e-Boekhouden or the proxy did not answer properly (${request.operation}: HTTP ${response.status}).`,
          {
            kind: 'upstream',
            operation: request.operation,
            status: response.status,
            outcomeUnknown: request.write && response.status !== 503,
          },
        );
      }
      if (response.status === 413 || PROXY_REFUSAL_STATUSES.has(response.status)) {
        const refusal = await proxyRefusal(
          request,
          response,
          options.proxyToken !== undefined && options.proxyToken !== '',
        );
        if (refusal) throw refusal;
      }
      return response;
    }
  }

  return { send };
}

/** Codes of errors for requests the proxy (or a host in front of it) refused: nothing reached e-Boekhouden. */
export const PROXY_ERROR_CODES = {
  /** 401 `proxy_token_required`: the proxy token is missing or wrong. */
  token: 'PROXY_TOKEN',
  /** 403 `extension_not_allowed` (or an older proxy's `origin_not_allowed`): this extension is not on the proxy's list. */
  origin: 'PROXY_ORIGIN',
  /** 404 `not_found`: the proxy does not serve this path (the proxy address has a path in it). */
  path: 'PROXY_PATH',
  /** 413: the request body is over the proxy's limit. */
  tooLarge: 'REQUEST_TOO_LARGE',
} as const;

const PROXY_REFUSAL_STATUSES = new Set([401, 403, 404]);

/** The `error` field of the proxy's JSON answers (proxy/app.ts `failure()`), per status. */
const PROXY_ERRORS: Record<number, readonly string[]> = {
  401: ['proxy_token_required'],
  403: ['extension_not_allowed', 'origin_not_allowed'],
  404: ['not_found'],
  413: ['body_too_large'],
};

/** ", origin chrome-extension://…" from the proxy's 403 message, when it names one. */
function origin(message: string | undefined): string {
  const found = /\b(?:chrome|moz)-extension:\/\/[A-Za-z0-9-]+/.exec(message ?? '');
  return found ? `, origin ${found[0]}` : '';
}

/**
 * The error for a proxy refusal, or undefined when the answer came from e-Boekhouden (its 401,
 * 403 and 404 answers carry its own body and are the transport's to interpret). The response is
 * only read through a clone, so the transport can still read it.
 */
async function proxyRefusal(
  request: HttpRequest,
  response: Response,
  tokenSet: boolean,
): Promise<EBoekhoudenError | undefined> {
  const said = await proxyAnswer(response);
  const status = response.status;
  if (status !== 413 && !(said?.error && PROXY_ERRORS[status]?.includes(said.error))) return undefined;
  if (status !== 413) await response.body?.cancel();
  const where = `${request.operation}, HTTP ${status}`;
  const init = { operation: request.operation, status, outcomeUnknown: false } as const;
  switch (status) {
    case 401:
      return new EBoekhoudenError(
        tokenSet
          ? `The proxy does not accept the proxy token (${where}); nothing was sent to e-Boekhouden. Check the proxy token in the settings.`
          : `The proxy asks for a proxy token (${where}); nothing was sent to e-Boekhouden. Set the proxy token in the settings.`,
        { ...init, kind: 'upstream', code: PROXY_ERROR_CODES.token },
      );
    case 403:
      return new EBoekhoudenError(
        `The proxy does not accept requests from this extension (${where}${origin(said?.message)}); nothing was sent to e-Boekhouden. Add the extension's ID to the proxy's ALLOWED_EXTENSION_IDS.`,
        { ...init, kind: 'upstream', code: PROXY_ERROR_CODES.origin },
      );
    case 404:
      return new EBoekhoudenError(
        `The proxy does not serve this request (${where}); nothing was sent to e-Boekhouden. Check the proxy address in the settings: just the proxy's own address, such as http://127.0.0.1:8787, without a path.`,
        { ...init, kind: 'upstream', code: PROXY_ERROR_CODES.path },
      );
    default: {
      // Any 413, from the proxy or a host in front of it: the body was refused before it was read.
      await response.body?.cancel();
      const limit =
        said?.error && PROXY_ERRORS[413].includes(said.error) && said.message
          ? ` ${redactSecrets(said.message).trim().replace(/\.?$/, '.')}`
          : '';
      return new EBoekhoudenError(
        `The request is too large for the proxy (${where}); nothing was sent to e-Boekhouden.${limit} Make the record smaller (fewer lines, shorter texts) or raise the proxy's BODY_LIMIT_BYTES.`,
        { ...init, kind: 'validation', code: PROXY_ERROR_CODES.tooLarge },
      );
    }
  }
}

/** The proxy's `{ error, message }` body, when the answer is one; never throws. */
async function proxyAnswer(response: Response): Promise<{ error: string; message?: string } | undefined> {
  if (!(response.headers.get('content-type') ?? '').toLowerCase().includes('json')) return undefined;
  try {
    const body: unknown = JSON.parse(await response.clone().text());
    if (!body || typeof body !== 'object') return undefined;
    const { error, message } = body as Record<string, unknown>;
    if (typeof error !== 'string') return undefined;
    return { error, message: typeof message === 'string' ? message.slice(0, 200) : undefined };
  } catch {
    return undefined;
  }
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
