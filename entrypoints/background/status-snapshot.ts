/** The state at a glance for the pages and the badge: settings, connection, progress, the outbox, alarms. */
import { browser } from 'wxt/browser';
import type { ConnectionState, SyncProgress, SyncRun, WorkspaceDb } from '../../lib/db';
import { KV } from '../../lib/db';
import type { Settings } from '../../lib/settings';
import type { StatusSnapshot } from '../../lib/background-requests';
import { healthOf } from '../../lib/health';
import { extraOriginFor } from '../../lib/settings-draft';
import { RESUME_ALARM, SYNC_ALARM } from './alarms';

export async function connectionStateOf(db: WorkspaceDb, settings: Settings): Promise<ConnectionState> {
  const stored = (await db.kv.get(KV.connection))?.value as ConnectionState | undefined;
  if (!settings.connection) return { status: 'notConfigured' };
  return stored ?? { status: 'ok' };
}

async function lastFinishedRun(db: WorkspaceDb): Promise<SyncRun | undefined> {
  return db.syncLog
    .orderBy('startedAt')
    .reverse()
    .filter((r) => r.result !== 'running')
    .first();
}

/** The saved proxy's origin when its host permission has not been granted (or was taken back). */
export async function missingProxyAccess(settings: Settings): Promise<string | undefined> {
  const pattern = extraOriginFor(settings.proxyUrl);
  if (!pattern) return undefined;
  let granted = false;
  try {
    granted = await browser.permissions.contains({ origins: [pattern] });
  } catch {
    /* cannot tell: treat as not granted, so the person is asked rather than shown "unreachable" */
  }
  return granted ? undefined : new URL(settings.proxyUrl.trim()).origin;
}

export async function statusSnapshot(
  db: WorkspaceDb,
  engine: { loadSettings(db: WorkspaceDb): Promise<Settings> },
  syncing: boolean,
): Promise<StatusSnapshot> {
  const settings = await engine.loadSettings(db);
  const [connection, lastRun, failedExports, pendingExports, administrations, alarm, progressRow] = await Promise.all([
    connectionStateOf(db, settings),
    lastFinishedRun(db),
    db.outbox.where('state').equals('failed').count(),
    db.outbox.where('state').anyOf('pending', 'sending').count(),
    db.administrations.toArray(),
    browser.alarms.get(SYNC_ALARM),
    db.kv.get(KV.progress),
  ]);
  const resume = await browser.alarms.get(RESUME_ALARM);
  const proxyAccessMissing = await missingProxyAccess(settings);
  const progress = syncing
    ? ((progressRow?.value as SyncProgress | undefined) ?? { running: true, updatedAt: Date.now() })
    : undefined;
  const health = healthOf({
    configured: settings.connection !== null,
    syncing,
    connection,
    lastRun,
    failedExports,
    proxyAccessMissing: proxyAccessMissing !== undefined,
  });
  return {
    settings,
    connection,
    progress,
    syncing,
    lastRun,
    failedExports,
    pendingExports,
    administrations,
    health,
    nextSyncAt: alarm?.scheduledTime,
    proxyAccessMissing,
    resumeAt: syncing ? undefined : resume?.scheduledTime,
  };
}
