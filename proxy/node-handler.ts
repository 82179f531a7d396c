/**
 * The proxy on Node without Hono or web Request/Response objects: the same checks (proxy/gate.ts),
 * the same body limit, the upstream reached with node:http over keep-alive agents, a plain timer
 * instead of an AbortController, the answer piped back. In test/bench/proxy.ts the Hono app on
 * node-server spent twice the CPU per request of a bare node:http pipe.
 *
 * Only plain request targets take this path (a path without dot segments, percent-encoding or
 * backslashes, a host header that parses as itself); anything else, and HEAD, goes to `fallback`
 * (the Hono app on node-server), which parses and normalises the URL as before.
 */
import { IncomingMessage, request as httpRequest, type RequestListener, type ServerResponse } from 'node:http';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { consoleLogger, formatLogLine } from './log';
import { downstreamResponseHeaders, nodeRequestHeaders, readNodeBody, upstreamRequestHeaders } from './forward';
import {
  HEALTHY,
  isForwardedPath,
  judgeRequest,
  NOT_FOUND,
  PROXY_ERROR,
  replyHeaders,
  TOO_LARGE,
  upstreamFailure,
  type Reply,
  type UpstreamName,
} from './gate';
import { agentOptions, NULL_BODY_STATUS, relay } from './node-fetch';
import { upstreamUrl, type ProxyConfig } from './config';

/** An upstream parsed once: where its requests go and what path prefix they get. */
interface Upstream {
  name: UpstreamName;
  send: typeof httpRequest;
  agent: HttpAgent;
  hostname: string;
  port: number | undefined;
  prefix: string;
}

/** A request target that `new URL` would leave as it is: no dot segments, no "//", no percent-encoding in the path. */
const PLAIN_TARGET = /^(?!.*\/\/)(?!.*\/\.)\/[A-Za-z0-9\-._~!$&()*+,;=:@/]*(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@/?%]*)?$/;

export function isPlainTarget(target: string): boolean {
  return PLAIN_TARGET.test(target);
}

export function createNodeHandler(config: ProxyConfig, fallback: RequestListener): RequestListener {
  const log = config.logger ?? consoleLogger;
  const httpAgent = new HttpAgent(agentOptions);
  const httpsAgent = new HttpsAgent(agentOptions);
  const upstream = (name: UpstreamName, raw: string, name2: string, prefix: string): Upstream => {
    const url = new URL(upstreamUrl(raw, name2, prefix));
    const secure = url.protocol === 'https:';
    return {
      name,
      send: secure ? httpsRequest : httpRequest,
      agent: secure ? httpsAgent : httpAgent,
      hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port === '' ? undefined : Number(url.port),
      prefix: url.pathname === '/' ? '' : url.pathname,
    };
  };
  const soap = upstream('SOAP', config.soapUrl, 'soapUrl', '/soap.asmx');
  const rest = upstream('REST', config.restUrl, 'restUrl', '/v1');
  const plainHosts = new Set<string>();

  return (req, res) => {
    const target = req.url ?? '';
    const method = req.method ?? 'GET';
    if (method === 'HEAD' || !isPlainTarget(target) || !isPlainHost(req.headers.host, plainHosts)) {
      return fallback(req, res);
    }
    try {
      handle(req, res, target, method);
    } catch {
      failed(req, res);
    }
  };

  function handle(req: IncomingMessage, res: ServerResponse, target: string, method: string): void {
    const startMs = Date.now();
    const t0 = performance.now();
    const query = target.indexOf('?');
    const path = query === -1 ? target : target.slice(0, query);
    const search = query === -1 ? '' : target.slice(query);
    const header = nodeRequestHeaders(req.headers);
    const { origin, reply } = judgeRequest(method, path, header, config);

    const written = (status: number, note: string | undefined) => (bytes: number, late?: string) =>
      log(
        formatLogLine({
          start: startMs,
          method,
          path,
          status,
          durationMs: performance.now() - t0,
          bytes,
          note: late ?? note,
        }),
      );
    const own = (r: Reply) =>
      sendOwn(req, res, r, replyHeaders(origin, r.status, r.headers), written(r.status, r.note));

    if (reply) return own(reply);

    const to = isForwardedPath(path)
      ? path === '/soap.asmx'
        ? method === 'POST'
          ? soap
          : undefined
        : rest
      : undefined;
    if (!to) return own(method === 'GET' && path === '/healthz' ? HEALTHY() : NOT_FOUND());

    const answered = (answer: Reply | IncomingMessage) => {
      try {
        if (!(answer instanceof IncomingMessage)) return own(answer);
        const status = answer.statusCode ?? 502;
        const headers = replyHeaders(origin, status, downstreamResponseHeaders(rawHeaders(answer)));
        const done = written(status, undefined);
        if (NULL_BODY_STATUS.has(status)) {
          answer.resume();
          // As node-server writes a Response without a body: a content type if the upstream gave none.
          res.writeHead(status, { 'content-type': 'text/plain; charset=UTF-8', ...headers });
          res.end();
          done(0);
        } else {
          res.writeHead(status, headers);
          relay(answer, res, done);
        }
      } catch {
        failed(req, res);
      }
    };
    const send = (body: Uint8Array | undefined) =>
      callUpstream(to, to.prefix + path + search, method, upstreamRequestHeaders(header), body, answered);
    if (method === 'GET' || req.readableEnded) return send(undefined);
    readNodeBody(req, header.get('content-length'), config.bodyLimitBytes, (read) => {
      if (read instanceof Error) answered(PROXY_ERROR());
      else if (read.kind === 'tooLarge') answered(TOO_LARGE(config));
      else send(read.bytes);
    });
  }

  /**
   * Sends the request upstream; `answered` gets the response once its headers are in, or the
   * 504/502 reply. The timeout covers the wait for the response headers; the body then streams
   * through. A plain timer: an AbortController per request cost more than the rest of the check.
   */
  function callUpstream(
    to: Upstream,
    path: string,
    method: string,
    headers: Record<string, string>,
    body: Uint8Array | undefined,
    answered: (answer: Reply | IncomingMessage) => void,
  ): void {
    if (body !== undefined) headers['content-length'] = String(body.byteLength);
    let settled = false;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      upstreamReq.destroy();
    }, config.upstreamTimeoutMs);
    const upstreamReq = to.send(
      { hostname: to.hostname, port: to.port, path, method, headers, agent: to.agent },
      (upstream) => {
        clearTimeout(timer);
        settled = true;
        answered(upstream);
      },
    );
    upstreamReq.on('error', () => {
      clearTimeout(timer);
      // Once the response has come, the relay sees a break in its body.
      if (settled) return;
      settled = true;
      answered(upstreamFailure(timedOut ? 'timeout' : 'unreachable', to.name, config));
    });
    upstreamReq.end(body);
  }
}

/**
 * Something threw outside the checks (what the Hono app's onError answers): a bare 500, not
 * logged; the error text is neither logged nor returned, as it could quote a header or a body.
 */
function failed(req: IncomingMessage, res: ServerResponse): void {
  if (res.headersSent) res.destroy();
  else sendOwn(req, res, PROXY_ERROR(), PROXY_ERROR().headers, () => undefined);
}

/** The proxy's own answer, written as node-server writes a Response with a string or no body. */
function sendOwn(
  req: IncomingMessage,
  res: ServerResponse,
  reply: Reply,
  headers: Record<string, string>,
  done: (bytes: number) => void,
): void {
  const body = typeof reply.body === 'string' ? reply.body : null;
  if (body === null) {
    // node-server gives a Response without a body this content type (a preflight's 204 gets it too).
    res.writeHead(reply.status, { 'content-type': 'text/plain; charset=UTF-8', ...headers });
    res.end();
    done(0);
  } else {
    const length = Buffer.byteLength(body);
    res.writeHead(reply.status, { ...headers, 'Content-Length': String(length) });
    res.end(body);
    done(length);
  }
  if (req.method !== 'GET' && !req.readableEnded) drainAfter(req, res);
}

/** A body left unread (413, 404, an early error): read and dropped for at most 500 ms / 64 MiB, as node-server does. */
function drainAfter(req: IncomingMessage, res: ServerResponse): void {
  res.once('finish', () => {
    if (req.readableEnded || req.destroyed) return;
    let bytes = 0;
    const stop = () => {
      clearTimeout(timer);
      req.off('data', onData);
      req.socket?.destroySoon();
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > 64 * 1024 * 1024) stop();
    };
    const timer = setTimeout(stop, 500);
    timer.unref();
    req.on('data', onData);
    req.once('end', () => {
      clearTimeout(timer);
      req.off('data', onData);
    });
    req.resume();
  });
}

/** The upstream's headers in order, with their original names, for downstreamResponseHeaders. */
function rawHeaders(res: IncomingMessage) {
  const raw = res.rawHeaders;
  return {
    forEach(callback: (value: string, name: string) => void) {
      for (let i = 0; i < raw.length; i += 2) callback(raw[i + 1], raw[i]);
    },
  };
}

/** node-server answers 400 to a Host header that does not parse as itself; those go to it. Good hosts are remembered (a few). */
function isPlainHost(host: string | undefined, known: Set<string>): boolean {
  if (host === undefined) return false;
  if (known.has(host)) return true;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}/`).hostname;
  } catch {
    return false;
  }
  const plain = hostname === host || hostname === host.replace(/:\d+$/, '');
  if (plain && known.size < 16) known.add(host);
  return plain;
}
