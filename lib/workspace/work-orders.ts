/**
 * Work orders: drafts numbered WO-0001 …, completed after the checks the export needs, then
 * exported as invoices at the next sync. An exported one can still change here; it is flagged.
 */
import type { HourLine, MaterialLine, WorkOrder, WorkspaceDb } from '../db';
import type { Settings } from '../settings';
import { text, type TextKey, type Params, type Text } from '../i18n/translate';
import {
  customerNotices,
  lineNotices,
  loadLookups,
  resolveWorkOrderLines,
  workOrderLabel,
  type Notice,
} from './invoice-builder';
import { entryForSource } from '../sync/exports/outbox-sources';
import { decimalsAtMost, validDate } from './checks';
import { discountProblem, soapDiscountNotices } from './discounts';
import { fail, WorkspaceError } from './errors';
import { nextWorkOrderNumber } from './numbering';
import { nowOf, settingsOf, type Options } from './options';
import { refuseWhileQueued } from './queued-for-export';

export interface WorkOrderInput {
  id?: number;
  customerId: number;
  date: string;
  description: string;
  hourLines: HourLine[];
  materialLines: MaterialLine[];
  /** The person's choice for this work order's invoice; left out, the setting decides. */
  emailToCustomer?: boolean;
}

/** A discount that cannot be sent, named by its line as the invoice will number it (hours first). */
function addDiscountProblem(
  problems: Notice[],
  record: Text,
  index: number,
  what: string | undefined,
  line: Parameters<typeof discountProblem>[0],
): void {
  const p = discountProblem(line);
  if (!p) return;
  const where = text('invoice.line', { record, line: index + 1, what: what ?? '?' });
  problems.push({ code: p.code, ...text(p.key, { where, ...p.params }) });
}

async function checkWorkOrderInput(db: WorkspaceDb, wo: WorkOrderInput, record: Text): Promise<void> {
  const problems: Notice[] = [];
  const add = (code: string, key: TextKey, params: Params = {}) =>
    problems.push({ code, ...text(key, { record, ...params }) });
  if (!(await db.customers.get(wo.customerId))) add('UNKNOWN_CUSTOMER', 'workspace.workOrder.unknownCustomer');
  if (!validDate(wo.date)) add('INVALID_DATE', 'workspace.invalidDate', { date: wo.date });
  if ((wo.description ?? '').length > 200) add('DESCRIPTION_TOO_LONG', 'workspace.workOrder.descriptionTooLong');
  const hourTypes = await db.hourTypes.bulkGet(wo.hourLines.map((h) => h.hourTypeId));
  wo.hourLines.forEach((h, i) => {
    const line = { line: i + 1 };
    if (!hourTypes[i]) add('UNKNOWN_HOUR_TYPE', 'workspace.workOrder.hourLine.unknownHourType', line);
    if (!(Number.isFinite(h.hours) && h.hours > 0 && decimalsAtMost(h.hours, 4)))
      add('INVALID_HOURS', 'workspace.workOrder.hourLine.invalidHours', line);
    if (!decimalsAtMost(h.price, 2)) add('INVALID_PRICE', 'workspace.workOrder.hourLine.invalidPrice', line);
    addDiscountProblem(problems, record, i, hourTypes[i]?.code, { ...h, pricePerUnit: h.price });
  });
  const materials = await db.materials.bulkGet(wo.materialLines.map((m) => m.materialId));
  wo.materialLines.forEach((m, i) => {
    const line = { line: i + 1 };
    if (!materials[i]) add('UNKNOWN_MATERIAL', 'workspace.workOrder.materialLine.unknownMaterial', line);
    if (!(Number.isFinite(m.quantity) && m.quantity !== 0 && decimalsAtMost(m.quantity, 4)))
      add('INVALID_QUANTITY', 'workspace.workOrder.materialLine.invalidQuantity', line);
    if (!decimalsAtMost(m.price, 2)) add('INVALID_PRICE', 'workspace.workOrder.materialLine.invalidPrice', line);
    addDiscountProblem(problems, record, wo.hourLines.length + i, materials[i]?.code, { ...m, pricePerUnit: m.price });
  });
  if (problems.length > 0) throw new WorkspaceError(problems);
}

/** Saves a work order. New ones are drafts numbered WO-0001 …; an exported one is flagged, not re-sent. */
export async function saveWorkOrder(db: WorkspaceDb, wo: WorkOrderInput, o?: Options): Promise<WorkOrder> {
  const at = nowOf(o);
  const input: WorkOrderInput = {
    id: wo.id,
    customerId: wo.customerId,
    date: wo.date,
    description: (wo.description ?? '').trim(),
    hourLines: wo.hourLines.map((h) => ({ ...h })),
    materialLines: wo.materialLines.map((m) => ({ ...m })),
    ...(wo.emailToCustomer === undefined ? {} : { emailToCustomer: wo.emailToCustomer }),
  };
  if (input.id === undefined) {
    await checkWorkOrderInput(db, input, text('workspace.record.newWorkOrder'));
    return db.transaction('rw', [db.kv, db.customers, db.workOrders, db.invoices], async () => {
      const number = await nextWorkOrderNumber(db);
      const { id: _drop, ...fields } = input;
      const row: WorkOrder = { ...fields, number, status: 'draft', updatedAt: at };
      row.id = await db.workOrders.add(row);
      return row;
    });
  }
  const current = await db.workOrders.get(input.id);
  if (!current) fail('WORK_ORDER_NOT_FOUND', 'workspace.workOrder.notFound', { id: input.id });
  const label = workOrderLabel(current);
  await checkWorkOrderInput(db, input, label);
  if (current.status === 'completed') {
    // A completed work order stays completed, so it must still pass the completion checks.
    const problems = await workOrderProblems(
      db,
      { ...current, ...input, number: current.number },
      await settingsOf(db, o),
    );
    if (problems.length > 0) throw new WorkspaceError(problems);
  }
  return db.transaction('rw', [db.workOrders, db.outbox, db.invoices], async () => {
    const fresh = (await db.workOrders.get(input.id!))!;
    const next: WorkOrder = { ...fresh, ...input, id: fresh.id, number: fresh.number, updatedAt: at };
    if (fresh.status === 'exported') next.changedAfterExport = true;
    else if (fresh.status === 'completed')
      refuseWhileQueued(await entryForSource(db, { table: 'workOrders', id: fresh.id! }), label);
    await db.workOrders.put(next);
    return next;
  });
}

async function workOrderProblems(db: WorkspaceDb, wo: WorkOrder, settings: Settings): Promise<Notice[]> {
  const record = workOrderLabel(wo);
  const lookups = await loadLookups(db, wo);
  const { lines, problems } = resolveWorkOrderLines(wo, lookups, settings);
  return [
    ...customerNotices(lookups.customer, record).problems,
    ...problems,
    ...lineNotices(lines, record),
    ...soapDiscountNotices(lines, settings, record),
  ];
}

/** draft → completed, after checking the customer and the lines. A completed work order is exported at the next sync. */
export async function completeWorkOrder(db: WorkspaceDb, id: number, o?: Options): Promise<WorkOrder> {
  const settings = await settingsOf(db, o);
  const wo = await db.workOrders.get(id);
  if (!wo) fail('WORK_ORDER_NOT_FOUND', 'workspace.workOrder.notFound', { id });
  if (wo.status !== 'draft')
    fail('NOT_A_DRAFT', 'workspace.workOrder.alreadyCompleted', { record: workOrderLabel(wo) });
  const problems = await workOrderProblems(db, wo, settings);
  if (problems.length > 0) throw new WorkspaceError(problems);
  const at = nowOf(o);
  await db.workOrders.update(id, { status: 'completed', updatedAt: at });
  return { ...wo, status: 'completed', updatedAt: at };
}

/** Deletes a draft work order. */
export async function deleteWorkOrder(db: WorkspaceDb, id: number): Promise<void> {
  await db.transaction('rw', [db.workOrders], async () => {
    const wo = await db.workOrders.get(id);
    if (!wo) return;
    if (wo.status !== 'draft')
      fail('NOT_A_DRAFT', 'workspace.workOrder.completedCannotDelete', { record: workOrderLabel(wo) });
    await db.workOrders.delete(id);
  });
}
