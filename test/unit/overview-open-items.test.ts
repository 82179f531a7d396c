/** The overview's debtors and creditors: one ageing rule with To collect (days past the due date, whole cents). */
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceDb, type OpenItemRow } from '../../lib/db';
import { readOpenItemsOverview } from '../../lib/workspace/overview-read';
import { creditorsSummary } from '../../lib/workspace/overview-open-items';
import { AGEING_BUCKETS, ageingTotals, loadPaymentOverview, overdueSummary, toCollect } from '../../lib/workspace';
import { freshDbName } from '../helpers/run-steps';
import { sentInvoiceEntry } from '../helpers/outbox';
import { debtorItem } from '../helpers/open-items';

const NOW = Date.UTC(2026, 2, 20, 12); // 2026-03-20

const row = (o: Partial<OpenItemRow> & { key: string }) => debtorItem(NOW - 5000, o);

describe('overview debtors equal To collect', () => {
  let db: WorkspaceDb | undefined;
  afterEach(async () => {
    db?.close();
    await db?.delete();
  });

  /** Terms from every source To collect uses: the exported payload, the sales mutation, the customer, the settings. */
  async function seed(): Promise<WorkspaceDb> {
    db = new WorkspaceDb(freshDbName('overview-open'));
    const customerId = await db.customers.add({
      code: 'R001',
      type: 'B',
      name: 'Bakkerij De Vries',
      status: 'active',
      origin: 'eboekhouden',
      termOfPayment: 30,
      updatedAt: NOW,
    });
    const numbers = ['BC-1', 'BC-2', 'BC-3'];
    for (const [i, number] of numbers.entries())
      await db.workOrders.add({
        id: i + 1,
        number: `WO-${i + 1}`,
        customerId: customerId!,
        date: '2026-01-01',
        description: '',
        hourLines: [],
        materialLines: [],
        status: 'exported',
        invoiceNumber: number,
        updatedAt: NOW,
      });
    const exported = (number: string, date: string, id: number, termOfPayment?: number) =>
      sentInvoiceEntry(number, date, id, NOW, termOfPayment);
    await db.outbox.bulkAdd([
      exported('BC-1', '2026-02-01', 1, 7), // due 02-08: 40 days late (31–60); 47 days old
      exported('BC-2', '2026-02-05', 2), // customer's 30: due 03-07, 13 days late; 43 days old
      exported('BC-3', '2026-03-10', 3, 14), // not yet due
    ]);
    await db.openItems.bulkAdd([
      row({ key: 'debtors:R001:BC-1', invoiceNumber: 'BC-1', date: '2026-02-01', paid: 40.1, outstanding: 59.9 }),
      row({ key: 'debtors:R001:BC-2', invoiceNumber: 'BC-2', date: '2026-02-05', outstanding: 0.3 }),
      row({ key: 'debtors:R001:BC-3', invoiceNumber: 'BC-3', date: '2026-03-10', outstanding: 250 }),
      // Made elsewhere; term 7 from its mutation (REST id): due 03-08, 12 days late, only 19 days old.
      row({
        key: 'debtors:R002:EB-7',
        invoiceNumber: 'EB-7',
        relationCode: 'R002',
        date: '2026-03-01',
        mutationId: 77,
      }),
      // Made elsewhere, no term known anywhere: the settings' term.
      row({
        key: 'debtors:R002:EB-8',
        invoiceNumber: 'EB-8',
        relationCode: 'R002',
        date: '2025-10-01',
        outstanding: 12.34,
      }),
      row({ key: 'debtors:R002:EB-9', invoiceNumber: 'EB-9', relationCode: 'R002', open: false }),
      row({ key: 'creditors:L1:X', side: 'creditors', invoiceNumber: 'X', relationCode: 'L1', outstanding: 7 }),
    ]);
    await db.transactions.add({
      remoteId: 77,
      type: 2,
      date: '2026-03-01',
      ledgerCode: '1300',
      invoiceNumber: 'EB-7',
      termOfPayment: 7,
    });
    await db.cursors.put({ step: 'openItems', value: { readAt: NOW - 1000 }, updatedAt: NOW });
    return db;
  }

  it('has the same total, overdue and cents per bucket as To collect', async () => {
    const d = await seed();
    const { debtors } = await readOpenItemsOverview(d, NOW);
    const payments = await loadPaymentOverview(d, NOW);
    const collect = ageingTotals(toCollect(payments.invoices));
    expect(debtors.total).toBe(collect.totalCents);
    expect(debtors.count).toBe(collect.count);
    for (const b of AGEING_BUCKETS) expect(debtors.buckets[b]).toEqual(collect.buckets[b]);
    expect({ count: debtors.overdueCount, cents: debtors.overdue }).toEqual(overdueSummary(payments.invoices));
    expect(debtors.seenAt).toBe(NOW - 1000);
  });

  it('ages by days past the due date, with each invoice its own term', async () => {
    const { debtors } = await readOpenItemsOverview(await seed(), NOW);
    expect(debtors.total).toBe(5990 + 30 + 25000 + 10000 + 1234);
    // BC-1 is 47 days old but 40 days late; BC-2 13 late; EB-7 12 late (by its mutation's 7 days); BC-3 not due.
    expect(debtors.buckets['0-30'].cents).toBe(30 + 25000 + 10000);
    expect(debtors.buckets['31-60'].cents).toBe(5990);
    expect(debtors.buckets['90+'].cents).toBe(1234);
    expect(debtors.overdueCount).toBe(4);
    expect(debtors.overdue).toBe(5990 + 30 + 10000 + 1234);
  });

  it('keeps creditors apart, on the same rule', async () => {
    const { creditors } = await readOpenItemsOverview(await seed(), NOW);
    // Dated 2026-01-01, default term 30: due 01-31, 48 days late.
    expect(creditors.total).toBe(700);
    expect(creditors.buckets['31-60']).toEqual({ cents: 700, count: 1 });
    expect(creditors.overdue).toBe(700);
  });
});

describe('creditorsSummary', () => {
  it('buckets by days past date + term (supplier term, else 30), skips closed and settled items, in cents', () => {
    const rows = [
      row({ key: 'a', side: 'creditors', outstanding: 0.1, date: '2026-03-10', relationCode: 'L1' }), // due 03-24
      row({ key: 'b', side: 'creditors', outstanding: 0.2, date: '2026-02-01', relationCode: 'L2' }), // due 03-03: 17
      row({ key: 'c', side: 'creditors', outstanding: 100.05, date: '2025-12-01', relationCode: 'L1' }), // due 12-15: 95
      row({ key: 'd', side: 'creditors', outstanding: 50, open: false }),
      row({ key: 'e', side: 'creditors', outstanding: 0 }),
      row({ key: 'f', side: 'debtors', outstanding: 9 }),
    ];
    const s = creditorsSummary(rows, '2026-03-20', new Map([['L1', 14]]));
    expect(s.total).toBe(10 + 20 + 10_005);
    expect(s.count).toBe(3);
    expect(s.buckets['0-30']).toEqual({ cents: 30, count: 2 });
    expect(s.buckets['90+']).toEqual({ cents: 10_005, count: 1 });
    expect({ n: s.overdueCount, cents: s.overdue }).toEqual({ n: 2, cents: 20 + 10_005 });
  });
});
