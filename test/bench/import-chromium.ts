/**
 * Full import of the `large` administration by the built extension in headless Chromium (real
 * IndexedDB, its own background and "Sync now"), against its floor run in the same service
 * worker: the transports' requests, fetched and parsed, nothing written.
 */
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  control,
  counts,
  resetStats,
  SANDBOX_CREDENTIALS,
  SOAP_LIST_CAP,
  stats,
  type Backend,
  type Kind,
} from './common';
import { grantedProxyOrigin } from '../e2e/proxy-build';
import {
  attachWorker,
  extensionCounts,
  extensionSettings,
  heapProbe,
  launchBenchExtension,
  message,
  syncNowAndWait,
  type BenchExtension,
} from './chromium';
import { expectedRecords, missingRecords, total, type ImportFigures } from './import-node';
import { floorWithPut, STEP_TABLES, stepComparison, type FloorResult } from './floor';
import type { RawPutPlan, RawPutResult } from './raw-put';
import { cpuSnapshot, cpuSpent } from './proc-cpu';

export interface ChromiumImportBench {
  kind: Kind;
  /** peakHeapByStep: MB while each step (or steps side by side) ran. */
  extension: ImportFigures & { result: string; error?: string; peakHeapByStep?: Record<string, number> };
  floor: ImportFigures & { steps?: FloorResult['steps'] };
  /** Each import step's time against the same requests in the floor, and against putting its rows. */
  steps: ReturnType<typeof stepComparison>;
  ratio: number;
  /** The second floor: the same rows put with plain IndexedDB, per step (raw-put.ts). */
  rawPut: RawPutResult;
  /** The floor with those puts (floorWithPut), and the import against it. */
  floorWithPutMs: number;
  ratioWithPut: number;
  complete: boolean;
  missing: string[];
  /** CPU ms per kind of process (proc-cpu.ts) during the floor before, the import, the raw puts and the floor after. */
  cpu: Record<'floor before' | 'import' | 'raw puts' | 'floor after', Record<string, number>>;
}

let floorBundle: string | undefined;
async function floorSource(): Promise<string> {
  if (floorBundle) return floorBundle;
  const out = await build({
    entryPoints: [fileURLToPath(new URL('./browser-floor.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
    banner: {
      js: 'globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig ?? {}, { jitless: true });',
    },
  });
  floorBundle = out.outputFiles[0].text;
  return floorBundle;
}

const mb = (bytes: number | undefined) => (bytes === undefined ? NaN : Math.round((bytes / 1024 / 1024) * 10) / 10);

/** Runs `fn` while sampling the worker's heap every 250 ms. */
async function sampled<T>(ext: BenchExtension, fn: () => Promise<T>): Promise<{ value: T; peak?: number }> {
  const probe = await heapProbe(ext);
  let peak: number | undefined;
  let done = false;
  const loop = (async () => {
    while (!done) {
      const used = await probe.usedBytes().catch(() => undefined);
      if (used !== undefined) peak = Math.max(peak ?? 0, used);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  try {
    return { value: await fn(), peak };
  } finally {
    done = true;
    await loop;
    await probe.detach();
  }
}

async function floorInWorker(
  ext: BenchExtension,
  b: Backend,
  kind: Kind,
): Promise<ImportFigures & { steps: FloorResult['steps'] }> {
  const settings = extensionSettings(kind, b.proxy, SANDBOX_CREDENTIALS);
  await ext.worker().evaluate(await floorSource());
  await resetStats(b);
  const r = await sampled(ext, () =>
    ext
      .worker()
      .evaluate(
        (s) =>
          (globalThis as unknown as { __benchFloor(s: unknown): Promise<FloorResult & { ms: number }> }).__benchFloor(
            s,
          ),
        settings,
      ),
  );
  const s = await stats(b);
  return {
    wallMs: r.value.ms,
    requests: s.total,
    records: r.value.records,
    recordsPerSec: r.value.records / (r.value.ms / 1000),
    peakHeapMB: mb(r.peak),
    peakRssMB: NaN,
    steps: r.value.steps,
  };
}

/** The raw-put floor in the worker, over the rows the import wrote, in the transactions the floor walk saw. */
async function rawPutInWorker(ext: BenchExtension, steps: FloorResult['steps']): Promise<RawPutResult> {
  const plan: RawPutPlan = {};
  for (const [step, tables] of Object.entries(STEP_TABLES))
    if (steps[step]) plan[step] = { tables, transactions: steps[step].transactions };
  await ext.worker().evaluate(await floorSource());
  return ext
    .worker()
    .evaluate(
      ([source, p]) =>
        (globalThis as unknown as { __benchRawPut(s: string, p: RawPutPlan): Promise<RawPutResult> }).__benchRawPut(
          source,
          p,
        ),
      ['boekhoud-companion', plan] as const,
    );
}

/** `extensionDir`: a build whose host permission is the bench's proxy (buildExtensionFor(b.proxy, …)). */
export async function benchChromiumImport(b: Backend, kind: Kind, extensionDir: string): Promise<ChromiumImportBench> {
  const granted = grantedProxyOrigin(extensionDir);
  if (granted !== new URL(b.proxy).origin)
    throw new Error(`the extension in ${extensionDir} reaches ${granted}, not the bench's proxy ${b.proxy}`);
  await control(b, 'reset', { seed: 'large' });
  const want = expectedRecords(await counts(b), kind, SOAP_LIST_CAP, kind === 'token');
  const ext = await launchBenchExtension(extensionDir);
  try {
    const saved = await message<{ ok: boolean }>(ext, {
      type: 'saveSettings',
      settings: extensionSettings(kind, b.proxy, SANDBOX_CREDENTIALS),
    });
    if (!saved.ok) throw new Error(`the extension refused the settings: ${JSON.stringify(saved)}`);
    // The floor before and after the sync; the faster one counts (warm-up and machine noise fall on both sides).
    const c0 = cpuSnapshot();
    const floorA = await floorInWorker(ext, b, kind);
    const c1 = cpuSnapshot();

    await resetStats(b);
    // BENCH_PROFILE=<dir>: a CPU profile of the service worker during the sync, for DevTools or a summary script.
    const profiler = process.env.BENCH_PROFILE ? await attachWorker(ext) : undefined;
    await profiler?.send('Profiler.enable');
    await profiler?.send('Profiler.start');
    const sync = await syncNowAndWait(ext, 600_000);
    if (profiler) {
      const out = await profiler.send<{ profile: unknown }>('Profiler.stop', {}, 60_000);
      mkdirSync(process.env.BENCH_PROFILE!, { recursive: true });
      writeFileSync(
        join(process.env.BENCH_PROFILE!, `chromium-import-${kind}.cpuprofile`),
        JSON.stringify(out?.profile ?? {}),
      );
      await profiler.detach();
    }
    const c2 = cpuSnapshot();
    const s = await stats(b);
    const wallMs = (sync.run.endedAt ?? Date.now()) - sync.run.startedAt;
    const got = await extensionCounts(ext);
    const c3 = cpuSnapshot();
    const rawPut = await rawPutInWorker(ext, floorA.steps);
    const c4 = cpuSnapshot();
    const floorB = await floorInWorker(ext, b, kind);
    const c5 = cpuSnapshot();
    const floor = floorA.wallMs <= floorB.wallMs ? floorA : floorB;
    // The engine runs steps side by side with REST only (thin lists, detail reads): see engine.ts.
    const withPut = floorWithPut(floor, rawPut.steps, kind === 'token');
    const gotRecords = {
      customers: got.customers,
      articles: got.materials + got.hourTypes,
      ledgerAccounts: got.ledgerAccounts,
      transactions: got.transactions,
      openItems: got.openItems,
      invoiceTemplates: got.invoiceTemplates,
    };
    const records = total(gotRecords);
    const missing = missingRecords(want, gotRecords);
    return {
      kind,
      extension: {
        wallMs,
        requests: s.total,
        records,
        recordsPerSec: records / (wallMs / 1000),
        peakHeapMB: mb(sync.peakHeapBytes),
        peakHeapByStep: Object.fromEntries(Object.entries(sync.peakHeapByStep).map(([k, v]) => [k, mb(v)])),
        peakRssMB: NaN,
        result: sync.run.result,
        error: sync.run.error?.en,
      },
      floor,
      steps: stepComparison(sync.run.steps, floor.steps, rawPut.steps),
      ratio: wallMs / floor.wallMs,
      rawPut,
      floorWithPutMs: withPut,
      ratioWithPut: wallMs / withPut,
      complete: missing.length === 0,
      missing,
      cpu: {
        'floor before': cpuSpent(c0, c1),
        import: cpuSpent(c1, c2),
        'raw puts': cpuSpent(c3, c4),
        'floor after': cpuSpent(c4, c5),
      },
    };
  } finally {
    await ext.close();
  }
}
