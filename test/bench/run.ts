/**
 * `npm run bench`: every figure measured side by side in one run, each with its floor or target
 * and the ratio; prints a table and writes bench/results.json.
 *
 *   npm run bench                     everything (about 5–10 minutes on 2 cores)
 *   npm run bench -- node export      only some sections: node soap incremental export overview overviewpage payments chromium views network popup proxy
 *
 * The proxy listens on a free port (never needs 8787, which `npm start` or an e2e run may hold).
 * The Chromium import builds the extension for that port (its default proxy and host permission,
 * see test/e2e/proxy-build.ts); the popup section measures `npm run build`'s extension.
 */
import 'fake-indexeddb/auto';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { benchProxy, type ProxyBenchResult } from './proxy';
import { startBackend, type Backend } from './common';
import { benchNodeImport, type ImportBench } from './import-node';
import { benchChromiumImport, type ChromiumImportBench } from './import-chromium';
import { benchIncremental, type IncrementalBench } from './incremental';
import { benchExport, type ExportBench } from './export';
import { benchOverview, type OverviewBench } from './overview';
import { benchOverviewPage, overviewPageRows, type OverviewPageBench } from './overview-page';
import { benchPayments, type PaymentsBench } from './payments';
import { EXTENSION_DIR, launchBenchExtension } from './chromium';
import { popupBytes, popupTiming, type PopupBytes, type PopupTiming } from './popup';
import { formatTable, type Row } from './table';
import { exportRow, importRows, incrementalRow, overviewRows, paymentsRow, popupRow, proxyRow, stepText } from './rows';
import { benchViews, viewRows, type ViewsBench } from './views';
import { benchNetwork, networkRows, type NetworkBench } from './network';
import { buildExtensionFor } from '../e2e/proxy-build';
import { cpuText } from './proc-cpu';

const SECTIONS = [
  'node',
  'soap',
  'incremental',
  'export',
  'overview',
  'overviewpage',
  'payments',
  'chromium',
  'views',
  'network',
  'popup',
  'proxy',
] as const;
type Section = (typeof SECTIONS)[number];

interface Results {
  startedAt: string;
  durationSec?: number;
  machine: {
    cpus: number;
    model: string;
    node: string;
    chromium?: string;
    loadavgStart: number[];
    loadavgEnd?: number[];
  };
  importNodeRest?: Omit<ImportBench, 'db'>;
  importNodeSoap?: Omit<ImportBench, 'db'>;
  importChromiumRest?: ChromiumImportBench;
  importChromiumSoap?: ChromiumImportBench;
  incremental?: IncrementalBench;
  export?: ExportBench;
  overview?: OverviewBench;
  overviewPage?: OverviewPageBench;
  payments?: PaymentsBench;
  popup?: { bytes: PopupBytes; timing: PopupTiming };
  views?: ViewsBench;
  network?: NetworkBench;
  proxy?: ProxyBenchResult;
  errors: Record<string, string>;
}

function chromiumVersion(): string | undefined {
  try {
    return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
      timeout: 10_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

async function section<T>(results: Results, name: string, fn: () => Promise<T>): Promise<T | undefined> {
  const t0 = Date.now();
  process.stderr.write(`· ${name} …\n`);
  try {
    const value = await fn();
    process.stderr.write(`  ${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    return value;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    results.errors[name] = message;
    process.stderr.write(`  ${name} FAILED: ${message}\n`);
    return undefined;
  }
}

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((a) => !a.startsWith('-')) as Section[];
  const unknown = asked.filter((a) => !SECTIONS.includes(a));
  if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(', ')}; choose from ${SECTIONS.join(' ')}`);
  const want = (x: Section) => asked.length === 0 || asked.includes(x);
  const t0 = Date.now();
  const results: Results = {
    startedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model ?? '',
      node: process.version,
      loadavgStart: loadavg().map((x) => Math.round(x * 100) / 100),
    },
    errors: {},
  };

  const needsChromium = want('chromium') || want('views') || want('overviewpage') || want('popup');
  if (needsChromium) results.machine.chromium = chromiumVersion();
  if (want('popup')) {
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
      process.stderr.write('· building the extension (npm run build) …\n');
      const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
      if (built.status !== 0) throw new Error('npm run build failed');
    }
  }

  let backend: Backend | undefined;
  // The proxy takes any free port, so a proxy on 8787 (`npm start`, an e2e run) is no obstacle.
  if (
    want('node') ||
    want('soap') ||
    want('incremental') ||
    want('export') ||
    want('overview') ||
    want('chromium') ||
    want('views') ||
    want('overviewpage') ||
    want('network')
  )
    backend = await startBackend({ proxyPort: 0 });
  let buildDir: string | undefined;
  let chromiumBuild: string | undefined;
  try {
    if (backend && (want('chromium') || want('views') || want('overviewpage'))) {
      buildDir = join('.output', `bench-${new URL(backend.proxy).port}`);
      process.stderr.write(`· building the extension for the bench's proxy ${backend.proxy} …\n`);
      chromiumBuild = buildExtensionFor(backend.proxy, buildDir);
    }
    if (backend && (want('node') || want('incremental') || want('export') || want('overview'))) {
      const b = backend;
      const rest = await section(results, 'import, Node, API token', () =>
        benchNodeImport(b, 'token', { keep: want('incremental') || want('export') || want('overview') }),
      );
      if (rest) {
        const { db, ...figures } = rest;
        if (want('node')) results.importNodeRest = figures;
        if (db && want('incremental'))
          results.incremental = await section(results, '15-minute run, nothing changed', () => benchIncremental(b, db));
        if (db && want('overview')) results.overview = await section(results, 'overview', () => benchOverview(b, db));
        if (db && want('export'))
          results.export = await section(results, 'export of 500 work orders', () => benchExport(b, db));
        if (db) {
          db.close();
          await db.delete();
        }
      }
    }
    if (backend && want('soap')) {
      const b = backend;
      const r = await section(results, 'import, Node, security codes', () => benchNodeImport(b, 'securityCodes'));
      if (r) {
        const { db: _db, ...figures } = r;
        results.importNodeSoap = figures;
      }
    }
    if (backend && chromiumBuild && want('chromium')) {
      const b = backend;
      const dir = chromiumBuild;
      // BENCH_KINDS=securityCodes: only the SOAP import (with `soap`), for SOAP work on a busy machine.
      if (process.env.BENCH_KINDS !== 'securityCodes')
        results.importChromiumRest = await section(results, 'import, Chromium, API token', () =>
          benchChromiumImport(b, 'token', dir),
        );
      if (want('soap') || asked.length === 0)
        results.importChromiumSoap = await section(results, 'import, Chromium, security codes', () =>
          benchChromiumImport(b, 'securityCodes', dir),
        );
    }
    if (backend && want('network')) {
      const b = backend;
      results.network = await section(results, 'network profile, Node', () => benchNetwork(b));
    }
    if (backend && chromiumBuild && want('views')) {
      const [b, dir] = [backend, chromiumBuild];
      results.views = await section(results, 'data views, Chromium', () => benchViews(b, dir));
    }
    if (backend && chromiumBuild && want('overviewpage')) {
      const [b, dir] = [backend, chromiumBuild];
      results.overviewPage = await section(results, 'overview page, Chromium', () => benchOverviewPage(b, dir));
    }
  } finally {
    await backend?.close();
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  }

  if (want('popup')) {
    results.popup = await section(results, 'popup', async () => {
      const bytes = popupBytes(EXTENSION_DIR);
      const ext = await launchBenchExtension();
      try {
        return { bytes, timing: await popupTiming(ext) };
      } finally {
        await ext.close();
      }
    });
  }
  if (want('proxy')) results.proxy = await section(results, 'proxy', () => benchProxy());
  if (want('payments'))
    results.payments = await section(results, 'payment states, large seed scale', () => benchPayments());

  results.durationSec = Math.round((Date.now() - t0) / 1000);
  results.machine.loadavgEnd = loadavg().map((x) => Math.round(x * 100) / 100);

  const rows: Row[] = [];
  if (want('node')) rows.push(...importRows('Import, token, Node (fake-indexeddb)', results.importNodeRest));
  if (want('chromium')) rows.push(...importRows('Import, token, Chromium (IndexedDB)', results.importChromiumRest));
  if (want('soap')) rows.push(...importRows('Import, security codes, Node', results.importNodeSoap));
  if (want('chromium') && (want('soap') || asked.length === 0))
    rows.push(...importRows('Import, security codes, Chromium', results.importChromiumSoap));
  if (want('views')) rows.push(...viewRows(results.views));
  if (want('network')) rows.push(...networkRows(results.network));
  if (want('incremental')) rows.push(incrementalRow(results.incremental));
  if (want('overview')) rows.push(...overviewRows(results.overview));
  if (want('overviewpage')) rows.push(...overviewPageRows(results.overviewPage));
  if (want('payments')) rows.push(paymentsRow(results.payments));
  if (want('export')) rows.push(exportRow(results.export));
  if (want('proxy')) rows.push(proxyRow(results.proxy));
  if (want('popup')) rows.push(popupRow(results.popup));

  console.log(formatTable(rows));
  const imports: [string, ImportBench | ChromiumImportBench | undefined][] = [
    ['token, Node', results.importNodeRest],
    ['token, Chromium', results.importChromiumRest],
    ['security codes, Node', results.importNodeSoap],
    ['security codes, Chromium', results.importChromiumSoap],
  ];
  console.log('\nImport steps, engine / fetch+parse floor [/ raw put, engine ÷ (fetch+parse + put)] (s):');
  for (const [label, r] of imports) {
    if (!r) continue;
    const parts = r.steps.filter((st) => st.floorMs !== undefined && (st.engineMs > 50 || (st.floorMs ?? 0) > 50));
    console.log(`  ${label.padEnd(25)} ${parts.map(stepText).join(', ')}`);
  }
  for (const [label, r] of imports)
    if (r && 'cpu' in r) console.log(`\nCPU per process, ${label}:\n  ${cpuText(r.cpu).join('\n  ')}`);
  console.log(
    `\n${results.machine.cpus} × ${results.machine.model}, Node ${results.machine.node}${results.machine.chromium ? `, ${results.machine.chromium}` : ''}; ` +
      `load average ${results.machine.loadavgStart[0]} → ${results.machine.loadavgEnd[0]}; ${results.durationSec} s in all.`,
  );
  for (const [name, message] of Object.entries(results.errors)) console.log(`ERROR in ${name}: ${message}`);

  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('Written: bench/results.json');
  const incomplete = [
    results.importNodeRest,
    results.importNodeSoap,
    results.importChromiumRest,
    results.importChromiumSoap,
  ].some((r) => r && !r.complete);
  if (Object.keys(results.errors).length > 0 || incomplete) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
