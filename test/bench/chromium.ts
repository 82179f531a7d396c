/**
 * The built extension in headless Chromium (playwright-core, /usr/bin/chromium): the full import
 * through its own background with real IndexedDB, its floor in the same service worker, and the
 * popup's load time. The import needs a build whose host permission is the bench's proxy
 * (run.ts builds one for its free port, see test/e2e/proxy-build.ts); the popup needs any build.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { CHROMIUM, EXTENSION_DIR, launchWithExtension } from '../e2e/launch';

export { EXTENSION_DIR };

export interface BenchExtension {
  context: BrowserContext;
  id: string;
  /** An extension page (no UI of its own) to send messages to the background from. */
  page: Page;
  worker(): Worker;
  close(): Promise<void>;
}

/** The built extension in `extensionDir` (default: `npm run build`'s) in headless Chromium. */
export async function launchBenchExtension(extensionDir = EXTENSION_DIR): Promise<BenchExtension> {
  if (!existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`Build the extension first (${extensionDir} is missing).`);
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}.`);
  const profile = mkdtempSync(join(tmpdir(), 'bc-bench-'));
  const userData = join(profile, 'user-data');
  // A copy, so a rebuild of .output by someone else during the run cannot pull files away.
  const copy = join(profile, 'extension');
  cpSync(extensionDir, copy, { recursive: true });
  const { context, worker: first, id } = await launchWithExtension(copy, userData);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/manifest.json`);
  return {
    context,
    id,
    page,
    worker: () => context.serviceWorkers().find((w) => w.url().includes(id)) ?? first,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

type Reply<T> = { ok: true; data: T } | { ok: false; error: { en: string } };

/** Sends a typed request to the background, as the pages do. */
export async function message<T = any>(ext: BenchExtension, request: object): Promise<T> {
  const reply = (await ext.page.evaluate(
    (r) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }
      ).chrome.runtime.sendMessage(r),
    request,
  )) as Reply<T> | undefined;
  if (!reply) throw new Error(`no answer to ${JSON.stringify(request)}`);
  if (!reply.ok) throw new Error(`${(request as { type: string }).type}: ${reply.error.en}`);
  return reply.data;
}

/**
 * A CDP session on the extension's service worker. Playwright gives no CDP session for a worker,
 * so the page's session attaches to it and relays messages.
 */
export interface WorkerSession {
  send<T = unknown>(method: string, params?: object, timeoutMs?: number): Promise<T | undefined>;
  detach(): Promise<void>;
}

export async function attachWorker(ext: BenchExtension): Promise<WorkerSession> {
  const s = await ext.context.newCDPSession(ext.page);
  const { targetInfos } = (await s.send('Target.getTargets')) as {
    targetInfos: { type: string; url: string; targetId: string }[];
  };
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(ext.id));
  if (!sw) throw new Error('the extension service worker is not running');
  const { sessionId } = (await s.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false })) as {
    sessionId: string;
  };
  let next = 1;
  const waiting = new Map<number, (v: unknown) => void>();
  s.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { id?: number; result?: unknown };
    if (m.id !== undefined) waiting.get(m.id)?.(m.result);
  });
  return {
    async send<T>(method: string, params: object = {}, timeoutMs = 2000) {
      const id = next++;
      const answer = new Promise<unknown>((r) => waiting.set(id, r));
      await s.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      const result = await Promise.race([answer, new Promise((r) => setTimeout(() => r(undefined), timeoutMs))]);
      waiting.delete(id);
      return result as T | undefined;
    },
    async detach() {
      await s.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await s.detach().catch(() => undefined);
    },
  };
}

/** JS heap of the service worker (CDP Runtime.getHeapUsage; workers have no performance.memory). */
export async function heapProbe(ext: BenchExtension): Promise<{
  usedBytes(): Promise<number | undefined>;
  collectGarbage(): Promise<void>;
  detach(): Promise<void>;
}> {
  const w = await attachWorker(ext);
  return {
    usedBytes: async () => (await w.send<{ usedSize: number }>('Runtime.getHeapUsage'))?.usedSize,
    collectGarbage: async () => void (await w.send('HeapProfiler.collectGarbage', {}, 10_000)),
    detach: () => w.detach(),
  };
}

/** Record counts straight from the extension's IndexedDB. */
export async function extensionCounts(ext: BenchExtension): Promise<Record<string, number>> {
  return ext.page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolveCounts, reject) => {
        const open = indexedDB.open('boekhoud-companion');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [
            'customers',
            'materials',
            'hourTypes',
            'ledgerAccounts',
            'transactions',
            'openItems',
            'invoiceTemplates',
          ];
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, number> = {};
          for (const n of names) {
            const req = tx.objectStore(n).count();
            req.onsuccess = () => (out[n] = req.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolveCounts(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

export function extensionSettings(
  kind: 'token' | 'securityCodes',
  proxyUrl: string,
  creds: { apiToken: string; username: string; securityCode1: string; securityCode2: string },
): Settings {
  return {
    ...DEFAULT_SETTINGS,
    proxyUrl,
    connection:
      kind === 'token'
        ? { kind: 'token', apiToken: creds.apiToken }
        : {
            kind: 'securityCodes',
            username: creds.username,
            securityCode1: creds.securityCode1,
            securityCode2: creds.securityCode2,
          },
  };
}

interface StatusSnapshot {
  syncing: boolean;
  progress?: { steps?: { step: string }[] };
  lastRun?: {
    startedAt: number;
    endedAt?: number;
    result: string;
    error?: { en: string };
    steps: { step: string; requests?: number; durationMs?: number }[];
  };
}

/**
 * "Sync now" through the background, then waits for the run to finish while sampling the
 * worker's heap. Returns the run as the background logged it, the peak heap, and the peak while
 * each step (or steps side by side, "a+b") ran. A full GC first, so garbage left by whatever ran
 * in the worker before (the bench's floor) is not counted as the sync's.
 */
export async function syncNowAndWait(
  ext: BenchExtension,
  timeoutMs: number,
): Promise<{
  run: NonNullable<StatusSnapshot['lastRun']>;
  peakHeapBytes?: number;
  peakHeapByStep: Record<string, number>;
  wallMs: number;
}> {
  const before = (await message<StatusSnapshot>(ext, { type: 'status' })).lastRun?.startedAt ?? 0;
  const probe = await heapProbe(ext);
  await probe.collectGarbage().catch(() => undefined);
  const t0 = performance.now();
  const started = await message<{ started: boolean; reason?: string }>(ext, { type: 'syncNow' });
  if (!started.started) throw new Error(`the sync did not start: ${started.reason}`);
  let peak: number | undefined;
  const byStep: Record<string, number> = {};
  let running = '';
  const until = Date.now() + timeoutMs;
  // The heap every 250 ms, as the floor's; the status (seven IndexedDB reads and three browser
  // calls in the worker, which the floor does not pay) once a second: the run's time is its log's.
  for (let i = 0; ; i++) {
    const heap = await probe.usedBytes().catch(() => undefined);
    if (heap !== undefined) {
      peak = Math.max(peak ?? 0, heap);
      if (running) byStep[running] = Math.max(byStep[running] ?? 0, heap);
    }
    const s = i % 4 === 0 ? await message<StatusSnapshot>(ext, { type: 'status' }) : undefined;
    if (s) running = (s.progress?.steps ?? []).map((p) => p.step).join('+');
    if (s && !s.syncing && s.lastRun && s.lastRun.startedAt > before && s.lastRun.result !== 'running') {
      await probe.detach();
      return { run: s.lastRun, peakHeapBytes: peak, peakHeapByStep: byStep, wallMs: performance.now() - t0 };
    }
    if (Date.now() > until) throw new Error('the extension sync did not finish in time');
    await new Promise((r) => setTimeout(r, 250));
  }
}
