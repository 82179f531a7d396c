/**
 * Settings and the connection state as the pages and the engine see them: load/save settings
 * (validated), test a connection, forget everything, and the administration key that keeps two
 * administrations' data from being mixed.
 */
import Dexie from 'dexie';
import { KV, type ConnectionState, type WorkspaceDb } from '../db';
import type { EBoekhouden } from '../eboekhouden/api';
import type { Administration } from '../eboekhouden/types';
import { isEBoekhoudenError } from '../eboekhouden/errors';
import { transportOptions, validateSettings, type FieldErrors, type Settings } from '../settings';
import { describeError, TEXT, type ErrorText } from './texts';
import { createEBoekhouden } from '../eboekhouden/index';
import { loadSettings } from '../workspace/options';

export type CreateApi = (settings: Settings) => EBoekhouden;

/** The real transports (REST for a token, SOAP for security codes). */
export const defaultCreateApi: CreateApi = (settings) => createEBoekhouden(transportOptions(settings));

export { loadSettings };

function credentialsOf(s: Settings): string {
  return JSON.stringify([s.connection, s.administrationGuid]);
}

/**
 * Validates and stores settings. New credentials clear a 'needsReconnect' state, so auto-sync
 * resumes; the same credentials saved again leave it as it is.
 */
export async function saveSettings(
  db: WorkspaceDb,
  input: unknown,
): Promise<{ ok: true; settings: Settings } | { ok: false; errors: FieldErrors }> {
  const result = validateSettings(input);
  if (!result.ok) return result;
  const settings = result.settings;
  await db.transaction('rw', db.kv, async () => {
    const before = await loadSettings(db);
    const state = await getConnectionState(db);
    await db.kv.put({ key: KV.settings, value: settings });
    let next: ConnectionState;
    if (!settings.connection) next = { ...state, status: 'notConfigured', message: undefined };
    else if (state.status === 'notConfigured' || credentialsOf(before) !== credentialsOf(settings))
      next = { ...state, status: 'ok', message: undefined, pendingAdministrationKey: undefined };
    else next = state;
    await db.kv.put({ key: KV.connection, value: next });
  });
  return { ok: true, settings };
}

export async function getConnectionState(db: WorkspaceDb): Promise<ConnectionState> {
  const row = await db.kv.get(KV.connection);
  return (row?.value as ConnectionState | undefined) ?? { status: 'notConfigured' };
}

export async function setConnectionState(db: WorkspaceDb, patch: Partial<ConnectionState>): Promise<ConnectionState> {
  return Dexie.ignoreTransaction(() =>
    db.transaction('rw', db.kv, async () => {
      const next = { ...(await getConnectionState(db)), ...patch };
      await db.kv.put({ key: KV.connection, value: next });
      return next;
    }),
  );
}

/** Whether the 15-minute alarm should sync: on, configured, and not waiting for new credentials. */
export async function autoSyncAllowed(db: WorkspaceDb): Promise<boolean> {
  const [settings, state] = await Promise.all([loadSettings(db), getConnectionState(db)]);
  return settings.autoSync && settings.connection !== null && state.status === 'ok' && !state.pendingAdministrationKey;
}

/**
 * Identifies the administration the credentials open, without storing a secret: a SHA-256 of
 * the administration GUID (accountants), of username + Security Code 2 (SOAP; SecurityCode2 is
 * the administration's GUID), or of the API token (one token belongs to one administration).
 */
export async function administrationKey(settings: Settings): Promise<string | undefined> {
  const c = settings.connection;
  if (!c) return undefined;
  let material: string;
  if (settings.administrationGuid) material = `guid:${normaliseGuid(settings.administrationGuid)}`;
  else if (c.kind === 'securityCodes') material = `soap:${c.username.toLowerCase()}:${normaliseGuid(c.securityCode2)}`;
  else material = `token:${c.apiToken}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`boekhoud-companion:${material}`));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function normaliseGuid(g: string): string {
  return g
    .trim()
    .replace(/^\{|\}$/g, '')
    .toLowerCase();
}

/** Tables filled by imports (cleared on an administration switch). */
export function importedTables(db: WorkspaceDb) {
  return [
    db.materials,
    db.hourTypes,
    db.ledgerAccounts,
    db.transactions,
    db.openItems,
    db.invoiceTemplates,
    db.administrations,
  ];
}

/**
 * The person confirmed that the new credentials' administration replaces the local one: imported
 * data and cursors are cleared (customers made in the workspace stay) and the next run imports afresh.
 */
export async function confirmAdministrationSwitch(db: WorkspaceDb): Promise<void> {
  await db.transaction('rw', [...importedTables(db), db.customers, db.cursors, db.kv], async () => {
    for (const t of importedTables(db)) await t.clear();
    await db.customers.bulkDelete(await db.customers.where('origin').equals('eboekhouden').primaryKeys());
    // Workspace customers that were exported belong to the old administration's relations.
    const own = await db.customers.where('origin').equals('workspace').toArray();
    await db.customers.bulkPut(own.map(({ remoteId: _old, ...c }) => c));
    await db.cursors.clear();
    const state = await getConnectionState(db);
    await db.kv.put({
      key: KV.connection,
      value: {
        ...state,
        administrationKey: state.pendingAdministrationKey ?? state.administrationKey,
        pendingAdministrationKey: undefined,
        message: undefined,
      },
    });
  });
}

/** Forget credentials and delete all local data: imported and workspace records, log and state. */
export async function disconnect(db: WorkspaceDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const t of db.tables) await t.clear();
  });
}

export type TestConnectionResult = { ok: true; administrations: Administration[] } | { ok: false; error: ErrorText };

/** Opens a session with these settings; accountants also get their administrations. */
export async function testConnection(
  settings: Settings,
  o: { createApi?: CreateApi } = {},
): Promise<TestConnectionResult> {
  if (!settings.connection)
    return { ok: false, error: { kind: 'sync', code: 'NOT_CONFIGURED', ...TEXT.notConfigured } };
  const api = (o.createApi ?? defaultCreateApi)(settings);
  try {
    await api.open();
    let administrations: Administration[] = [];
    try {
      administrations = await api.listAdministrations();
    } catch (e) {
      if (!isNotAccountant(e)) throw e;
    }
    return { ok: true, administrations };
  } catch (e) {
    return { ok: false, error: describeError(e) };
  } finally {
    await api.close();
  }
}

/** Listing administrations is for accountants; everybody else gets EP_001 (REST) or E002.5 (SOAP). */
export function isNotAccountant(e: unknown): boolean {
  return isEBoekhoudenError(e) && (e.code === 'EP_001' || e.code === 'E002.5' || e.code === 'EP_002');
}
