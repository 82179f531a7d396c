/**
 * The options page's data views on the `large` seed, in headless Chromium: the built extension
 * imports it with a token (its own "Sync now"), then each view is opened in a new page and timed
 * from navigation start to its first data row; beside it, in the same page, the moment the page
 * itself was ready (the kind buttons rendered: Vue booted, no data yet), which is the view's floor,
 * and the moment the number of rows was on screen (the rows may come before it). All are the median of OPENINGS openings, each in a new page. Then, in the last page: scroll to
 * the last row, sort on another indexed column, search, each until the rows are on screen; the
 * page's JS heap (CDP Runtime.getHeapUsage) after all that, and after a GC.
 */
import type { Page } from 'playwright-core';
import { control, SANDBOX_CREDENTIALS, type Backend } from './common';
import { extensionSettings, launchBenchExtension, message, syncNowAndWait } from './chromium';
import type { Row } from './table';

export const VIEW_TARGETS = { firstRowsMs: 200, heapMB: 50 };

/** Per view: the cell whose first word the search types (its column is indexed where the view has one). */
const VIEWS = {
  customers: 1,
  materials: 1,
  hourTypes: 1,
  ledgerAccounts: 1,
  transactions: 5,
  openItems: 2,
} as const;
type ViewKind = keyof typeof VIEWS;

export interface ViewFigure {
  kind: ViewKind;
  rows: number;
  pageReadyMs: number;
  firstRowsMs: number;
  /** Navigation start to the number of rows on screen. */
  countedMs: number;
  scrollEndMs: number;
  sortMs: number;
  searchMs: number;
  searchQuery: string;
  searchFound: string;
  heapMB: number;
  heapAfterGcMB: number;
}

export interface ViewsBench {
  importMs: number;
  views: ViewFigure[];
}

const MARK = `(() => {
  if (!location.pathname.endsWith('/options.html')) return;
  const check = () => {
    if (window.__readyAt === undefined && document.querySelector('[data-testid^=kind-]')) window.__readyAt = performance.now();
    if (window.__firstRowAt === undefined && document.querySelector('.scroller tbody tr[aria-rowindex]'))
      window.__firstRowAt = performance.now();
    // The rows come first, their number after it (aria-rowcount -1 until then).
    const table = document.querySelector('table.data[aria-rowcount]');
    if (window.__countedAt === undefined && table && table.getAttribute('aria-rowcount') !== '-1')
      window.__countedAt = performance.now();
    if (window.__firstRowAt !== undefined && window.__countedAt !== undefined) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-rowcount'] });
})();`;

/** Page-side: polls each frame until `done()` holds; ms since `t0` (the extension's CSP allows no string eval). */
declare global {
  interface Window {
    __until?: (done: () => unknown, t0: number, timeoutMs?: number) => Promise<number>;
  }
}
// tsx (esbuild keepNames) wraps named functions in the evaluated code in __name(); the page has none.
const UNTIL = `globalThis.__name ??= (f) => f;
window.__until = (done, t0, timeoutMs = 30000) => new Promise((resolve) => {
  const tick = () => {
    if (done()) resolve(performance.now() - t0);
    else if (performance.now() - t0 > timeoutMs) resolve(NaN);
    else requestAnimationFrame(tick);
  };
  tick();
});`;

const mb = (n: number | undefined) => (n === undefined ? NaN : Math.round((n / 1024 / 1024) * 10) / 10);

interface Opened {
  ready: number;
  rows: number;
  counted: number;
}

/** Opens the view and waits for its first row and its count: ms since navigation start. */
async function openView(page: Page, kind: ViewKind, id: string): Promise<Opened> {
  await page.goto(`chrome-extension://${id}/options.html#data/${kind}`);
  const marks = await page.waitForFunction(
    () => {
      const w = window as unknown as { __readyAt?: number; __firstRowAt?: number; __countedAt?: number };
      return (
        w.__firstRowAt !== undefined &&
        w.__countedAt !== undefined && { ready: w.__readyAt ?? NaN, rows: w.__firstRowAt, counted: w.__countedAt }
      );
    },
    undefined,
    { timeout: 30_000, polling: 'raf' },
  );
  return (await marks.jsonValue()) as Opened;
}

/** Openings per view for the two times (median): one opening varies by ±50 ms at a load of 10–15. */
const OPENINGS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measureView(page: Page, kind: ViewKind, id: string): Promise<ViewFigure> {
  const cdp = await page.context().newCDPSession(page);
  const opened: Opened[] = [];
  for (let i = 0; i < OPENINGS - 1; i++) {
    const other = await page.context().newPage();
    await other.setViewportSize({ width: 1280, height: 900 });
    opened.push(await openView(other, kind, id));
    await other.close();
  }
  opened.push(await openView(page, kind, id));
  const ready = median(opened.map((o) => o.ready));
  const first = median(opened.map((o) => o.rows));
  const counted = median(opened.map((o) => o.counted));
  const rows = Number(await page.locator('table.data').getAttribute('aria-rowcount')) - 1;

  const scrollEndMs = await page.evaluate((last) => {
    const t0 = performance.now();
    const sc = document.querySelector('.scroller')!;
    sc.scrollTop = sc.scrollHeight;
    return window.__until!(() => document.querySelector(`.scroller tbody tr[aria-rowindex="${last}"]`), t0);
  }, rows + 1);
  const sortMs = await page.evaluate(() => {
    const firstRow = () => document.querySelector('.scroller tbody tr[aria-rowindex]')?.textContent;
    const sc = document.querySelector('.scroller')!;
    sc.scrollTop = 0;
    const before = firstRow();
    const t0 = performance.now();
    document.querySelector<HTMLElement>('.scroller th:not([aria-sort]) button.sort')?.click();
    return window.__until!(
      () => document.querySelector('.scroller tbody tr[aria-rowindex="2"]') && firstRow() !== before,
      t0,
      10_000,
    );
  });
  const cell = VIEWS[kind] + 1;
  const texts = await page.locator(`.scroller tbody tr[aria-rowindex] td:nth-child(${cell})`).allTextContents();
  const searchQuery = (texts.map((x) => x.trim()).find(Boolean) ?? '').split(/\s+/)[0];
  const searchMs = await page.evaluate((q) => {
    const input = document.querySelector<HTMLInputElement>('input[type=search]')!;
    const t0 = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input'));
    // The view marks the search its rows answer (data-query); then the rows must be on screen.
    return window.__until!(
      () =>
        document.querySelector('.card[data-query]')?.getAttribute('data-query') === q &&
        document.querySelector('.scroller tbody tr[aria-rowindex="2"], td.empty'),
      t0,
    );
  }, searchQuery);
  const searchFound = ((await page.getByTestId('rows-shown').textContent()) ?? '').trim();

  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.send('HeapProfiler.collectGarbage');
  const afterGc = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return {
    kind,
    rows,
    pageReadyMs: ready,
    firstRowsMs: first,
    countedMs: counted,
    scrollEndMs,
    sortMs,
    searchMs,
    searchQuery,
    searchFound,
    heapMB: mb(heap.usedSize),
    heapAfterGcMB: mb(afterGc.usedSize),
  };
}

/** `extensionDir`: a build for the bench's proxy (as for the Chromium import). */
export async function benchViews(b: Backend, extensionDir: string): Promise<ViewsBench> {
  await control(b, 'reset', { seed: 'large' });
  const ext = await launchBenchExtension(extensionDir);
  try {
    await message(ext, { type: 'saveSettings', settings: extensionSettings('token', b.proxy, SANDBOX_CREDENTIALS) });
    const sync = await syncNowAndWait(ext, 600_000);
    if (sync.run.result !== 'ok' && sync.run.result !== 'warning')
      throw new Error(`the import to fill the views ended ${sync.run.result}`);
    await ext.context.addInitScript({ content: MARK });
    await ext.context.addInitScript({ content: UNTIL });
    const views: ViewFigure[] = [];
    for (const kind of Object.keys(VIEWS) as ViewKind[]) {
      const page = await ext.context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      try {
        views.push(await measureView(page, kind, ext.id));
      } finally {
        await page.close();
      }
    }
    return { importMs: sync.wallMs, views };
  } finally {
    await ext.close();
  }
}

const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : '–');

export function viewRows(r: ViewsBench | undefined): Row[] {
  if (!r) return [{ measure: 'Data views', value: 'not measured (see errors)' }];
  return r.views.map((v) => ({
    measure: `View ${v.kind} (${v.rows} rows)`,
    value: `first rows ${ms(v.firstRowsMs)}, heap ${v.heapMB} MB (${v.heapAfterGcMB} after GC)`,
    floor: `page ready ${ms(v.pageReadyMs)}`,
    ratio: v.firstRowsMs / VIEW_TARGETS.firstRowsMs,
    target: `< ${VIEW_TARGETS.firstRowsMs} ms, < ${VIEW_TARGETS.heapMB} MB`,
    met: v.firstRowsMs < VIEW_TARGETS.firstRowsMs && v.heapMB < VIEW_TARGETS.heapMB,
    note: `counted ${ms(v.countedMs)}, to last row ${ms(v.scrollEndMs)}, sort ${ms(v.sortMs)}, search "${v.searchQuery}" ${ms(v.searchMs)} → ${v.searchFound}`,
  }));
}
