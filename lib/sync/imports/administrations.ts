/**
 * Administrations, for accountants whose connection can see several. Everybody else gets
 * "only for accountants" (EP_001 / E002.5): remembered for a day so the 15-minute run does
 * not ask again every time.
 */
import { administrationToRow } from '../mapping';
import { isNotAccountant } from '../connection';
import type { SyncStep } from '../step';
import { changedRows, DAY_MS, readCursor, writeCursor } from './common';

const STEP = 'administrations';

interface AdministrationsCursor {
  notAccountantUntil?: number;
}

export const importAdministrations: SyncStep = {
  name: STEP,
  enabled: () => true,
  async run(ctx) {
    const { db, api } = ctx;
    const cursor = (await readCursor<AdministrationsCursor>(db, STEP)) ?? {};
    if (ctx.trigger !== 'refresh' && cursor.notAccountantUntil !== undefined && cursor.notAccountantUntil > ctx.now())
      return;
    let list;
    try {
      list = await api.listAdministrations();
    } catch (e) {
      if (!isNotAccountant(e)) throw e;
      await writeCursor(
        db,
        STEP,
        { notAccountantUntil: ctx.now() + DAY_MS } satisfies AdministrationsCursor,
        ctx.now(),
      );
      return;
    }
    ctx.log.fetched += list.length;
    const rows = list.map(administrationToRow);
    await db.transaction('rw', db.administrations, db.cursors, async () => {
      const existing = await db.administrations.bulkGet(rows.map((r) => r.guid));
      changedRows(ctx, existing, rows);
      // Administrations are not referenced by workspace records: the list simply replaces the old one.
      const keep = new Set(rows.map((r) => r.guid));
      const stale = ((await db.administrations.toCollection().primaryKeys()) as string[]).filter((g) => !keep.has(g));
      await db.administrations.bulkDelete(stale);
      await db.administrations.bulkPut(rows);
      await writeCursor(db, STEP, {} satisfies AdministrationsCursor, ctx.now());
    });
  },
};
