/**
 * The proxy as one Hono app. Its `fetch` runs on Node (proxy/main.ts) or on any fetch-based
 * host. Path-preserving and allowlisted: `POST /soap.asmx` → SOAP upstream, `/v1/*` → REST
 * upstream, `GET /healthz`; everything else is 404. Upstreams come from the config only.
 *
 * Every route goes through `answer()`: origin check, preflight, token, then the handler's
 * reply is turned into a Response once, with CORS headers, and logged when its body is sent.
 * (One Response per request, never re-wrapped: on Node that is most of the per-request cost.)
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { consoleLogger, countingStream, formatLogLine } from './log';
import { corsHeaders, judgeOrigin, preflightHeaders } from './cors';
import {
  callUpstream,
  downstreamResponseHeaders,
  readLimitedBody,
  upstreamRequestHeaders,
  type NodeResponseTarget,
  type RequestHeaders,
  type UpstreamFetch,
  type UpstreamResponse,
} from './forward';
import { tokenMatches } from './token';
import { upstreamUrl, type ProxyConfig } from './config';

/** What a route hands back; `answer()` makes it a Response. */
interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | ReadableStream<Uint8Array> | null;
  /** Set for upstream answers that can be piped straight into a Node response. */
  relay?: UpstreamResponse['relay'];
  /** A short fixed word for the log (timeout, unreachable, error). */
  note?: string;
}

type Bindings =
  { incoming?: { headers?: Record<string, string | string[] | undefined> }; outgoing?: NodeResponseTarget } | undefined;
type Env = { Bindings: Bindings };

export type ProxyApp = Hono<Env>;

type ErrorStatus = 401 | 403 | 404 | 413 | 500 | 502 | 504;

/** Errors are JSON with a code and a clear message. */
function failure(status: ErrorStatus, error: string, message: string, note?: string): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=UTF-8' },
    body: JSON.stringify({ error, message }),
    note,
  };
}

/** node-server's marker for "the handler wrote the response itself" (X_ALREADY_SENT); one shared instance. */
let alreadySent: Response | undefined;
const ALREADY_SENT = () => (alreadySent ??= new Response(null, { headers: { 'x-hono-already-sent': 'true' } }));

const NOT_FOUND = () =>
  failure(404, 'not_found', 'Not found. This proxy serves POST /soap.asmx, /v1/* and GET /healthz.');

export function createProxyApp(config: ProxyConfig): ProxyApp {
  const log = config.logger ?? consoleLogger;
  const upstreamFetch: UpstreamFetch = config.fetch ?? globalThis.fetch.bind(globalThis);
  const soapBase = upstreamUrl(config.soapUrl, 'soapUrl', '/soap.asmx');
  const restBase = upstreamUrl(config.restUrl, 'restUrl', '/v1');
  const app = new Hono<Env>();

  const answer =
    (route: (c: Context<Env>) => Reply | Promise<Reply>) =>
    async (c: Context<Env>): Promise<Response> => {
      const start = new Date();
      const t0 = performance.now();
      const method = c.req.method;
      const { path } = splitUrl(c.req.url);
      const header = requestHeaders(c);

      let reply: Reply;
      let origin: string | undefined;
      const verdict = judgeOrigin(header.get('origin'), config.allowedExtensionIds);
      if (verdict.kind === 'refused') {
        reply = failure(
          403,
          'origin_not_allowed',
          'This proxy only answers the Boekhoud Companion extension; this origin is not allowed.',
        );
      } else if (verdict.kind === 'other-extension') {
        // The preflight passes so that the browser lets the extension read the 403 that says why.
        origin = verdict.origin;
        reply =
          method === 'OPTIONS' && header.get('access-control-request-method') !== null
            ? { status: 204, headers: preflightHeaders(origin), body: null }
            : failure(
                403,
                'extension_not_allowed',
                `This proxy does not allow this extension (origin ${origin}); add it to ALLOWED_EXTENSION_IDS.`,
              );
      } else {
        origin = verdict.kind === 'extension' ? verdict.origin : undefined;
        if (origin && method === 'OPTIONS' && header.get('access-control-request-method') !== null) {
          reply =
            isForwardedPath(path) || path === '/healthz'
              ? { status: 204, headers: preflightHeaders(origin), body: null }
              : NOT_FOUND();
        } else if (
          config.proxyToken &&
          !(method === 'GET' && path === '/healthz') &&
          !tokenMatches(header.get('x-proxy-token'), config.proxyToken)
        ) {
          reply = failure(
            401,
            'proxy_token_required',
            'The proxy needs the correct proxy token in X-Proxy-Token (set it in the extension settings).',
          );
        } else {
          try {
            reply = await route(c);
          } catch {
            // The error text is neither logged nor returned: it could quote a header or a body.
            reply = failure(500, 'proxy_error', 'The proxy failed to handle this request.', 'error');
          }
        }
      }

      const headers = origin && reply.status !== 204 ? { ...reply.headers, ...corsHeaders(origin) } : reply.headers;
      const write = (bytes: number | undefined, note?: string) =>
        log(
          formatLogLine({
            start,
            method,
            path,
            status: reply.status,
            durationMs: performance.now() - t0,
            bytes,
            note: note ?? reply.note,
          }),
        );
      const outgoing = c.env?.outgoing;
      if (reply.relay && outgoing && method !== 'HEAD') {
        // Node: write the head and pipe the body ourselves; node-server is told it has been sent.
        outgoing.writeHead(reply.status, headers);
        reply.relay(outgoing, write);
        return ALREADY_SENT();
      }
      let body = reply.body;
      if (outgoing?.destroyed && body && typeof body !== 'string') {
        // Node: the client left while the upstream was answering; nobody will read this body.
        await body.cancel().catch(() => undefined);
        write(0, 'aborted');
        return ALREADY_SENT();
      }
      if (method === 'HEAD' && body && typeof body !== 'string') {
        await body.cancel().catch(() => undefined);
        body = null;
      }
      if (body === null || method === 'HEAD') {
        write(0);
        body = null;
      } else if (typeof body === 'string') {
        write(utf8Length(body));
      } else {
        body = countingStream(body, write);
      }
      return new Response(body, { status: reply.status, headers });
    };

  const forward = (upstreamName: 'SOAP' | 'REST', base: string) =>
    answer(async (c) => {
      // The host has already parsed and normalised the URL ("..", percent-encoded dots).
      const { path, search } = splitUrl(c.req.url);
      // Re-check the path: the route match alone must never decide where a request goes.
      if (!isForwardedPath(path)) return NOT_FOUND();

      const method = c.req.method;
      let body: Uint8Array<ArrayBuffer> | undefined;
      if (method !== 'GET' && method !== 'HEAD') {
        const read = await readLimitedBody(c.req.raw, requestHeaders(c), config.bodyLimitBytes, c.env?.incoming);
        if (read.kind === 'tooLarge')
          return failure(413, 'body_too_large', `Request bodies are limited to ${config.bodyLimitBytes} bytes.`);
        body = read.bytes;
      }

      const outcome = await callUpstream(
        upstreamFetch,
        base + path + search,
        { method, headers: upstreamRequestHeaders(requestHeaders(c)), body },
        config.upstreamTimeoutMs,
      );
      switch (outcome.kind) {
        case 'response': {
          const res = outcome.response;
          return {
            status: res.status,
            headers: downstreamResponseHeaders(res.headers),
            get body() {
              return res.body;
            },
            relay: res.relay,
          };
        }
        case 'timeout':
          return failure(
            504,
            'upstream_timeout',
            `The ${upstreamName} upstream did not answer within ${formatSeconds(config.upstreamTimeoutMs)}.`,
            'timeout',
          );
        case 'unreachable':
          return failure(502, 'upstream_unreachable', `Could not reach the ${upstreamName} upstream.`, 'unreachable');
      }
    });

  app.get(
    '/healthz',
    answer(() => ({
      status: 200,
      headers: { 'content-type': 'application/json; charset=UTF-8' },
      body: '{"ok":true}',
    })),
  );
  app.post('/soap.asmx', forward('SOAP', soapBase));
  app.all('/v1/*', forward('REST', restBase));
  app.notFound(answer(NOT_FOUND));
  app.onError((_error, c) => {
    // Only reached if answer() itself throws; nothing from the error is passed on.
    return c.json({ error: 'proxy_error', message: 'The proxy failed to handle this request.' }, 500);
  });

  return app;
}

/** The allowlisted forwarding paths, judged on the parsed path; encoded separators and dots are refused. */
export function isForwardedPath(pathname: string): boolean {
  if (/%2e|%2f|%5c|\\|\/\//i.test(pathname)) return false;
  return pathname === '/soap.asmx' || pathname.startsWith('/v1/');
}

/** Path and query (with its "?") of an absolute URL string, without parsing it again. */
function splitUrl(url: string): { path: string; search: string } {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start === -1) return { path: '/', search: '' };
  const hash = url.indexOf('#', start);
  const end = hash === -1 ? url.length : hash;
  const query = url.indexOf('?', start);
  if (query === -1 || query > end) return { path: url.slice(start, end), search: '' };
  return { path: url.slice(start, query), search: url.slice(query, end) };
}

/**
 * Request headers by name. On Node it reads the parsed header object node-server already has,
 * instead of building a web Headers object per request; elsewhere the Request's own headers.
 */
function requestHeaders(c: Context<Env>): RequestHeaders {
  const node = c.env?.incoming?.headers;
  if (node && typeof node === 'object') {
    return {
      get(name) {
        const value = node[name];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    };
  }
  return c.req.raw.headers;
}

const encoder = new TextEncoder();
function utf8Length(text: string): number {
  return encoder.encode(text).byteLength;
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
