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
import {
  callUpstream,
  downstreamResponseHeaders,
  nodeRequestHeaders,
  readLimitedBody,
  upstreamRequestHeaders,
  type NodeResponseTarget,
  type RequestHeaders,
  type UpstreamFetch,
  type UpstreamResponse,
} from './forward';
import {
  HEALTHY,
  isForwardedPath,
  judgeRequest,
  NOT_FOUND,
  PROXY_ERROR,
  replyHeaders,
  TOO_LARGE,
  upstreamFailure,
  type Reply as GateReply,
  type UpstreamName,
} from './gate';
import { upstreamUrl, type ProxyConfig } from './config';

/** What a route hands back; `answer()` makes it a Response. */
interface Reply extends GateReply {
  /** Set for upstream answers that can be piped straight into a Node response. */
  relay?: UpstreamResponse['relay'];
}

type Bindings =
  { incoming?: { headers?: Record<string, string | string[] | undefined> }; outgoing?: NodeResponseTarget } | undefined;
type Env = { Bindings: Bindings };

export type ProxyApp = Hono<Env>;

/** node-server's marker for "the handler wrote the response itself" (X_ALREADY_SENT); one shared instance. */
let alreadySent: Response | undefined;
const ALREADY_SENT = () => (alreadySent ??= new Response(null, { headers: { 'x-hono-already-sent': 'true' } }));

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

      const verdict = judgeRequest(method, path, header, config);
      const origin = verdict.origin;
      let reply: Reply;
      if (verdict.reply) reply = verdict.reply;
      else {
        try {
          reply = await route(c);
        } catch {
          // The error text is neither logged nor returned: it could quote a header or a body.
          reply = PROXY_ERROR();
        }
      }

      const headers = replyHeaders(origin, reply.status, reply.headers);
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

  const forward = (upstreamName: UpstreamName, base: string) =>
    answer(async (c) => {
      // The host has already parsed and normalised the URL ("..", percent-encoded dots).
      const { path, search } = splitUrl(c.req.url);
      // Re-check the path: the route match alone must never decide where a request goes.
      if (!isForwardedPath(path)) return NOT_FOUND();

      const method = c.req.method;
      let body: Uint8Array<ArrayBuffer> | undefined;
      if (method !== 'GET' && method !== 'HEAD') {
        const read = await readLimitedBody(c.req.raw, requestHeaders(c), config.bodyLimitBytes, c.env?.incoming);
        if (read.kind === 'tooLarge') return TOO_LARGE(config);
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
        case 'unreachable':
          return upstreamFailure(outcome.kind, upstreamName, config);
      }
    });

  app.get('/healthz', answer(HEALTHY));
  app.post('/soap.asmx', forward('SOAP', soapBase));
  app.all('/v1/*', forward('REST', restBase));
  app.notFound(answer(NOT_FOUND));
  app.onError((_error, c) => {
    // Only reached if answer() itself throws; nothing from the error is passed on.
    return c.json({ error: 'proxy_error', message: 'The proxy failed to handle this request.' }, 500);
  });

  return app;
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
  if (node && typeof node === 'object') return nodeRequestHeaders(node);
  return c.req.raw.headers;
}

const encoder = new TextEncoder();
function utf8Length(text: string): number {
  return encoder.encode(text).byteLength;
}
