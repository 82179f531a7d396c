/**
 * The proxy in front of the real sandbox: the same request sent directly and through the
 * proxy must give the same status, content type and bytes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { startProxy, type Listening } from '../helpers/proxy';

let sandbox: RunningSandbox;
let proxy: Listening;
const lines: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'demo' });
  proxy = await startProxy({
    soapUrl: sandbox.url,
    restUrl: sandbox.url,
    upstreamTimeoutMs: 300,
    logger: (l) => lines.push(l),
  });
});
afterAll(async () => {
  await proxy?.close();
  await sandbox?.close();
});

const creds = {
  apiToken: 'sandbox-token',
  username: 'demo',
  code1: '0123456789abcdef0123456789abcdef',
  code2: '1A2B3C4D-0000-1111-2222-333344445555',
};

function envelope(op: string, inner: string): string {
  return `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><${op} xmlns="http://www.e-boekhouden.nl/soap">${inner}</${op}></soap:Body></soap:Envelope>`;
}

function soapCall(base: string, op: string, inner: string) {
  return fetch(`${base}/soap.asmx`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"http://www.e-boekhouden.nl/soap/${op}"` },
    body: envelope(op, inner),
  });
}

async function snapshot(res: Response) {
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    retryAfter: res.headers.get('retry-after'),
    body: Buffer.from(await res.arrayBuffer()),
  };
}

describe('proxy → sandbox', () => {
  it('REST: a session through the proxy works, and GET /v1/ledger gives the same bytes direct and proxied', async () => {
    const session = await fetch(`${proxy.url}/v1/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ accessToken: creds.apiToken, source: 'BoekhoudC' }),
    });
    expect(session.status).toBe(200);
    const { token } = (await session.json()) as { token: string };
    expect(typeof token).toBe('string');

    for (const path of ['/v1/ledger?limit=50&offset=0', '/v1/relation?limit=5']) {
      const direct = await snapshot(await fetch(`${sandbox.url}${path}`, { headers: { Authorization: token } }));
      const proxied = await snapshot(await fetch(`${proxy.url}${path}`, { headers: { Authorization: token } }));
      expect(proxied.status).toBe(200);
      expect(proxied.status).toBe(direct.status);
      expect(proxied.type).toBe(direct.type);
      expect(proxied.body.equals(direct.body)).toBe(true);
    }
    // Error bodies carry a per-request traceId; everything else must match.
    const withoutTrace = (b: Buffer) => b.toString('utf8').replace(/"traceId":"[^"]*"/, '');
    const direct404 = await snapshot(
      await fetch(`${sandbox.url}/v1/relation/999999999`, { headers: { Authorization: token } }),
    );
    const proxied404 = await snapshot(
      await fetch(`${proxy.url}/v1/relation/999999999`, { headers: { Authorization: token } }),
    );
    expect([proxied404.status, proxied404.type]).toEqual([direct404.status, direct404.type]);
    expect(withoutTrace(proxied404.body)).toBe(withoutTrace(direct404.body));
    // A wrong session is the sandbox's 401, passed through unchanged.
    const bad = await fetch(`${proxy.url}/v1/ledger`, { headers: { Authorization: 'not-a-session' } });
    expect(bad.status).toBe(401);
  });

  it('SOAP: OpenSession through the proxy, then GetRelaties gives the same bytes direct and proxied', async () => {
    const open = await soapCall(
      proxy.url,
      'OpenSession',
      `<Username>${creds.username}</Username><SecurityCode1>${creds.code1}</SecurityCode1><SecurityCode2>${creds.code2}</SecurityCode2><Source>BoekhoudC</Source>`,
    );
    const openText = await open.text();
    const sessionId = /<SessionID>([^<]*)<\/SessionID>/.exec(openText)?.[1] ?? '';
    const getRelaties = `<SessionID>${sessionId}</SessionID><SecurityCode2>${creds.code2}</SecurityCode2><cFilter><Trefwoord></Trefwoord><Code></Code><ID>0</ID></cFilter>`;
    const direct = await snapshot(await soapCall(sandbox.url, 'GetRelaties', getRelaties));
    const proxied = await snapshot(await soapCall(proxy.url, 'GetRelaties', getRelaties));
    expect(proxied.status).toBe(direct.status);
    expect(proxied.type).toBe(direct.type);
    expect(proxied.body.equals(direct.body)).toBe(true);
    expect(sessionId).not.toBe('');
    expect(proxied.status).toBe(200);
    expect(proxied.body.toString()).toContain('<cRelatie>');
  });

  it('never reaches the control API under /__sandbox/', async () => {
    const direct = await fetch(`${sandbox.url}/__sandbox/stats`);
    expect(direct.status).toBe(200);
    for (const [method, path] of [
      ['GET', '/__sandbox/stats'],
      ['POST', '/__sandbox/reset'],
      ['POST', '/__sandbox/faults'],
      ['GET', '/v1/../__sandbox/state'],
    ]) {
      const res = await fetch(`${proxy.url}${path}`, { method, body: method === 'POST' ? '{}' : undefined });
      expect(res.status).toBe(404);
    }
  });

  it('passes the sandbox’s injected 429 through with Retry-After; a hung upstream becomes 504, a dropped connection 502', async () => {
    try {
      sandbox.ctx.faults.set({ rate: 1, kinds: ['rateLimit'] });
      const limited = await snapshot(await soapCall(proxy.url, 'GetRelaties', ''));
      expect(limited.status).toBe(429);
      expect(limited.retryAfter).toBe('1');

      sandbox.ctx.faults.set({ rate: 1, kinds: ['timeout'], hangMs: 5_000 });
      const hung = await soapCall(proxy.url, 'GetRelaties', '');
      expect(hung.status).toBe(504);
      expect((await hung.json()).error).toBe('upstream_timeout');

      sandbox.ctx.faults.set({ rate: 1, kinds: ['drop'] });
      const dropped = await soapCall(proxy.url, 'GetRelaties', '');
      expect(dropped.status).toBe(502);
      expect((await dropped.json()).error).toBe('upstream_unreachable');
    } finally {
      sandbox.ctx.faults.set(null);
    }
  });
});
