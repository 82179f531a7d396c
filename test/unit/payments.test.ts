/** Payment states and debtor ageing, derived from the outstanding items the syncs saw. */
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceDb, type OpenItemRow } from '../../lib/db';
import {
  ageingBucket,
  ageingTotals,
  loadPaymentOverview,
  overdueSummary,
  paymentState,
  toCollect,
} from '../../lib/workspace/payments/index';
import { dueDate } from '../../lib/workspace/payments/state';
import { freshDbName } from '../helpers/run-steps';
import { sentInvoiceEntry } from '../helpers/outbox';
import { debtorItem } from '../helpers/open-items';

const item = (o: Partial<OpenItemRow>) => ({ open: true, total: 121, paid: 0, outstanding: 121, ...o });

describe('paymentState', () => {
  const today = '2026-03-20';
  it('is unknown for an invoice never seen outstanding, never paid', () => {
    expect(paymentState({ today, due: '2026-01-01' })).toEqual({ kind: 'unknown' });
  });
  it('is open before the due date and overdue after it, by whole days', () => {
    expect(paymentState({ item: item({}), due: '2026-03-20', today })).toEqual({ kind: 'open', left: 12100 });
    expect(paymentState({ item: item({}), due: '2026-03-05', today })).toEqual({
      kind: 'overdue',
      daysOverdue: 15,
      paid: 0,
      left: 12100,
    });
  });
  it('is partly paid in cents, without floating-point drift', () => {
    const s = paymentState({ item: item({ total: 1234.5, paid: 0.1 + 0.2, outstanding: 1234.2 }), due: today, today });
    expect(s).toEqual({ kind: 'partlyPaid', paid: 30, left: 123420 });
  });
  it('takes paid as total minus outstanding when the paid amount is missing', () => {
    const s = paymentState({ item: item({ total: 100, paid: 0, outstanding: 40 }), due: today, today });
    expect(s).toEqual({ kind: 'partlyPaid', paid: 6000, left: 4000 });
  });
  it('is paid when the item left the list after being seen, or its outstanding amount is 0', () => {
    expect(paymentState({ item: item({ open: false, total: 1234.5 }), today })).toEqual({ kind: 'paid', paid: 123450 });
    expect(paymentState({ item: item({ outstanding: 0, paid: 121 }), today, due: '2026-01-01' })).toEqual({
      kind: 'paid',
      paid: 12100,
    });
  });
  it('is credited when a credit note cancels it, whatever the list says', () => {
    expect(paymentState({ item: item({}), creditedBy: 7, today, due: '2026-01-01' })).toEqual({ kind: 'credited' });
  });
  it('is open, not overdue, when the due date is unknown', () => {
    expect(paymentState({ item: item({}), today }).kind).toBe('open');
  });
});

describe('dueDate', () => {
  it('adds the term across month and leap-year ends', () => {
    expect(dueDate('2028-02-15', 14)).toBe('2028-02-29');
    expect(dueDate('2026-12-20', 30)).toBe('2027-01-19');
    expect(dueDate('not a date', 14)).toBeUndefined();
  });
});

describe('ageing', () => {
  it('puts days past due into 0–30, 31–60, 61–90, >90 at the edges', () => {
    expect([0, 30, 31, 60, 61, 90, 91].map(ageingBucket)).toEqual([
      '0-30',
      '0-30',
      '31-60',
      '31-60',
      '61-90',
      '61-90',
      '90+',
    ]);
  });
  it('sums cents per bucket and in total', () => {
    const t = ageingTotals([
      { daysOverdue: 0, left: 10 },
      { daysOverdue: 45, left: 250 },
      { daysOverdue: 45, left: 1 },
      { daysOverdue: 200, left: 99999 },
    ]);
    expect(t.buckets['0-30']).toEqual({ cents: 10, count: 1 });
    expect(t.buckets['31-60']).toEqual({ cents: 251, count: 2 });
    expect(t.buckets['61-90']).toEqual({ cents: 0, count: 0 });
    expect(t.buckets['90+']).toEqual({ cents: 99999, count: 1 });
    expect(t.totalCents).toBe(100260);
    expect(t.count).toBe(4);
  });
});

describe('loadPaymentOverview', () => {
  let db: WorkspaceDb | undefined;
  afterEach(async () => {
    db?.close();
    await db?.delete();
  });

  async function seed() {
    db = new WorkspaceDb(freshDbName('payments'));
    const now = Date.UTC(2026, 2, 20, 12);
    const customerId = await db.customers.add({
      code: 'R001',
      type: 'B',
      name: 'Bakkerij De Vries',
      status: 'active',
      origin: 'eboekhouden',
      termOfPayment: 30,
      updatedAt: now,
    });
    const exported = (number: string, date: string, id: number, termOfPayment?: number) =>
      sentInvoiceEntry(number, date, id, now, termOfPayment);
    for (const [id, number] of [
      [1, 'BC-1'],
      [2, 'BC-2'],
      [3, 'BC-3'],
    ] as const) {
      await db.workOrders.add({
        id,
        number: `WO-${id}`,
        customerId: customerId!,
        date: '2026-01-01',
        description: '',
        hourLines: [],
        materialLines: [],
        status: 'exported',
        invoiceNumber: number,
        updatedAt: now,
      });
    }
    await db.outbox.bulkAdd([
      exported('BC-1', '2026-01-01', 1, 14),
      exported('BC-2', '2026-03-01', 2, 14),
      exported('BC-3', '2026-03-10', 3),
    ]);
    // A pending one is not exported yet: no state.
    await db.outbox.add({ ...exported('BC-4', '2026-03-10', 4), state: 'pending' });
    const row = (o: Partial<OpenItemRow> & { key: string }) => debtorItem(now, o);
    await db.openItems.bulkAdd([
      row({ key: 'debtors:R001:BC-1', invoiceNumber: 'BC-1', paid: 40, outstanding: 60 }),
      row({ key: 'debtors:R001:BC-2', invoiceNumber: 'BC-2', date: '2026-03-01', open: false }),
      row({ key: 'debtors:R002:EB-9', invoiceNumber: 'EB-9', relationCode: 'R002', relationName: 'Elders BV' }),
      row({ key: 'debtors:R002:EB-8', invoiceNumber: 'EB-8', relationCode: 'R002', open: false }),
      row({
        key: 'debtors:R002:EB-7',
        invoiceNumber: 'EB-7',
        relationCode: 'R002',
        date: '2026-03-01',
        mutationId: 77,
      }),
      row({ key: 'creditors:L1:X', side: 'creditors', invoiceNumber: 'X', relationCode: 'L1' }),
    ]);
    await db.transactions.add({
      remoteId: 9,
      type: 2,
      date: '2026-01-01',
      ledgerCode: '1300',
      invoiceNumber: 'EB-9',
      termOfPayment: 60,
    });
    await db.transactions.add({
      remoteId: 77,
      type: 2,
      date: '2026-03-01',
      ledgerCode: '1300',
      invoiceNumber: 'EB-7',
      termOfPayment: 7,
    });
    await db.cursors.put({ step: 'openItems', value: { readAt: now - 1000 }, updatedAt: now });
    return { now, customerId };
  }

  it('derives each exported invoice and includes debtor items made elsewhere, marked', async () => {
    const { now, customerId } = await seed();
    const o = await loadPaymentOverview(db!, now);
    const by = new Map(o.invoices.map((i) => [i.number, i]));
    expect(o.asOf).toBe(now - 1000);
    expect([...by.keys()].sort()).toEqual(['BC-1', 'BC-2', 'BC-3', 'EB-7', 'EB-9']);
    // By the item's mutation id (REST): that mutation's term, 7 days.
    expect(by.get('EB-7')!.due).toBe('2026-03-08');
    // BC-1: due 2026-01-15 (payload term 14), 64 days late, 40 of 100 paid.
    expect(by.get('BC-1')!.state).toEqual({ kind: 'overdue', daysOverdue: 64, paid: 4000, left: 6000 });
    expect(by.get('BC-1')!.workOrderId).toBe(1);
    expect(by.get('BC-2')!.state).toEqual({ kind: 'paid', paid: 10000 });
    expect(by.get('BC-3')!.state).toEqual({ kind: 'unknown' });
    // The customer's term (30) when the payload has none.
    expect(by.get('BC-3')!.due).toBe('2026-04-09');
    const eb = by.get('EB-9')!;
    expect(eb.origin).toBe('elsewhere');
    expect(eb.customerName).toBe('Elders BV');
    expect(eb.due).toBe('2026-03-02'); // the mutation's own term, 60 days
    expect(eb.state).toEqual({ kind: 'overdue', daysOverdue: 18, paid: 0, left: 10000 });

    const rows = toCollect(o.invoices);
    expect(rows.map((r) => r.number)).toEqual(['BC-1', 'EB-9', 'EB-7']);
    expect(toCollect(o.invoices, 'r001').map((r) => r.number)).toEqual(['BC-1']);
    expect(toCollect(o.invoices, 'r002').map((r) => r.number)).toEqual(['EB-9', 'EB-7']);
    expect(by.get('BC-1')!.customerId).toBe(customerId);
    expect(overdueSummary(o.invoices)).toEqual({ count: 3, cents: 26000 });
  });

  it('finds the term of each of more items made elsewhere than it looks up at once (SOAP: by number)', async () => {
    db = new WorkspaceDb(freshDbName('payments-many'));
    const now = Date.UTC(2026, 2, 20, 12);
    const n = 1234;
    const number = (i: number) => `EB-${String(i).padStart(5, '0')}`;
    await db.openItems.bulkPut(
      Array.from({ length: n }, (_, i) =>
        debtorItem(now, { key: `debtors:R001:${number(i)}`, invoiceNumber: number(i), date: '2026-01-01' }),
      ),
    );
    // each mutation its own term, 1-90 days, so a mixed-up or missed lookup shows in the due date
    await db.transactions.bulkAdd(
      Array.from({ length: n }, (_, i) => ({
        remoteId: i + 1,
        type: 2 as const,
        date: '2026-01-01',
        ledgerCode: '1300',
        invoiceNumber: number(i),
        termOfPayment: (i % 90) + 1,
      })),
    );
    const o = await loadPaymentOverview(db, now);
    expect(o.invoices).toHaveLength(n);
    const due = new Map(o.invoices.map((i) => [i.number, i.due]));
    for (const i of [0, 499, 500, 999, 1000, n - 1])
      expect(due.get(number(i))).toBe(dueDate('2026-01-01', (i % 90) + 1));
  });
});
