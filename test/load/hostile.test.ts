/**
 * Hostile input: oversize request bodies through the proxy, malformed XML and JSON from the
 * upstream, answers 100× their normal size, and an upstream too slow for the proxy's timeout.
 * Each ends in a clear error (or, for the big answers, a correct import); the workspace is left
 * as it was and nothing queued is lost.
 *
 * Between the proxy and the sandbox sits a small forwarding upstream whose `mode` spoils answers.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceDb, type SyncRun } from '../../lib/db';
import { createEBoekhouden } from '../../lib/eboekhouden/index';
import { DEFAULT_SETTINGS, transportOptions, type Settings } from '../../lib/settings';
import { IMPORT_STEPS, EXPORT_STEPS, runSync, saveSettings } from '../../lib/sync/index';
import { completeWorkOrder, retryExport, saveWorkOrder } from '../../lib/workspace';
import { startProxyServer, type RunningProxy } from '../../proxy/server';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import { startFakeUpstream, type FakeUpstream } from '../helpers/load';
import { say } from '../../lib/i18n/translate';

type Mode = 'pass' | 'malformed' | 'huge' | 'slow';
const SESSION_OPS = /^(POST|DELETE) \/v1\/session|OpenSession|CloseSession/;
const UPSTREAM_TIMEOUT_MS = 400;
const BODY_LIMIT = 64 * 1024;

let sb: TestSandbox;
let upstream: FakeUpstream;
let proxy: RunningProxy;
let mode: Mode = 'pass';
/** Bytes of answers the spoiling upstream sent back for data requests (not sessions). */
let servedBytes = 0;

function operationOf(method: string, url: string, soapAction: string | undefined): string {
  if (url.startsWith('/soap.asmx')) return (soapAction ?? '').replace(/"/g, '').split('/').pop() ?? '';
  return `${method} ${url.split('?')[0]}`;
}

function spoil(body: string, contentType: string): string {
  if (mode === 'malformed') {
    // Cut off mid-answer: JSON that does not parse, XML whose envelope never closes.
    return body.slice(0, Math.max(10, Math.floor(body.length / 2)));
  }
  if (mode === 'huge') {
    const padding = 'x'.repeat(body.length * 99);
    if (contentType.includes('json')) {
      const parsed = JSON.parse(body) as unknown;
      return Array.isArray(parsed)
        ? `${body}${' '.repeat(padding.length)}`
        : JSON.stringify({ ...(parsed as object), padding });
    }
    return body.replace(/<soap:Body>/, `<soap:Body><!-- ${padding} -->`);
  }
  return body;
}

beforeAll(async () => {
  sb = await startTestSandbox({ seed: 'demo' });
  upstream = await startFakeUpstream(async (req, body, res) => {
    const headers: Record<string, string> = {};
    for (const h of ['content-type', 'soapaction', 'authorization', 'accept']) {
      const v = req.headers[h];
      if (typeof v === 'string') headers[h] = v;
    }
    const answer = await fetch(`${sb.url}${req.url}`, {
      method: req.method,
      headers,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : new Uint8Array(body),
    });
    const text = await answer.text();
    const contentType = answer.headers.get('content-type') ?? 'application/octet-stream';
    const op = operationOf(req.method ?? 'GET', req.url ?? '/', headers.soapaction);
    const touched = mode !== 'pass' && !SESSION_OPS.test(op) && answer.ok;
    if (touched && mode === 'slow') await new Promise((r) => setTimeout(r, UPSTREAM_TIMEOUT_MS * 3));
    if (res.destroyed) return;
    const out = touched ? spoil(text, contentType) : text;
    if (!SESSION_OPS.test(op)) servedBytes += Buffer.byteLength(out);
    res.writeHead(answer.status, { 'content-type': contentType }).end(out);
  });
  proxy = await startProxyServer({
    soapUrl: upstream.url,
    restUrl: upstream.url,
    allowedExtensionIds: [],
    upstreamTimeoutMs: UPSTREAM_TIMEOUT_MS,
    bodyLimitBytes: BODY_LIMIT,
    port: 0,
    host: '127.0.0.1',
    logger: () => undefined,
  });
});
afterAll(async () => {
  await proxy?.close(200);
  await upstream?.close();
  await sb?.close();
});
beforeEach(async () => {
  mode = 'pass';
  await sb.reset('demo');
});

let dbN = 0;
async function connectedWorkspace(
  kind: 'token' | 'securityCodes',
  proxyUrl = proxy.url,
): Promise<{ db: WorkspaceDb; settings: Settings }> {
  const db = new WorkspaceDb(`hostile-${process.pid}-${dbN++}`);
  const c = sb.ctx.config;
  const saved = await saveSettings(db, {
    ...DEFAULT_SETTINGS,
    proxyUrl,
    connection:
      kind === 'token'
        ? { kind, apiToken: c.apiToken }
        : { kind, username: c.username, securityCode1: c.securityCode1, securityCode2: c.securityCode2 },
    invoice: { ...DEFAULT_SETTINGS.invoice, template: 'Standaard', numberPrefix: 'HX' },
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  return { db, settings: saved.settings };
}

/** Short timeouts and one quick retry, so the slow cases stay fast. */
const quickApi = (s: Settings) =>
  createEBoekhouden({ ...transportOptions(s), timeoutMs: 3000, retries: 1, retryBaseMs: 1 });

const WORKSPACE_TABLES = [
  'customers',
  'materials',
  'hourTypes',
  'ledgerAccounts',
  'transactions',
  'openItems',
  'ledgerMonths',
  'invoiceTemplates',
  'administrations',
  'workOrders',
  'invoices',
  'outbox',
  'cursors',
] as const;

/** Every workspace table, row for row (the log, progress and connection state are the run's own record). */
async function snapshot(db: WorkspaceDb, o: { withoutTimes?: boolean } = {}): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of WORKSPACE_TABLES) {
    let rows = (await db.table(t).toArray()) as Record<string, unknown>[];
    if (o.withoutTimes) rows = rows.map(({ refreshedAt: _r, seenAt: _s, updatedAt: _u, readAt: _a, ...rest }) => rest);
    out[t] = rows;
  }
  out.settings = [(await db.kv.get('settings'))?.value];
  return out;
}

function runErrors(run: SyncRun): string[] {
  return [say('en', run.error), ...run.problems.map((p) => say('en', p))].filter((x): x is string => !!x);
}

describe('oversize request bodies', () => {
  it('are refused by the proxy with 413 and a plain message, with or without a length, and never reach the upstream', async () => {
    const before = upstream.requests;
    const big = 'x'.repeat(BODY_LIMIT + 1);
    const withLength = await fetch(`${proxy.url}/soap.asmx`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: big,
    });
    expect(withLength.status).toBe(413);
    expect(await withLength.json()).toMatchObject({
      error: 'body_too_large',
      message: expect.stringContaining(String(BODY_LIMIT)),
    });

    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(8 * 1024)));
        controller.close();
      },
    });
    const chunked = await fetch(`${proxy.url}/v1/invoice`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await chunked.json()).error).toBe('body_too_large');
    expect(upstream.requests).toBe(before);
    // The proxy still answers normally afterwards.
    expect((await fetch(`${proxy.url}/healthz`)).status).toBe(200);
  });

  it('an invoice over the limit is not sent, stays queued with the reason, and goes exactly once when the limit allows it', async () => {
    const tight = await startProxyServer({
      soapUrl: upstream.url,
      restUrl: upstream.url,
      allowedExtensionIds: [],
      upstreamTimeoutMs: 5000,
      bodyLimitBytes: 1024,
      port: 0,
      host: '127.0.0.1',
      logger: () => undefined,
    });
    try {
      const { db, settings } = await connectedWorkspace('token', tight.url);
      const store = sb.ctx.store;
      const relation = [...store.relations.values()].find((r) => !r.inactive)!;
      const product = [...store.products.values()].find(
        (p) => p.active && p.vat.includes('VERK') && store.ledgers.get(p.ledgerId),
      )!;
      const customerId = (await db.customers.add({
        remoteId: relation.id,
        code: relation.code,
        type: relation.type,
        name: relation.name,
        status: 'active',
        origin: 'eboekhouden',
        updatedAt: 1,
      }))!;
      const materialId = (await db.materials.add({
        remoteId: product.id,
        code: product.code,
        description: product.description,
        unit: 'stuk',
        priceExcl: 10,
        vatCode: product.vat,
        ledgerCode: store.ledgers.get(product.ledgerId)!.code,
        status: 'active',
        updatedAt: 1,
      }))!;
      const materialLines = Array.from({ length: 12 }, (_, i) => ({
        materialId,
        description: `Onderdeel ${i} voor de cv-ketel, met montage`,
        quantity: 1 + i,
        price: 10,
      }));
      const wo = await saveWorkOrder(
        db,
        { customerId, date: '2026-06-15', description: 'Groot onderhoud', hourLines: [], materialLines },
        { settings },
      );
      await completeWorkOrder(db, wo.id!, { settings });

      const run = await runSync({ db, trigger: 'manual', steps: EXPORT_STEPS, createApi: quickApi });
      expect((await sb.state()).created.invoices).toHaveLength(0);
      const [entry] = await db.outbox.toArray();
      expect(entry.state).not.toBe('done');
      expect(entry.lastError?.message ?? '').toMatch(/limited to 1024 bytes/);
      expect(runErrors(run).join('\n')).not.toMatch(/sandbox-token/);
      expect((await db.workOrders.get(wo.id!))?.status).toBe('completed');

      // With the normal proxy it goes, once.
      await saveSettings(db, { ...settings, proxyUrl: proxy.url });
      if (entry.state === 'failed') await retryExport(db, entry.id!, { settings });
      const again = await runSync({ db, trigger: 'manual', steps: EXPORT_STEPS, createApi: quickApi });
      expect(again.result).toBe('ok');
      const { invoices } = (await sb.state()).created;
      expect(invoices.map((i) => i.invoiceNumber)).toEqual([(await db.workOrders.get(wo.id!))!.invoiceNumber]);
      expect(invoices[0].items).toHaveLength(12);
      db.close();
      await db.delete();
    } finally {
      await tight.close(200);
    }
  });
});

describe.each(['token', 'securityCodes'] as const)('answers from the upstream, %s', (kind) => {
  it('malformed answers stop each step with a clear error and change nothing in the workspace', async () => {
    const { db } = await connectedWorkspace(kind);
    const clean = await runSync({ db, trigger: 'manual', steps: IMPORT_STEPS, createApi: quickApi });
    expect(['ok', 'warning']).toContain(clean.result);
    const before = await snapshot(db);
    expect(before.customers.length).toBeGreaterThan(10);

    mode = 'malformed';
    const run = await runSync({ db, trigger: 'manual', steps: IMPORT_STEPS, createApi: quickApi });
    mode = 'pass';
    expect(run.result).toBe('failed');
    // Every step that asked for something says which request came back unreadable, in both languages.
    const steps = [
      // The token's administrations step reads /v1/administration/linked after EP_001; unreadable, it says so too.
      ...(kind === 'token' ? ['administrations'] : []),
      'ledgerAccounts',
      ...(kind === 'token' ? ['invoiceTemplates'] : []),
      'customers',
      'products',
      'transactions',
      'openItems',
      'ledgerMovements',
    ];
    expect(run.problems.map((p) => p.step)).toEqual(steps);
    for (const p of run.problems) {
      expect(say('en', p)).toMatch(
        kind === 'token'
          ? /cannot read \(GET \/v1\/[^)]+\): the body is not JSON/
          : /cannot read \(Get\w+\): the response is not a complete SOAP envelope/,
      );
      expect(say('nl', p)).toMatch(/niet kunnen gebruiken/);
    }
    for (const text of runErrors(run)) {
      // Plain words: which operation, that the answer was unreadable; no stack, no secret.
      expect(text).not.toMatch(/at \w+ \(|sandbox-token|0123456789abcdef0123456789abcdef/);
    }
    expect(runErrors(run).join('\n')).toMatch(/e-Boekhouden/);
    expect(await snapshot(db)).toEqual(before);
    db.close();
    await db.delete();
  });

  it('answers 100× their normal size import completely and the same as normal ones', async () => {
    const { db } = await connectedWorkspace(kind);
    servedBytes = 0;
    const clean = await runSync({ db, trigger: 'manual', steps: IMPORT_STEPS, createApi: quickApi });
    const normalBytes = servedBytes;
    expect(['ok', 'warning']).toContain(clean.result);
    const normal = await snapshot(db, { withoutTimes: true });

    const { db: db2 } = await connectedWorkspace(kind);
    mode = 'huge';
    servedBytes = 0;
    const big = await runSync({ db: db2, trigger: 'manual', steps: IMPORT_STEPS, createApi: quickApi });
    mode = 'pass';
    expect(servedBytes).toBeGreaterThan(normalBytes * 90);
    expect(big.result).toBe(clean.result);
    expect(big.steps.map((s) => [s.step, s.fetched, s.created, s.failed])).toEqual(
      clean.steps.map((s) => [s.step, s.fetched, s.created, s.failed]),
    );
    const got = await snapshot(db2, { withoutTimes: true });
    for (const t of WORKSPACE_TABLES.filter((x) => x !== 'cursors')) expect(got[t], t).toEqual(normal[t]);
    for (const d of [db, db2]) {
      d.close();
      await d.delete();
    }
  });

  it('an upstream slower than the proxy allows: 504 from the proxy, a clear error, the workspace unchanged, a queued invoice sent exactly once later', async () => {
    const { db, settings } = await connectedWorkspace(kind);
    const clean = await runSync({ db, trigger: 'manual', steps: IMPORT_STEPS, createApi: quickApi });
    expect(['ok', 'warning']).toContain(clean.result);
    const customer = (await db.customers.where('status').equals('active').first())!;
    const hourType = (await db.hourTypes.filter((h) => !!h.vatCode?.includes('VERK') && !!h.ledgerCode).first())!;
    const wo = await saveWorkOrder(
      db,
      {
        customerId: customer.id!,
        date: '2026-06-15',
        description: 'Storing',
        hourLines: [{ hourTypeId: hourType.id!, hours: 1.5, price: 60 }],
        materialLines: [],
      },
      { settings },
    );
    await completeWorkOrder(db, wo.id!, { settings });
    const before = await snapshot(db);

    mode = 'slow';
    const t0 = Date.now();
    const run = await runSync({ db, trigger: 'manual', steps: IMPORT_STEPS, createApi: quickApi });
    expect(run.result).toBe('failed');
    expect(runErrors(run).join('\n')).toMatch(/HTTP 504|did not answer/);
    expect(await snapshot(db)).toEqual(before);

    // The export goes out while the upstream is slow: e-Boekhouden may have it, the answer is lost.
    await runSync({ db, trigger: 'manual', steps: EXPORT_STEPS, createApi: quickApi });
    mode = 'pass';
    expect(Date.now() - t0).toBeLessThan(30_000);
    const entry = (await db.outbox.toArray())[0];
    expect(entry).toBeDefined();
    expect(['pending', 'sending', 'done']).toContain(entry.state);

    const after = await runSync({ db, trigger: 'manual', steps: EXPORT_STEPS, createApi: quickApi });
    expect(after.result).toBe('ok');
    const { invoices } = (await sb.state()).created;
    expect(invoices.map((i) => i.invoiceNumber)).toEqual([(await db.workOrders.get(wo.id!))!.invoiceNumber]);
    expect((await db.outbox.get(entry.id!))?.state).toBe('done');
    db.close();
    await db.delete();
  });
});
