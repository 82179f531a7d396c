import { describe, expect, it } from 'vitest';
import { KV, WorkspaceDb, type ConnectionState, type SyncProgress } from '../../lib/db';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import {
  autoSyncAllowed,
  confirmAdministrationSwitch,
  getConnectionState,
  IMPORT_STEPS,
  runSync,
  saveSettings,
} from '../../lib/sync/index';
import { acquireLease, readLease } from '../../lib/sync/lease';
import { FakeEBoekhouden, fakeData } from '../helpers/sync-fake-api';
import { say } from '../../lib/i18n/translate';

let dbCount = 0;
function newDb() {
  return new WorkspaceDb(`sync-engine-${process.pid}-${Date.now()}-${dbCount++}`);
}

async function connect(db: WorkspaceDb, token = 'token-aaaa-1111') {
  const r = await saveSettings(db, { ...DEFAULT_SETTINGS, connection: { kind: 'token', apiToken: token } });
  expect(r.ok).toBe(true);
}

function run(db: WorkspaceDb, api: FakeEBoekhouden, extra: Partial<Parameters<typeof runSync>[0]> = {}) {
  return runSync({ db, trigger: 'manual', createApi: () => api, steps: IMPORT_STEPS, ...extra });
}

describe('runSync: a full import, then a cheap incremental one', () => {
  it('imports everything once and the next run with nothing changed only lists', async () => {
    const db = newDb();
    await connect(db);
    const data = fakeData({ relations: 250, products: 18, mutations: 250 });
    const api = new FakeEBoekhouden(data, { pageSize: 100 });

    const first = await run(db, api);
    expect(first.result).toBe('ok');
    expect(await db.customers.count()).toBe(250);
    expect((await db.materials.count()) + (await db.hourTypes.count())).toBe(18);
    expect(await db.transactions.count()).toBe(250);
    expect(await db.ledgerAccounts.count()).toBe(data.ledgerAccounts.length);
    expect(await db.openItems.count()).toBe(data.openItems.length);
    expect(await db.invoiceTemplates.count()).toBe(2);
    const customersLog = first.steps.find((s) => s.step === 'customers')!;
    expect(customersLog).toMatchObject({ fetched: 250, created: 250, updated: 0, failed: 0 });
    expect(api.calls.getRelation).toBe(250);
    expect(customersLog.requests).toBe(3 + 250);

    const stored = await db.syncLog.get(first.id!);
    expect(stored?.result).toBe('ok');
    expect(stored?.endedAt).toBeGreaterThanOrEqual(stored!.startedAt);
    const progress = (await db.kv.get(KV.progress))?.value as SyncProgress;
    expect(progress.running).toBe(false);

    api.requests = 0;
    api.calls = {};
    const second = await run(db, api);
    expect(second.result).toBe('ok');
    for (const s of second.steps) expect(s.created + s.updated).toBe(0);
    // relations 3 pages, products 1, ledger 1, templates 1, mutations 1, open items 2 sides, the
    // overview's month movements 2 (current and previous month);
    // administrations are not asked again the same day, nothing is re-read in full.
    expect(api.requests).toBeLessThanOrEqual(11);
    expect(api.calls.periodBalances).toBe(2);
    expect(api.calls.getRelation ?? 0).toBe(0);
    expect(api.calls.listAdministrations ?? 0).toBe(0);
    expect(second.steps.reduce((n, s) => n + (s.requests ?? 0), 0)).toBe(api.requests);
  });

  it('imports only new mutations, from the cursor', async () => {
    const db = newDb();
    await connect(db);
    const data = fakeData({ mutations: 120 });
    const api = new FakeEBoekhouden(data);
    await run(db, api);
    data.mutations.push({ id: 121, type: 7, date: '2026-03-01', ledgerCode: '4000', amount: 5 });
    const r = await run(db, api);
    expect(r.steps.find((s) => s.step === 'transactions')).toMatchObject({ fetched: 1, created: 1 });
    expect(await db.transactions.count()).toBe(121);
  });

  it('publishes progress with the step while running', async () => {
    const db = newDb();
    await connect(db);
    const api = new FakeEBoekhouden(fakeData({ mutations: 500 }), { pageSize: 50 });
    const seen: SyncProgress[] = [];
    api.beforeRequest = async (op) => {
      if (op === 'listMutations') seen.push((await db.kv.get(KV.progress))?.value as SyncProgress);
    };
    const details: SyncProgress[] = [];
    const inner = api.beforeRequest;
    api.beforeRequest = async (op) => {
      await inner?.(op);
      if (op === 'getRelation') details.push((await db.kv.get(KV.progress))?.value as SyncProgress);
    };
    await run(db, api, { progressIntervalMs: 0 });
    expect(seen.every((p) => p.running && p.step === 'transactions')).toBe(true);
    expect(seen.at(-1)!.done).toBeGreaterThan(0);
    // A first REST import reports the full reads of relations as they come in. Transactions and
    // open items run beside customers, and the single step shown is the last of those running,
    // so the customers' count is in `steps`.
    // (Progress is written asynchronously, so the first reads may still see the previous step.)
    const customers = details.flatMap((p) => p.steps?.filter((s) => s.step === 'customers') ?? []);
    expect(customers.length).toBeGreaterThan(details.length / 2);
    expect(Math.max(...customers.map((p) => p.done ?? 0))).toBeGreaterThan(10);
    // While transactions run, what else runs is listed beside them, in run order.
    expect(seen.some((p) => p.steps?.map((s) => s.step).join() === 'customers,transactions')).toBe(true);
  });
});

describe('runSync: credentials', () => {
  it('stops on rejected credentials, pauses auto-sync, and resumes with new ones', async () => {
    const db = newDb();
    await connect(db);
    const api = new FakeEBoekhouden(fakeData());
    await run(db, api);
    expect(await autoSyncAllowed(db)).toBe(true);

    api.rejectCredentials = true;
    const failed = await run(db, api, { trigger: 'alarm' });
    expect(failed.result).toBe('failed');
    expect(failed.error?.kind).toBe('auth');
    expect(say('nl', failed.error)).toMatch(/token/i);
    expect(say('en', failed.error)).toMatch(/token/i);
    const state = await getConnectionState(db);
    expect(state.status).toBe('needsReconnect');
    expect(say('nl', state.message).length).toBeGreaterThan(10);
    expect(await autoSyncAllowed(db)).toBe(false);
    expect(await db.customers.count()).toBe(30); // the data stays

    api.requests = 0;
    const paused = await run(db, api, { trigger: 'alarm' });
    expect(paused.result).toBe('cancelled');
    expect(paused.error?.code).toBe('NEEDS_RECONNECT');
    expect(api.requests).toBe(0);

    // Saving the same credentials again does not resume; new ones do.
    await connect(db);
    expect(await autoSyncAllowed(db)).toBe(false);
    await connect(db, 'token-aaaa-2222');
    expect(await autoSyncAllowed(db)).toBe(true);
    api.rejectCredentials = false;
    const resumed = await run(db, api, { trigger: 'alarm' });
    expect(resumed.result).toBe('ok');
    expect((await getConnectionState(db)).status).toBe('ok');
  });

  it('refuses credentials of another administration until the switch is confirmed', async () => {
    const db = newDb();
    await connect(db, 'token-first-admin');
    await run(db, new FakeEBoekhouden(fakeData({ relations: 5 })));

    const other = fakeData({ relations: 7 });
    other.ledgerAccounts = other.ledgerAccounts.map((a) => ({ ...a, id: a.id + 777 }));
    const otherApi = new FakeEBoekhouden(other);
    await connect(db, 'token-second-admin');
    const refused = await run(db, otherApi);
    expect(refused.result).toBe('failed');
    expect(refused.error?.code).toBe('ADMINISTRATION_SWITCH');
    expect(await db.customers.count()).toBe(5);
    expect((await getConnectionState(db)).pendingAdministrationKey).toBeTruthy();
    expect(await autoSyncAllowed(db)).toBe(false);
    // Until confirmed, runs refuse without asking e-Boekhouden again.
    otherApi.requests = 0;
    expect((await run(db, otherApi, { trigger: 'alarm' })).error?.code).toBe('ADMINISTRATION_SWITCH');
    expect(otherApi.requests).toBe(0);

    await confirmAdministrationSwitch(db);
    const switched = await run(db, otherApi);
    expect(switched.result).toBe('ok');
    expect(await db.customers.count()).toBe(7);
    expect(
      await db.ledgerAccounts
        .where('remoteId')
        .anyOf(other.ledgerAccounts.map((a) => a.id))
        .count(),
    ).toBe(other.ledgerAccounts.length);
    expect(await db.ledgerAccounts.count()).toBe(other.ledgerAccounts.length);
  });

  it('accepts a renewed token for the same administration without asking', async () => {
    const db = newDb();
    await connect(db, 'token-old');
    const api = new FakeEBoekhouden(fakeData());
    await run(db, api);
    const keyBefore = (await getConnectionState(db)).administrationKey;
    await connect(db, 'token-new');
    const r = await run(db, api);
    expect(r.result).toBe('ok');
    const state = await getConnectionState(db);
    expect(state.administrationKey).not.toBe(keyBefore);
    expect(state.administrationKey).not.toContain('token');
  });

  it('never stores the secret as the administration key', async () => {
    const db = newDb();
    await connect(db, 'token-secret-value-123');
    await run(db, new FakeEBoekhouden(fakeData()));
    const state = (await db.kv.get(KV.connection))?.value as ConnectionState;
    expect(state.administrationKey).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await db.syncLog.toArray())).not.toContain('token-secret-value-123');
  });
});

describe('runSync: one at a time', () => {
  it('lets one of two concurrent runs work and the other return BUSY', async () => {
    const db = newDb();
    await connect(db);
    const api = new FakeEBoekhouden(fakeData());
    const [a, b] = await Promise.all([run(db, api, { owner: 'popup' }), run(db, api, { owner: 'background' })]);
    const results = [a, b].map((r) => r.error?.code ?? r.result).sort();
    expect(results).toEqual(['BUSY', 'ok']);
    expect(await db.syncLog.count()).toBe(1);
    expect(await readLease(db)).toBeUndefined();
  });

  it('takes over a lease whose holder died (expired), but not a live one', async () => {
    const db = newDb();
    await connect(db);
    const api = new FakeEBoekhouden(fakeData());
    const t = Date.now();
    await acquireLease(db, 'dead-worker', t - 120_000, 60_000);
    // A run the dead worker left 'running' in the log.
    await db.syncLog.add({ trigger: 'alarm', startedAt: t - 120_000, result: 'running', steps: [], problems: [] });
    const r = await run(db, api);
    expect(r.result).toBe('ok');
    const interrupted = (await db.syncLog.orderBy('id').first())!;
    expect(interrupted.result).toBe('cancelled');
    expect(interrupted.error?.code).toBe('INTERRUPTED');

    await acquireLease(db, 'live-worker', Date.now(), 60_000);
    const busy = await run(db, api);
    expect(busy.error?.code).toBe('BUSY');
  });

  it('renews the lease while a long run lives', async () => {
    const db = newDb();
    await connect(db);
    const api = new FakeEBoekhouden(fakeData({ mutations: 300 }), { pageSize: 10 });
    const expiries: number[] = [];
    api.beforeRequest = async (op) => {
      if (op === 'listMutations') {
        await new Promise((r) => setTimeout(r, 15));
        expiries.push((await readLease(db))!.expiresAt);
      }
    };
    const r = await run(db, api, { leaseTtlMs: 150 });
    expect(r.result).toBe('ok');
    expect(new Set(expiries).size).toBeGreaterThan(1);
  });
});

describe('runSync: cancel and resume', () => {
  it('stops when cancelled and the next run completes without loss or duplicates', async () => {
    const db = newDb();
    await connect(db);
    const data = fakeData({ mutations: 1000, relations: 40 });
    const api = new FakeEBoekhouden(data, { pageSize: 100 });
    let expectedStored = 0;
    for (const stopAfter of [2, 3, 2]) {
      const cancel = new AbortController();
      let pages = 0;
      api.beforeRequest = (op) => {
        if (op === 'listMutations' && ++pages === stopAfter) cancel.abort();
      };
      const r = await run(db, api, { signal: cancel.signal });
      expect(r.result).toBe('cancelled');
      expect(r.error?.code).toBe('CANCELLED');
      expect((await db.syncLog.get(r.id!))?.error?.code).toBe('CANCELLED');
      expect(await db.transactions.count()).toBe((expectedStored += (stopAfter - 1) * 100));
      expect(r.steps.map((s) => s.step)).not.toContain('openItems');
    }
    api.beforeRequest = undefined;
    const done = await run(db, api);
    expect(done.result).toBe('ok');
    expect(await db.transactions.count()).toBe(1000);
    const ids = (await db.transactions.toCollection().primaryKeys()) as number[];
    expect(new Set(ids).size).toBe(1000);
    const log = await db.syncLog.toArray();
    const created = log
      .flatMap((r) => r.steps)
      .filter((s) => s.step === 'transactions')
      .reduce((n, s) => n + s.created, 0);
    expect(created).toBe(1000);
  });

  it('a network failure stops the run as failed and keeps what was stored', async () => {
    const db = newDb();
    await connect(db);
    const api = new FakeEBoekhouden(fakeData({ mutations: 500 }), { pageSize: 100 });
    let pages = 0;
    api.beforeRequest = (op) => {
      if (op === 'listMutations' && ++pages === 3) throw new (class extends Error {})('boom');
    };
    const r = await run(db, api);
    expect(r.result).toBe('failed');
    expect(r.problems.some((p) => p.step === 'transactions')).toBe(true);
    expect(await db.transactions.count()).toBe(200);
    // The other steps still ran.
    expect(r.steps.map((s) => s.step)).toContain('openItems');
  });
});
