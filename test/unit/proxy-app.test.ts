import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closedPort,
  rawRequest,
  startEchoUpstream,
  startProxy,
  type EchoUpstream,
  type Listening,
} from '../helpers/proxy';

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const FIREFOX = 'moz-extension://0b7c5f5e-1c1e-4a8e-9a51-2f6f7d1f3c11';

// Node runs the proxy with its own node:http fetch; fetch-based hosts use the global one.
const FETCHES: Array<[string, typeof fetch | undefined]> = [
  ['node:http fetch', undefined],
  ['global fetch', globalThis.fetch.bind(globalThis)],
];

describe.each(FETCHES)('proxy with %s', (_name, upstreamFetch) => {
  let soap: EchoUpstream;
  let rest: EchoUpstream;
  let proxy: Listening;
  const lines: string[] = [];

  beforeAll(async () => {
    soap = await startEchoUpstream('soap');
    rest = await startEchoUpstream('rest');
    proxy = await startProxy({
      fetch: upstreamFetch,
      soapUrl: soap.url,
      restUrl: rest.url,
      logger: (l) => lines.push(l),
    });
  });
  afterAll(async () => {
    await Promise.all([proxy?.close(), soap?.close(), rest?.close()]);
  });

  const last = (u: EchoUpstream) => u.requests[u.requests.length - 1];

  describe('forwarding', () => {
    it('sends POST /soap.asmx to the SOAP upstream with the body byte for byte and only the headers e-Boekhouden needs', async () => {
      const body = Buffer.concat([
        Buffer.from(
          '<?xml version="1.0" encoding="utf-8"?><soap:Envelope><soap:Body>Ünïcödé € ✓</soap:Body></soap:Envelope>',
        ),
        Buffer.from([0x00, 0xff, 0xfe, 0x0d, 0x0a]),
      ]);
      const before = rest.requests.length;
      const res = await fetch(`${proxy.url}/soap.asmx`, {
        method: 'POST',
        headers: {
          'Content-Type': 'text/xml; charset=utf-8',
          SOAPAction: '"http://www.e-boekhouden.nl/soap/GetRelaties"',
          Authorization: 'raw-session-token',
          Cookie: 'a=b',
          'X-Forwarded-For': '10.0.0.1',
          'X-Proxy-Token': 'not-for-upstream',
        },
        body,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
      expect(res.headers.get('x-upstream')).toBe('soap');
      expect(Buffer.from(await res.arrayBuffer()).equals(body)).toBe(true);

      const seen = last(soap);
      expect(seen.method).toBe('POST');
      expect(seen.url).toBe('/soap.asmx');
      expect(seen.body.equals(body)).toBe(true);
      expect(seen.headers['content-type']).toBe('text/xml; charset=utf-8');
      expect(seen.headers.soapaction).toBe('"http://www.e-boekhouden.nl/soap/GetRelaties"');
      expect(seen.headers.authorization).toBe('raw-session-token');
      expect(seen.headers.host).toBe(new URL(soap.url).host);
      for (const dropped of ['cookie', 'origin', 'x-forwarded-for', 'x-proxy-token'])
        expect(seen.rawHeaderNames).not.toContain(dropped);
      expect(rest.requests.length).toBe(before);
    });

    it('sends /v1/* with any method to the REST upstream, path and query preserved', async () => {
      for (const method of ['GET', 'POST', 'PATCH', 'DELETE', 'PUT']) {
        const body = method === 'GET' ? undefined : JSON.stringify({ name: `Bakker ${method}`, bedrag: 12.5 });
        const res = await fetch(`${proxy.url}/v1/relation/42?limit=2000&offset=4000&name[like]=%25bak%25`, {
          method,
          headers: { Authorization: 'Bearer abc', 'Content-Type': 'application/json' },
          body,
        });
        expect(res.status).toBe(200);
        expect(res.headers.get('x-upstream')).toBe('rest');
        const seen = last(rest);
        expect(seen.method).toBe(method);
        expect(seen.url).toBe('/v1/relation/42?limit=2000&offset=4000&name[like]=%25bak%25');
        expect(seen.body.toString()).toBe(body ?? '');
        if (body) expect(await res.text()).toBe(body);
        else
          expect(
            Buffer.from(await res.arrayBuffer()).equals(Buffer.from([0, 1, 2, 0xfe, 0xff, 0x80, 0x0a, 0x41])),
          ).toBe(true);
      }
    });

    it('keeps a base path configured on the upstream', async () => {
      const based = await startProxy({
        fetch: upstreamFetch,
        soapUrl: `${soap.url}/soapbase`,
        restUrl: `${rest.url}/restbase/`,
        logger: () => {},
      });
      try {
        await (await fetch(`${based.url}/v1/ledger?offset=0`)).arrayBuffer();
        expect(last(rest).url).toBe('/restbase/v1/ledger?offset=0');
        await (await fetch(`${based.url}/soap.asmx`, { method: 'POST', body: '<x/>' })).arrayBuffer();
        expect(last(soap).url).toBe('/soapbase/soap.asmx');
      } finally {
        await based.close();
      }
    });

    it('passes status codes and Retry-After through, and drops Set-Cookie', async () => {
      const res = await fetch(`${proxy.url}/v1/status/429`, { headers: { Origin: EXTENSION } });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(res.headers.get('access-control-expose-headers')).toContain('Retry-After');
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(await res.json()).toEqual({ status: 429 });

      const fault = await fetch(`${proxy.url}/v1/status/500`);
      expect(fault.status).toBe(500);
      expect(fault.headers.get('content-type')).toBe('application/json; charset=utf-8');
    });

    it('streams the response: the first chunk arrives before the upstream has finished', async () => {
      const started = performance.now();
      const res = await fetch(`${proxy.url}/v1/stream`);
      const reader = res.body!.getReader();
      const first = await reader.read();
      const firstAt = performance.now() - started;
      expect(new TextDecoder().decode(first.value)).toBe('first;');
      expect(firstAt).toBeLessThan(140);
      let rest2 = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        rest2 += new TextDecoder().decode(value);
      }
      expect(rest2).toBe('second');
    });

    it('answers HEAD with the upstream status and no body, and keeps the connection usable', async () => {
      const head = await rawRequest(proxy.url, { method: 'HEAD', path: '/v1/ledger' });
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      expect(last(rest).method).toBe('HEAD');
      expect((await fetch(`${proxy.url}/v1/ledger`)).status).toBe(200);
    });

    it('cuts the client off (not a clean end) when the upstream breaks mid-body, and logs it', async () => {
      lines.length = 0;
      const res = await fetch(`${proxy.url}/v1/break`);
      expect(res.status).toBe(200);
      await expect(res.arrayBuffer()).rejects.toThrow();
      await new Promise((r) => setTimeout(r, 50));
      expect(lines.find((l) => l.includes('/v1/break'))).toMatch(/ 200 \d+\.\dms 10B upstream-broke$/);
    });

    it('lets go of the upstream when the client leaves mid-body, and logs it', async () => {
      lines.length = 0;
      const closedBefore = rest.trickleClosed;
      const controller = new AbortController();
      const res = await fetch(`${proxy.url}/v1/trickle`, { signal: controller.signal });
      const reader = res.body!.getReader();
      await reader.read();
      controller.abort();
      const deadline = Date.now() + 2_000;
      while (rest.trickleClosed === closedBefore && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(rest.trickleClosed).toBe(closedBefore + 1);
      await new Promise((r) => setTimeout(r, 20));
      expect(lines.find((l) => l.includes('/v1/trickle'))).toMatch(/ 200 \d+\.\dms \d+B aborted$/);
    });

    it('frees the upstream when the client left before the upstream answered', async () => {
      lines.length = 0;
      const controller = new AbortController();
      const gone = fetch(`${proxy.url}/v1/slow/150`, { signal: controller.signal }).catch(() => 'aborted');
      await new Promise((r) => setTimeout(r, 40));
      controller.abort();
      expect(await gone).toBe('aborted');
      const deadline = Date.now() + 2_000;
      while (!lines.some((l) => l.includes('/v1/slow/150')) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect(lines.find((l) => l.includes('/v1/slow/150'))).toMatch(/ 200 \d+\.\dms \d+B aborted$/);
      // The proxy still serves the next request normally.
      expect((await fetch(`${proxy.url}/v1/slow/1`)).status).toBe(200);
    });

    it('ignores an absolute request target: the upstream comes from the config only', async () => {
      const before = rest.requests.length;
      const res = await rawRequest(proxy.url, {
        method: 'GET',
        path: 'http://evil.example/v1/relation',
        headers: { Host: 'evil.example' },
      });
      expect(res.status).toBe(200);
      expect(rest.requests.length).toBe(before + 1);
      expect(last(rest).url).toBe('/v1/relation');
    });

    it('answers GET /healthz itself', async () => {
      const before = soap.requests.length + rest.requests.length;
      const res = await fetch(`${proxy.url}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true });
      expect(soap.requests.length + rest.requests.length).toBe(before);
    });
  });

  describe('404 for everything else', () => {
    const cases: Array<[string, string]> = [
      ['GET', '/'],
      ['GET', '/__sandbox/stats'],
      ['POST', '/__sandbox/reset'],
      ['GET', '/soap.asmx'],
      ['GET', '/soap.asmx?wsdl'],
      ['GET', '/v1'],
      ['GET', '/v2/relation'],
      ['GET', '/v1/../__sandbox/stats'],
      ['GET', '/v1/%2e%2e/__sandbox/stats'],
      ['GET', '/v1/..%2f__sandbox/stats'],
      ['GET', '/v1//__sandbox/stats'],
      ['POST', '/soap.asmx/../__sandbox/reset'],
    ];
    it.each(cases)('%s %s → 404 JSON, nothing forwarded', async (method, path) => {
      const before = soap.requests.length + rest.requests.length;
      const res = await rawRequest(proxy.url, {
        method,
        path,
        headers: { 'content-type': 'text/plain' },
        body: method === 'POST' ? Buffer.from('x') : undefined,
      });
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(res.body.toString())).toMatchObject({ error: 'not_found' });
      expect(soap.requests.length + rest.requests.length).toBe(before);
    });
  });

  describe('CORS', () => {
    it('lets extension origins through with Access-Control-Allow-Origin set to that origin', async () => {
      for (const origin of [EXTENSION, FIREFOX]) {
        const res = await fetch(`${proxy.url}/v1/ledger`, { headers: { Origin: origin } });
        expect(res.status).toBe(200);
        expect(res.headers.get('access-control-allow-origin')).toBe(origin);
        expect(res.headers.get('vary')).toContain('Origin');
      }
    });

    it('allows requests without an Origin header, without CORS headers', async () => {
      const res = await fetch(`${proxy.url}/v1/ledger`);
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    });

    it.each([
      'https://evil.example',
      'null',
      'http://127.0.0.1:8787',
      'chrome-extension://',
      'chrome-extension://abc/path',
      'file://',
    ])('refuses origin %s with 403 JSON, no CORS headers, nothing forwarded', async (origin) => {
      const before = soap.requests.length + rest.requests.length;
      const res = await fetch(`${proxy.url}/v1/ledger`, { headers: { Origin: origin } });
      expect(res.status).toBe(403);
      expect((await res.json()).error).toBe('origin_not_allowed');
      expect([...res.headers.keys()].filter((h) => h.startsWith('access-control-'))).toEqual([]);
      expect(soap.requests.length + rest.requests.length).toBe(before);
    });

    it('answers a preflight from an extension without calling the upstream, and refuses one from the web', async () => {
      const before = soap.requests.length + rest.requests.length;
      const ok = await fetch(`${proxy.url}/soap.asmx`, {
        method: 'OPTIONS',
        headers: {
          Origin: EXTENSION,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type, soapaction, x-proxy-token',
        },
      });
      expect(ok.status).toBe(204);
      expect(ok.headers.get('access-control-allow-origin')).toBe(EXTENSION);
      expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
      expect(ok.headers.get('access-control-allow-methods')).toContain('PATCH');
      for (const h of ['SOAPAction', 'X-Proxy-Token', 'Authorization', 'Content-Type'])
        expect(ok.headers.get('access-control-allow-headers')).toContain(h);

      const web = await fetch(`${proxy.url}/v1/relation`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
      });
      expect(web.status).toBe(403);
      expect(web.headers.get('access-control-allow-origin')).toBeNull();
      expect(soap.requests.length + rest.requests.length).toBe(before);
    });

    it('narrows to ALLOWED_EXTENSION_IDS when set', async () => {
      const narrow = await startProxy({
        fetch: upstreamFetch,
        soapUrl: soap.url,
        restUrl: rest.url,
        allowedExtensionIds: ['abcdefghijklmnopabcdefghijklmnop'],
        logger: () => {},
      });
      try {
        const mine = await fetch(`${narrow.url}/v1/ledger`, { headers: { Origin: EXTENSION } });
        expect(mine.status).toBe(200);
        expect(mine.headers.get('access-control-allow-origin')).toBe(EXTENSION);
        const before = rest.requests.length;
        const otherOrigin = 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba';
        // Another extension is refused, in words it can read: the preflight passes, the request gets a 403 with CORS headers.
        const preflight = await fetch(`${narrow.url}/v1/ledger`, {
          method: 'OPTIONS',
          headers: { Origin: otherOrigin, 'Access-Control-Request-Method': 'GET' },
        });
        expect(preflight.status).toBe(204);
        expect(preflight.headers.get('access-control-allow-origin')).toBe(otherOrigin);
        const other = await fetch(`${narrow.url}/v1/ledger`, { headers: { Origin: otherOrigin } });
        expect(other.status).toBe(403);
        expect(other.headers.get('access-control-allow-origin')).toBe(otherOrigin);
        expect(await other.json()).toEqual({
          error: 'extension_not_allowed',
          message: expect.stringMatching(
            /origin chrome-extension:\/\/ponmlkjihgfedcbaponmlkjihgfedcba\).*ALLOWED_EXTENSION_IDS/,
          ),
        });
        const firefox = await fetch(`${narrow.url}/v1/ledger`, { headers: { Origin: FIREFOX } });
        expect(firefox.status).toBe(403);
        expect(firefox.headers.get('access-control-allow-origin')).toBe(FIREFOX);
        expect(rest.requests.length).toBe(before);
      } finally {
        await narrow.close();
      }
    });

    it('puts CORS headers on the proxy’s own errors for an extension, so it can read them', async () => {
      const res = await fetch(`${proxy.url}/nothing-here`, { headers: { Origin: EXTENSION } });
      expect(res.status).toBe(404);
      expect(res.headers.get('access-control-allow-origin')).toBe(EXTENSION);
    });
  });

  describe('proxy token', () => {
    let guarded: Listening;
    beforeAll(async () => {
      guarded = await startProxy({
        fetch: upstreamFetch,
        soapUrl: soap.url,
        restUrl: rest.url,
        proxyToken: 'proxy-secret-42',
        logger: () => {},
      });
    });
    afterAll(() => guarded?.close());

    it.each([
      ['missing', undefined],
      ['wrong', 'proxy-secret-43'],
      ['shorter', 'proxy-secret-4'],
      ['longer', 'proxy-secret-420'],
      ['empty', ''],
    ])('%s token → 401 JSON, nothing forwarded', async (_label, token) => {
      const before = soap.requests.length + rest.requests.length;
      const res = await fetch(`${guarded.url}/v1/ledger`, {
        headers: token === undefined ? {} : { 'X-Proxy-Token': token },
      });
      expect(res.status).toBe(401);
      expect((await res.json()).error).toBe('proxy_token_required');
      expect(soap.requests.length + rest.requests.length).toBe(before);
    });

    it('forwards with the right token and does not pass it on', async () => {
      const res = await fetch(`${guarded.url}/soap.asmx`, {
        method: 'POST',
        headers: { 'X-Proxy-Token': 'proxy-secret-42' },
        body: '<a/>',
      });
      expect(res.status).toBe(200);
      expect(last(soap).rawHeaderNames).not.toContain('x-proxy-token');
    });

    it('answers preflights and /healthz without the token (browsers and health checks cannot send it)', async () => {
      const pre = await fetch(`${guarded.url}/v1/ledger`, {
        method: 'OPTIONS',
        headers: { Origin: EXTENSION, 'Access-Control-Request-Method': 'GET' },
      });
      expect(pre.status).toBe(204);
      expect((await fetch(`${guarded.url}/healthz`)).status).toBe(200);
    });
  });

  describe('limits and upstream failures', () => {
    it('refuses bodies over the limit with 413, by Content-Length and when streamed without one', async () => {
      const small = await startProxy({
        fetch: upstreamFetch,
        soapUrl: soap.url,
        restUrl: rest.url,
        bodyLimitBytes: 1024,
        logger: () => {},
      });
      try {
        const before = soap.requests.length + rest.requests.length;
        const declared = await rawRequest(small.url, {
          method: 'POST',
          path: '/soap.asmx',
          body: Buffer.alloc(1025, 0x61),
        });
        expect(declared.status).toBe(413);
        expect(JSON.parse(declared.body.toString()).error).toBe('body_too_large');

        const streamed = await rawRequest(small.url, {
          method: 'POST',
          path: '/v1/relation',
          chunks: [Buffer.alloc(600, 0x62), Buffer.alloc(600, 0x63)],
        });
        expect(streamed.status).toBe(413);
        expect(soap.requests.length + rest.requests.length).toBe(before);

        const exact = await rawRequest(small.url, {
          method: 'POST',
          path: '/v1/relation',
          chunks: [Buffer.alloc(512, 0x64), Buffer.alloc(512, 0x65)],
        });
        expect(exact.status).toBe(200);
        expect(last(rest).body.length).toBe(1024);
      } finally {
        await small.close();
      }
    });

    it('uses 1 MiB by default', async () => {
      const res = await fetch(`${proxy.url}/v1/relation`, { method: 'POST', body: new Uint8Array(1024 * 1024 + 1) });
      expect(res.status).toBe(413);
      const ok = await fetch(`${proxy.url}/v1/relation`, { method: 'POST', body: new Uint8Array(1024 * 1024) });
      expect(ok.status).toBe(200);
      expect((await ok.arrayBuffer()).byteLength).toBe(1024 * 1024);
    });

    it('answers 504 when the upstream does not answer in time', async () => {
      const quick = await startProxy({
        fetch: upstreamFetch,
        soapUrl: soap.url,
        restUrl: rest.url,
        upstreamTimeoutMs: 200,
        logger: () => {},
      });
      try {
        const started = performance.now();
        const res = await fetch(`${quick.url}/v1/hang`);
        const took = performance.now() - started;
        expect(res.status).toBe(504);
        const json = await res.json();
        expect(json.error).toBe('upstream_timeout');
        expect(json.message).toContain('REST upstream');
        expect(took).toBeGreaterThanOrEqual(190);
        expect(took).toBeLessThan(2000);
        // A slower-than-usual but timely answer still gets through.
        expect((await fetch(`${quick.url}/v1/slow/50`)).status).toBe(200);
      } finally {
        await quick.close();
      }
    });

    it('answers 502 when nothing listens upstream', async () => {
      const port = await closedPort();
      const dead = await startProxy({
        fetch: upstreamFetch,
        soapUrl: `http://127.0.0.1:${port}`,
        restUrl: `http://127.0.0.1:${port}`,
        logger: () => {},
      });
      try {
        const res = await fetch(`${dead.url}/soap.asmx`, {
          method: 'POST',
          body: '<x/>',
          headers: { Origin: EXTENSION },
        });
        expect(res.status).toBe(502);
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        expect(res.headers.get('access-control-allow-origin')).toBe(EXTENSION);
        const json = await res.json();
        expect(json).toMatchObject({ error: 'upstream_unreachable' });
        expect(json.message).toContain('SOAP upstream');
      } finally {
        await dead.close();
      }
    });
  });

  describe('request log', () => {
    it('writes one line per request with method, path, status, duration and bytes', async () => {
      lines.length = 0;
      const res = await fetch(`${proxy.url}/v1/relation/7?offset=0`, { method: 'PATCH', body: 'abcdef' });
      await res.arrayBuffer();
      await fetch(`${proxy.url}/nope`).then((r) => r.arrayBuffer());
      await new Promise((r) => setTimeout(r, 20));
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z PATCH \/v1\/relation\/7 200 \d+\.\dms 6B$/);
      expect(lines[1]).toMatch(/ GET \/nope 404 \d+\.\dms \d+B$/);
    });
  });

  describe('secrets never reach the log', () => {
    it('logs no token, security code, session id, body or query string, also on errors', async () => {
      const secrets = {
        proxyToken: 'PXTOKEN-7f3a9c1e5b',
        sessionToken: 'SESSTOKEN-c0ffee1234',
        apiToken: 'APITOKEN-deadbeef99',
        securityCode1: '0123456789abcdef0123456789abcdef',
        securityCode2: '1A2B3C4D-0000-1111-2222-333344445555',
        sessionId: 'SESSIONID-8b1f-4c2d',
        username: 'demo-user-secret',
      };
      const captured: string[] = [];
      const consoleCaptured: string[] = [];
      const originals = { log: console.log, error: console.error, warn: console.warn, info: console.info };
      for (const k of Object.keys(originals) as Array<keyof typeof originals>) {
        console[k] = (...args: unknown[]) => consoleCaptured.push(args.map(String).join(' '));
      }
      const port = await closedPort();
      const logger = (l: string) => captured.push(l);
      const guarded = await startProxy({
        fetch: upstreamFetch,
        soapUrl: soap.url,
        restUrl: rest.url,
        proxyToken: secrets.proxyToken,
        logger,
        bodyLimitBytes: 4096,
      });
      const slowProxy = await startProxy({
        fetch: upstreamFetch,
        soapUrl: soap.url,
        restUrl: rest.url,
        proxyToken: secrets.proxyToken,
        logger,
        upstreamTimeoutMs: 100,
      });
      const deadProxy = await startProxy({
        fetch: upstreamFetch,
        soapUrl: `http://127.0.0.1:${port}`,
        restUrl: `http://127.0.0.1:${port}`,
        proxyToken: secrets.proxyToken,
        logger,
      });
      try {
        const soapBody = `<soap:Envelope><soap:Body><OpenSession><Username>${secrets.username}</Username><SecurityCode1>${secrets.securityCode1}</SecurityCode1><SecurityCode2>${secrets.securityCode2}</SecurityCode2></OpenSession><SessionID>${secrets.sessionId}</SessionID></soap:Body></soap:Envelope>`;
        const good = {
          'X-Proxy-Token': secrets.proxyToken,
          Authorization: secrets.sessionToken,
          'Content-Type': 'text/xml; charset=utf-8',
        };
        const calls: Array<Promise<Response>> = [
          fetch(`${guarded.url}/soap.asmx`, { method: 'POST', headers: good, body: soapBody }),
          fetch(`${guarded.url}/v1/session?accessToken=${secrets.apiToken}&sessionId=${secrets.sessionId}`, {
            method: 'POST',
            headers: { ...good, 'Content-Type': 'application/json' },
            body: JSON.stringify({ accessToken: secrets.apiToken, source: 'BoekhoudC' }),
          }),
          fetch(`${guarded.url}/v1/relation?token=${secrets.sessionToken}`, {
            headers: { Authorization: `Bearer ${secrets.sessionToken}` },
          }), // 401: no proxy token
          fetch(`${guarded.url}/v1/relation`, { headers: { 'X-Proxy-Token': secrets.apiToken } }), // 401: wrong proxy token
          fetch(`${guarded.url}/soap.asmx`, { method: 'POST', headers: good, body: soapBody.repeat(40) }), // 413
          fetch(`${guarded.url}/v1/relation?code=${secrets.securityCode1}`, {
            headers: { ...good, Origin: 'https://evil.example' },
          }), // 403
          fetch(`${guarded.url}/__sandbox/seed?token=${secrets.proxyToken}`, { headers: good }), // 404
          fetch(`${slowProxy.url}/v1/hang?session=${secrets.sessionId}`, { headers: good }), // 504
          fetch(`${deadProxy.url}/soap.asmx?code=${secrets.securityCode2}`, {
            method: 'POST',
            headers: good,
            body: soapBody,
          }), // 502
        ];
        const statuses = [];
        for (const call of calls) {
          const res = await call;
          await res.arrayBuffer();
          statuses.push(res.status);
        }
        expect(statuses).toEqual([200, 200, 401, 401, 413, 403, 404, 504, 502]);
        await new Promise((r) => setTimeout(r, 20));
        expect(captured).toHaveLength(calls.length);
        // The upstream did get the secrets, so they really passed through the proxy.
        expect(soap.requests.some((r) => r.body.toString().includes(secrets.securityCode1))).toBe(true);
        const everything = [...captured, ...consoleCaptured].join('\n');
        for (const [name, value] of Object.entries(secrets)) {
          expect(everything.includes(value), `${name} appears in the log`).toBe(false);
          expect(everything.toLowerCase().includes(value.toLowerCase()), `${name} appears in the log`).toBe(false);
        }
        expect(everything).not.toContain('?');
        expect(everything).not.toContain('Envelope');
      } finally {
        Object.assign(console, originals);
        await Promise.all([guarded.close(), slowProxy.close(), deadProxy.close()]);
      }
    });
  });
});

describe('on a fetch-based host (no Node bindings)', () => {
  it('forwards through app.fetch with the global fetch, limits bodies and logs, with Request/Response only', async () => {
    const upstream = await startEchoUpstream('rest');
    const lines: string[] = [];
    const { createProxyApp } = await import('../../proxy/app');
    const app = createProxyApp({
      soapUrl: upstream.url,
      restUrl: upstream.url,
      allowedExtensionIds: [],
      upstreamTimeoutMs: 5_000,
      bodyLimitBytes: 64,
      logger: (l) => lines.push(l),
    });
    try {
      const body = 'x'.repeat(64);
      const res = await app.fetch(
        new Request('https://proxy.example.workers.dev/v1/relation?limit=1', {
          method: 'POST',
          headers: { Origin: EXTENSION, 'Content-Type': 'text/plain', Authorization: 'sess' },
          body,
        }),
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe(EXTENSION);
      expect(await res.text()).toBe(body);
      expect(upstream.requests[0]).toMatchObject({ method: 'POST', url: '/v1/relation?limit=1' });
      expect(upstream.requests[0].headers.authorization).toBe('sess');

      const streamed = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new Uint8Array(40));
          c.enqueue(new Uint8Array(40));
          c.close();
        },
      });
      const tooBig = await app.fetch(
        new Request('https://proxy.example.workers.dev/soap.asmx', {
          method: 'POST',
          body: streamed,
          duplex: 'half',
        } as RequestInit),
      );
      expect(tooBig.status).toBe(413);
      expect(upstream.requests).toHaveLength(1);
      expect(
        (await app.fetch(new Request('https://proxy.example.workers.dev/__sandbox/reset', { method: 'POST' }))).status,
      ).toBe(404);
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(/ POST \/v1\/relation 200 \d+\.\dms 64B$/);
    } finally {
      await upstream.close();
    }
  });
});
