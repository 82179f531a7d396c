/**
 * The proxy as one Hono app. Its `fetch` runs on Node (proxy/main.ts) or on any fetch-based
 * host. Path-preserving and allowlisted: `POST /soap.asmx` → SOAP upstream, `/v1/*` → REST
 * upstream, `GET /healthz`; everything else is 404. Upstreams come from the config only.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { consoleLogger, countingStream, formatLogLine } from './log';
import { corsHeaders, judgeOrigin, preflightHeaders } from './cors';
import { callUpstream, downstreamResponseHeaders, readLimitedBody, upstreamRequestHeaders } from './forward';
import { tokenMatches } from './token';
import { upstreamUrl, type ProxyConfig } from './config';

type Env = { Variables: { corsOrigin: string | undefined; logNote: string | undefined } };

export type ProxyApp = Hono<Env>;

export function createProxyApp(config: ProxyConfig): ProxyApp {
  const log = config.logger ?? consoleLogger;
  const doFetch = config.fetch ?? globalThis.fetch.bind(globalThis);
  const soapBase = upstreamUrl(config.soapUrl, 'soapUrl', '/soap.asmx');
  const restBase = upstreamUrl(config.restUrl, 'restUrl', '/v1');
  const app = new Hono<Env>();

  /** Errors are JSON with a code and a clear message; CORS headers only for an allowed extension. */
  const fail = (c: Context<Env>, status: 400 | 401 | 403 | 404 | 413 | 500 | 502 | 504, error: string, message: string) => {
    const origin = c.get('corsOrigin');
    return c.json({ error, message }, status, origin ? corsHeaders(origin) : undefined);
  };

  app.use('*', async (c, next) => {
    const start = new Date();
    const t0 = performance.now();
    const method = c.req.method;
    const path = pathOf(c.req.url);
    await next();
    const res = c.res;
    const write = (bytes: number | undefined, note?: string) =>
      log(formatLogLine({ start, method, path, status: res.status, durationMs: performance.now() - t0, bytes, note: note ?? c.get('logNote') }));
    if (res.body && method !== 'HEAD') {
      c.res = new Response(countingStream(res.body, write), { status: res.status, statusText: res.statusText, headers: res.headers });
    } else {
      write(0);
    }
  });

  app.use('*', async (c, next) => {
    const verdict = judgeOrigin(c.req.header('origin'), config.allowedExtensionIds);
    if (verdict.kind === 'refused') {
      return fail(c, 403, 'origin_not_allowed', 'This proxy only answers the Boekhoud Companion extension; this origin is not allowed.');
    }
    if (verdict.kind === 'extension') {
      c.set('corsOrigin', verdict.origin);
      if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
        if (!isForwardedPath(pathOf(c.req.url)) && pathOf(c.req.url) !== '/healthz') {
          return fail(c, 404, 'not_found', 'Not found.');
        }
        return c.body(null, 204, preflightHeaders(verdict.origin));
      }
    }
    if (config.proxyToken && !(c.req.method === 'GET' && pathOf(c.req.url) === '/healthz')) {
      if (!tokenMatches(c.req.header('x-proxy-token'), config.proxyToken)) {
        return fail(c, 401, 'proxy_token_required', 'The proxy needs the correct proxy token in X-Proxy-Token (set it in the extension settings).');
      }
    }
    await next();
    const origin = c.get('corsOrigin');
    if (origin) {
      for (const [name, value] of Object.entries(corsHeaders(origin))) c.res.headers.set(name, value);
    }
  });

  app.get('/healthz', (c) => c.json({ ok: true }));

  const forward = (upstreamName: 'SOAP' | 'REST', base: string) => async (c: Context<Env>) => {
    const url = new URL(c.req.url);
    // Re-check the parsed path: the route match alone must never decide where a request goes.
    if (!isForwardedPath(url.pathname)) return fail(c, 404, 'not_found', 'Not found.');

    const method = c.req.method;
    let body: Uint8Array | undefined;
    if (method !== 'GET' && method !== 'HEAD') {
      const read = await readLimitedBody(c.req.raw, config.bodyLimitBytes);
      if (read.kind === 'tooLarge') {
        return fail(c, 413, 'body_too_large', `Request bodies are limited to ${config.bodyLimitBytes} bytes.`);
      }
      body = read.bytes;
    }

    const outcome = await callUpstream(
      doFetch,
      base + url.pathname + url.search,
      { method, headers: upstreamRequestHeaders(c.req.raw.headers), body },
      config.upstreamTimeoutMs,
    );
    switch (outcome.kind) {
      case 'response': {
        const res = outcome.response;
        return new Response(res.body, { status: res.status, statusText: res.statusText, headers: downstreamResponseHeaders(res.headers) });
      }
      case 'timeout':
        c.set('logNote', 'timeout');
        return fail(c, 504, 'upstream_timeout', `The ${upstreamName} upstream did not answer within ${formatSeconds(config.upstreamTimeoutMs)}.`);
      case 'unreachable':
        c.set('logNote', 'unreachable');
        return fail(c, 502, 'upstream_unreachable', `Could not reach the ${upstreamName} upstream.`);
    }
  };

  app.post('/soap.asmx', forward('SOAP', soapBase));
  app.all('/v1/*', forward('REST', restBase));

  app.notFound((c) => fail(c, 404, 'not_found', 'Not found. This proxy serves POST /soap.asmx, /v1/* and GET /healthz.'));
  app.onError((_error, c) => {
    // The error text is not logged or returned: it could quote a header or a body.
    c.set('logNote', 'error');
    return fail(c, 500, 'proxy_error', 'The proxy failed to handle this request.');
  });

  return app;
}

/** The allowlisted forwarding paths, judged on the parsed path; encoded separators and dots are refused. */
export function isForwardedPath(pathname: string): boolean {
  if (/%2e|%2f|%5c|\\|\/\//i.test(pathname)) return false;
  return pathname === '/soap.asmx' || pathname.startsWith('/v1/');
}

function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start === -1) return '/';
  const query = url.indexOf('?', start);
  const hash = url.indexOf('#', start);
  const end = Math.min(query === -1 ? url.length : query, hash === -1 ? url.length : hash);
  return url.slice(start, end);
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
