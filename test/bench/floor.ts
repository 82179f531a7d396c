/**
 * The floor of an import: every request the import steps make, fetched and parsed by the
 * transport, nothing written. Runs in Node and, bundled, in the extension's service worker.
 * Timed per import step, so each step can be set against its own floor.
 */
import type { EBoekhouden } from '../../lib/eboekhouden/api';
import { mapLimit } from '../../lib/sync/imports/common';

export interface FloorResult {
  records: number;
  /** Per import step (the engine's step names): wall time and records read. */
  steps: Record<string, { ms: number; records: number }>;
}

/** Walks everything the import steps read, the way they read it (details 6 at a time per page), storing nothing. */
export async function floorWalk(api: EBoekhouden): Promise<FloorResult> {
  const signal = new AbortController().signal;
  const steps: FloorResult['steps'] = {};
  const step = async (name: string, fn: () => Promise<number>) => {
    const t0 = performance.now();
    const records = await fn();
    steps[name] = { ms: performance.now() - t0, records };
  };
  await step('administrations', async () => {
    try {
      return (await api.listAdministrations()).length;
    } catch {
      return 0; // not an accountant: the import step notes that and moves on
    }
  });
  await step('ledgerAccounts', async () => {
    let n = 0;
    for await (const p of api.listLedgerAccounts()) n += p.items.length;
    return n;
  });
  await step('invoiceTemplates', async () => {
    let n = 0;
    if (api.capabilities.listInvoiceTemplates) for await (const p of api.listInvoiceTemplates()) n += p.items.length;
    return n;
  });
  await step('customers', async () => {
    let n = 0;
    for await (const p of api.listRelations()) {
      n += p.items.length;
      await mapLimit(
        p.items.filter((i) => !i.relation).map((i) => i.id),
        6,
        signal,
        (id) => api.getRelation(id),
      );
    }
    return n;
  });
  await step('products', async () => {
    let n = 0;
    for await (const p of api.listProducts()) {
      n += p.items.length;
      await mapLimit(
        p.items.filter((i) => !i.product).map((i) => i.id),
        6,
        signal,
        (id) => api.getProduct(id),
      );
    }
    return n;
  });
  await step('transactions', async () => {
    let n = 0;
    for await (const p of api.listMutations({})) n += p.items.length;
    return n;
  });
  await step('openItems', async () => {
    let n = 0;
    for await (const p of api.listOpenItems('debtors')) n += p.items.length;
    for await (const p of api.listOpenItems('creditors')) n += p.items.length;
    return n;
  });
  return { records: Object.values(steps).reduce((a, s) => a + s.records, 0), steps };
}

/** Engine step durations set against the floor's, step by step. */
export function stepComparison(
  engine: { step: string; durationMs?: number; requests?: number }[],
  floor: FloorResult['steps'],
) {
  return engine.map((s) => ({
    step: s.step,
    engineMs: Math.round(s.durationMs ?? NaN),
    floorMs: floor[s.step] ? Math.round(floor[s.step].ms) : undefined,
    requests: s.requests,
  }));
}
