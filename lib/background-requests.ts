/**
 * Typed requests from the pages (popup, options) to the background, and their replies.
 *
 * Only types and a small `send` helper live here, so the popup does not pull in Dexie,
 * zod or the API layer: everything heavy runs in the background.
 */
import { browser } from 'wxt/browser';
import type { Settings, FieldErrors } from './settings';
import type { AdministrationRow, ConnectionState, SyncProgress, SyncRun } from './db';
import type { Administration } from './eboekhouden/types';
import { say, text, type Bilingual } from './i18n/translate';

/** The state at a glance, as the toolbar badge and the pages show it. */
export type Health = 'notConfigured' | 'syncing' | 'attention' | 'fine';

/** An error as the background reports it: kind, code and the words for a person. */
export type PlainError = { kind: string; code?: string } & Bilingual;

export interface StatusSnapshot {
  settings: Settings;
  connection: ConnectionState;
  /** Progress of the run in progress, undefined when none is running. */
  progress?: SyncProgress;
  syncing: boolean;
  lastRun?: SyncRun;
  /** When the `sync` alarm fires next (ms), when known. */
  nextSyncAt?: number;
  /** When an interrupted run will be resumed (its stopped worker's lease expires), if one waits. */
  resumeAt?: number;
  failedExports: number;
  pendingExports: number;
  /** The saved proxy's origin when the extension may not reach it yet (its host permission was not granted). */
  proxyAccessMissing?: string;
  administrations: AdministrationRow[];
  health: Health;
}

export type SyncNowResult =
  { started: true } | { started: false; reason: 'busy' | 'notConfigured' | 'needsReconnect' | 'proxyAccessMissing' };

export type TestConnectionResult = { ok: true; administrations: Administration[] } | { ok: false; error: PlainError };

export type SaveSettingsResult = { ok: true; settings: Settings } | { ok: false; errors: FieldErrors };

export interface Requests {
  status: { type: 'status' };
  /** `refresh`: re-read every record now instead of the gradual rotation. */
  syncNow: { type: 'syncNow'; refresh?: boolean };
  cancelSync: { type: 'cancelSync' };
  /** Tests the given (unsaved) settings, or the saved ones when none are given. */
  testConnection: { type: 'testConnection'; settings?: unknown };
  validateSettings: { type: 'validateSettings'; settings: unknown };
  saveSettings: { type: 'saveSettings'; settings: unknown };
  disconnect: { type: 'disconnect' };
  /** The person agreed that the new credentials' administration replaces the local data. */
  confirmAdministrationSwitch: { type: 'confirmAdministrationSwitch' };
  /** A page changed something the badge depends on (e.g. retried a failed export). */
  refreshBadge: { type: 'refreshBadge' };
}

export interface Responses {
  status: StatusSnapshot;
  syncNow: SyncNowResult;
  cancelSync: { cancelled: boolean };
  testConnection: TestConnectionResult;
  validateSettings: FieldErrors;
  saveSettings: SaveSettingsResult;
  disconnect: { ok: true };
  confirmAdministrationSwitch: { ok: true };
  refreshBadge: { ok: true };
}

export type RequestType = keyof Requests;
export type Request = Requests[RequestType];

/** The background's answer to each request: the request's type decides the handler's argument and reply. */
export type RequestHandlers = { [K in RequestType]: (request: Requests[K]) => Promise<Responses[K]> };

/** The runtime port a page opens to be told the status whenever it changes (no polling). */
export const STATUS_PORT = 'status';

/** What the background posts on the status port: the whole snapshot, each time something in it changed. */
export interface StatusUpdate {
  type: 'status';
  status: StatusSnapshot;
}

/** What travels back: the background never throws across the boundary. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: PlainError };

const REQUEST_TYPES: ReadonlySet<string> = new Set<RequestType>([
  'status',
  'syncNow',
  'cancelSync',
  'testConnection',
  'validateSettings',
  'saveSettings',
  'disconnect',
  'confirmAdministrationSwitch',
  'refreshBadge',
]);

export function isRequest(msg: unknown): msg is Request {
  return typeof msg === 'object' && msg !== null && REQUEST_TYPES.has((msg as { type?: unknown }).type as string);
}

/** An error the background reported, in both languages. */
class BackgroundError extends Error {
  constructor(readonly error: PlainError) {
    super(say('en', error));
    this.name = 'BackgroundError';
  }
}

/** Any failure as the pages show it: the background's own, or an unexpected one. */
export function toPlainError(e: unknown): PlainError {
  if (e instanceof BackgroundError) return e.error;
  const message = e instanceof Error ? e.message : String(e);
  return { kind: 'unexpected', ...text('common.unexpected', { message }) };
}

/** Sends a request to the background and returns its answer, or throws a BackgroundError. */
export async function send<K extends RequestType>(request: Requests[K]): Promise<Responses[K]> {
  let reply: Reply<Responses[K]> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(request)) as Reply<Responses[K]> | undefined;
  } catch {
    reply = undefined;
  }
  if (!reply) {
    throw new BackgroundError({ kind: 'extension', ...text('common.backgroundUnavailable') });
  }
  if (!reply.ok) throw new BackgroundError(reply.error);
  return reply.data;
}
