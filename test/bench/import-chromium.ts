/**
 * Full import of the `large` administration by the built extension in headless Chromium (real
 * IndexedDB, its own background and "Sync now"), against its floor run in the same service
 * worker: the transports' requests, fetched and parsed, nothing written.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { control, counts, resetStats, SANDBOX_CREDENTIALS, SOAP_LIST_CAP, stats, type Backend, type Kind } from './common';
import { extensionCounts, extensionSettings, heapProbe, launchBenchExtension, message, syncNowAndWait, type BenchExtension } from './chromium';
import { expectedRecords, missingRecords, total, type ImportFigures } from './import-node';

export interface ChromiumImportBench {
  kind: Kind;
  extension: ImportFigures & { result: string; error?: string };
  floor: ImportFigures;
  ratio: number;
  complete: boolean;
  missing: string[];
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
    banner: { js: 'globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig ?? {}, { jitless: true });' },
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

async function floorInWorker(ext: BenchExtension, b: Backend, kind: Kind): Promise<ImportFigures> {
  const settings = extensionSettings(kind, b.proxy, SANDBOX_CREDENTIALS);
  await ext.worker().evaluate(await floorSource());
  await resetStats(b);
  const r = await sampled(ext, () =>
    ext.worker().evaluate((s) => (globalThis as unknown as { __benchFloor(s: unknown): Promise<{ records: number; ms: number }> }).__benchFloor(s), settings),
  );
  const s = await stats(b);
  return { wallMs: r.value.ms, requests: s.total, records: r.value.records, recordsPerSec: r.value.records / (r.value.ms / 1000), peakHeapMB: mb(r.peak), peakRssMB: NaN };
}

export async function benchChromiumImport(b: Backend, kind: Kind): Promise<ChromiumImportBench> {
  if (!b.proxy.endsWith(':8787')) throw new Error('the extension only reaches the proxy on 127.0.0.1:8787');
  await control(b, 'reset', { seed: 'large' });
  const want = expectedRecords(await counts(b), kind, SOAP_LIST_CAP, kind === 'token');
  const ext = await launchBenchExtension();
  try {
    const saved = await message<{ ok: boolean }>(ext, { type: 'saveSettings', settings: extensionSettings(kind, b.proxy, SANDBOX_CREDENTIALS) });
    if (!saved.ok) throw new Error(`the extension refused the settings: ${JSON.stringify(saved)}`);
    const floor = await floorInWorker(ext, b, kind);

    await resetStats(b);
    const sync = await syncNowAndWait(ext, 600_000);
    const s = await stats(b);
    const wallMs = (sync.run.endedAt ?? Date.now()) - sync.run.startedAt;
    const got = await extensionCounts(ext);
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
        peakRssMB: NaN,
        result: sync.run.result,
        error: sync.run.error?.en,
      },
      floor,
      ratio: wallMs / floor.wallMs,
      complete: missing.length === 0,
      missing,
    };
  } finally {
    await ext.close();
  }
}
