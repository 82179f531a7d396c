/**
 * The overview page on the `large` seed in headless Chromium (real IndexedDB): the built extension
 * imports it with a token (its own "Sync now"), then the overview is opened in a new page, several
 * times: first paint = navigation start to the result table's numbers in the DOM (and, beside it,
 * the debtors' figures, which come second). Then a click on the revenue of the month with most
 * revenue, timed to the drill-down's ledgers and to its transactions (all of them: the section is no
 * longer aria-busy). Medians of RUNS page loads.
 */
import type { Page } from 'playwright-core';
import { control, SANDBOX_CREDENTIALS, type Backend } from './common';
import { extensionSettings, launchBenchExtension, message, syncNowAndWait } from './chromium';
import type { Row } from './table';

export const OVERVIEW_PAGE_TARGETS = { firstPaintMs: 300, drillDownMs: 300 };
const RUNS = 5;

export interface OverviewPageBench {
  importMs: number;
  /** Medians (ms). */
  firstPaintMs: number;
  openItemsMs: number;
  drillLedgersMs: number;
  /** To the first booking rows on screen (they come as the pass finds them). */
  drillFirstRowsMs: number;
  drillTransactionsMs: number;
  /** All bookings of the second month opened, after the first (what the first pass learnt). */
  drillNextMs: number;
  drillRows: number;
  samples: {
    firstPaintMs: number;
    openItemsMs: number;
    drillLedgersMs: number;
    drillFirstRowsMs: number;
    drillTransactionsMs: number;
    drillNextMs: number;
  }[];
}

// tsx (esbuild keepNames) wraps named functions in the evaluated code in __name(); the page has none.
const MARK = `globalThis.__name ??= (f) => f;
(() => {
  if (!location.pathname.endsWith('/options.html')) return;
  const check = () => {
    if (window.__paintAt === undefined && document.querySelector('[data-testid=results-table] tbody td'))
      window.__paintAt = performance.now();
    if (window.__openAt === undefined && document.querySelector('[data-testid=debtors-total]'))
      window.__openAt = performance.now();
    if (window.__paintAt !== undefined && window.__openAt !== undefined) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, characterData: true });
})();`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Clicks a month's revenue; ms to its ledgers, its first booking rows, and all of them (no longer aria-busy). */
function drillDown(page: Page, month: string) {
  return page.evaluate((m) => {
    return new Promise<{ ledgers: number; firstRows: number; transactions: number; rows: number }>((resolve) => {
      const t0 = performance.now();
      let ledgers: number | undefined;
      let firstRows: number | undefined;
      const tick = () => {
        const section = document.querySelector('[data-testid=drill-down]');
        if (ledgers === undefined && section?.querySelector('[data-testid=drill-ledgers] tbody tr'))
          ledgers = performance.now() - t0;
        if (firstRows === undefined && section?.querySelector('[data-testid=drill-transactions] tbody tr'))
          firstRows = performance.now() - t0;
        const done =
          section &&
          section.getAttribute('aria-busy') !== 'true' &&
          section.querySelector('[data-testid=drill-transactions] tbody tr, [data-testid=drill-none]');
        if (ledgers !== undefined && done)
          resolve({
            ledgers,
            firstRows: firstRows ?? NaN,
            transactions: performance.now() - t0,
            rows: section.querySelectorAll('[data-testid=drill-transactions] tbody tr').length,
          });
        else if (performance.now() - t0 > 60_000) resolve({ ledgers: NaN, firstRows: NaN, transactions: NaN, rows: 0 });
        else requestAnimationFrame(tick);
      };
      document
        .querySelector<HTMLElement>(`[data-testid=results-table] tr[data-month="${m}"] [data-testid=drill-revenue]`)!
        .click();
      tick();
    });
  }, month);
}

async function measureOnce(page: Page, id: string) {
  await page.goto(`chrome-extension://${id}/options.html#overview`);
  const marks = await page.waitForFunction(
    () => {
      const w = window as unknown as { __paintAt?: number; __openAt?: number };
      return w.__paintAt !== undefined && w.__openAt !== undefined && { paint: w.__paintAt, open: w.__openAt };
    },
    undefined,
    { timeout: 60_000, polling: 'raf' },
  );
  const { paint, open } = (await marks.jsonValue()) as { paint: number; open: number };
  // The two months with most revenue: the largest drill-downs; the second is opened after the first.
  const [month, next] = await page.evaluate(() => {
    const euros = (s: string) => Number(s.replace(/[^\d,-]/g, '').replace(',', '.'));
    return [...document.querySelectorAll<HTMLElement>('[data-testid=results-table] tbody tr')]
      .map((tr) => ({
        month: tr.dataset.month ?? '',
        revenue: euros(tr.querySelector('[data-testid=drill-revenue]')?.textContent ?? ''),
      }))
      .sort((a, b) => b.revenue - a.revenue)
      .map((r) => r.month);
  });
  const drill = await drillDown(page, month);
  await page.getByTestId('drill-close').click();
  await page.getByTestId('drill-down').waitFor({ state: 'detached' });
  const again = await drillDown(page, next);
  return {
    firstPaintMs: paint,
    openItemsMs: open,
    drillLedgersMs: drill.ledgers,
    drillFirstRowsMs: drill.firstRows,
    drillTransactionsMs: drill.transactions,
    drillNextMs: again.transactions,
    rows: drill.rows,
  };
}

/** `extensionDir`: a build for the bench's proxy (as for the Chromium import). */
export async function benchOverviewPage(b: Backend, extensionDir: string): Promise<OverviewPageBench> {
  await control(b, 'reset', { seed: 'large' });
  const ext = await launchBenchExtension(extensionDir);
  try {
    await message(ext, { type: 'saveSettings', settings: extensionSettings('token', b.proxy, SANDBOX_CREDENTIALS) });
    const sync = await syncNowAndWait(ext, 900_000);
    if (sync.run.result !== 'ok' && sync.run.result !== 'warning')
      throw new Error(`the import to fill the overview ended ${sync.run.result}`);
    await ext.context.addInitScript({ content: MARK });
    const samples: OverviewPageBench['samples'] = [];
    let drillRows = 0;
    // One warm-up load (the browser's code cache), then RUNS measured ones, each in a fresh page.
    for (let i = 0; i <= RUNS; i++) {
      const page = await ext.context.newPage();
      await page.setViewportSize({ width: 1400, height: 1000 });
      try {
        const { rows, ...s } = await measureOnce(page, ext.id);
        drillRows = rows;
        if (i > 0) samples.push(s);
      } finally {
        await page.close();
      }
    }
    const pick = (k: keyof OverviewPageBench['samples'][number]) => median(samples.map((s) => s[k]));
    return {
      importMs: sync.wallMs,
      firstPaintMs: pick('firstPaintMs'),
      openItemsMs: pick('openItemsMs'),
      drillLedgersMs: pick('drillLedgersMs'),
      drillFirstRowsMs: pick('drillFirstRowsMs'),
      drillTransactionsMs: pick('drillTransactionsMs'),
      drillNextMs: pick('drillNextMs'),
      drillRows,
      samples,
    };
  } finally {
    await ext.close();
  }
}

const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : '–');

export function overviewPageRows(r: OverviewPageBench | undefined): Row[] {
  if (!r) return [{ measure: 'Overview page (Chromium)', value: 'not measured (see errors)' }];
  return [
    {
      measure: 'Overview page: first paint (large, Chromium)',
      value: ms(r.firstPaintMs),
      target: `< ${OVERVIEW_PAGE_TARGETS.firstPaintMs} ms`,
      ratio: r.firstPaintMs / OVERVIEW_PAGE_TARGETS.firstPaintMs,
      met: r.firstPaintMs < OVERVIEW_PAGE_TARGETS.firstPaintMs,
      note: `navigation start to the result table's numbers; debtors and creditors at ${ms(r.openItemsMs)} (medians of ${RUNS})`,
    },
    {
      measure: 'Overview page: revenue drill-down (large, Chromium)',
      value: `ledgers ${ms(r.drillLedgersMs)}, first bookings ${ms(r.drillFirstRowsMs)}, all ${r.drillRows} ${ms(r.drillTransactionsMs)}; the next month all in ${ms(r.drillNextMs)}`,
      target: `ledgers < ${OVERVIEW_PAGE_TARGETS.drillDownMs} ms`,
      ratio: r.drillLedgersMs / OVERVIEW_PAGE_TARGETS.drillDownMs,
      met: r.drillLedgersMs < OVERVIEW_PAGE_TARGETS.drillDownMs,
      note: 'click to rows on screen (medians)',
    },
  ];
}
