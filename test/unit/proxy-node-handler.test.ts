/**
 * The Node fast path (proxy/node-handler.ts) against the Hono app on node-server with the same
 * node:http upstream access: every answer, every header, every log line and every request that
 * reaches the upstream must be the same. Also which requests the fast path leaves to Hono.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeHandler, isPlainTarget } from '../../proxy/node-handler';
import { createNodeFetch } from '../../proxy/node-fetch';
import { DEFAULT_BODY_LIMIT_BYTES, type ProxyConfig } from '../../proxy/config';
import {
  closedPort,
  rawRequest,
  startEchoUpstream,
  startProxy,
  type EchoUpstream,
  type Listening,
  type RawResponse,
} from '../helpers/proxy';

const ALLOWED = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION = `chrome-extension://${ALLOWED}`;
const OTHER = 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba';
const TOKEN = 'a-proxy-token-of-some-length';

interface Case {
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
  chunks?: Buffer[];
}

const withToken = (headers: Record<string, string> = {}) => ({ 'x-proxy-token': TOKEN, ...headers });

const CASES: Case[] = [
  { name: 'health check', method: 'GET', path: '/healthz' },
  { name: 'health check from the extension', method: 'GET', path: '/healthz', headers: { origin: EXTENSION } },
  { name: 'a web origin', method: 'GET', path: '/v1/ledger', headers: withToken({ origin: 'https://evil.example' }) },
  { name: 'another extension', method: 'GET', path: '/v1/ledger', headers: withToken({ origin: OTHER }) },
  {
    name: 'preflight of another extension',
    method: 'OPTIONS',
    path: '/v1/ledger',
    headers: { origin: OTHER, 'access-control-request-method': 'GET' },
  },
  {
    name: 'preflight',
    method: 'OPTIONS',
    path: '/v1/ledger',
    headers: { origin: EXTENSION, 'access-control-request-method': 'GET' },
  },
  {
    name: 'preflight of a path not served',
    method: 'OPTIONS',
    path: '/nothing',
    headers: { origin: EXTENSION, 'access-control-request-method': 'GET' },
  },
  { name: 'no token', method: 'GET', path: '/v1/ledger' },
  { name: 'a wrong token', method: 'GET', path: '/v1/ledger', headers: { 'x-proxy-token': 'wrong-token-wrong-token' } },
  { name: 'OPTIONS without preflight is forwarded', method: 'OPTIONS', path: '/v1/ledger', headers: withToken() },
  {
    name: 'SOAP',
    method: 'POST',
    path: '/soap.asmx',
    headers: withToken({
      origin: EXTENSION,
      'content-type': 'text/xml; charset=utf-8',
      soapaction: '"x"',
      cookie: 'a=b',
      'accept-language': 'nl',
    }),
    body: Buffer.from('<soap:Envelope>é</soap:Envelope>'),
  },
  { name: 'REST with a query', method: 'GET', path: '/v1/ledger?limit=100&offset=0&q=a%20b', headers: withToken() },
  { name: 'REST status passed through', method: 'GET', path: '/v1/status/429', headers: withToken() },
  { name: 'REST without content', method: 'GET', path: '/v1/status/204', headers: withToken() },
  { name: 'REST 204 without any header', method: 'GET', path: '/v1/empty', headers: withToken() },
  {
    name: 'PUT with a body in chunks',
    method: 'PUT',
    path: '/v1/relation/1',
    headers: withToken({ 'content-type': 'application/json' }),
    chunks: [Buffer.alloc(600, 0x61), Buffer.alloc(424, 0x62)],
  },
  {
    name: 'POST with an empty body',
    method: 'POST',
    path: '/v1/relation',
    headers: withToken(),
    body: Buffer.alloc(0),
  },
  { name: 'DELETE', method: 'DELETE', path: '/v1/relation/1', headers: withToken() },
  {
    name: 'over the limit by length',
    method: 'POST',
    path: '/soap.asmx',
    headers: withToken(),
    body: Buffer.alloc(1025, 0x61),
  },
  {
    name: 'over the limit while streamed',
    method: 'POST',
    path: '/v1/relation',
    headers: withToken(),
    chunks: [Buffer.alloc(600, 0x62), Buffer.alloc(600, 0x63)],
  },
  { name: 'SOAP by GET', method: 'GET', path: '/soap.asmx', headers: withToken() },
  { name: 'no such path', method: 'GET', path: '/v2/relation', headers: withToken() },
  { name: 'POST /healthz', method: 'POST', path: '/healthz', headers: withToken(), body: Buffer.from('x') },
  { name: '/v1 alone', method: 'GET', path: '/v1', headers: withToken() },
  { name: 'an upstream that hangs', method: 'GET', path: '/v1/hang', headers: withToken({ origin: EXTENSION }) },
  { name: 'an upstream that breaks mid-body', method: 'GET', path: '/v1/break', headers: withToken() },
];

/** What must be the same on both paths: the answer without Date, and the log line without time and duration. */
function comparable(res: RawResponse | Error) {
  if (res instanceof Error) return { failed: true };
  const { date: _date, ...headers } = res.headers;
  return { status: res.status, headers, body: res.body.toString('base64') };
}
const logShape = (line: string) => line.replace(/^\S+ /, 'TIME ').replace(/ \d+\.\dms /, ' Nms ');

describe('the Node fast path answers exactly as the Hono app does', () => {
  let upstream: EchoUpstream;
  let fast: Listening;
  let hono: Listening;
  const logs = { fast: [] as string[], hono: [] as string[] };

  beforeAll(async () => {
    upstream = await startEchoUpstream('up');
    const config = (lines: string[]): Partial<ProxyConfig> & Pick<ProxyConfig, 'soapUrl' | 'restUrl'> => ({
      soapUrl: upstream.url,
      restUrl: `${upstream.url}/`,
      proxyToken: TOKEN,
      allowedExtensionIds: [ALLOWED],
      bodyLimitBytes: 1024,
      upstreamTimeoutMs: 150,
      logger: (l) => lines.push(l),
    });
    fast = await startProxy(config(logs.fast));
    // A given fetch always takes the Hono app; this one is the node:http access the fast path replaces.
    hono = await startProxy({ ...config(logs.hono), fetch: createNodeFetch() });
  });
  afterAll(async () => {
    await Promise.all([fast?.close(), hono?.close(), upstream?.close()]);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const answers = [];
    const received = [];
    const lines = [];
    for (const [proxy, log] of [
      [fast, logs.fast],
      [hono, logs.hono],
    ] as const) {
      log.length = 0;
      const before = upstream.requests.length;
      const res = await rawRequest(proxy.url, c).catch((e: Error) => e);
      await new Promise((r) => setTimeout(r, 60));
      answers.push(comparable(res));
      received.push(upstream.requests.slice(before).map(({ headers: { host: _host, ...h }, ...r }) => ({ ...r, h })));
      lines.push(log.map(logShape));
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(received[0]).toEqual(received[1]);
    expect(lines[0]).toEqual(lines[1]);
    expect(lines[0]).toHaveLength(1);
  });

  it('a client that leaves halfway through its body: nothing forwarded, the same log line as the Hono app', async () => {
    const lines = [];
    for (const [proxy, log] of [
      [fast, logs.fast],
      [hono, logs.hono],
    ] as const) {
      log.length = 0;
      const before = upstream.requests.length;
      const socket = connect(proxy.port, '127.0.0.1');
      await new Promise((r) => socket.once('connect', r));
      socket.write(
        `POST /v1/relation HTTP/1.1\r\nHost: 127.0.0.1:${proxy.port}\r\nX-Proxy-Token: ${TOKEN}\r\nContent-Length: 1000\r\n\r\n0123456789`,
      );
      await new Promise((r) => setTimeout(r, 50));
      socket.destroy();
      const deadline = Date.now() + 2_000;
      while (log.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(upstream.requests.length).toBe(before);
      lines.push(log.map(logShape));
    }
    expect(lines[0]).toEqual(['TIME POST /v1/relation 500 Nms 76B error']);
    expect(lines[0]).toEqual(lines[1]);
  });

  it('answers 502 for an unreachable upstream, as the Hono app does', async () => {
    const port = await closedPort();
    const dead = { soapUrl: `http://127.0.0.1:${port}`, restUrl: `http://127.0.0.1:${port}`, logger: () => {} };
    const proxies = [await startProxy(dead), await startProxy({ ...dead, fetch: createNodeFetch() })];
    try {
      const answers = [];
      for (const p of proxies)
        answers.push(
          comparable(await rawRequest(p.url, { method: 'POST', path: '/soap.asmx', body: Buffer.from('x') })),
        );
      expect(answers[0]).toMatchObject({ status: 502 });
      expect(answers[0]).toEqual(answers[1]);
    } finally {
      await Promise.all(proxies.map((p) => p.close()));
    }
  });
});

describe('which requests take the fast path', () => {
  let upstream: EchoUpstream;
  let server: Server;
  let url: string;
  const fellBack: string[] = [];

  beforeAll(async () => {
    upstream = await startEchoUpstream('up');
    const fallback: RequestListener = (req, res) => {
      fellBack.push(`${req.method} ${req.url}`);
      res.writeHead(299).end();
    };
    const handler = createNodeHandler(
      {
        soapUrl: upstream.url,
        restUrl: upstream.url,
        allowedExtensionIds: [],
        upstreamTimeoutMs: 1000,
        bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES,
        logger: () => {},
      },
      fallback,
    );
    server = createServer(handler);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await upstream.close();
  });

  it('forwards plain requests itself and leaves HEAD, odd targets and odd hosts to the Hono app', async () => {
    for (const path of ['/v1/ledger?limit=100&offset=0', '/healthz', '/v2/x'])
      expect((await rawRequest(url, { method: 'GET', path })).status).not.toBe(299);
    expect(fellBack).toEqual([]);
    const odd: Array<[string, string, Record<string, string>?]> = [
      ['HEAD', '/v1/ledger'],
      ['GET', '/v1/../healthz'],
      ['GET', '/v1/%2e%2e/x'],
      ['GET', '/health%7A'],
      ['GET', '/v1//x'],
      ['GET', '/v1/a\\b'],
      ['GET', "/v1/x?a='b'"],
      ['GET', 'http://evil.example/v1/x'],
      ['GET', '/v1/x', { host: '1.2.3' }],
      ['GET', '/v1/x', { host: 'LOCALHOST' }],
    ];
    for (const [method, path, headers] of odd) {
      expect((await rawRequest(url, { method, path, headers })).status).toBe(299);
    }
    expect(fellBack).toEqual(odd.map(([m, p]) => `${m} ${p}`));
  });

  it('takes only targets that the URL parser leaves as they are', () => {
    const alphabet = "abcAZ09-._~!$&()*+,;=:@/?%'\\#[]|{}^` ";
    let plain = 0;
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % alphabet.length;
    for (let i = 0; i < 20_000; i++) {
      let target = '/';
      const length = 1 + (i % 12);
      for (let j = 0; j < length; j++) target += alphabet[next()];
      if (!isPlainTarget(target)) continue;
      plain++;
      expect(new URL(`http://host${target}`).href.slice('http://host'.length)).toBe(target);
    }
    expect(plain).toBeGreaterThan(1000);
  });
});
