/**
 * What the overview costs, on the workspace the full `large` import left (token): the requests and
 * time its import step adds to a first sync (24 months + the balances before them) and to the
 * unchanged 15-minute run (2 months), and how long the page's figures take to compute from that
 * workspace (readOverview, the revenue drill-down) — the work before the overview's first paint.
 */
import type { WorkspaceDb } from '../../lib/db';
import { runSync } from '../../lib/sync/index';
import { importLedgerMovements } from '../../lib/sync/imports/index';
import { readOpenItemsOverview, readOverview, readRevenueDrillDown } from '../../lib/workspace';
import { resetStats, stats, type Backend } from './common';
import { FIFTEEN_MINUTES } from './incremental';

export interface OverviewBench {
  firstSync: { requests: number; wallMs: number };
  unchangedRun: { requests: number; wallMs: number };
  /** Median of 5, after one warm-up. */
  computeMs: number;
  /** Debtors and creditors, painted after the month figures. */
  openItemsMs: number;
  drillDownMs: number;
}

async function median(times: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b)[Math.floor(times / 2)];
}

async function timedStep(b: Backend, db: WorkspaceDb, trigger: 'refresh' | 'alarm', now: number) {
  await resetStats(b);
  const t0 = performance.now();
  const run = await runSync({ db, trigger, steps: [importLedgerMovements], now: () => now });
  const wallMs = performance.now() - t0;
  if (run.result !== 'ok') throw new Error(`the overview's step ended ${run.result}`);
  return { requests: (await stats(b)).total, wallMs };
}

export async function benchOverview(b: Backend, db: WorkspaceDb): Promise<OverviewBench> {
  const now = Date.now() + 2 * FIFTEEN_MINUTES;
  // 'refresh' reads what a first sync reads (every month and the opening balances).
  const firstSync = await timedStep(b, db, 'refresh', now);
  const unchangedRun = await timedStep(b, db, 'alarm', now + FIFTEEN_MINUTES);
  const computeMs = await median(5, () => readOverview(db, now));
  const openItemsMs = await median(5, () => readOpenItemsOverview(db, now));
  const month = (await readOverview(db, now)).results.reduce((a, r) => (r.revenue > a.revenue ? r : a)).month;
  const drillDownMs = await median(5, () => readRevenueDrillDown(db, month));
  return { firstSync, unchangedRun, computeMs, openItemsMs, drillDownMs };
}
