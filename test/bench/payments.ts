/**
 * Recomputing the payment states at the `large` seed's scale (10,000 relations, 60,000 mutations,
 * every outstanding item), without the HTTP import: the sandbox's large store is written straight
 * into a workspace database, 500 of its debtor items as invoices exported from here. Times the
 * sync's paymentStates step (a first derivation: every state new) and the pages' derivation.
 *
 *   npm run bench -- payments
 */
import { KV, WorkspaceDb, type OpenItemRow, type OutboxEntry } from '../../lib/db';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { derivePaymentStates } from '../../lib/sync/imports/index';
import { ageingTotals, loadPaymentOverview, toCollect } from '../../lib/workspace';
import { seededStore } from '../../sandbox/seeds/index';
import { createFakeApi, runSteps } from '../helpers/run-steps';
import { invoicePayload } from '../helpers/outbox';

async function fill(db: WorkspaceDb): Promise<{ debtors: number; exported: number }> {
  const store = seededStore('large');
  const now = Date.now();
  await db.customers.bulkAdd(
    [...store.relations.values()].map((r) => ({
      remoteId: r.id,
      code: r.code,
      type: r.type,
      name: r.name,
      status: 'active' as const,
      origin: 'eboekhouden' as const,
      updatedAt: now,
    })),
  );
  await db.transactions.bulkAdd(
    [...store.mutations.values()].map((m) => ({
      remoteId: m.id,
      type: m.type as 2,
      date: m.date,
      ledgerCode: '',
      invoiceNumber: m.invoiceNumber || undefined,
      termOfPayment: m.termOfPayment,
    })),
  );
  const rows: OpenItemRow[] = (['D', 'C'] as const).flatMap((side) =>
    store.openItems(side).map((i) => ({
      key: `${side === 'D' ? 'debtors' : 'creditors'}:${i.relationCode}:${i.invoiceNumber}:${i.mutationId}`,
      side: side === 'D' ? ('debtors' as const) : ('creditors' as const),
      date: i.date,
      invoiceNumber: i.invoiceNumber,
      relationCode: i.relationCode,
      relationName: i.company,
      total: i.totalAmount,
      paid: i.paidAmount,
      outstanding: i.outstandingAmount,
      mutationId: i.mutationId,
      open: true,
      seenAt: now,
    })),
  );
  await db.openItems.bulkAdd(rows);
  const debtors = rows.filter((r) => r.side === 'debtors');
  const ours: OutboxEntry[] = debtors.slice(0, 500).map((r, n) => ({
    key: `invoice:${r.invoiceNumber}`,
    kind: 'invoice',
    source: { table: 'workOrders', id: n + 1 },
    payload: invoicePayload({
      number: r.invoiceNumber ?? '',
      relationCode: r.relationCode,
      date: r.date,
      termOfPayment: 14,
    }),
    state: 'done',
    attempts: 1,
    remote: { number: r.invoiceNumber },
    createdAt: now,
    updatedAt: now,
  }));
  await db.outbox.bulkAdd(ours);
  await db.cursors.put({ step: 'openItems', value: { readAt: now }, updatedAt: now });
  return { debtors: debtors.length, exported: ours.length };
}

export interface PaymentsBench {
  debtorItems: number;
  exported: number;
  invoices: number;
  /** The sync's paymentStates step, a first derivation (every state new). */
  stepMs: number;
  /** The pages' derivation (overview + To collect + ageing), median of 5. */
  pagesMedianMs: number;
  pagesRuns: number[];
  /** Writing the workspace first; not part of the figure. */
  fillMs: number;
}

export async function benchPayments(): Promise<PaymentsBench> {
  const db = new WorkspaceDb(`bench-payments-${process.pid}`);
  try {
    const t0 = performance.now();
    const { debtors, exported } = await fill(db);
    const fillMs = performance.now() - t0;
    await db.kv.delete(KV.paymentStates);
    const s0 = performance.now();
    await runSteps({ db, api: createFakeApi(), settings: DEFAULT_SETTINGS, steps: [derivePaymentStates] });
    const stepMs = performance.now() - s0;
    const runs: number[] = [];
    let invoices = 0;
    for (let i = 0; i < 5; i++) {
      const p0 = performance.now();
      const o = await loadPaymentOverview(db);
      ageingTotals(toCollect(o.invoices));
      runs.push(Math.round(performance.now() - p0));
      invoices = o.invoices.length;
    }
    const sorted = [...runs].sort((a, b) => a - b);
    return { debtorItems: debtors, exported, invoices, stepMs, pagesMedianMs: sorted[2]!, pagesRuns: runs, fillMs };
  } finally {
    db.close();
    await db.delete();
  }
}
