import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceDb } from '../../lib/db';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { EXPORT_STEPS } from '../../lib/sync/exports/index';
import { SEND_CONCURRENCY } from '../../lib/sync/exports/outbox';
import type { NewInvoice } from '../../lib/eboekhouden/types';
import { completeWorkOrder, createCustomer, retryExport, saveWorkOrder } from '../../lib/workspace';
import {
  createFakeApi,
  ebError,
  freshDbName,
  logOf,
  runSteps,
  seedBasics,
  WorkerDied,
  type Basics,
  type FakeApi,
} from '../helpers/run-steps';
import { createProxyApp } from '../../proxy/app';
import type { ProxyConfig } from '../../proxy/config';
import { createHttp, PROXY_ERROR_CODES } from '../../lib/eboekhouden/http';
import { EBoekhoudenError } from '../../lib/eboekhouden/errors';
import { say } from '../../lib/i18n/translate';

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  invoice: { ...DEFAULT_SETTINGS.invoice, template: 'Standaard', numberPrefix: 'BC' },
};

let db: WorkspaceDb;
let api: FakeApi;
let b: Basics;

beforeEach(async () => {
  db = new WorkspaceDb(freshDbName('export-outbox'));
  api = createFakeApi();
  api.relations.set('r001', { id: 501, code: 'R001', type: 'B', name: 'Bakkerij De Vries', inactive: false });
  b = await seedBasics(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function completedWorkOrder(customerId = b.customerId, hours = 2): Promise<number> {
  const wo = await saveWorkOrder(
    db,
    {
      customerId,
      date: '2026-03-04',
      description: 'Onderhoud',
      hourLines: [{ hourTypeId: b.labourId, hours, price: 62.5 }],
      materialLines: [{ materialId: b.pipeId, quantity: 3, price: 8.95 }],
    },
    { settings },
  );
  await completeWorkOrder(db, wo.id!, { settings });
  return wo.id!;
}

const run = (s: Settings = settings) => runSteps({ db, api, settings: s, steps: EXPORT_STEPS });
const creates = () => api.calls.filter((c) => c.op === 'createInvoice' || c.op === 'createRelation');

describe('export happy path', () => {
  it('sends a completed work order once, with an allocated number, and marks it exported', async () => {
    const id = await completedWorkOrder();
    const r = await run();
    expect(logOf(r, 'exportInvoices')).toMatchObject({ created: 1, failed: 0 });
    expect([...api.invoices.keys()]).toEqual(['BC2026-0001']);
    const wo = await db.workOrders.get(id);
    expect(wo).toMatchObject({ status: 'exported', invoiceNumber: 'BC2026-0001' });
    expect(wo?.exportedAt).toBeTypeOf('number');
    const entry = await db.outbox.where('key').equals('invoice:BC2026-0001').first();
    expect(entry).toMatchObject({ state: 'done', attempts: 1, source: { table: 'workOrders', id } });
    // A second run sends nothing.
    await run();
    expect(creates()).toHaveLength(1);
  });

  it('exports a new customer as a relation before the invoice that uses it, checking the code first', async () => {
    const c = await createCustomer(db, { name: 'Nieuwe Klant BV' });
    await completedWorkOrder(c.id!);
    await run();
    const ops = api.calls.map((x) => x.op);
    expect(ops.indexOf('findRelationByCode')).toBeLessThan(ops.indexOf('createRelation'));
    expect(ops.indexOf('createRelation')).toBeLessThan(ops.indexOf('createInvoice'));
    expect((await db.customers.get(c.id!))?.remoteId).toBe(api.relations.get(c.code.toLowerCase())?.id);
    expect(api.invoices.get('BC2026-0001')?.relationCode).toBe(c.code);
  });

  it('the frozen payload is what is sent, even when a retry happens a run later', async () => {
    await completedWorkOrder();
    api.fault = (op) => (op === 'createInvoice' ? { error: ebError('limit'), when: 'before' } : undefined);
    await run();
    const entry = (await db.outbox.toArray())[0];
    expect(entry.state).toBe('pending');
    // The hour type's price changes afterwards; the entry keeps what was frozen.
    await db.hourTypes.update(b.labourId, { vatCode: 'LAAG_VERK_9' });
    api.fault = undefined;
    await run();
    expect(api.invoices.get('BC2026-0001')?.lines[0].vatCode).toBe('HOOG_VERK_21');
    expect((entry.payload as NewInvoice).lines[0].vatCode).toBe('HOOG_VERK_21');
  });
});

describe('exactly once when the outcome is unknown', () => {
  it("an entry found in 'sending' whose invoice exists upstream is marked done by lookup, not sent again", async () => {
    await completedWorkOrder();
    // Simulate the worker dying after e-Boekhouden committed the invoice.
    api.fault = (op) => (op === 'createInvoice' ? { error: new WorkerDied(), when: 'after' } : undefined);
    await expect(run()).rejects.toBeInstanceOf(WorkerDied);
    const stuck = (await db.outbox.toArray())[0];
    expect(stuck.state).toBe('sending');
    expect(stuck.sendingSince).toBeTypeOf('number');
    api.fault = undefined;
    await run();
    expect(creates()).toHaveLength(1);
    expect(api.invoices.size).toBe(1);
    const entry = (await db.outbox.toArray())[0];
    expect(entry).toMatchObject({ state: 'done', remote: { number: 'BC2026-0001', foundByLookup: true } });
    expect(entry.sendingSince).toBeUndefined();
  });

  it("an entry found in 'sending' whose invoice never arrived is sent again", async () => {
    await completedWorkOrder();
    api.fault = (op) => (op === 'createInvoice' ? { error: new WorkerDied(), when: 'before' } : undefined);
    await expect(run()).rejects.toBeInstanceOf(WorkerDied);
    api.fault = undefined;
    await run();
    expect(api.invoices.size).toBe(1);
    const entry = (await db.outbox.toArray())[0];
    expect(entry.state).toBe('done');
    expect(entry.remote?.foundByLookup).toBeUndefined();
    expect(entry.attempts).toBe(2);
  });

  for (const [name, error] of [
    ['a timeout (network, outcome unknown)', () => ebError('network', { outcomeUnknown: true })],
    ['an HTTP 500 (upstream)', () => ebError('upstream')],
  ] as const) {
    it(`${name} after commit is resolved by lookup in the same run`, async () => {
      await completedWorkOrder();
      api.fault = (op) => (op === 'createInvoice' ? { error: error(), when: 'after' } : undefined);
      const r = await run();
      expect(api.invoices.size).toBe(1);
      expect(creates()).toHaveLength(1);
      expect(logOf(r, 'exportInvoices').created).toBe(1);
      expect((await db.outbox.toArray())[0]).toMatchObject({ state: 'done', remote: { foundByLookup: true } });
    });

    it(`${name} before commit is sent again after the lookup finds nothing`, async () => {
      await completedWorkOrder();
      let first = true;
      api.fault = (op) => {
        if (op !== 'createInvoice' || !first) return undefined;
        first = false;
        return { error: error(), when: 'before' };
      };
      await run();
      expect(api.invoices.size).toBe(1);
      // The last read is not a lookup: REST's create answer has no PDF link, so the invoice is read once for it.
      expect(api.calls.map((c) => c.op)).toEqual(['createInvoice', 'findInvoice', 'createInvoice', 'findInvoice']);
    });
  }

  it('a duplicate reported by e-Boekhouden is looked up: ours → done', async () => {
    await completedWorkOrder();
    api.fault = (op) =>
      op === 'createInvoice' ? { error: ebError('validation', { code: 'CFACT026' }), when: 'after' } : undefined;
    await run();
    expect(api.invoices.size).toBe(1);
    expect((await db.outbox.toArray())[0]).toMatchObject({ state: 'done', remote: { foundByLookup: true } });
  });

  it('a number already used upstream by another invoice fails with NUMBER_TAKEN; retry gets a new number', async () => {
    const id = await completedWorkOrder();
    api.invoices.set('BC2026-0001', {
      number: 'BC2026-0001',
      relationCode: 'OTHER',
      date: '2026-01-01',
      totalExcl: 10,
      totalVat: 0,
      totalIncl: 10,
      lines: [],
      template: 'x',
    });
    const r = await run();
    const entry = (await db.outbox.toArray())[0];
    expect(entry.state).toBe('failed');
    expect(entry.lastError?.code).toBe('NUMBER_TAKEN');
    expect(r.problems.map((p) => p.code)).toContain('NUMBER_TAKEN');
    await retryExport(db, entry.id!, { settings });
    expect((await db.workOrders.get(id))?.invoiceNumber).toBe('BC2026-0002');
    await run();
    expect(api.invoices.get('BC2026-0002')?.relationCode).toBe('R001');
    expect(await db.workOrders.get(id)).toMatchObject({ status: 'exported', invoiceNumber: 'BC2026-0002' });
  });

  it('found under our number for the same customer but with another amount: done (never re-sent under a new number), with a warning', async () => {
    await completedWorkOrder();
    api.fault = (op) => {
      if (op !== 'createInvoice') return undefined;
      return { error: ebError('network', { outcomeUnknown: true }), when: 'after' };
    };
    // e-Boekhouden rounded differently: its total is 5 cents off from ours.
    const realFind = api.findInvoice.bind(api);
    api.findInvoice = async (n: string) => {
      const inv = await realFind(n);
      return inv && { ...inv, totalExcl: inv.totalExcl + 0.05 };
    };
    const r = await run();
    expect((await db.outbox.toArray())[0]).toMatchObject({ state: 'done', remote: { foundByLookup: true } });
    expect(r.problems.map((p) => p.code)).toContain('LOOKUP_AMOUNT_DIFFERS');
    expect(creates()).toHaveLength(1);
  });

  it('a lookup that fails leaves the entry in sending for the next run', async () => {
    await completedWorkOrder();
    api.fault = (op) =>
      op === 'createInvoice'
        ? { error: ebError('network', { outcomeUnknown: true }), when: 'after' }
        : op === 'findInvoice'
          ? { error: ebError('network'), when: 'before' }
          : undefined;
    const r = await run();
    expect((await db.outbox.toArray())[0].state).toBe('sending');
    expect(logOf(r, 'exportInvoices').unchanged).toBe(1);
    expect(r.problems.map((p) => p.code)).toContain('EXPORT_DEFERRED');
    api.fault = undefined;
    await run();
    expect(api.invoices.size).toBe(1);
    expect(creates()).toHaveLength(1);
  });
});

describe('errors that are not unknown', () => {
  it('a validation error fails the entry with the message; after a fix, retry sends it', async () => {
    await completedWorkOrder();
    api.rejectTemplates.add('Standaard');
    const r = await run();
    const entry = (await db.outbox.toArray())[0];
    expect(entry.state).toBe('failed');
    expect(entry.lastError).toMatchObject({ kind: 'validation', code: 'FACT_018' });
    expect(logOf(r, 'exportInvoices').failed).toBe(1);
    const p = r.problems.find((x) => x.code === 'FACT_018');
    expect(p).toMatchObject({ key: 'export.refused', params: { code: ' [FACT_018]' } });
    expect(p?.record).toEqual({ key: 'record.invoice', params: { number: 'BC2026-0001' } });
    expect(say('nl', p)).toMatch(/Opnieuw proberen/);
    expect(say('en', p)).toMatch(/template not found/);
    // Not sent again by itself.
    await run();
    expect(api.calls.filter((c) => c.op === 'createInvoice')).toHaveLength(1);
    // The person picks another template and retries: the rebuilt payload keeps the number.
    const fixed = { ...settings, invoice: { ...settings.invoice, template: 'Modern' } };
    await retryExport(db, entry.id!, { settings: fixed });
    await run(fixed);
    expect(api.invoices.get('BC2026-0001')?.template).toBe('Modern');
  });

  it('a limit error leaves entries pending and stops the step', async () => {
    for (let i = 0; i < 8; i++) await completedWorkOrder();
    api.fault = (op) => (op === 'createInvoice' ? { error: ebError('limit'), when: 'before' } : undefined);
    const r = await run();
    // Only the requests already in flight (one per parallel sender) went out.
    expect(api.calls.filter((c) => c.op === 'createInvoice').length).toBeLessThanOrEqual(SEND_CONCURRENCY);
    expect(new Set((await db.outbox.toArray()).map((e) => e.state))).toEqual(new Set(['pending']));
    expect(logOf(r, 'exportInvoices').unchanged).toBe(8);
    expect(r.problems.map((p) => p.code)).toContain('EXPORT_LIMITED');
  });

  it('an auth error stops the run and leaves the entries pending', async () => {
    for (let i = 0; i < 8; i++) await completedWorkOrder();
    api.fault = (op) =>
      op === 'createInvoice' ? { error: ebError('auth', { code: 'API_SESSION_004' }), when: 'before' } : undefined;
    await expect(run()).rejects.toMatchObject({ kind: 'auth' });
    expect(api.calls.filter((c) => c.op === 'createInvoice').length).toBeLessThanOrEqual(SEND_CONCURRENCY);
    expect(new Set((await db.outbox.toArray()).map((e) => e.state))).toEqual(new Set(['pending']));
  });
});

describe('relations', () => {
  it('a code already used upstream by someone else fails with CODE_TAKEN; the invoice waits', async () => {
    const c = await createCustomer(db, { code: 'TAKEN', name: 'Mijn Klant' });
    api.relations.set('taken', { id: 9, code: 'TAKEN', type: 'B', name: 'Iemand Anders', inactive: false });
    await completedWorkOrder(c.id!);
    const r = await run();
    expect(api.calls.some((x) => x.op === 'createRelation')).toBe(false);
    expect((await db.outbox.where('kind').equals('relation').first())?.lastError?.code).toBe('CODE_TAKEN');
    expect(r.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['CODE_TAKEN', 'CUSTOMER_NOT_EXPORTED']));
    expect(api.invoices.size).toBe(0);
  });

  it('a code already upstream with the same name is linked, not created again', async () => {
    const c = await createCustomer(db, { code: 'SAME', name: 'Mijn Klant' });
    api.relations.set('same', { id: 42, code: 'SAME', type: 'B', name: 'mijn  klant', inactive: false });
    await run();
    expect(api.calls.some((x) => x.op === 'createRelation')).toBe(false);
    expect((await db.customers.get(c.id!))?.remoteId).toBe(42);
  });

  it('a relation create whose answer is lost is found by code', async () => {
    const c = await createCustomer(db, { name: 'Verloren Antwoord' });
    api.fault = (op) =>
      op === 'createRelation' ? { error: ebError('network', { outcomeUnknown: true }), when: 'after' } : undefined;
    await run();
    expect(api.calls.filter((x) => x.op === 'createRelation')).toHaveLength(1);
    expect((await db.customers.get(c.id!))?.remoteId).toBe(api.relations.get(c.code.toLowerCase())?.id);
  });
});

describe('bad local data and flags', () => {
  it('a completed work order with a bad line is reported and not sent; others still go', async () => {
    await completedWorkOrder();
    const bad = await db.workOrders.add({
      number: 'WO-9999',
      customerId: b.customerId,
      date: '2026-03-04',
      description: 'x',
      hourLines: [],
      materialLines: [{ materialId: b.pipeId, quantity: 1, price: 1.234 }],
      status: 'completed',
      updatedAt: 0,
    });
    const r = await run();
    expect(api.invoices.size).toBe(1);
    expect(
      say(
        'en',
        r.problems.find((p) => p.code === 'LINE_PRICE_DECIMALS'),
      ),
    ).toMatch(/WO-9999/);
    expect(logOf(r, 'exportInvoices')).toMatchObject({ created: 1, failed: 1 });
    expect((await db.workOrders.get(bad))?.invoiceNumber).toBeUndefined();
  });

  it('an exported work order edited afterwards is flagged and never sent again', async () => {
    const id = await completedWorkOrder();
    await run();
    const wo = (await db.workOrders.get(id))!;
    await saveWorkOrder(db, { ...wo, description: 'Gewijzigd' }, { settings });
    const after = await db.workOrders.get(id);
    expect(after).toMatchObject({ status: 'exported', changedAfterExport: true, description: 'Gewijzigd' });
    await run();
    expect(creates()).toHaveLength(1);
  });

  it('exports switched off send nothing', async () => {
    await completedWorkOrder();
    await createCustomer(db, { name: 'Uit' });
    await run({ ...settings, exports: { customers: false, workOrders: false, invoices: false } });
    expect(api.calls).toHaveLength(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

/**
 * The error the real HTTP layer makes of the real proxy's answer to an invoice POST (the proxy
 * runs in-process; its upstream must never be reached).
 */
async function proxyAnswerError(
  config: Partial<ProxyConfig>,
  o: { proxyToken?: string; body?: string } = {},
): Promise<EBoekhoudenError> {
  const app = createProxyApp({
    soapUrl: 'http://upstream.invalid',
    restUrl: 'http://upstream.invalid',
    allowedExtensionIds: [],
    upstreamTimeoutMs: 1_000,
    bodyLimitBytes: 1024 * 1024,
    logger: () => undefined,
    fetch: () => Promise.reject(new Error('the upstream must not be reached')),
    ...config,
  });
  const http = createHttp({
    baseUrl: 'http://proxy.test',
    credentials: { kind: 'token', apiToken: 't' },
    proxyToken: o.proxyToken,
    retries: 0,
    fetch: async (input, init) => app.fetch(new Request(input, init)),
  });
  try {
    await http.send({
      operation: 'POST /v1/invoice',
      url: 'http://proxy.test/v1/invoice',
      method: 'POST',
      body: o.body ?? '{}',
      write: true,
    });
  } catch (e) {
    if (e instanceof EBoekhoudenError) return e;
    throw e;
  }
  throw new Error('expected the proxy to refuse');
}

describe('refused by the proxy before anything was sent', () => {
  const onCreate =
    (error: Error): FakeApi['fault'] =>
    (op) =>
      op === 'createInvoice' ? { error, when: 'before' } : undefined;
  const ops = () => api.calls.map((c) => c.op);

  it('a body too large for the proxy (413) fails the entry at once, no lookup, with what to change', async () => {
    await completedWorkOrder();
    const tooLarge = await proxyAnswerError({ bodyLimitBytes: 10 }, { body: 'x'.repeat(100) });
    expect(tooLarge).toMatchObject({ code: PROXY_ERROR_CODES.tooLarge, status: 413, outcomeUnknown: false });
    api.fault = onCreate(tooLarge);
    const r = await run();
    expect(ops()).toEqual(['createInvoice']);
    const entry = (await db.outbox.toArray())[0];
    expect(entry).toMatchObject({ state: 'failed', attempts: 1, lastError: { code: PROXY_ERROR_CODES.tooLarge } });
    expect(logOf(r, 'exportInvoices')).toMatchObject({ failed: 1, created: 0 });
    const p = r.problems.find((x) => x.code === PROXY_ERROR_CODES.tooLarge);
    expect(p).toMatchObject({ key: 'export.tooLarge', params: { record: { key: 'record.invoice' } } });
    expect(say('nl', p)).toMatch(/te groot.*Opnieuw proberen/);
    expect(say('en', p)).toMatch(/too large.*nothing reached e-Boekhouden/);
    // Failed stays failed: the next run does not send it again by itself.
    await run();
    expect(ops()).toEqual(['createInvoice']);
  });

  it('a proxy token problem keeps every entry pending, stops after the first refusals, and says to fix the token', async () => {
    for (let i = 0; i < 8; i++) await completedWorkOrder();
    const refusal = await proxyAnswerError({ proxyToken: 'right-token' }, { proxyToken: 'wrong-token' });
    expect(refusal).toMatchObject({ code: PROXY_ERROR_CODES.token, status: 401, outcomeUnknown: false });
    api.fault = onCreate(refusal);
    const r = await run();
    expect(ops().filter((op) => op === 'createInvoice').length).toBeLessThanOrEqual(SEND_CONCURRENCY);
    expect(ops()).not.toContain('findInvoice');
    const entries = await db.outbox.toArray();
    expect(new Set(entries.map((e) => e.state))).toEqual(new Set(['pending']));
    expect(entries.filter((e) => e.lastError).every((e) => e.lastError?.code === PROXY_ERROR_CODES.token)).toBe(true);
    expect(logOf(r, 'exportInvoices')).toMatchObject({ failed: 0, unchanged: 8 });
    const p = r.problems.filter((x) => x.step === 'exportInvoices');
    expect(p.map((x) => x.code)).toEqual([PROXY_ERROR_CODES.token]);
    expect(p[0]).toMatchObject({
      key: 'export.blocked.PROXY_TOKEN',
      params: { what: { key: 'export.what.invoices' } },
    });
    expect(say('nl', p[0])).toMatch(/proxy-token.*Verbinding/);
    expect(say('en', p[0])).toMatch(/Nothing was sent to e-Boekhouden/);
    // Token fixed: the next run sends each of them, once.
    api.fault = undefined;
    await run();
    expect(api.invoices.size).toBe(8);
    expect(new Set((await db.outbox.toArray()).map((e) => e.state))).toEqual(new Set(['done']));
  });

  it("an entry whose outcome is unknown stays 'sending' when the proxy refuses its lookup", async () => {
    await completedWorkOrder();
    // A proxy address with a path: every request, the lookup too, is refused with 404.
    const wrongPath = await (async () => {
      const app = createProxyApp({
        soapUrl: 'http://u.invalid',
        restUrl: 'http://u.invalid',
        allowedExtensionIds: [],
        upstreamTimeoutMs: 1_000,
        bodyLimitBytes: 1024,
        logger: () => undefined,
      });
      const http = createHttp({
        baseUrl: 'http://p.test/base',
        credentials: { kind: 'token', apiToken: 't' },
        retries: 0,
        fetch: async (i, init) => app.fetch(new Request(i, init)),
      });
      return http
        .send({ operation: 'GET /v1/invoice', url: 'http://p.test/base/v1/invoice', method: 'GET', write: false })
        .then(
          () => undefined,
          (e: unknown) => e as EBoekhoudenError,
        );
    })();
    expect(wrongPath).toMatchObject({ code: PROXY_ERROR_CODES.path, status: 404, outcomeUnknown: false });
    api.fault = (op) =>
      op === 'createInvoice'
        ? { error: ebError('network', { outcomeUnknown: true }), when: 'after' }
        : op === 'findInvoice'
          ? { error: wrongPath!, when: 'before' }
          : undefined;
    const r = await run();
    expect((await db.outbox.toArray())[0].state).toBe('sending');
    expect(r.problems.map((x) => x.code)).toContain(PROXY_ERROR_CODES.path);
    api.fault = undefined;
    await run();
    expect(api.invoices.size).toBe(1);
    expect(ops().filter((op) => op === 'createInvoice')).toHaveLength(1);
  });

  it('any other refusal without processing (HTTP 4xx) fails the entry after one send, no lookup', async () => {
    await completedWorkOrder();
    api.fault = onCreate(
      new EBoekhoudenError('e-Boekhouden answered HTTP 400 (AddFactuur).', {
        kind: 'upstream',
        operation: 'AddFactuur',
        status: 400,
      }),
    );
    const r = await run();
    expect(ops()).toEqual(['createInvoice']);
    expect((await db.outbox.toArray())[0]).toMatchObject({
      state: 'failed',
      lastError: { message: expect.stringContaining('HTTP 400') },
    });
    expect(
      say(
        'nl',
        r.problems.find((x) => x.code === 'HTTP_400'),
      ),
    ).toMatch(/zonder te worden verwerkt/);
  });

  it('a 5xx on a write stays outcome-unknown: looked up, never failed blindly', async () => {
    await completedWorkOrder();
    const gateway = await proxyAnswerError({ fetch: () => Promise.reject(new TypeError('connect ECONNREFUSED')) });
    expect(gateway).toMatchObject({ kind: 'upstream', status: 502, outcomeUnknown: true });
    api.fault = (op) => (op === 'createInvoice' ? { error: gateway, when: 'after' } : undefined);
    await run();
    expect(ops()).toEqual(['createInvoice', 'findInvoice']);
    expect((await db.outbox.toArray())[0]).toMatchObject({ state: 'done', remote: { foundByLookup: true } });
  });
});
