/**
 * The sync layer's public API, for the background worker and the pages.
 * Pages never call e-Boekhouden themselves: they read Dexie and ask the background to run these.
 */
export { runSync } from './engine';
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
} from './connection';
export { describeError } from './texts';
export { isHourUnit } from './mapping';
export { readLease } from './lease';

// workspace operations
export * from '../workspace';
