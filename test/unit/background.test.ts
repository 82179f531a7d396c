/**
 * The background wiring with the fake browser: the alarm is made sure of, an alarm runs the
 * engine only when it should, messages are routed, the badge tells the state, an interrupted
 * run is resumed. The engine's settings functions are the real ones; runSync is a fake.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { KV, WorkspaceDb, type RunTrigger, type SyncRun } from '../../lib/db';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import type { NewInvoice } from '../../lib/eboekhouden/types';
import {
  describeError,
  disconnect,
  loadSettings,
  saveSettings,
  confirmAdministrationSwitch,
  readLease,
} from '../../lib/sync/index';
import {
  createBackground,
  registerListeners,
  RESUME_ALARM,
  SYNC_ALARM,
  type Background,
  type Engine,
} from '../../entrypoints/background/service';
import {
  STATUS_PORT,
  type Reply,
  type Request,
  type StatusSnapshot,
  type StatusUpdate,
} from '../../lib/background-requests';

let db: WorkspaceDb;
let runs: { trigger: RunTrigger; signal?: AbortSignal; finish: (r?: Partial<SyncRun>) => void }[];
let engine: Engine;
let bg: Background;

function fakeRunSync(o: { db: WorkspaceDb; trigger: RunTrigger; signal?: AbortSignal }): Promise<SyncRun> {
  return new Promise((resolve) => {
    runs.push({
      trigger: o.trigger,
      signal: o.signal,
      finish: async (r = {}) => {
        const run: SyncRun = {
          trigger: o.trigger,
          startedAt: 1,
          endedAt: 2,
          result: 'ok',
          steps: [],
          problems: [],
          ...r,
        };
        await o.db.syncLog.add(run);
        resolve(run);
      },
    });
  });
}

const tokenSettings = { ...DEFAULT_SETTINGS, connection: { kind: 'token' as const, apiToken: 'sandbox-token' } };

/** The fake's trigger is typed without sendResponse; the real onMessage passes it third. */
const deliver = (message: unknown, sender: { id: string }, sendResponse: (r: unknown) => void) =>
  (fakeBrowser.runtime.onMessage.trigger as unknown as (...a: unknown[]) => Promise<unknown[]>)(
    message,
    sender,
    sendResponse,
  );

async function send<T>(request: Request): Promise<Reply<T>> {
  return new Promise((resolve) => {
    void deliver(request, { id: fakeBrowser.runtime.id }, resolve as (r: unknown) => void);
  });
}

/** The fake browser has no runtime ports; the background's onConnect listeners are kept here. */
let connectListeners: ((port: unknown) => void)[];

beforeEach(async () => {
  fakeBrowser.reset();
  connectListeners = [];
  vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation((cb) => {
    connectListeners.push(cb as (port: unknown) => void);
  });
  db = new WorkspaceDb(`bg-test-${Math.random()}`);
  runs = [];
  engine = {
    runSync: vi.fn(fakeRunSync),
    testConnection: vi.fn(async () => ({ ok: true as const, administrations: [] })),
    loadSettings,
    saveSettings,
    disconnect,
    confirmAdministrationSwitch,
    readLease,
    describeError,
  };
  bg = createBackground({ db, engine });
  registerListeners(bg, describeError);
});

afterEach(async () => {
  await bg.currentRun();
  db.close();
  await db.delete();
});

describe('the sync alarm', () => {
  it('is created every 15 minutes at start, and not duplicated', async () => {
    await bg.start();
    await bg.start();
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms.filter((a) => a.name === SYNC_ALARM)).toHaveLength(1);
    expect(alarms[0].periodInMinutes).toBe(15);
  });

  it('is made sure of on install and browser start', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toBeDefined());
    await fakeBrowser.alarms.clearAll();
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toBeDefined());
  });

  it('runs the engine when configured and auto-sync is on', async () => {
    await saveSettings(db, tokenSettings);
    await bg.onAlarm({ name: SYNC_ALARM, periodInMinutes: 15 });
    expect(runs.map((r) => r.trigger)).toEqual(['alarm']);
    runs[0].finish();
  });

  it('does nothing when not configured, when auto-sync is off, or while credentials are rejected', async () => {
    await bg.onAlarm({ name: SYNC_ALARM, periodInMinutes: 15 });
    await saveSettings(db, { ...tokenSettings, autoSync: false });
    await bg.onAlarm({ name: SYNC_ALARM, periodInMinutes: 15 });
    await saveSettings(db, tokenSettings);
    await db.kv.put({ key: KV.connection, value: { status: 'needsReconnect', message: { nl: 'x', en: 'x' } } });
    await bg.onAlarm({ name: SYNC_ALARM, periodInMinutes: 15 });
    await bg.onAlarm({ name: 'something-else' });
    expect(runs).toHaveLength(0);
  });

  it('restores the 15-minute schedule after a one-off alarm with its name', async () => {
    await bg.onAlarm({ name: SYNC_ALARM });
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(15);
  });
});

describe('a proxy whose host permission is missing', () => {
  const elsewhere = { ...tokenSettings, proxyUrl: 'https://proxy.example.nl' };
  let granted: string[];
  beforeEach(() => {
    granted = [];
    fakeBrowser.permissions.contains = vi.fn(async ({ origins = [] }: { origins?: string[] }) =>
      origins.every((o) => granted.includes(o)),
    ) as never;
  });

  it('is shown in the status (needs attention), and neither Sync now nor the alarm runs until it is granted', async () => {
    await saveSettings(db, elsewhere);
    const reply = await send<StatusSnapshot>({ type: 'status' });
    expect(reply.ok && reply.data.proxyAccessMissing).toBe('https://proxy.example.nl');
    expect(reply.ok && reply.data.health).toBe('attention');
    expect(fakeBrowser.permissions.contains).toHaveBeenCalledWith({ origins: ['https://proxy.example.nl/*'] });
    expect(await send({ type: 'syncNow' })).toEqual({
      ok: true,
      data: { started: false, reason: 'proxyAccessMissing' },
    });
    await bg.onAlarm({ name: SYNC_ALARM, periodInMinutes: 15 });
    expect(runs).toHaveLength(0);

    granted.push('https://proxy.example.nl/*');
    const after = await send<StatusSnapshot>({ type: 'status' });
    expect(after.ok && after.data.proxyAccessMissing).toBeUndefined();
    await bg.onAlarm({ name: SYNC_ALARM, periodInMinutes: 15 });
    expect(runs.map((r) => r.trigger)).toEqual(['alarm']);
    runs[0].finish();
  });

  it('is not asked about for the default proxy, which the manifest grants', async () => {
    await saveSettings(db, tokenSettings);
    const reply = await send<StatusSnapshot>({ type: 'status' });
    expect(reply.ok && reply.data.proxyAccessMissing).toBeUndefined();
    expect(fakeBrowser.permissions.contains).not.toHaveBeenCalled();
  });
});

describe('messages', () => {
  it('status tells the settings, the connection and the health', async () => {
    let reply = await send<StatusSnapshot>({ type: 'status' });
    expect(reply.ok && reply.data.health).toBe('notConfigured');
    await saveSettings(db, tokenSettings);
    reply = await send<StatusSnapshot>({ type: 'status' });
    expect(reply.ok && reply.data.connection.status).toBe('ok');
    expect(reply.ok && reply.data.settings.connection).toEqual(tokenSettings.connection);
  });

  it('syncNow starts one run; a second one while it runs is told it is busy; cancel aborts it', async () => {
    await saveSettings(db, tokenSettings);
    const first = await send<{ started: boolean }>({ type: 'syncNow' });
    const second = await send<{ started: boolean; reason?: string }>({ type: 'syncNow' });
    expect(first).toEqual({ ok: true, data: { started: true } });
    expect(second).toEqual({ ok: true, data: { started: false, reason: 'busy' } });
    expect(runs).toHaveLength(1);
    const status = await send<StatusSnapshot>({ type: 'status' });
    expect(status.ok && status.data.syncing).toBe(true);
    await send({ type: 'cancelSync' });
    expect(runs[0].signal?.aborted).toBe(true);
    runs[0].finish({ result: 'cancelled' });
  });

  it('syncNow with refresh asks the engine to re-read everything', async () => {
    await saveSettings(db, tokenSettings);
    await send({ type: 'syncNow', refresh: true });
    expect(runs.map((r) => r.trigger)).toEqual(['refresh']);
    runs[0].finish();
  });

  it('syncNow explains why it cannot start', async () => {
    expect(await send({ type: 'syncNow' })).toEqual({ ok: true, data: { started: false, reason: 'notConfigured' } });
    await saveSettings(db, tokenSettings);
    await db.kv.put({ key: KV.connection, value: { status: 'needsReconnect' } });
    expect(await send({ type: 'syncNow' })).toEqual({ ok: true, data: { started: false, reason: 'needsReconnect' } });
  });

  it('saveSettings validates with message keys per field, and new credentials resume a paused connection', async () => {
    const bad = await send<{ ok: boolean; errors?: Record<string, string> }>({
      type: 'saveSettings',
      settings: { ...tokenSettings, connection: { kind: 'token', apiToken: '' } },
    });
    expect(bad.ok && bad.data.errors).toEqual({ 'connection.apiToken': 'settings.error.apiTokenRequired' });
    await saveSettings(db, tokenSettings);
    await db.kv.put({ key: KV.connection, value: { status: 'needsReconnect' } });
    const good = await send<{ ok: boolean }>({
      type: 'saveSettings',
      settings: { ...tokenSettings, connection: { kind: 'token', apiToken: 'a-new-token' } },
    });
    expect(good.ok && good.data.ok).toBe(true);
    const status = await send<StatusSnapshot>({ type: 'status' });
    expect(status.ok && status.data.connection.status).toBe('ok');
  });

  it('testConnection refuses invalid unsaved settings without calling e-Boekhouden', async () => {
    const reply = await send<{ ok: boolean }>({
      type: 'testConnection',
      settings: { ...tokenSettings, proxyUrl: 'nope' },
    });
    expect(reply.ok && reply.data.ok).toBe(false);
    expect(engine.testConnection).not.toHaveBeenCalled();
    await send({ type: 'testConnection', settings: tokenSettings });
    expect(engine.testConnection).toHaveBeenCalledTimes(1);
  });

  it('validateSettings answers the field errors of its own settings without saving them', async () => {
    const bad = await send({ type: 'validateSettings', settings: { ...tokenSettings, proxyUrl: 'nope' } });
    expect(bad).toEqual({ ok: true, data: { proxyUrl: 'settings.error.proxyUrlInvalid' } });
    expect(await send({ type: 'validateSettings', settings: tokenSettings })).toEqual({ ok: true, data: {} });
    expect((await loadSettings(db)).connection).toBeNull();
  });

  it('answers through sendResponse (the listener returns true), and a failing handler as an error reply', async () => {
    let answer: (r: unknown) => void = () => {};
    const answered = new Promise<unknown>((resolve) => (answer = resolve));
    const results = await deliver({ type: 'refreshBadge' }, { id: fakeBrowser.runtime.id }, (r) => answer(r));
    expect(results).toEqual([true]);
    expect(await answered).toEqual({ ok: true, data: { ok: true } });
    engine.confirmAdministrationSwitch = vi.fn(async () => {
      throw new Error('boom');
    });
    const failed = await send({ type: 'confirmAdministrationSwitch' });
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.error.kind).toBeTruthy();
  });

  it('ignores messages from elsewhere and unknown types', async () => {
    const results = await deliver({ type: 'status' }, { id: 'another-extension' }, () => undefined);
    expect(results).toEqual([false]);
    const unknown = await deliver({ type: 'rm -rf' }, { id: fakeBrowser.runtime.id }, () => undefined);
    expect(unknown).toEqual([false]);
  });

  it('disconnect forgets the credentials and the data', async () => {
    await saveSettings(db, tokenSettings);
    await db.customers.add({ code: 'K1', type: 'B', name: 'A', status: 'active', origin: 'eboekhouden', updatedAt: 1 });
    await send({ type: 'disconnect' });
    expect(await db.customers.count()).toBe(0);
    expect((await loadSettings(db)).connection).toBeNull();
  });
});

describe('status to the pages, when it changes', () => {
  function listen(name = STATUS_PORT, id = fakeBrowser.runtime.id) {
    const received: StatusSnapshot[] = [];
    const onDisconnect: (() => void)[] = [];
    const port = {
      name,
      sender: { id },
      postMessage: (m: StatusUpdate) => received.push(m.status),
      onDisconnect: { addListener: (cb: () => void) => onDisconnect.push(cb) },
      onMessage: { addListener: () => undefined },
    };
    for (const cb of connectListeners) cb(port);
    return { received, last: () => received.at(-1), close: () => onDisconnect.forEach((cb) => cb()) };
  }

  it('posts the status when a page connects, when a run starts, as its progress is written and when it ends', async () => {
    await saveSettings(db, tokenSettings);
    const page = listen();
    await vi.waitFor(() => expect(page.last()?.syncing).toBe(false));

    await send({ type: 'syncNow' });
    await vi.waitFor(() => expect(page.last()?.syncing).toBe(true));

    // Sooner than the badge's one-second refresh: the progress record's change is what tells it.
    const seen = page.received.length;
    await db.kv.put({
      key: KV.progress,
      value: { running: true, step: 'customers', done: 10, total: 20, updatedAt: 2 },
    });
    await vi.waitFor(() => expect(page.last()?.progress?.done).toBe(10), { timeout: 500, interval: 10 });
    expect(page.received.length).toBeGreaterThan(seen);

    runs[0].finish({ result: 'ok' });
    await bg.currentRun();
    await vi.waitFor(() => expect(page.last()).toMatchObject({ syncing: false, lastRun: { result: 'ok' } }));
    page.close();
  });

  it('tells every page that listens, saved settings too, and stops telling a page that went away', async () => {
    const popup = listen();
    const options = listen();
    await vi.waitFor(() => expect(popup.last() && options.last()).toBeTruthy());
    popup.close();
    const before = popup.received.length;
    await send({ type: 'saveSettings', settings: tokenSettings });
    await vi.waitFor(() => expect(options.last()?.settings.connection).toEqual(tokenSettings.connection));
    expect(popup.received.length).toBe(before);
    options.close();
  });

  it('tells the next sync time after an alarm, also when no run starts', async () => {
    const page = listen();
    await vi.waitFor(() => expect(page.last()).toBeTruthy());
    const before = page.received.length;
    await bg.onAlarm({ name: SYNC_ALARM, periodInMinutes: 15 });
    expect(runs).toHaveLength(0);
    await vi.waitFor(() => expect(page.received.length).toBeGreaterThan(before));
    page.close();
  });

  it('ignores ports of another name or from elsewhere', async () => {
    const other = listen('something-else');
    const stranger = listen(STATUS_PORT, 'another-extension');
    await bg.updateBadge();
    expect(other.received).toEqual([]);
    expect(stranger.received).toEqual([]);
  });
});

describe('the badge', () => {
  it('shows syncing, then fine, then needs attention for a failed run or failed exports', async () => {
    await saveSettings(db, tokenSettings);
    await bg.startRun('manual');
    await bg.updateBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('…');
    runs[0].finish({ result: 'ok' });
    await bg.currentRun();
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('✓'));
    expect(await fakeBrowser.action.getTitle({})).toContain('Alles in orde');

    await db.outbox.add({
      key: 'invoice:BC1',
      kind: 'invoice',
      source: { table: 'invoices', id: 1 },
      payload: {} as NewInvoice,
      state: 'failed',
      attempts: 1,
      createdAt: 1,
      updatedAt: 1,
    });
    await bg.updateBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    await db.outbox.clear();

    await bg.startRun('manual');
    runs[1].finish({ result: 'failed', error: { kind: 'network', nl: 'x', en: 'x' } });
    await bg.currentRun();
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('!'));
  });

  it('asks for attention while the credentials are rejected', async () => {
    await saveSettings(db, tokenSettings);
    await db.kv.put({ key: KV.connection, value: { status: 'needsReconnect' } });
    await bg.updateBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
  });
});

describe('resuming', () => {
  it('continues a run that was interrupted when the worker stopped', async () => {
    await saveSettings(db, tokenSettings);
    await db.kv.put({ key: KV.progress, value: { running: true, step: 'customers', updatedAt: 1 } });
    await bg.start();
    expect(runs.map((r) => r.trigger)).toEqual(['startup']);
    runs[0].finish();
  });

  it('tries again when the stopped run still holds the lease, once it has expired', async () => {
    await saveSettings(db, tokenSettings);
    await db.kv.put({ key: KV.progress, value: { running: true, step: 'customers', updatedAt: 1 } });
    const expiresAt = Date.now() + 45_000;
    await db.kv.put({ key: KV.lease, value: { owner: 'dead-worker', expiresAt, takenAt: 1 } });
    await bg.start();
    runs[0].finish({ result: 'cancelled', error: { kind: 'sync', code: 'BUSY', nl: '', en: '' } });
    await bg.currentRun();
    const resume = await vi.waitFor(async () => {
      const a = await fakeBrowser.alarms.get(RESUME_ALARM);
      expect(a).toBeDefined();
      return a!;
    });
    expect(resume.scheduledTime).toBeGreaterThan(expiresAt);
    const status = await send<StatusSnapshot>({ type: 'status' });
    expect(status.ok && status.data.resumeAt).toBe(resume.scheduledTime);

    await bg.onAlarm({ name: RESUME_ALARM });
    expect(runs.map((r) => r.trigger)).toEqual(['startup', 'startup']);
    runs[1].finish({ result: 'ok' });
    await bg.currentRun();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(RESUME_ALARM)).toBeUndefined());
  });

  it('does not start a run at worker start when none was interrupted', async () => {
    await saveSettings(db, tokenSettings);
    await db.kv.put({ key: KV.progress, value: { running: false, updatedAt: 1 } });
    await bg.start();
    expect(runs).toHaveLength(0);
  });
});
