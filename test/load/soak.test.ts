/**
 * Soak: 1,000 completed work orders exported through lib/workspace + runSync under 30%
 * injected faults of every kind, with runs aborted at random points and "workers" killed at
 * random points (the database closes under the run, fetches die with it, the lease is left to
 * expire and an outbox entry stays in 'sending'). The sandbox must end with exactly 1,000
 * invoices, none twice, and the sync log must account for every run and every completion.
 *
 * Bounded: client timeout 150 ms, fault hang 300 ms, back-off sleeps capped at 5 ms.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WorkspaceDb, type Customer, type HourType, type Material, type SyncRun } from '../../lib/db';
import { createEBoekhouden } from '../../lib/eboekhouden/index';
import { transportOptions, type Settings } from '../../lib/settings';
import { runSync, saveSettings } from '../../lib/sync/index';
import { workOrdersToExport } from '../../lib/sync/exports/invoices';
import { completeWorkOrder, saveWorkOrder } from '../../lib/workspace';
import { prng } from '../../sandbox/prng';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';

const WORK_ORDERS = 1000;
const LEASE_TTL_MS = 250;
const HOUR_UNITS = /^(uur|uren|hour|hours|u)$/i;

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ seed: 'demo' });
});
afterAll(async () => {
  await sb?.close();
});

class WorkerDied extends Error {
  override name = 'WorkerDied';
}

/** Customers, hour types and materials as an import would leave them, from the sandbox's seed. */
async function seedCatalogue(db: WorkspaceDb) {
  const store = sb.ctx.store;
  const now = Date.now();
  const customers: Customer[] = [...store.relations.values()]
    .filter((r) => !r.inactive)
    .slice(0, 15)
    .map((r) => ({
      remoteId: r.id,
      code: r.code,
      type: r.type,
      name: r.name,
      status: 'active',
      origin: 'eboekhouden',
      updatedAt: now,
    }));
  const hourTypes: HourType[] = [];
  const materials: Material[] = [];
  for (const p of store.products.values()) {
    const unit = store.units.get(p.unitId)?.singular ?? '';
    const ledgerCode = store.ledgers.get(p.ledgerId)?.code;
    if (!p.active || !ledgerCode || !p.vat.includes('VERK')) continue;
    const row = {
      remoteId: p.id,
      code: p.code,
      description: p.description,
      unit,
      priceExcl: p.priceExcl,
      vatCode: p.vat,
      ledgerCode,
      status: 'active' as const,
      updatedAt: now,
    };
    (HOUR_UNITS.test(unit) ? hourTypes : materials).push(row);
  }
  return {
    customers: (await db.customers.bulkAdd(customers, { allKeys: true })) as number[],
    hourTypes: (await db.hourTypes.bulkAdd(hourTypes, { allKeys: true })) as number[],
    materials: (await db.materials.bulkAdd(materials, { allKeys: true })) as number[],
  };
}

const openOutbox = (db: WorkspaceDb) => db.outbox.where('state').anyOf('pending', 'sending').count();
const doneOutbox = (db: WorkspaceDb) => db.outbox.where('state').equals('done').count();

it('1,000 exports under 30% faults, random aborts and worker deaths: exactly 1,000 invoices, none twice, every run logged', async () => {
  const name = `soak-${process.pid}-${Date.now()}`;
  let db = new WorkspaceDb(name);
  const saved = await saveSettings(db, {
    ...(await import('../../lib/settings')).DEFAULT_SETTINGS,
    proxyUrl: sb.url,
    connection: { kind: 'token', apiToken: sb.ctx.config.apiToken },
    invoice: {
      ...(await import('../../lib/settings')).DEFAULT_SETTINGS.invoice,
      template: 'Standaard',
      numberPrefix: 'SK',
    },
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  const settings: Settings = saved.settings;
  const ids = await seedCatalogue(db);
  expect(ids.hourTypes.length).toBeGreaterThan(0);
  expect(ids.materials.length).toBeGreaterThan(1);
  for (let i = 0; i < WORK_ORDERS; i++) {
    const wo = await saveWorkOrder(
      db,
      {
        customerId: ids.customers[i % ids.customers.length],
        date: '2026-06-15',
        description: `Soak ${i}`,
        hourLines: [
          { hourTypeId: ids.hourTypes[i % ids.hourTypes.length], hours: 0.5 * (1 + (i % 4)), price: 50 + (i % 5) },
        ],
        materialLines: [{ materialId: ids.materials[i % ids.materials.length], quantity: 1 + (i % 3), price: 9.95 }],
      },
      { settings },
    );
    await completeWorkOrder(db, wo.id!, { settings });
  }

  await sb.faults({
    rate: 0.3,
    kinds: ['http500', 'timeout', 'drop', 'rateLimit', 'sessionExpired'],
    seed: 4242,
    hangMs: 300,
  });
  const random = prng(99);

  interface Started {
    kind: 'plain' | 'aborted' | 'killed';
    returned?: SyncRun;
    openAtStart: number;
    doneInRun?: number;
  }
  const started: Started[] = [];
  let busy = 0;
  let aborts = 0;
  const t0 = Date.now();

  for (let round = 0; round < 400 && Date.now() - t0 < 80_000; round++) {
    const open = (await openOutbox(db)) + (await workOrdersToExport(db)).length;
    if (open === 0) break;
    const roll = random();
    // Mostly disturbed runs, so the 1,000 take many runs; now and then one runs its course.
    const kind: Started['kind'] = roll < 0.45 ? 'killed' : roll < 0.9 ? 'aborted' : 'plain';
    const controller = new AbortController();
    const deadFetches = new AbortController();
    let dieAt = kind === 'killed' ? 1 + Math.floor(random() * 60) : Infinity;
    // Whether the worker really died: the createInvoice it was to die in can fail first (a fault, a timeout).
    let died = false;
    const runDb = db;
    const die = () => {
      died = true;
      deadFetches.abort();
      runDb.close();
      throw new WorkerDied();
    };
    const createApi = (s: Settings) => {
      const api = createEBoekhouden({
        ...transportOptions(s),
        timeoutMs: 150,
        retries: 2,
        retryBaseMs: 1,
        sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 5))),
        fetch: (input, init) =>
          fetch(input, {
            ...init,
            signal: init?.signal ? AbortSignal.any([init.signal, deadFetches.signal]) : deadFetches.signal,
          }),
      });
      return new Proxy(api, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver);
          if (prop !== 'createInvoice') return typeof value === 'function' ? value.bind(target) : value;
          return async (arg: unknown) => {
            // The worker dies before the request leaves or right after e-Boekhouden committed it.
            const before = random() < 0.5;
            if (--dieAt <= 0 && before) die();
            const out = await (value as (a: unknown) => Promise<unknown>).call(target, arg);
            if (dieAt <= 0) die();
            return out;
          };
        },
      });
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (kind === 'aborted') timer = setTimeout(() => controller.abort(), Math.floor(random() * 400));
    const doneBefore = await doneOutbox(db);
    const entry: Started = { kind, openAtStart: open };
    try {
      const run = await runSync({
        db,
        trigger: 'manual',
        signal: controller.signal,
        createApi,
        leaseTtlMs: LEASE_TTL_MS,
        progressIntervalMs: 1000,
      });
      if (run.error?.code === 'BUSY') {
        busy++;
        await new Promise((r) => setTimeout(r, LEASE_TTL_MS));
        continue;
      }
      entry.returned = run;
      if (kind === 'aborted' && run.result === 'cancelled') aborts++;
    } catch (e) {
      // Only a killed worker may leave runSync by throwing: its database is gone.
      if (!died) throw e;
    } finally {
      clearTimeout(timer);
    }
    if (died) {
      // A new worker: a fresh connection to the same database; the dead one's lease must expire first.
      db = new WorkspaceDb(name);
      entry.doneInRun = (await doneOutbox(db)) - doneBefore;
      await new Promise((r) => setTimeout(r, LEASE_TTL_MS + 20));
    } else if (kind === 'killed') {
      entry.kind = 'plain'; // it never died: its createInvoice was not reached, or failed before the death
    }
    started.push(entry);
  }
  await sb.faults(null);
  // One last clean run settles whatever the faults left waiting.
  const final = await runSync({
    db,
    trigger: 'manual',
    createApi: (s) => createEBoekhouden({ ...transportOptions(s), timeoutMs: 2000 }),
    leaseTtlMs: LEASE_TTL_MS,
  });
  started.push({
    kind: 'plain',
    returned: final,
    openAtStart: (await openOutbox(db)) + (await workOrdersToExport(db)).length,
  });

  // Exactly 1,000 invoices upstream, none twice, each from one of our work orders.
  const { invoices } = (await sb.state()).created;
  const numbers = invoices.map((i) => i.invoiceNumber);
  expect(invoices).toHaveLength(WORK_ORDERS);
  expect(new Set(numbers).size).toBe(WORK_ORDERS);
  const workOrders = await db.workOrders.toArray();
  expect(workOrders.filter((w) => w.status !== 'exported')).toEqual([]);
  expect(new Set(workOrders.map((w) => w.invoiceNumber))).toEqual(new Set(numbers));
  const outbox = await db.outbox.toArray();
  expect(outbox.filter((e) => e.state !== 'done')).toEqual([]);

  if (process.env.SOAK_DEBUG)
    console.log(started.map((s) => `${s.kind}:${s.returned?.result ?? '-'}:${s.openAtStart}`).join(' '));
  // The faults and deaths did bite.
  const killed = started.filter((s) => s.kind === 'killed');
  expect(killed.length).toBeGreaterThan(0);
  expect(aborts).toBeGreaterThan(0);
  expect(outbox.some((e) => e.remote?.foundByLookup)).toBe(true);
  expect(outbox.some((e) => e.attempts > 1)).toBe(true);

  // The log: one entry per run that got the lease, none left running; killed runs are marked interrupted.
  const log = await db.syncLog.orderBy('id').toArray();
  expect(log).toHaveLength(started.length);
  expect(log.filter((r) => r.result === 'running')).toEqual([]);
  started.forEach((s, i) => {
    const logged = log[i];
    if (s.kind === 'killed') expect(logged).toMatchObject({ result: 'cancelled', error: { code: 'INTERRUPTED' } });
    else expect(logged.result).toBe(s.returned!.result);
  });
  // Every completion is counted once: in the log of the run that made it, or (for a killed run,
  // which never wrote its log) by the outbox it left behind.
  const createdInLog = log.reduce(
    (n, r) => n + r.steps.filter((st) => st.step === 'exportInvoices').reduce((m, st) => m + st.created, 0),
    0,
  );
  const doneByKilled = killed.reduce((n, s) => n + (s.doneInRun ?? 0), 0);
  expect(createdInLog + doneByKilled).toBe(WORK_ORDERS);
  // A run that finished accounts for every entry it found open: sent, failed, or left for the next run.
  for (const [i, s] of started.entries()) {
    const st = log[i].steps.find((x) => x.step === 'exportInvoices');
    if (s.kind !== 'plain' || !st || !['ok', 'warning'].includes(log[i].result)) continue;
    expect(st.created + st.failed + st.unchanged, `run ${i}`).toBe(s.openAtStart);
    if (st.unchanged > 0)
      expect(
        log[i].problems.some((p) => p.code === 'EXPORT_DEFERRED' || p.code === 'EXPORT_LIMITED'),
        `run ${i}`,
      ).toBe(true);
  }
  console.log(
    `[soak] ${started.length} runs (${killed.length} killed, ${aborts} aborted, ${busy} busy), ${outbox.filter((e) => e.remote?.foundByLookup).length} found by lookup, ` +
      `${outbox.reduce((n, e) => n + e.attempts, 0)} sends for ${WORK_ORDERS} invoices, ${Date.now() - t0} ms`,
  );
  db.close();
  await db.delete();
}, 150_000);
