/**
 * The background's wiring, with its dependencies passed in so tests can drive it:
 * the `sync` alarm, message routing, the toolbar badge and resuming an interrupted run.
 * No sync logic lives here; the engine (lib/sync) does the work. The status snapshot the pages
 * and the badge show is built in status-snapshot.ts.
 */
import { browser } from 'wxt/browser';
import type { SyncProgress, SyncRun, RunTrigger, WorkspaceDb } from '../../lib/db';
import { KV } from '../../lib/db';
import type { Settings } from '../../lib/settings';
import { validateSettings } from '../../lib/settings';
import {
  isRequest,
  STATUS_PORT,
  type PlainError,
  type RequestHandlers,
  type Requests,
  type RequestType,
  type Responses,
  type SaveSettingsResult,
  type SyncNowResult,
  type TestConnectionResult,
} from '../../lib/background-requests';
import { showBadge } from './badge';
import { createStatusListeners, type StatusPort } from './status-listeners';
import { connectionStateOf, missingProxyAccess, statusSnapshot } from './status-snapshot';
import { RESUME_ALARM, SYNC_ALARM, SYNC_PERIOD_MINUTES } from './alarms';
import { text } from '../../lib/i18n/translate';

export { RESUME_ALARM, SYNC_ALARM, SYNC_PERIOD_MINUTES } from './alarms';

/** What the background needs from the engine (lib/sync); structural, so tests can fake it. */
export interface Engine {
  runSync(o: { db: WorkspaceDb; trigger: RunTrigger; signal?: AbortSignal }): Promise<SyncRun>;
  testConnection(settings: Settings): Promise<TestConnectionResult>;
  loadSettings(db: WorkspaceDb): Promise<Settings>;
  saveSettings(db: WorkspaceDb, input: unknown): Promise<SaveSettingsResult>;
  disconnect(db: WorkspaceDb): Promise<void>;
  confirmAdministrationSwitch(db: WorkspaceDb): Promise<void>;
  /** The sync lease (owner + expiry), to know when a stopped worker's run can be taken over. */
  readLease(db: WorkspaceDb): Promise<{ expiresAt: number } | undefined>;
  describeError(e: unknown): PlainError;
}

export interface BackgroundDeps {
  db: WorkspaceDb;
  engine: Engine;
  log?: (message: string) => void;
}

export interface Background {
  /** Called at every service-worker start. */
  start(): Promise<void>;
  ensureAlarm(): Promise<void>;
  handle<K extends RequestType>(request: Requests[K]): Promise<Responses[K]>;
  onAlarm(alarm: { name: string; periodInMinutes?: number }): Promise<void>;
  startRun(trigger: RunTrigger): Promise<SyncNowResult>;
  updateBadge(): Promise<void>;
  /** A page listens: it gets the status now and each time it changes, until the port disconnects. */
  watchStatus(port: StatusPort): void;
  /** The run in progress, for tests. */
  currentRun(): Promise<SyncRun> | undefined;
}

const FIX_FIELDS_FIRST: PlainError = { kind: 'validation', ...text('connection.fixFieldsFirst') };

export function createBackground({ db, engine, log = () => {} }: BackgroundDeps): Background {
  let current: { controller: AbortController; promise: Promise<SyncRun> } | undefined;
  let starting = false;
  let badgeTicker: ReturnType<typeof setInterval> | undefined;
  const listeners = createStatusListeners({ db, status: () => status(), log });
  const connectionState = (settings: Settings) => connectionStateOf(db, settings);
  const status = () => statusSnapshot(db, engine, current !== undefined || starting);

  async function ensureAlarm(): Promise<void> {
    const existing = await browser.alarms.get(SYNC_ALARM);
    if (!existing) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
  }

  async function updateBadge(): Promise<void> {
    try {
      const s = await status();
      listeners.post(s);
      await showBadge(s.health, s.settings.language);
    } catch (e) {
      log(`badge update failed: ${e instanceof Error ? e.name : 'error'}`);
    }
  }

  function startBadgeTicker(): void {
    // While a run is going the badge is refreshed; the extension API calls also keep the worker awake.
    badgeTicker ??= setInterval(() => void updateBadge(), 1000);
  }

  function stopBadgeTicker(): void {
    if (badgeTicker !== undefined) clearInterval(badgeTicker);
    badgeTicker = undefined;
  }

  async function startRun(trigger: RunTrigger): Promise<SyncNowResult> {
    if (current || starting) return { started: false, reason: 'busy' };
    starting = true;
    try {
      const settings = await engine.loadSettings(db);
      if (!settings.connection) return { started: false, reason: 'notConfigured' };
      if ((await connectionState(settings)).status === 'needsReconnect')
        return { started: false, reason: 'needsReconnect' };
      if (await missingProxyAccess(settings)) return { started: false, reason: 'proxyAccessMissing' };
      const controller = new AbortController();
      const promise = engine
        .runSync({ db, trigger, signal: controller.signal })
        .catch((e: unknown): SyncRun => {
          const error = engine.describeError(e);
          log(`sync failed: ${error.kind}${error.code ? ` ${error.code}` : ''}`);
          return {
            trigger,
            startedAt: Date.now(),
            endedAt: Date.now(),
            result: 'failed',
            steps: [],
            problems: [],
            error,
          };
        })
        .then(async (run) => {
          // Resuming while the stopped worker's lease has not expired yet: try again when it has.
          if (trigger === 'startup' && run.result === 'cancelled' && run.error?.code === 'BUSY') await scheduleResume();
          else if (trigger !== 'alarm' || run.result !== 'cancelled') await browser.alarms.clear(RESUME_ALARM);
          return run;
        })
        .finally(() => {
          current = undefined;
          stopBadgeTicker();
          void updateBadge();
        });
      current = { controller, promise };
      startBadgeTicker();
      return { started: true };
    } finally {
      starting = false;
      void updateBadge();
    }
  }

  async function testConnection(input: unknown): Promise<TestConnectionResult> {
    let settings: Settings;
    if (input === undefined) settings = await engine.loadSettings(db);
    else {
      const v = validateSettings(input);
      if (!v.ok) return { ok: false, error: FIX_FIELDS_FIRST };
      settings = v.settings;
    }
    if (!settings.connection) {
      return {
        ok: false,
        error: { kind: 'validation', ...text('connection.credentialsFirst') },
      };
    }
    return engine.testConnection(settings);
  }

  async function cancelRun(): Promise<boolean> {
    if (!current) return false;
    current.controller.abort();
    return true;
  }

  /** One handler per message type; the type of lib/background-requests.ts' requests decides argument and reply. */
  const handlers: RequestHandlers = {
    status: () => status(),
    syncNow: (request) => startRun(request.refresh ? 'refresh' : 'manual'),
    cancelSync: async () => ({ cancelled: await cancelRun() }),
    testConnection: (request) => testConnection(request.settings),
    validateSettings: async (request) => {
      const v = validateSettings(request.settings);
      return v.ok ? {} : v.errors;
    },
    saveSettings: async (request) => {
      const result = await engine.saveSettings(db, request.settings);
      if (result.ok) {
        await ensureAlarm();
        await updateBadge();
      }
      return result;
    },
    disconnect: async () => {
      const run = current?.promise;
      await cancelRun();
      if (run) await Promise.race([run, new Promise((r) => setTimeout(r, 10_000))]);
      await engine.disconnect(db);
      await updateBadge();
      return { ok: true };
    },
    confirmAdministrationSwitch: async () => {
      await engine.confirmAdministrationSwitch(db);
      await updateBadge();
      return { ok: true };
    },
    refreshBadge: async () => {
      await updateBadge();
      return { ok: true };
    },
  };

  function handle<K extends RequestType>(request: Requests[K]): Promise<Responses[K]> {
    const handler = handlers[request.type as K] as (request: Requests[K]) => Promise<Responses[K]>;
    return handler(request);
  }

  async function onAlarm(alarm: { name: string; periodInMinutes?: number }): Promise<void> {
    if (alarm.name === RESUME_ALARM) return resumeIfInterrupted();
    if (alarm.name !== SYNC_ALARM) return;
    // A one-off alarm with our name (or one cleared by a restart) must not end the schedule.
    if (!alarm.periodInMinutes) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
    const settings = await engine.loadSettings(db);
    if (!settings.autoSync) return;
    const state = await connectionState(settings);
    if (state.status !== 'ok' || state.pendingAdministrationKey) return;
    if (await missingProxyAccess(settings)) return;
    await startRun('alarm');
  }

  async function onAlarmAndTell(alarm: { name: string; periodInMinutes?: number }): Promise<void> {
    await onAlarm(alarm);
    // The next sync time moved on, also when no run started.
    await listeners.publish();
  }

  async function scheduleResume(): Promise<void> {
    const lease = await engine.readLease(db);
    const when = Math.max(Date.now() + 1000, (lease?.expiresAt ?? Date.now() + 60_000) + 1000);
    await browser.alarms.create(RESUME_ALARM, { when });
    log('a stopped run still holds the lease; resuming when it expires');
  }

  async function resumeIfInterrupted(): Promise<void> {
    const progress = (await db.kv.get(KV.progress))?.value as SyncProgress | undefined;
    if (progress?.running && !current) {
      log('resuming an interrupted sync');
      await startRun('startup');
    }
  }

  return {
    async start() {
      await ensureAlarm();
      await resumeIfInterrupted();
      await updateBadge();
    },
    ensureAlarm,
    handle,
    onAlarm: onAlarmAndTell,
    startRun,
    updateBadge,
    watchStatus: listeners.watch,
    currentRun: () => current?.promise,
  };
}

/** Registers the listeners synchronously (MV3 requires it at the top level of the worker). */
export function registerListeners(bg: Background, describeError: (e: unknown) => PlainError): void {
  browser.runtime.onInstalled.addListener(() => void bg.ensureAlarm());
  browser.runtime.onStartup.addListener(() => void bg.ensureAlarm());
  browser.alarms.onAlarm.addListener((alarm) => void bg.onAlarm(alarm));
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== STATUS_PORT || port.sender?.id !== browser.runtime.id) return;
    bg.watchStatus(port);
  });
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id || !isRequest(message)) return false;
    bg.handle(message).then(
      (data) => sendResponse({ ok: true, data }),
      (e: unknown) => sendResponse({ ok: false, error: describeError(e) }),
    );
    return true;
  });
}
