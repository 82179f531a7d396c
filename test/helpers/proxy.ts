/**
 * Test and benchmark helpers: the proxy app on a real ephemeral port, and a small recording
 * upstream that can echo, stream, hang or answer with a given status.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_BODY_LIMIT_BYTES, DEFAULT_UPSTREAM_TIMEOUT_MS, type ProxyConfig } from '../../proxy/config';
import { startProxyServer } from '../../proxy/server';

export interface Listening {
  url: string;
  port: number;
  close(): Promise<void>;
}

function closer(server: Server): () => Promise<void> {
  return () =>
    new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    });
}

/** The proxy as `npm run proxy` runs it (node:http fetch unless `fetch` is given), on an ephemeral port. */
export async function startProxy(
  config: Partial<ProxyConfig> & Pick<ProxyConfig, 'soapUrl' | 'restUrl'>,
): Promise<Listening> {
  const running = await startProxyServer({
    allowedExtensionIds: [],
    upstreamTimeoutMs: DEFAULT_UPSTREAM_TIMEOUT_MS,
    bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES,
    ...config,
    port: 0,
    host: '127.0.0.1',
  });
  return { url: running.url, port: running.port, close: () => running.close(0) };
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  rawHeaderNames: string[];
  body: Buffer;
}

export interface EchoUpstream extends Listening {
  requests: RecordedRequest[];
  /** Requests whose handler is waiting (hang / slow); released by close(). */
  pending: number;
  /** How many /v1/trickle responses have closed (finished or cut off). */
  trickleClosed: number;
}

/**
 * A raw Node upstream. Paths:
 * - `/v1/hang`: never answers.
 * - `/v1/slow/<ms>`: answers 200 after <ms>.
 * - `/v1/status/<code>`: answers <code> with Retry-After: 7 and a Set-Cookie.
 * - `/v1/empty`: 204 with no headers at all.
 * - `/v1/stream`: sends "first;" at once, "second" 150 ms later, no Content-Length.
 * - `/v1/break`: promises 1000 bytes, sends 10, then cuts the connection.
 * - `/v1/trickle`: sends a chunk every 50 ms for 5 s (for clients that leave early); `closed` counts ends.
 * - anything else: 200 with a JSON description of the request in `x-echo`, and the request
 *   body (or a fixed binary body) as the response body, Content-Type echoed.
 */
export function startEchoUpstream(name = 'upstream'): Promise<EchoUpstream> {
  const requests: RecordedRequest[] = [];
  const state = { pending: 0, trickleClosed: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawHeaderNames = req.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase());
      const record: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        rawHeaderNames,
        body: Buffer.concat(chunks),
      };
      requests.push(record);
      const path = (req.url ?? '').split('?')[0];
      if (path === '/v1/hang') {
        state.pending++;
        return;
      }
      const slow = /^\/v1\/slow\/(\d+)$/.exec(path);
      if (slow) {
        state.pending++;
        setTimeout(() => {
          state.pending--;
          res.writeHead(200, { 'content-type': 'text/plain' }).end(`slow ${name}`);
        }, Number(slow[1]));
        return;
      }
      const status = /^\/v1\/status\/(\d{3})$/.exec(path);
      if (status) {
        res.writeHead(Number(status[1]), {
          'content-type': 'application/json; charset=utf-8',
          'retry-after': '7',
          'set-cookie': 'ASP.NET_SessionId=secret; path=/',
        });
        res.end(JSON.stringify({ status: Number(status[1]) }));
        return;
      }
      if (path === '/v1/empty') {
        res.writeHead(204).end();
        return;
      }
      if (path === '/v1/break') {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '1000' });
        res.write('0123456789');
        setTimeout(() => res.socket?.destroy(), 30);
        return;
      }
      if (path === '/v1/trickle') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        const timer = setInterval(() => res.write('tick;'), 50);
        const stop = setTimeout(() => res.end(), 5_000);
        res.on('close', () => {
          clearInterval(timer);
          clearTimeout(stop);
          state.trickleClosed++;
        });
        return;
      }
      if (path === '/v1/stream') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.write('first;');
        setTimeout(() => res.end('second'), 150);
        return;
      }
      const body = record.body.length > 0 ? record.body : Buffer.from([0, 1, 2, 0xfe, 0xff, 0x80, 0x0a, 0x41]);
      res.writeHead(200, {
        'content-type': req.headers['content-type'] ?? 'application/octet-stream',
        'content-length': String(body.length),
        'x-upstream': name,
        'x-echo': encodeURIComponent(JSON.stringify({ method: record.method, url: record.url })),
      });
      res.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        requests,
        get pending() {
          return state.pending;
        },
        get trickleClosed() {
          return state.trickleClosed;
        },
        close: closer(server),
      });
    });
    server.once('error', reject);
  });
}

/** A port that was just free: nothing listens there. */
/**
 * A port where a connection is refused at once. Port 1 (tcpmux) is below 1024, so no test server
 * can take it; a free port that was closed again could be taken by a server of another test file
 * running at the same time, which then leaves the connection hanging until the proxy's timeout.
 */
export async function closedPort(): Promise<number> {
  return 1;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A request with full control over the request target and body framing (fetch normalises
 * paths and always frames bodies). `chunks` are written one by one without a Content-Length.
 */
export function rawRequest(
  base: string,
  opts: { method: string; path: string; headers?: Record<string, string>; body?: Buffer; chunks?: Buffer[] },
): Promise<RawResponse> {
  const target = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: opts.method,
        path: opts.path,
        headers: opts.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (opts.chunks) {
      for (const chunk of opts.chunks) req.write(chunk);
      req.end();
    } else {
      req.end(opts.body);
    }
  });
}
