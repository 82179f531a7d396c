/**
 * mutations → transactions, incrementally: only mutations with an id above the cursor (the
 * highest id stored). Each page is written together with the cursor in one transaction, so a
 * run stopped at any point continues where it was, with nothing lost and nothing doubled.
 */
import { mutationToTransaction } from '../mapping';
import type { SyncStep } from '../step';
import { changedRows, forEachPage, logRejected, readCursor, writeCursor } from './common';

const STEP = 'transactions';

interface TransactionsCursor {
  /** The highest mutation id stored. */
  afterId?: number;
}

export const importTransactions: SyncStep = {
  name: STEP,
  // Needs no customers or products: runs while their detail reads wait on the network.
  alongside: ['customers', 'products'],
  enabled: (s) => s.imports.transactions,
  async run(ctx) {
    const { db, api } = ctx;
    const cursor = (await readCursor<TransactionsCursor>(db, STEP)) ?? {};
    let afterId = cursor.afterId;
    // Ids above the cursor were never stored (page and cursor are written together): no need to read them first.
    const onlyNew = afterId !== undefined || (await db.transactions.count()) === 0;
    // The next page is fetched while this one is written (forEachPage); the cursor still moves only with a stored page.
    await forEachPage(api.listMutations(afterId === undefined ? {} : { afterId }), ctx.signal, async (page) => {
      ctx.log.fetched += page.items.length;
      logRejected(ctx, page);
      const rows = page.items.map(mutationToTransaction);
      let pageMax = afterId;
      for (const r of rows) if (pageMax === undefined || r.remoteId > pageMax) pageMax = r.remoteId;
      await db.transaction('rw', db.transactions, db.cursors, async () => {
        const existing = onlyNew ? [] : await db.transactions.bulkGet(rows.map((r) => r.remoteId));
        const changed = changedRows(ctx, existing, rows);
        await db.transactions.bulkPut(changed);
        if (pageMax !== undefined)
          await writeCursor(db, STEP, { afterId: pageMax } satisfies TransactionsCursor, ctx.now());
      });
      afterId = pageMax;
      ctx.progress(page.received, page.total);
    });
  },
};
