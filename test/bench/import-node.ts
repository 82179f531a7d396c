/**
 * Full import of the `large` administration in Node (fake-indexeddb), and its floor: the same
 * requests fetched and parsed by the transport with nothing written.
 */
import { WorkspaceDb } from '../../lib/db';
import { createEBoekhouden } from '../../lib/eboekhouden/index';
import { transportOptions, type Settings } from '../../lib/settings';
import { IMPORT_STEPS, runSync, saveSettings } from '../../lib/sync/index';
import { floorWalk, stepComparison, type FloorResult } from './floor';
import { SOAP_LIST_CAP } from './common';
import {
  control,
  counts,
  gc,
  resetStats,
  settingsFor,
  stats,
  withMemoryPeak,
  type Backend,
  type Kind,
  type SandboxCounts,
} from './common';

export interface ImportFigures {
  wallMs: number;
  requests: number;
  records: number;
  recordsPerSec: number;
  peakHeapMB: number;
  peakRssMB: number;
}

export interface ImportBench {
  kind: Kind;
  node: ImportFigures & {
    result: string;
    byOperation: Record<string, number>;
    /** Heap after a GC with the imported database open, less the heap before: fake-indexeddb's copy, part of peakHeapMB. */
    databaseHeapMB: number;
  };
  floor: ImportFigures & { steps?: FloorResult['steps'] };
  /** Each import step's time against the same requests in the floor. */
  steps: ReturnType<typeof stepComparison>;
  ratio: number;
  /** Every record the connection can reach is in the workspace. */
  complete: boolean;
  missing: string[];
}

/** Records the connection can reach: all with a token; with security codes relations and products stop at the cap. */
export function expectedRecords(c: SandboxCounts, kind: Kind, cap: number, templates: boolean) {
  const lim = (n: number) => (kind === 'token' ? n : Math.min(n, cap));
  return {
    customers: lim(c.relations),
    articles: lim(c.products),
    ledgerAccounts: c.ledgers,
    transactions: c.mutations,
    openItems: c.openDebtors + c.openCreditors,
    invoiceTemplates: templates ? c.templates : 0,
  };
}
export type Expected = ReturnType<typeof expectedRecords>;
export const total = (e: Expected) => Object.values(e).reduce((a, b) => a + b, 0);

export function missingRecords(want: Expected, got: Expected): string[] {
  return (Object.keys(want) as (keyof Expected)[])
    .filter((k) => want[k] !== got[k])
    .map((k) => `${k}: ${got[k]} of ${want[k]}`);
}

async function workspaceCounts(db: WorkspaceDb): Promise<Expected> {
  return {
    customers: await db.customers.count(),
    articles: (await db.materials.count()) + (await db.hourTypes.count()),
    ledgerAccounts: await db.ledgerAccounts.count(),
    transactions: await db.transactions.count(),
    openItems: await db.openItems.count(),
    invoiceTemplates: await db.invoiceTemplates.count(),
  };
}

/** The network profile off and thin list items: what a reset without config gives. */
const RESET_CONFIG = { latencyMs: 0, latencyPerRecordMs: 0, maxConcurrent: 0, restListItems: 'thin' };

let dbN = 0;
export const freshDb = (name: string) => new WorkspaceDb(`bench-${name}-${process.pid}-${dbN++}`);

export async function benchFloor(
  b: Backend,
  settings: Settings,
): Promise<ImportFigures & { steps: FloorResult['steps'] }> {
  await resetStats(b);
  const t0 = performance.now();
  const m = await withMemoryPeak(async () => {
    const api = createEBoekhouden(transportOptions(settings));
    try {
      return await floorWalk(api);
    } finally {
      await api.close();
    }
  });
  const wallMs = performance.now() - t0;
  const s = await stats(b);
  const records = m.value.records;
  return {
    wallMs,
    requests: s.total,
    records,
    recordsPerSec: records / (wallMs / 1000),
    peakHeapMB: m.peakHeapMB,
    peakRssMB: m.peakRssMB,
    steps: m.value.steps,
  };
}

/**
 * With `keep`, the imported workspace is returned (for the 15-minute run) instead of deleted.
 * `config`: sandbox config for the run (e.g. full list items); `floorConfig` for the floor (default the same).
 */
export async function benchNodeImport(
  b: Backend,
  kind: Kind,
  o: { keep?: boolean; config?: object; floorConfig?: object } = {},
): Promise<ImportBench & { db?: WorkspaceDb }> {
  const configure = (config: object | undefined) => control(b, 'config', { ...RESET_CONFIG, ...config });
  await control(b, 'reset', { seed: 'large', config: o.config });
  const settings = settingsFor(b.proxy, kind);
  const cap = SOAP_LIST_CAP;
  const want = expectedRecords(await counts(b), kind, cap, kind === 'token');

  // Floor first and again after, so JIT warm-up and machine noise fall on both sides; the faster floor counts.
  if (o.floorConfig) await configure(o.floorConfig);
  const floorA = await benchFloor(b, settings);
  if (o.floorConfig) await configure(o.config);

  const db = freshDb(`import-${kind}`);
  const saved = await saveSettings(db, settings);
  if (!saved.ok) throw new Error(`settings refused: ${JSON.stringify(saved.errors)}`);
  await resetStats(b);
  const t0 = performance.now();
  const m = await withMemoryPeak(() => runSync({ db, trigger: 'manual', steps: IMPORT_STEPS }));
  const wallMs = performance.now() - t0;
  const s = await stats(b);
  const got = await workspaceCounts(db);
  // What the import leaves in the heap after a GC, the database still open: fake-indexeddb's copy.
  gc();
  const databaseHeapMB = Math.round((process.memoryUsage().heapUsed / 1024 / 1024 - m.baseHeapMB) * 10) / 10;
  if (!o.keep) {
    db.close();
    await db.delete();
  }
  gc();

  if (o.floorConfig) await configure(o.floorConfig);
  const floorB = await benchFloor(b, settings);
  if (o.floorConfig) await configure(o.config);
  const floor = floorA.wallMs <= floorB.wallMs ? floorA : floorB;
  const records = total(got);
  const missing = missingRecords(want, got);
  return {
    kind,
    node: {
      wallMs,
      requests: s.total,
      records,
      recordsPerSec: records / (wallMs / 1000),
      peakHeapMB: m.peakHeapMB,
      peakRssMB: m.peakRssMB,
      result: m.value.result,
      byOperation: s.byOperation,
      databaseHeapMB,
    },
    floor,
    steps: stepComparison(m.value.steps, floor.steps),
    ratio: wallMs / floor.wallMs,
    complete: missing.length === 0,
    missing,
    db: o.keep ? db : undefined,
  };
}
