/**
 * The floor of an import: every request the import steps make, fetched and parsed by the
 * transport, nothing written. Runs in Node and, bundled, in the extension's service worker.
 * Timed per import step, so each step can be set against its own floor.
 *
 * The floor makes the requests the way the engine does: details 6 at a time per page, and the
 * steps side by side as the engine runs them (SyncStep.alongside: with REST, transactions then
 * open items beside customers then products; with SOAP one after another), so the same requests
 * are in flight at the same time and the ratio compares like with like. A step's floor time is
 * its wall time within its lane.
 */
import type { EBoekhouden } from '../../lib/eboekhouden/api';
import { mapLimit } from '../../lib/sync/imports/common';
import { OVERVIEW_MONTHS } from '../../lib/sync/imports/ledger-movements';
import { addMonths, firstDay, lastDay, monthAt, monthsUpTo } from '../../lib/workspace/months';

export interface FloorResult {
  records: number;
  /**
   * Per import step (the engine's step names): wall time, records read, and the rows of each
   * write transaction the engine makes for them (one per page; open items one per side).
   */
  steps: Record<string, { ms: number; records: number; transactions: number[] }>;
}

/** Walks everything the import steps read, the way they read it, storing nothing. */
export async function floorWalk(api: EBoekhouden): Promise<FloorResult> {
  const signal = new AbortController().signal;
  const steps: FloorResult['steps'] = {};
  const step = async (name: string, fn: (page: (n: number) => void) => Promise<void>) => {
    const transactions: number[] = [];
    const t0 = performance.now();
    await fn((n) => transactions.push(n));
    steps[name] = { ms: performance.now() - t0, records: transactions.reduce((a, n) => a + n, 0), transactions };
  };
  await step('administrations', async (page) => {
    try {
      page((await api.listAdministrations()).length);
    } catch {
      // not an accountant: the import step notes that and moves on
    }
  });
  await step('ledgerAccounts', async (page) => {
    for await (const p of api.listLedgerAccounts()) page(p.items.length);
  });
  await step('invoiceTemplates', async (page) => {
    if (api.capabilities.listInvoiceTemplates) for await (const p of api.listInvoiceTemplates()) page(p.items.length);
  });
  const customersAndProducts = async () => {
    await step('customers', async (page) => {
      for await (const p of api.listRelations()) {
        await mapLimit(
          p.items.filter((i) => !i.relation).map((i) => i.id),
          6,
          signal,
          (id) => api.getRelation(id),
        );
        page(p.items.length);
      }
    });
    await step('products', async (page) => {
      for await (const p of api.listProducts()) {
        await mapLimit(
          p.items.filter((i) => !i.product).map((i) => i.id),
          6,
          signal,
          (id) => api.getProduct(id),
        );
        page(p.items.length);
      }
    });
  };
  const transactionsAndOpenItems = async () => {
    await step('transactions', async (page) => {
      for await (const p of api.listMutations({})) page(p.items.length);
    });
    await step('openItems', async (page) => {
      for (const side of ['debtors', 'creditors'] as const) {
        let n = 0;
        for await (const p of api.listOpenItems(side)) n += p.items.length;
        page(n);
      }
    });
  };
  if (api.capabilities.listsCarryDetails) {
    await customersAndProducts();
    await transactionsAndOpenItems();
  } else await Promise.all([customersAndProducts(), transactionsAndOpenItems()]);
  // A first run reads the balances before the window and each of its months, one after another.
  await step('ledgerMovements', async (page) => {
    const window = monthsUpTo(monthAt(Date.now()), OVERVIEW_MONTHS);
    page((await api.periodBalances({ to: lastDay(addMonths(window[0], -1)) })).length);
    for (const m of window) page((await api.periodBalances({ from: firstDay(m), to: lastDay(m) })).length);
  });
  return { records: Object.values(steps).reduce((a, s) => a + s.records, 0), steps };
}

/** The tables each import step writes, for the raw-put floor (raw-put.ts). */
export const STEP_TABLES: Record<string, string[]> = {
  customers: ['customers'],
  products: ['materials', 'hourTypes'],
  transactions: ['transactions'],
  openItems: ['openItems'],
};

/** The steps the engine runs side by side, each lane in order (see floorWalk). */
const LANES = [
  ['customers', 'products'],
  ['transactions', 'openItems'],
];

/**
 * The import's floor with writing: the fetch+parse floor, plus the puts of the same rows (raw-put
 * floor) after each step's requests. Side by side (`sideBySide`, REST), only as much as the slower
 * lane becomes longer with its puts; one after another (SOAP), all of them.
 */
export function floorWithPut(
  floor: { wallMs: number; steps?: FloorResult['steps'] },
  rawPut: Record<string, { ms: number }>,
  sideBySide: boolean,
): number {
  const puts = (steps: string[]) => steps.reduce((a, st) => a + (rawPut[st]?.ms ?? 0), 0);
  if (!sideBySide) return floor.wallMs + puts(LANES.flat());
  const lane = (steps: string[], put: boolean) =>
    steps.reduce((a, st) => a + (floor.steps?.[st]?.ms ?? 0), 0) + (put ? puts(steps) : 0);
  const slowest = (put: boolean) => Math.max(...LANES.map((l) => lane(l, put)));
  return floor.wallMs + Math.max(0, slowest(true) - slowest(false));
}

/**
 * Engine step durations set against the floor's, step by step; with `rawPut`, also against the
 * same rows put into plain IndexedDB, and against fetch+parse plus put: the floor of a step whose
 * writes cannot hide behind its requests (the engine overlaps them page by page, so
 * max(fetch, put) is the floor only a perfect overlap reaches).
 */
export function stepComparison(
  engine: { step: string; durationMs?: number; requests?: number }[],
  floor: FloorResult['steps'],
  rawPut?: Record<string, { ms: number; rows: number }>,
) {
  return engine.map((s) => {
    const f = floor[s.step];
    const put = rawPut?.[s.step];
    const engineMs = Math.round(s.durationMs ?? NaN);
    return {
      step: s.step,
      engineMs,
      floorMs: f ? Math.round(f.ms) : undefined,
      requests: s.requests,
      putMs: put ? Math.round(put.ms) : undefined,
      putRows: put?.rows,
      /** engine / (fetch+parse + put) */
      ratioWithPut: f && put ? engineMs / (f.ms + put.ms) : undefined,
    };
  });
}
