/**
 * Answers from the proxy itself, through the real proxy (real HTTP, ephemeral ports) in front of
 * the sandbox, for both transports: a missing or wrong proxy token (401), an extension the proxy
 * does not allow (403), a path it does not serve (404) and a body over its limit (413) are
 * errors that say nothing reached e-Boekhouden (not outcome-unknown) and what to change; and
 * e-Boekhouden's own 401 and 404 answers, passed through by the proxy, keep their meaning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy, type Listening } from '../helpers/proxy';
import type { ProxyConfig } from '../../proxy/config';
import { createRestTransport } from '../../lib/eboekhouden/rest';
import { createSoapTransport } from '../../lib/eboekhouden/soap';
import { createHttp, PROXY_ERROR_CODES } from '../../lib/eboekhouden/http';
import { collect, type EBoekhouden, type TransportOptions } from '../../lib/eboekhouden/api';
import { EBoekhoudenError } from '../../lib/eboekhouden/errors';
import { isNotFound } from '../../lib/eboekhouden/rest/errors';
import type { NewInvoice } from '../../lib/eboekhouden/types';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';

const PROXY_TOKEN = 'proxy-SECRET-token-42';
const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';

let sb: TestSandbox;
const proxies: Listening[] = [];

beforeAll(async () => {
  sb = await startTestSandbox({ seed: 'demo' });
});
afterAll(async () => {
  await Promise.all(proxies.map((p) => p.close()));
  await sb.close();
});

async function proxy(config: Partial<ProxyConfig> = {}): Promise<string> {
  const p = await startProxy({ soapUrl: sb.url, restUrl: sb.url, logger: () => undefined, ...config });
  proxies.push(p);
  return p.url;
}

type Kind = 'rest' | 'soap';

function transport(kind: Kind, baseUrl: string, extra: Partial<TransportOptions> = {}): EBoekhouden {
  const c = sb.ctx.config;
  const options: TransportOptions = {
    baseUrl,
    credentials:
      kind === 'rest'
        ? { kind: 'token', apiToken: c.apiToken }
        : {
            kind: 'securityCodes',
            username: c.username,
            securityCode1: c.securityCode1,
            securityCode2: c.securityCode2,
          },
    source: 'tests',
    retries: 2,
    retryBaseMs: 1,
    timeoutMs: 5_000,
    ...extra,
  };
  return kind === 'rest' ? createRestTransport(options) : createSoapTransport(options);
}

async function caught(p: Promise<unknown>): Promise<EBoekhoudenError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(EBoekhoudenError);
    return e as EBoekhoudenError;
  }
  throw new Error('expected an error');
}

/** An invoice of 100 lines with long descriptions: tens of kilobytes on the wire. */
function bigInvoice(number: string, relationCode = 'R001'): NewInvoice {
  return {
    number,
    relationCode,
    date: '2026-03-04',
    termOfPayment: 14,
    template: 'Standaard',
    bookInAccounts: false,
    lines: Array.from({ length: 100 }, (_, i) => ({
      code: 'ARB',
      description: `Regel ${i + 1}: ${'werkzaamheden aan de cv-ketel en leidingen '.repeat(5)}`,
      quantity: 1,
      pricePerUnit: 10,
      vatCode: 'HOOG_VERK_21',
      ledgerCode: '8000',
    })),
  };
}

async function requestsUpstream(run: () => Promise<unknown>): Promise<number> {
  const before = (await sb.stats()).total;
  await run().catch(() => undefined);
  return (await sb.stats()).total - before;
}

describe.each<Kind>(['rest', 'soap'])('%s through the proxy', (kind) => {
  it('a proxy token that is missing or wrong: not processed, says to set it, never mistaken for the credentials', async () => {
    const url = await proxy({ proxyToken: PROXY_TOKEN });
    const missing = await caught(transport(kind, url).open());
    expect(missing).toMatchObject({
      kind: 'upstream',
      code: PROXY_ERROR_CODES.token,
      status: 401,
      outcomeUnknown: false,
    });
    expect(missing.message).toMatch(/proxy asks for a proxy token.*set the proxy token in the settings/i);

    const wrong = await caught(
      transport(kind, url, { proxyToken: 'not-the-token' }).createInvoice(bigInvoice('T2026-0001')),
    );
    expect(wrong).toMatchObject({ code: PROXY_ERROR_CODES.token, outcomeUnknown: false });
    expect(wrong.message).toMatch(/does not accept the proxy token/);
    expect(JSON.stringify(wrong.toJSON())).not.toContain('not-the-token');

    expect(await requestsUpstream(() => transport(kind, url).open())).toBe(0);
    // With the right token the same proxy passes everything on.
    await expect(transport(kind, url, { proxyToken: PROXY_TOKEN }).open()).resolves.toBeUndefined();
  });

  it('an extension the proxy does not allow: not processed, says where to allow it', async () => {
    const url = await proxy({ allowedExtensionIds: [EXTENSION_ID] });
    const asOther: typeof fetch = (input, init) =>
      fetch(input, {
        ...init,
        headers: {
          ...(init?.headers as Record<string, string>),
          Origin: 'chrome-extension://someotherextensionidxxxxxxxxxxxx',
        },
      });
    const e = await caught(transport(kind, url, { fetch: asOther }).open());
    expect(e).toMatchObject({ kind: 'upstream', code: PROXY_ERROR_CODES.origin, status: 403, outcomeUnknown: false });
    expect(e.message).toMatch(/origin chrome-extension:\/\/someotherextensionidxxxxxxxxxxxx\).*ALLOWED_EXTENSION_IDS/);
  });

  it('a proxy address with a path the proxy does not serve: not processed, says to check the address', async () => {
    const url = await proxy();
    const e = await caught(transport(kind, `${url}/e-boekhouden`).open());
    expect(e).toMatchObject({ kind: 'upstream', code: PROXY_ERROR_CODES.path, status: 404, outcomeUnknown: false });
    expect(e.message).toMatch(/check the proxy address in the settings/i);
  });

  it('a body over the proxy limit: not processed, the invoice is the problem, nothing reaches e-Boekhouden', async () => {
    const url = await proxy({ bodyLimitBytes: 4_000 });
    const number = kind === 'rest' ? 'T2026-0002' : 'T2026-0003';
    const t = transport(kind, url);
    await t.open();
    // A relation that exists, so the invoice itself is the only thing that can be refused.
    const { items } = await collect(transport('rest', sb.url).listRelations());
    const before = await sb.stats();
    const e = await caught(t.createInvoice(bigInvoice(number, items[0].code)));
    expect(e).toMatchObject({
      kind: 'validation',
      code: PROXY_ERROR_CODES.tooLarge,
      status: 413,
      outcomeUnknown: false,
    });
    expect(e.message).toMatch(/too large.*nothing was sent to e-Boekhouden.*4000 bytes/);
    const after = await sb.stats();
    // The lookups before the send (relation, template, ledger) went through; the invoice itself did not.
    const writes = (st: typeof before) => (st.byOperation['POST /v1/invoice'] ?? 0) + (st.byOperation.AddFactuur ?? 0);
    expect(writes(after)).toBe(writes(before));
    // The same invoice through a proxy with room for it does arrive (so the counts above can move).
    await transport(kind, await proxy()).createInvoice(bigInvoice(number, items[0].code));
    expect(writes(await sb.stats())).toBe(writes(after) + 1);
  });
});

describe("e-Boekhouden's own answers through the proxy keep their meaning", () => {
  it('an expired REST session (401) is renewed, not taken for a proxy token problem', async () => {
    const url = await proxy({ proxyToken: PROXY_TOKEN });
    const t = transport('rest', url, { proxyToken: PROXY_TOKEN });
    await t.open();
    expect(await sb.expireSessions()).toBeGreaterThan(0);
    const { items } = await collect(t.listRelations());
    expect(items.length).toBeGreaterThan(0);
  });

  it('a REST record that does not exist (404) is "not found", not a wrong proxy address', async () => {
    const url = await proxy();
    const e = await caught(transport('rest', url).getRelation(987_654_321));
    expect(isNotFound(e)).toBe(true);
    expect(e.code).not.toBe(PROXY_ERROR_CODES.path);
  });
});

describe('413 from anything in front of e-Boekhouden', () => {
  it('is not processed, whatever the body, and a write that gets a 5xx stays outcome-unknown', async () => {
    const answer =
      (status: number, body: string, type: string): typeof fetch =>
      async () =>
        new Response(body, { status, headers: { 'Content-Type': type } });
    const send = (f: typeof fetch) =>
      createHttp({ baseUrl: 'http://x', credentials: { kind: 'token', apiToken: 't' }, fetch: f, retries: 0 }).send({
        operation: 'POST /v1/invoice',
        url: 'http://x/v1/invoice',
        method: 'POST',
        body: '{}',
        write: true,
      });
    const html = await caught(send(answer(413, '<html>Request Entity Too Large</html>', 'text/html')));
    expect(html).toMatchObject({ code: PROXY_ERROR_CODES.tooLarge, status: 413, outcomeUnknown: false });
    const gateway = await caught(send(answer(502, '{"error":"upstream_unreachable"}', 'application/json')));
    expect(gateway).toMatchObject({ kind: 'upstream', status: 502, outcomeUnknown: true });
    // A 401 that is not the proxy's (no proxy body) goes back to the transport untouched.
    const passed = await send(
      answer(
        401,
        '{"type":"security","code":"SECURITY_010","title":"Not authenticated","status":401}',
        'application/json',
      ),
    );
    expect(passed.status).toBe(401);
    expect(((await passed.json()) as { code: string }).code).toBe('SECURITY_010');
  });
});
