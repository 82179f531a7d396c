/**
 * The running numbers the workspace hands out itself: customer codes (K0001 …), work orders
 * (WO-0001 …) and draft invoices (CONCEPT-0001 …). Invoice numbers are lib/sync/numbering.ts.
 */
import type { WorkspaceDb } from '../db';
import { nextNumber } from '../sync/numbering';

/** Whether another customer already has this code (case-insensitive). */
export async function customerCodeInUse(db: WorkspaceDb, code: string, exceptId?: number): Promise<boolean> {
  const rows = await db.customers.where('code').equalsIgnoreCase(code).toArray();
  return rows.some((r) => r.id !== exceptId);
}

/** The next free customer code: K0001, K0002 … */
export function nextCustomerCode(db: WorkspaceDb): Promise<string> {
  return nextNumber(
    db,
    'customerCode',
    (n) => `K${String(n).padStart(4, '0')}`,
    (v) => customerCodeInUse(db, v),
  );
}

/** The next free work order number: WO-0001, WO-0002 … */
export function nextWorkOrderNumber(db: WorkspaceDb): Promise<string> {
  return nextNumber(
    db,
    'workOrder',
    (n) => `WO-${String(n).padStart(4, '0')}`,
    async (v) => (await db.workOrders.where('number').equals(v).count()) > 0,
  );
}

/** Drafts carry a concept number until they are finalized and get a real invoice number. */
export function conceptNumber(db: WorkspaceDb): Promise<string> {
  return nextNumber(
    db,
    'concept',
    (n) => `CONCEPT-${String(n).padStart(4, '0')}`,
    async (v) => (await db.invoices.where('number').equals(v).count()) > 0,
  );
}
