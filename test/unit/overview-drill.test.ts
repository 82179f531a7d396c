/** The revenue drill-down: the ledgers at once, the month's bookings in primary-key pages, stoppable. */
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceDb, type Transaction } from '../../lib/db';
import {
  readRevenueDrillDown,
  readRevenueLedgers,
  readRevenueTransactions,
  type TransactionsProgress,
} from '../../lib/workspace/overview-drill';
import { freshDbName } from '../helpers/run-steps';

const sale = (remoteId: number, date: string, excl: number): Transaction => ({
  remoteId,
  type: 2,
  date,
  ledgerCode: '1300',
  inExVat: 'EX',
  lines: [{ ledgerCode: '8000', amount: excl, vatCode: 'HOOG_VERK_21' } as never],
});

describe('revenue drill-down', () => {
  let db: WorkspaceDb | undefined;
  afterEach(async () => {
    db?.close();
    await db?.delete();
  });

  async function seed(): Promise<WorkspaceDb> {
    db = new WorkspaceDb(freshDbName('overview-drill'));
    await db.ledgerAccounts.bulkAdd([
      { remoteId: 1, code: '8000', description: 'Omzet', category: 'VW', status: 'active' },
      { remoteId: 2, code: '4000', description: 'Kosten', category: 'VW', status: 'active' },
    ]);
    await db.ledgerMonths.bulkAdd([
      { key: '2028-02|8000', month: '2028-02', code: '8000', category: 'VW', cents: -70_050, readAt: 5 },
      { key: '2028-02|4000', month: '2028-02', code: '4000', category: 'VW', cents: 999, readAt: 5 },
    ]);
    // Ids in no date order, as e-Boekhouden's are not promised to be.
    await db.transactions.bulkAdd([
      sale(90, '2028-02-29', 100), // leap day: the month's last
      sale(3, '2028-02-01', 200.5),
      sale(41, '2028-03-01', 1), // next month
      sale(7, '2028-01-31', 1), // month before
      sale(55, '2028-02-29T23:30:00', 400), // a date-time on the last day
      {
        remoteId: 12,
        type: 4,
        date: '2028-02-10',
        ledgerCode: '1600',
        lines: [{ ledgerCode: '4000', amount: 9.99 } as never],
      },
      sale(20, '2028-02-15', 0.1),
      sale(21, '2028-02-15', 0.2),
      { remoteId: 66, type: 2, date: '2028-02-20', ledgerCode: '1300', amount: 12.34 }, // a REST list item, no lines
    ]);
    return db;
  }

  it('lists the month ledgers, credit positive, before any booking is read', async () => {
    const l = await readRevenueLedgers(await seed(), '2028-02');
    expect(l.ledgers).toEqual([{ code: '8000', description: 'Omzet', revenue: 70_050 }]);
    expect([...l.revenueCodes]).toEqual(['8000']);
    expect(l.readAt).toBeUndefined();
  });

  it('finds every booking of the month across pages, each once, by date then id', async () => {
    const d = await seed();
    const progress: TransactionsProgress[] = [];
    const found = await readRevenueTransactions(d, '2028-02', new Set(['8000']), {
      pageSize: 2,
      onProgress: (p) => progress.push(p),
    });
    expect(found.map((t) => t.remoteId)).toEqual([3, 20, 21, 66, 55, 90]);
    expect(found.map((t) => t.revenue ?? t.amount)).toEqual([20_050, 10, 20, 1234, 40_000, 10_000]);
    // 9 records in pages of 2: 5 reads, only the last one done; what was found only grows.
    expect(progress.map((p) => p.done)).toEqual([false, false, false, false, true]);
    for (let i = 1; i < progress.length; i++)
      expect(progress[i].found.length).toBeGreaterThanOrEqual(progress[i - 1].found.length);
    const whole = await readRevenueDrillDown(d, '2028-02');
    expect(whole.transactions).toEqual(found);
  });

  it('opens the next month from what the pass learnt, and forgets it when a booking changes', async () => {
    const d = await seed();
    const codes = new Set(['8000']);
    await readRevenueTransactions(d, '2028-02', codes);
    let pages = 0;
    const march = await readRevenueTransactions(d, '2028-03', codes, { pageSize: 2, onProgress: () => (pages += 1) });
    expect(march.map((t) => t.remoteId)).toEqual([41]);
    expect(pages).toBe(1); // no pass: the ids of March were known
    await d.transactions.put(sale(8, '2028-03-31', 5)); // a new booking (a sync, say)
    await d.transactions.update(41, { date: '2028-04-01' }); // one moved out of the month
    const again = await readRevenueTransactions(d, '2028-03', codes, { pageSize: 2, onProgress: () => (pages += 1) });
    expect(again.map((t) => t.remoteId)).toEqual([8]);
    expect(pages).toBe(1 + 6); // a pass again: 10 records in pages of 2, the last read empty
  });

  it('stops when aborted, with an AbortError, reading no further page', async () => {
    const d = await seed();
    const abort = new AbortController();
    let pages = 0;
    const pass = readRevenueTransactions(d, '2028-02', new Set(['8000']), {
      pageSize: 2,
      signal: abort.signal,
      onProgress: () => {
        pages += 1;
        abort.abort();
      },
    });
    await expect(pass).rejects.toMatchObject({ name: 'AbortError' });
    expect(pages).toBe(1);
  });
});
