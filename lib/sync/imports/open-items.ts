/**
 * Outstanding items, debtors and creditors. Each side's list replaces the open set: items no
 * longer listed (paid) are kept with `open: false`.
 */
import type { OpenItemRow } from '../../db';
import type { OpenItemSide } from '../../eboekhouden/types';
import { openItemToRow, sameFields } from '../mapping';
import type { StepContext, SyncStep } from '../step';
import { logRejected, throwIfAborted } from './common';

const SIDES: OpenItemSide[] = ['debtors', 'creditors'];

export const importOpenItems: SyncStep = {
  name: 'openItems',
  enabled: (s) => s.imports.openItems,
  async run(ctx) {
    for (const side of SIDES) await importSide(ctx, side);
  },
};

async function importSide(ctx: StepContext, side: OpenItemSide): Promise<void> {
  const { db, api } = ctx;
  const now = ctx.now();
  const listed = new Map<string, OpenItemRow>();
  for await (const page of api.listOpenItems(side)) {
    throwIfAborted(ctx.signal);
    ctx.log.fetched += page.items.length;
    logRejected(ctx, page);
    for (const item of page.items) {
      const row = openItemToRow(item, now);
      listed.set(row.key, row);
    }
  }
  throwIfAborted(ctx.signal);
  const rows = [...listed.values()];
  await db.transaction('rw', db.openItems, async () => {
    const existing = await db.openItems.bulkGet(rows.map((r) => r.key));
    const changed = rows.filter((r, i) => {
      const e = existing[i];
      const same = e !== undefined && sameFields(e, { ...r, seenAt: e.seenAt });
      if (!e) ctx.log.created++;
      else if (same) ctx.log.unchanged++;
      else ctx.log.updated++;
      return !same;
    });
    await db.openItems.bulkPut(changed);
    ctx.log.updated += await db.openItems
      .where('side')
      .equals(side)
      .filter((r) => r.open && !listed.has(r.key))
      .modify({ open: false, seenAt: now });
  });
}
