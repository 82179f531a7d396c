/** The one place that decides what "syncing / needs attention / fine" means (badge and pages). */
import type { ConnectionState, SyncRun } from './db';
import type { Health } from './background-requests';

export interface HealthInput {
  configured: boolean;
  syncing: boolean;
  connection?: ConnectionState;
  lastRun?: SyncRun;
  failedExports: number;
  /** The saved proxy may not be reached yet (host permission missing). */
  proxyAccessMissing?: boolean;
}

export function healthOf(s: HealthInput): Health {
  if (s.syncing) return 'syncing';
  if (!s.configured) return 'notConfigured';
  if (s.connection?.status === 'needsReconnect' || s.connection?.pendingAdministrationKey) return 'attention';
  if (s.lastRun?.result === 'failed') return 'attention';
  if (s.failedExports > 0) return 'attention';
  if (s.proxyAccessMissing) return 'attention';
  return 'fine';
}

export interface BadgeLook {
  text: string;
  color: string;
}

export const BADGE: Record<Health, BadgeLook> = {
  syncing: { text: '…', color: '#1f5fbf' },
  attention: { text: '!', color: '#c62828' },
  fine: { text: '✓', color: '#2e7d32' },
  notConfigured: { text: '', color: '#6b7280' },
};
