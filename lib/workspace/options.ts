/** What every workspace call may be given: the settings to use and a clock (tests fix both). */
import { KV, type WorkspaceDb } from '../db';
import { DEFAULT_SETTINGS, restoreSettings, type Settings } from '../settings';

export interface Options {
  settings?: Settings;
  now?: () => number;
}

/** The saved settings, or (a copy of) the defaults when none are saved; a value that no longer validates falls back per field. */
export async function loadSettings(db: WorkspaceDb): Promise<Settings> {
  const row = await db.kv.get(KV.settings);
  return row?.value ? restoreSettings(row.value) : structuredClone(DEFAULT_SETTINGS);
}

export const settingsOf = async (db: WorkspaceDb, o?: Options) => o?.settings ?? (await loadSettings(db));
export const nowOf = (o?: Options) => (o?.now ?? Date.now)();
