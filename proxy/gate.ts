/**
 * What the proxy decides before any upstream is asked, on every host alike (the Hono app in
 * proxy/app.ts and the Node fast path in proxy/node-handler.ts): the origin check, the
 * preflight, the proxy token, and the JSON errors the proxy answers itself.
 */
import { corsHeaders, judgeOrigin, preflightHeaders } from './cors';
import type { RequestHeaders } from './forward';
import { tokenMatches } from './token';
import type { ProxyConfig } from './config';

/** What a route hands back; the host turns it into a response. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | ReadableStream<Uint8Array> | null;
  /** A short fixed word for the log (timeout, unreachable, error). */
  note?: string;
}

type ErrorStatus = 401 | 403 | 404 | 413 | 500 | 502 | 504;

/** Errors are JSON with a code and a clear message. */
export function failure(status: ErrorStatus, error: string, message: string, note?: string): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=UTF-8' },
    body: JSON.stringify({ error, message }),
    note,
  };
}

export const NOT_FOUND = () =>
  failure(404, 'not_found', 'Not found. This proxy serves POST /soap.asmx, /v1/* and GET /healthz.');

export const HEALTHY = (): Reply => ({
  status: 200,
  headers: { 'content-type': 'application/json; charset=UTF-8' },
  body: '{"ok":true}',
});

export const PROXY_ERROR = () => failure(500, 'proxy_error', 'The proxy failed to handle this request.', 'error');

export const TOO_LARGE = (config: Pick<ProxyConfig, 'bodyLimitBytes'>) =>
  failure(413, 'body_too_large', `Request bodies are limited to ${config.bodyLimitBytes} bytes.`);

export type UpstreamName = 'SOAP' | 'REST';

export function upstreamFailure(
  kind: 'timeout' | 'unreachable',
  upstreamName: UpstreamName,
  config: Pick<ProxyConfig, 'upstreamTimeoutMs'>,
): Reply {
  return kind === 'timeout'
    ? failure(
        504,
        'upstream_timeout',
        `The ${upstreamName} upstream did not answer within ${formatSeconds(config.upstreamTimeoutMs)}.`,
        'timeout',
      )
    : failure(502, 'upstream_unreachable', `Could not reach the ${upstreamName} upstream.`, 'unreachable');
}

/** The gate's verdict: the extension origin to answer with CORS headers, and a reply if the route must not run. */
export interface Verdict {
  origin: string | undefined;
  reply: Reply | undefined;
}

/** Origin check, preflight and token, in that order; `reply` undefined means: run the route. */
export function judgeRequest(
  method: string,
  path: string,
  header: RequestHeaders,
  config: Pick<ProxyConfig, 'allowedExtensionIds' | 'proxyToken'>,
): Verdict {
  const verdict = judgeOrigin(header.get('origin'), config.allowedExtensionIds);
  if (verdict.kind === 'refused') {
    return {
      origin: undefined,
      reply: failure(
        403,
        'origin_not_allowed',
        'This proxy only answers the Boekhoud Companion extension; this origin is not allowed.',
      ),
    };
  }
  if (verdict.kind === 'other-extension') {
    // The preflight passes so that the browser lets the extension read the 403 that says why.
    const origin = verdict.origin;
    return {
      origin,
      reply:
        method === 'OPTIONS' && header.get('access-control-request-method') !== null
          ? { status: 204, headers: preflightHeaders(origin), body: null }
          : failure(
              403,
              'extension_not_allowed',
              `This proxy does not allow this extension (origin ${origin}); add it to ALLOWED_EXTENSION_IDS.`,
            ),
    };
  }
  const origin = verdict.kind === 'extension' ? verdict.origin : undefined;
  if (origin && method === 'OPTIONS' && header.get('access-control-request-method') !== null) {
    return {
      origin,
      reply:
        isForwardedPath(path) || path === '/healthz'
          ? { status: 204, headers: preflightHeaders(origin), body: null }
          : NOT_FOUND(),
    };
  }
  if (
    config.proxyToken &&
    !(method === 'GET' && path === '/healthz') &&
    !tokenMatches(header.get('x-proxy-token'), config.proxyToken)
  ) {
    return {
      origin,
      reply: failure(
        401,
        'proxy_token_required',
        'The proxy needs the correct proxy token in X-Proxy-Token (set it in the extension settings).',
      ),
    };
  }
  return { origin, reply: undefined };
}

/** The reply's headers, with CORS headers for an extension origin (a preflight has its own). */
export function replyHeaders(origin: string | undefined, status: number, headers: Record<string, string>) {
  return origin && status !== 204 ? { ...headers, ...corsHeaders(origin) } : headers;
}

/** The allowlisted forwarding paths, judged on the parsed path; encoded separators and dots are refused. */
export function isForwardedPath(pathname: string): boolean {
  if (/%2e|%2f|%5c|\\|\/\//i.test(pathname)) return false;
  return pathname === '/soap.asmx' || pathname.startsWith('/v1/');
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
