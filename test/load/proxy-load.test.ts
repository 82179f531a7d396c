/**
 * The proxy under 200 concurrent connections for 10 s (autocannon, loopback): the only non-2xx
 * answers are the ones configured into the mix (an oversize body → 413, a path outside the
 * allowlist → 404), no connection errors or timeouts, and the heap is flat afterwards.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startProxyServer, type RunningProxy } from '../../proxy/server';
import { load, settledHeapMB, startFakeUpstream, type FakeUpstream, type LoadRequest } from '../helpers/load';

const BODY_LIMIT = 64 * 1024;
const SOAP_ANSWER = `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><GetRelatiesResponse xmlns="http://www.e-boekhouden.nl/soap"><GetRelatiesResult><ErrorMsg><LastErrorCode /><LastErrorDescription /></ErrorMsg><Relaties>${'<cRelatie><ID>1</ID><Code>R1</Code><Bedrijf>Loodgieter</Bedrijf></cRelatie>'.repeat(20)}</Relaties></GetRelatiesResult></GetRelatiesResponse></soap:Body></soap:Envelope>`;
const JSON_ANSWER = JSON.stringify({
  items: Array.from({ length: 20 }, (_, i) => ({
    id: i + 1,
    code: `${8000 + i}`,
    description: 'Omzet',
    category: 'VW',
  })),
  count: 20,
});

let upstream: FakeUpstream;
let proxy: RunningProxy;
let upstreamErrors = 0;

beforeAll(async () => {
  upstream = await startFakeUpstream((req, _body, res) => {
    if (req.url === '/soap.asmx' && req.method === 'POST') {
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(SOAP_ANSWER);
    } else if (req.url?.startsWith('/v1/')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON_ANSWER);
    } else {
      upstreamErrors++;
      res.writeHead(500).end();
    }
  });
  proxy = await startProxyServer({
    soapUrl: upstream.url,
    restUrl: upstream.url,
    allowedExtensionIds: [],
    upstreamTimeoutMs: 10_000,
    bodyLimitBytes: BODY_LIMIT,
    port: 0,
    host: '127.0.0.1',
    logger: () => undefined,
  });
});
afterAll(async () => {
  await proxy?.close(500);
  await upstream?.close();
});

const soap = { 'content-type': 'text/xml; charset=utf-8', soapaction: '"http://www.e-boekhouden.nl/soap/GetRelaties"' };
const MIX: LoadRequest[] = [
  { method: 'GET', path: '/healthz' },
  {
    method: 'POST',
    path: '/soap.asmx',
    headers: soap,
    body: '<soap:Envelope><soap:Body><GetRelaties/></soap:Body></soap:Envelope>',
  },
  { method: 'GET', path: '/v1/ledger?limit=100&offset=0', headers: { authorization: 'session-token' } },
  {
    method: 'GET',
    path: '/v1/relation?limit=2000',
    headers: { authorization: 'session-token', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' },
  },
  // Configured refusals: a body over the limit, a path outside the allowlist.
  { method: 'POST', path: '/soap.asmx', headers: soap, body: 'x'.repeat(BODY_LIMIT + 1024) },
  { method: 'GET', path: '/admin/secrets' },
];
const REFUSED_SHARE = 2 / MIX.length;

it('200 connections for 10 s: only the configured refusals, no errors, heap flat afterwards', async () => {
  // Warm up (JIT, pools), then measure the heap the proxy settles at.
  await load(proxy.url, MIX, 20, 1);
  const before = await settledHeapMB();
  const upstreamBefore = upstream.requests;

  const r = await load(proxy.url, MIX, 200, 10);

  const after = await settledHeapMB();
  const total = r['1xx'] + r['2xx'] + r['3xx'] + r['4xx'] + r['5xx'];
  console.log(
    `[load] proxy: ${r.requests.total} requests in 10 s at 200 connections (${Math.round(r.requests.average)}/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms), ` +
      `status ${JSON.stringify(Object.fromEntries(Object.entries(r.statusCodeStats).map(([k, v]) => [k, v.count])))}, heap ${before.toFixed(1)} → ${after.toFixed(1)} MB`,
  );
  expect(r.requests.total).toBeGreaterThan(1000);
  expect(r.errors).toBe(0);
  expect(r.timeouts).toBe(0);
  expect(r['5xx']).toBe(0);
  expect(upstreamErrors).toBe(0);
  // Only 413 and 404, in the share the mix asks for (each connection cycles through the mix).
  expect(Object.keys(r.statusCodeStats).filter((s) => !['200', '404', '413'].includes(s))).toEqual([]);
  expect(Math.abs(r['4xx'] / total - REFUSED_SHARE)).toBeLessThan(0.02);
  expect(Math.abs(r.statusCodeStats['413'].count - r.statusCodeStats['404'].count) / total).toBeLessThan(0.02);
  // The refused requests never reached the upstream: it saw the other four of every six.
  expect(Math.abs((upstream.requests - upstreamBefore) / total - 3 / MIX.length)).toBeLessThan(0.02);
  // Flat: what 200 connections and ~10^5 requests leave behind after a full GC.
  expect(after - before).toBeLessThan(8);
}, 60_000);
