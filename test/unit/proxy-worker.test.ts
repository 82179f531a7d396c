/**
 * The Worker entry (proxy/worker.ts) inside workerd, the runtime Cloudflare runs (from npm:
 * miniflare; nothing reaches Cloudflare), in front of the sandbox: forwarding, CORS, the token,
 * the allow-list, the limits, and a configuration error as JSON that names the variable.
 */
import { Miniflare } from 'miniflare';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const OTHER_EXTENSION = 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba';
const TOKEN = 'worker-test-token-0123';
const root = fileURLToPath(new URL('../..', import.meta.url));

let script: string;
let sandbox: RunningSandbox;
const workers: Miniflare[] = [];

async function worker(bindings: Record<string, string>): Promise<Miniflare> {
  const mf = new Miniflare({
    modules: true,
    script,
    compatibilityDate: '2026-04-01',
    bindings,
    // The request log lines would only repeat what the assertions check; errors still show.
    handleRuntimeStdio: (stdout: NodeJS.ReadableStream, stderr: NodeJS.ReadableStream) => {
      stdout.resume();
      stderr.pipe(process.stderr);
    },
  });
  workers.push(mf);
  await mf.ready;
  return mf;
}

beforeAll(async () => {
  // The very bundle `npx wrangler deploy` would upload, made from wrangler.toml (offline: --dry-run).
  const outdir = mkdtempSync(join(tmpdir(), 'bc-worker-'));
  execFileSync(join(root, 'node_modules/.bin/wrangler'), ['deploy', '--dry-run', '--outdir', outdir], {
    cwd: root,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
    stdio: 'pipe',
  });
  script = readFileSync(join(outdir, 'worker.js'), 'utf8');
  rmSync(outdir, { recursive: true, force: true });
  sandbox = await startSandbox({ port: 0, seed: 'demo' });
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.dispose()));
  await sandbox?.close();
});

describe('the proxy as a Worker (workerd)', () => {
  let mf: Miniflare;
  beforeAll(async () => {
    mf = await worker({
      EB_SOAP_URL: sandbox.url,
      EB_REST_URL: sandbox.url,
      PROXY_TOKEN: TOKEN,
      ALLOWED_EXTENSION_IDS: `${EXTENSION}/`,
      BODY_LIMIT_BYTES: '4096',
    });
  });

  const headers = { Origin: EXTENSION, 'X-Proxy-Token': TOKEN };

  it('forwards REST: a session is opened at the sandbox and a list read with it', async () => {
    const session = await mf.dispatchFetch('http://proxy/v1/session', {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ accessToken: 'sandbox-token', source: 'BoekhoudC' }),
    });
    expect(session.status).toBe(200);
    expect(session.headers.get('access-control-allow-origin')).toBe(EXTENSION);
    const { token } = (await session.json()) as { token: string };
    const ledgers = await mf.dispatchFetch('http://proxy/v1/ledger?limit=5', {
      headers: { ...headers, Authorization: `Bearer ${token}` },
    });
    expect(ledgers.status).toBe(200);
    const body = (await ledgers.json()) as { items: unknown[] };
    expect(body.items.length).toBe(5);
  });

  it('forwards SOAP: OpenSession with the sandbox codes answers a SessionID', async () => {
    const envelope =
      '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
      '<OpenSession xmlns="http://www.e-boekhouden.nl/soap"><Username>demo</Username>' +
      '<SecurityCode1>0123456789abcdef0123456789abcdef</SecurityCode1><SecurityCode2>1A2B3C4D-0000-1111-2222-333344445555</SecurityCode2>' +
      '<Source>BoekhoudC</Source></OpenSession></soap:Body></soap:Envelope>';
    const res = await mf.dispatchFetch('http://proxy/soap.asmx', {
      method: 'POST',
      headers: {
        ...headers,
        'Content-Type': 'text/xml; charset=utf-8',
        SOAPAction: '"http://www.e-boekhouden.nl/soap/OpenSession"',
      },
      body: envelope,
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/<SessionID>[^<]+<\/SessionID>/);
  });

  it('needs the token, answers a preflight without one, and serves only its allow-listed paths', async () => {
    const noToken = await mf.dispatchFetch('http://proxy/v1/ledger', { headers: { Origin: EXTENSION } });
    expect(noToken.status).toBe(401);
    expect(((await noToken.json()) as { error: string }).error).toBe('proxy_token_required');
    const preflight = await mf.dispatchFetch('http://proxy/v1/ledger', {
      method: 'OPTIONS',
      headers: { Origin: EXTENSION, 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('X-Proxy-Token');
    expect((await mf.dispatchFetch('http://proxy/__sandbox/state', { headers })).status).toBe(404);
    expect((await mf.dispatchFetch('http://proxy/healthz')).status).toBe(200);
  });

  it('refuses websites outright and other extensions in words they can read', async () => {
    const web = await mf.dispatchFetch('http://proxy/v1/ledger', {
      headers: { ...headers, Origin: 'https://evil.example' },
    });
    expect(web.status).toBe(403);
    expect(web.headers.get('access-control-allow-origin')).toBeNull();
    const other = await mf.dispatchFetch('http://proxy/v1/ledger', {
      headers: { ...headers, Origin: OTHER_EXTENSION },
    });
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBe(OTHER_EXTENSION);
    expect(((await other.json()) as { message: string }).message).toContain('ALLOWED_EXTENSION_IDS');
  });

  it('refuses a body over BODY_LIMIT_BYTES with 413 before it reaches e-Boekhouden', async () => {
    const res = await mf.dispatchFetch('http://proxy/v1/relation', {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(5000) }),
    });
    expect(res.status).toBe(413);
  });

  it('answers 502 in JSON when the upstream cannot be reached', async () => {
    const down = await worker({ EB_SOAP_URL: 'http://127.0.0.1:9', EB_REST_URL: 'http://127.0.0.1:9' });
    const res = await down.dispatchFetch('http://proxy/v1/ledger');
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toContain('application/json');
  });
});

describe('a misconfigured Worker', () => {
  it('answers every request with JSON that names the variable, never a plain-text 500', async () => {
    const mf = await worker({ PROXY_TOKEN: 'short' });
    for (const path of ['/healthz', '/v1/ledger']) {
      const res = await mf.dispatchFetch(`http://proxy${path}`);
      expect(res.status).toBe(500);
      const body = (await res.json()) as { error: string; message: string };
      expect(body.error).toBe('proxy_misconfigured');
      expect(body.message).toMatch(/PROXY_TOKEN must be at least 16 characters/);
      expect(body.message).not.toContain('short');
    }
  });
});
