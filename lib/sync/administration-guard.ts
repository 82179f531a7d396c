/** The guard against mixing two administrations' data in one workspace. */
import type { WorkspaceDb } from '../db';
import type { EBoekhouden } from '../eboekhouden/api';
import type { Settings } from '../settings';
import { administrationKey, getConnectionState, setConnectionState } from './connection';
import { SyncError, TEXT } from './texts';

/**
 * Refuses to mix two administrations' data. The first run records which administration the
 * data belongs to. Later credentials that open another one (by key) are still accepted when the
 * ledger account ids they see are the ones stored (same administration, e.g. a renewed token);
 * otherwise the run stops until the person confirms the switch (confirmAdministrationSwitch).
 */
export async function checkAdministration(db: WorkspaceDb, settings: Settings, api: EBoekhouden): Promise<void> {
  const key = await administrationKey(settings);
  const state = await getConnectionState(db);
  if (!key || state.administrationKey === key) {
    if (state.pendingAdministrationKey) await setConnectionState(db, { pendingAdministrationKey: undefined });
    return;
  }
  if (!state.administrationKey || !(await hasImportedData(db)) || (await sameLedgerAccounts(db, api))) {
    await setConnectionState(db, { administrationKey: key, pendingAdministrationKey: undefined });
    return;
  }
  await setConnectionState(db, { pendingAdministrationKey: key, message: TEXT.administrationSwitch });
  throw new SyncError('ADMINISTRATION_SWITCH', TEXT.administrationSwitch);
}

async function hasImportedData(db: WorkspaceDb): Promise<boolean> {
  const counts = await Promise.all([
    db.customers.where('origin').equals('eboekhouden').count(),
    db.materials.count(),
    db.hourTypes.count(),
    db.ledgerAccounts.count(),
    db.transactions.count(),
  ]);
  return counts.some((n) => n > 0);
}

async function sameLedgerAccounts(db: WorkspaceDb, api: EBoekhouden): Promise<boolean> {
  const local = new Set((await db.ledgerAccounts.toCollection().primaryKeys()) as number[]);
  if (local.size === 0) return false;
  let matched = 0;
  let total = 0;
  for await (const page of api.listLedgerAccounts()) {
    for (const a of page.items) {
      total++;
      if (local.has(a.id)) matched++;
    }
  }
  return total > 0 && matched / Math.max(total, local.size) >= 0.8;
}
