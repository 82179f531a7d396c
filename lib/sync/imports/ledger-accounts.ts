/**
 * The chart of accounts. Small (one page), read whole every run; accounts that vanish are
 * marked 'gone'.
 */
import { ledgerAccountToRow } from '../mapping';
import type { SyncStep } from '../step';
import { changedRows, forEachPage, logRejected } from './common';

export const importLedgerAccounts: SyncStep = {
  name: 'ledgerAccounts',
  enabled: (s) => s.imports.ledgerAccounts,
  async run(ctx) {
    const { db, api } = ctx;
    const seen = new Set<number>();
    await forEachPage(api.listLedgerAccounts(), ctx.signal, async (page) => {
      ctx.log.fetched += page.items.length;
      logRejected(ctx, page);
      const rows = page.items.map(ledgerAccountToRow);
      for (const r of rows) seen.add(r.remoteId);
      await db.transaction('rw', db.ledgerAccounts, async () => {
        const existing = await db.ledgerAccounts.bulkGet(rows.map((r) => r.remoteId));
        const changed = changedRows(ctx, existing, rows);
        await db.ledgerAccounts.bulkPut(changed);
      });
      ctx.progress(page.received, page.total);
    });
    const missing = ((await db.ledgerAccounts.toCollection().primaryKeys()) as number[]).filter((id) => !seen.has(id));
    if (missing.length) {
      ctx.log.updated += await db.ledgerAccounts
        .where('remoteId')
        .anyOf(missing)
        .filter((a) => a.status !== 'gone')
        .modify({ status: 'gone' });
    }
  },
};
