/**
 * Work orders: drafts numbered WO-0001 …, completed after the checks the export needs, then
 * exported as invoices at the next sync. An exported one can still change here; it is flagged.
 */
import type { HourLine, MaterialLine, WorkOrder, WorkspaceDb } from '../db';
import type { Settings } from '../settings';
import {
  checkCustomer,
  checkLines,
  loadLookups,
  workOrderLines,
  workOrderRecord,
  type Message,
} from '../sync/invoice-builder';
import { entryForSource } from '../sync/exports/outbox';
import { decimalsAtMost, validDate } from './checks';
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
}

async function checkWorkOrderInput(
  db: WorkspaceDb,
  wo: WorkOrderInput,
  label: { nl: string; en: string },
): Promise<void> {
  const problems: Message[] = [];
  const add = (code: string, nl: string, en: string) =>
    problems.push({ code, nl: `${label.nl}: ${nl}`, en: `${label.en}: ${en}` });
  if (!(await db.customers.get(wo.customerId)))
    add('UNKNOWN_CUSTOMER', 'kies een bestaande klant.', 'choose an existing customer.');
  if (!validDate(wo.date))
    add(
      'INVALID_DATE',
      `datum "${wo.date}" is geen geldige datum (JJJJ-MM-DD).`,
      `date "${wo.date}" is not a valid date (YYYY-MM-DD).`,
    );
  if ((wo.description ?? '').length > 200)
    add(
      'DESCRIPTION_TOO_LONG',
      'de omschrijving is langer dan 200 tekens. Maak haar korter.',
      'the description is longer than 200 characters. Shorten it.',
    );
  const hourTypes = await db.hourTypes.bulkGet(wo.hourLines.map((h) => h.hourTypeId));
  wo.hourLines.forEach((h, i) => {
    const n = i + 1;
    if (!hourTypes[i])
      add(
        'UNKNOWN_HOUR_TYPE',
        `urenregel ${n}: kies een bestaand uursoort.`,
        `hour line ${n}: choose an existing hour type.`,
      );
    if (!(Number.isFinite(h.hours) && h.hours > 0 && decimalsAtMost(h.hours, 4)))
      add(
        'INVALID_HOURS',
        `urenregel ${n}: het aantal uren moet groter dan 0 zijn, met hoogstens 4 decimalen.`,
        `hour line ${n}: hours must be more than 0, with at most 4 decimals.`,
      );
    if (!decimalsAtMost(h.price, 2))
      add(
        'INVALID_PRICE',
        `urenregel ${n}: de prijs moet een bedrag in hele centen zijn.`,
        `hour line ${n}: the price must be an amount in whole cents.`,
      );
  });
  const materials = await db.materials.bulkGet(wo.materialLines.map((m) => m.materialId));
  wo.materialLines.forEach((m, i) => {
    const n = i + 1;
    if (!materials[i])
      add(
        'UNKNOWN_MATERIAL',
        `materiaalregel ${n}: kies een bestaand materiaal.`,
        `material line ${n}: choose an existing material.`,
      );
    if (!(Number.isFinite(m.quantity) && m.quantity !== 0 && decimalsAtMost(m.quantity, 4)))
      add(
        'INVALID_QUANTITY',
        `materiaalregel ${n}: het aantal mag niet 0 zijn en heeft hoogstens 4 decimalen.`,
        `material line ${n}: the quantity cannot be 0 and has at most 4 decimals.`,
      );
    if (!decimalsAtMost(m.price, 2))
      add(
        'INVALID_PRICE',
        `materiaalregel ${n}: de prijs moet een bedrag in hele centen zijn.`,
        `material line ${n}: the price must be an amount in whole cents.`,
      );
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
  };
  if (input.id === undefined) {
    await checkWorkOrderInput(db, input, { nl: 'Nieuwe werkbon', en: 'New work order' });
    return db.transaction('rw', [db.kv, db.customers, db.workOrders, db.invoices], async () => {
      const number = await nextWorkOrderNumber(db);
      const { id: _drop, ...fields } = input;
      const row: WorkOrder = { ...fields, number, status: 'draft', updatedAt: at };
      row.id = await db.workOrders.add(row);
      return row;
    });
  }
  const current = await db.workOrders.get(input.id);
  if (!current)
    fail(
      'WORK_ORDER_NOT_FOUND',
      `Werkbon ${input.id} bestaat niet (meer). Vernieuw de lijst.`,
      `Work order ${input.id} does not exist (any more). Refresh the list.`,
    );
  const label = workOrderRecord(current);
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

async function workOrderProblems(db: WorkspaceDb, wo: WorkOrder, settings: Settings): Promise<Message[]> {
  const record = workOrderRecord(wo);
  const lookups = await loadLookups(db, wo);
  const { lines, problems } = workOrderLines(wo, lookups, settings);
  return [...checkCustomer(lookups.customer, record).problems, ...problems, ...checkLines(lines, record)];
}

/** draft → completed, after checking the customer and the lines. A completed work order is exported at the next sync. */
export async function completeWorkOrder(db: WorkspaceDb, id: number, o?: Options): Promise<WorkOrder> {
  const settings = await settingsOf(db, o);
  const wo = await db.workOrders.get(id);
  if (!wo)
    fail(
      'WORK_ORDER_NOT_FOUND',
      `Werkbon ${id} bestaat niet (meer). Vernieuw de lijst.`,
      `Work order ${id} does not exist (any more). Refresh the list.`,
    );
  const label = workOrderRecord(wo);
  if (wo.status !== 'draft') {
    fail('NOT_A_DRAFT', `${label.nl} is al afgerond.`, `${label.en} is already completed.`);
  }
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
    const label = workOrderRecord(wo);
    if (wo.status !== 'draft')
      fail(
        'NOT_A_DRAFT',
        `${label.nl} is afgerond en kan niet worden verwijderd.`,
        `${label.en} is completed and cannot be deleted.`,
      );
    await db.workOrders.delete(id);
  });
}
