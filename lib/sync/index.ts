/**
 * The sync layer's public API, for the background worker and the pages.
 * Pages never call e-Boekhouden themselves: they read Dexie and ask the background to run these.
 */
// engine (F1)
export { runSync, ALL_STEPS, type RunOptions } from './engine';
export { IMPORT_STEPS } from './imports/index';
export { EXPORT_STEPS } from './exports/index';
export {
  loadSettings,
  saveSettings,
  testConnection,
  disconnect,
  confirmAdministrationSwitch,
  getConnectionState,
  autoSyncAllowed,
  administrationKey,
  defaultCreateApi,
  type CreateApi,
  type TestConnectionResult,
} from './connection';
export { describeError, SyncError, type ErrorText } from './messages-text';
export { isHourUnit } from './mapping';
export { readLease, LEASE_TTL_MS, type Lease } from './lease';
export type { SyncStep, StepContext } from './step';
export type { SyncRun, SyncProgress, ConnectionState, RunTrigger, RunResult, StepLog, Problem } from '../db';

// workspace operations (F2)
export * from '../workspace';
