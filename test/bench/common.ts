/** Shared pieces of the benchmarks: the upstream process, the control API, memory peaks, GC. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { defaultConfig } from '../../sandbox/config';

export const SANDBOX_CREDENTIALS = defaultConfig({});
/** The sandbox's default: SOAP GetRelaties / GetArtikelen answer at most this many. */
export const SOAP_LIST_CAP = SANDBOX_CREDENTIALS.soapListCap;
export type Kind = 'token' | 'securityCodes';

export interface Backend {
  sandbox: string;
  proxy: string;
  close(): Promise<void>;
}

const backendPath = fileURLToPath(new URL('./backend.ts', import.meta.url));

/** Starts the sandbox + proxy process; the proxy on `proxyPort` (0, the default: any free port). */
export function startBackend(o: { proxyPort?: number; seed?: string } = {}): Promise<Backend> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', backendPath], {
    env: { ...process.env, BENCH_PROXY_PORT: String(o.proxyPort ?? 0), BENCH_SEED: o.seed ?? 'large' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bench backend did not start:\n${err}`)), 30_000);
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      const urls = JSON.parse(line) as { sandbox: string; proxy: string };
      resolve({
        ...urls,
        close: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bench backend exited with ${code}:\n${err}`));
    });
  });
}

export async function control<T = any>(b: { sandbox: string }, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${b.sandbox}/__sandbox/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`sandbox ${path}: HTTP ${res.status} ${text.slice(0, 200)}`);
  return JSON.parse(text) as T;
}

export interface SandboxCounts {
  relations: number;
  products: number;
  ledgers: number;
  mutations: number;
  invoices: number;
  templates: number;
  openDebtors: number;
  openCreditors: number;
}
export interface Stats {
  total: number;
  byOperation: Record<string, number>;
}
export const stats = (b: Backend) => control<Stats>(b, 'stats');
export const resetStats = (b: Backend) => control(b, 'stats/reset', {});
export const counts = async (b: Backend) => (await control<{ counts: SandboxCounts }>(b, 'state')).counts;

export function settingsFor(proxyUrl: string, kind: Kind): Settings {
  const c = SANDBOX_CREDENTIALS;
  return {
    ...DEFAULT_SETTINGS,
    proxyUrl,
    connection:
      kind === 'token'
        ? { kind: 'token', apiToken: c.apiToken }
        : {
            kind: 'securityCodes',
            username: c.username,
            securityCode1: c.securityCode1,
            securityCode2: c.securityCode2,
          },
  };
}

let gcFn: (() => void) | undefined;
/** A full GC, for heap figures that mean something (works without --expose-gc on the command line). */
export function gc(): void {
  if (!gcFn) {
    setFlagsFromString('--expose-gc');
    gcFn = runInNewContext('gc') as () => void;
  }
  gcFn();
}

/** Samples process memory every `everyMs` while `fn` runs; returns the peaks (MB) above the start. */
export async function withMemoryPeak<T>(
  fn: () => Promise<T>,
  everyMs = 25,
): Promise<{ value: T; peakHeapMB: number; peakRssMB: number; baseHeapMB: number }> {
  gc();
  const base = process.memoryUsage();
  let peakHeap = base.heapUsed;
  let peakRss = base.rss;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    if (m.rss > peakRss) peakRss = m.rss;
  };
  const timer = setInterval(sample, everyMs);
  try {
    const value = await fn();
    sample();
    return { value, peakHeapMB: mb(peakHeap), peakRssMB: mb(peakRss), baseHeapMB: mb(base.heapUsed) };
  } finally {
    clearInterval(timer);
  }
}

export const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Requests grouped as the issue asks: lists, detail reads, the rest. */
export function requestKinds(byOperation: Record<string, number>): { lists: number; details: number; other: number } {
  const out = { lists: 0, details: 0, other: 0 };
  for (const [op, n] of Object.entries(byOperation)) {
    if (/^GET \/v1\/[a-z]+\/\{id\}$/.test(op)) out.details += n;
    else if (/^GET \/v1\//.test(op) || /^Get/.test(op)) out.lists += n;
    else out.other += n;
  }
  return out;
}
