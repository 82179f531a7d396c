import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';

let sb: TestSandbox;
let token: string;
beforeAll(async () => {
  sb = await startTestSandbox({ seed: 'demo' });
});
afterAll(() => sb.close());
beforeEach(async () => {
  await sb.reset('demo');
  token = await sb.restToken();
});

const getLedgers = (signal?: AbortSignal) =>
  fetch(`${sb.url}/v1/ledger`, { headers: { Authorization: token }, signal });
function createRelation(code: string, signal?: AbortSignal) {
  return fetch(`${sb.url}/v1/relation`, {
    method: 'POST',
    headers: { Authorization: token, 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, name: `Relatie ${code}` }),
    signal,
  });
}

describe('fault injection', () => {
  it('http500: a plain 500 before running; the write does not happen', async () => {
    await sb.faults({ rate: 1, kinds: ['http500'] });
    const res = await createRelation('F500');
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(sb.ctx.store.relationByCode('F500')).toBeUndefined();
  });

  it('rateLimit: 429 with Retry-After, not processed', async () => {
    await sb.faults({ rate: 1, kinds: ['rateLimit'] });
    const res = await createRelation('F429');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(sb.ctx.store.relationByCode('F429')).toBeUndefined();
  });

  it("sessionExpired: the protocol's 401 SECURITY_010 although the session is valid", async () => {
    await sb.faults({ rate: 1, kinds: ['sessionExpired'] });
    const res = await getLedgers();
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'SECURITY_010' });
    await sb.faults(null);
    expect((await getLedgers()).status).toBe(200);
  });

  it('sessionExpired never hits opening a session (REST and SOAP): there is no session to expire yet', async () => {
    await sb.faults({ rate: 1, kinds: ['sessionExpired'] });
    const rest = await fetch(`${sb.url}/v1/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ accessToken: 'sandbox-token', source: 'Test' }),
    });
    expect(rest.status).toBe(200);
    expect(await rest.json()).toHaveProperty('token');
    const soap = await fetch(`${sb.url}/soap.asmx`, {
      method: 'POST',
      headers: {
        'Content-Type': 'text/xml; charset=utf-8',
        SOAPAction: '"http://www.e-boekhouden.nl/soap/OpenSession"',
      },
      body: `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><OpenSession xmlns="http://www.e-boekhouden.nl/soap"><Username>demo</Username><SecurityCode1>0123456789abcdef0123456789abcdef</SecurityCode1><SecurityCode2>1A2B3C4D-0000-1111-2222-333344445555</SecurityCode2><Source>Test</Source></OpenSession></soap:Body></soap:Envelope>`,
    });
    const xml = await soap.text();
    expect(xml).toMatch(/<SessionID>\{[0-9A-F-]{36}\}<\/SessionID>/i);
    expect(xml).not.toContain('E002.3');
  });

  it('timeout on a read: hangs hangMs without answering data', async () => {
    await sb.faults({ rate: 1, kinds: ['timeout'], hangMs: 250 });
    const started = Date.now();
    const res = await getLedgers();
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    expect(res.status).toBe(504);
  });

  it('timeout: a client that gives up gets an abort, and the sandbox still closes promptly', async () => {
    const other = await startTestSandbox({ seed: 'empty' });
    const otherToken = await other.restToken();
    await other.faults({ rate: 1, kinds: ['timeout'] });
    await expect(
      fetch(`${other.url}/v1/ledger`, { headers: { Authorization: otherToken }, signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow();
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('timeout on writes: some commit before hanging, some do not', async () => {
    await sb.faults({ rate: 1, kinds: ['timeout'], hangMs: 20, seed: 11 });
    const codes = Array.from({ length: 12 }, (_, i) => `T${i}`);
    for (const code of codes) expect((await createRelation(code)).status).toBe(504);
    const committed = codes.filter((c) => sb.ctx.store.relationByCode(c));
    expect(committed.length).toBeGreaterThan(0);
    expect(committed.length).toBeLessThan(codes.length);
  });

  it('drop on a write: committed, but the client gets no response', async () => {
    await sb.faults({ rate: 1, kinds: ['drop'] });
    await expect(createRelation('DROP1')).rejects.toThrow();
    const state = await sb.state();
    expect(state.created.relations.map((r) => r.code)).toContain('DROP1');
  });

  it('drop on an invoice: the invoice is booked although the client saw a network error', async () => {
    await sb.faults({ rate: 1, kinds: ['drop'], operations: ['POST /v1/invoice'] });
    const customer = [...sb.ctx.store.relations.values()].find((r) => !r.inactive)!;
    const body = {
      relationId: customer.id,
      templateId: sb.ctx.store.templateByName('Standaard')!.id,
      termOfPayment: 14,
      date: '2026-11-20',
      invoiceNumber: 'DROP-2026-1',
      items: [
        {
          description: 'Arbeid',
          vatCode: 'HOOG_VERK_21',
          ledgerId: sb.ctx.store.ledgerByCode('8000')!.id,
          quantity: 1,
          pricePerUnit: 50,
        },
      ],
      mutation: {},
    };
    await expect(
      fetch(`${sb.url}/v1/invoice`, { method: 'POST', headers: { Authorization: token }, body: JSON.stringify(body) }),
    ).rejects.toThrow();
    await sb.faults(null);
    const found = await (
      await fetch(`${sb.url}/v1/invoice?invoiceNumber=DROP-2026-1`, { headers: { Authorization: token } })
    ).json();
    expect(found.count).toBe(1);
    expect(sb.ctx.store.invoiceByNumber('DROP-2026-1')!.mutationId).toBeGreaterThan(0);
  });

  it('drop on a read: no response, and the sandbox keeps serving', async () => {
    await sb.faults({ rate: 1, kinds: ['drop'], operations: ['GET /v1/ledger'] });
    await expect(getLedgers()).rejects.toThrow();
    expect((await fetch(`${sb.url}/v1/unit`, { headers: { Authorization: token } })).status).toBe(200);
  });

  it('operations limits faults to the named operations', async () => {
    await sb.faults({ rate: 1, kinds: ['http500'], operations: ['POST /v1/relation'] });
    expect((await getLedgers()).status).toBe(200);
    expect((await createRelation('OPS1')).status).toBe(500);
  });

  it('is deterministic for a seed and hits about `rate` of the requests', async () => {
    const run = async (seed: number) => {
      await sb.faults({ rate: 0.5, kinds: ['http500', 'rateLimit'], seed });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await getLedgers()).status);
      return statuses;
    };
    const first = await run(42);
    expect(await run(42)).toEqual(first);
    const faulted = first.filter((s) => s !== 200).length;
    expect(faulted).toBeGreaterThan(8);
    expect(faulted).toBeLessThan(32);
    expect(new Set(first)).toEqual(new Set([200, 500, 429]));
    expect(await run(43)).not.toEqual(first);
  });

  it('counts faulted requests in stats too', async () => {
    await sb.resetStats();
    await sb.faults({ rate: 1, kinds: ['http500'] });
    await getLedgers();
    await getLedgers();
    expect((await sb.stats()).byOperation).toEqual({ 'GET /v1/ledger': 2 });
  });

  it('rejects a plan with unknown kinds or a bad rate', async () => {
    await expect(sb.faults({ rate: 1, kinds: ['explode' as never] })).rejects.toThrow(/400/);
    await expect(sb.faults({ rate: 2, kinds: ['http500'] })).rejects.toThrow(/400/);
  });
});
