/**
 * The token import and the 15-minute run under the sandbox's network profile (sandbox/network.ts),
 * with thin list items and with full ones (the document's examples: every detail field in the list
 * item, so no detail reads), in Node. The floor is what the network alone forces:
 * requests / allowed concurrency × latency (+ records × per-record cost / concurrency), plus the
 * fetch+parse floor of the same requests measured without the profile in the same run.
 *
 * With full list items the writes are the work, so those runs get a second floor: the rows the
 * import wrote, put again with plain (fake-)IndexedDB in this process in the engine's page-sized
 * transactions (raw-put.ts), added to network + fetch+parse. In Node the puts and the parsing share
 * one thread, so the sum is what an engine that overlaps nothing but the network would take.
 */
import type { WorkspaceDb } from '../../lib/db';
import { benchNodeImport, type ImportBench } from './import-node';
import { STEP_TABLES, type FloorResult } from './floor';
import { rawPutFloor, type RawPutPlan } from './raw-put';
import { benchIncremental, type IncrementalBench } from './incremental';
import { control, type Backend } from './common';
import type { Row } from './table';

/** 30 ms per request, 0.01 ms per record, six requests at a time: a plain broadband line to a busy server. */
export const NETWORK_PROFILE = { latencyMs: 30, latencyPerRecordMs: 0.01, maxConcurrent: 6 };
const TARGET_RATIO = 1.3;

export interface NetworkRun {
  listItems: 'thin' | 'full';
  wallMs: number;
  requests: number;
  records: number;
  /** The same requests fetched and parsed, no profile. */
  fetchParseMs: number;
  /** requests / maxConcurrent × latency + records × per-record cost / maxConcurrent. */
  networkMs: number;
  floorMs: number;
  ratio: number;
  complete: boolean;
  /** Full list items: the same rows put with plain (fake-)IndexedDB (raw-put.ts), all steps. */
  putMs?: number;
  /** engine ÷ (floorMs + putMs) */
  ratioWithPut?: number;
  /** Per step: engine / fetch+parse / put, ms. */
  steps?: { step: string; engineMs: number; floorMs?: number; putMs?: number }[];
}

export interface NetworkBench {
  profile: typeof NETWORK_PROFILE;
  thin?: NetworkRun;
  full?: NetworkRun;
  /** The full-list import without the profile, against its own fetch+parse floor (#11's figure beside thin). */
  fullNoProfile?: NetworkRun;
  incremental?: IncrementalBench & { networkMs: number; floorMs: number };
}

function networkMs(requests: number, records: number): number {
  const p = NETWORK_PROFILE;
  return (requests * p.latencyMs + records * p.latencyPerRecordMs) / p.maxConcurrent;
}

/** The raw-put floor over the rows in `db`, in the transactions the floor walk saw; then deletes `db`. */
async function putFloor(db: WorkspaceDb, steps: FloorResult['steps'] | undefined) {
  const plan: RawPutPlan = {};
  for (const [step, tables] of Object.entries(STEP_TABLES))
    if (steps?.[step]) plan[step] = { tables, transactions: steps[step].transactions };
  db.close();
  try {
    return (await rawPutFloor(db.name, plan)).steps;
  } finally {
    await db.delete();
  }
}

function withPut(run: NetworkRun, r: ImportBench, put: Record<string, { ms: number }>): NetworkRun {
  const putMs = Object.values(put).reduce((a, p) => a + p.ms, 0);
  return {
    ...run,
    putMs,
    ratioWithPut: run.wallMs / (run.floorMs + putMs),
    steps: r.steps.map((st) => ({
      step: st.step,
      engineMs: st.engineMs,
      floorMs: st.floorMs,
      putMs: put[st.step] ? Math.round(put[st.step].ms) : undefined,
    })),
  };
}

function asRun(listItems: 'thin' | 'full', r: ImportBench): NetworkRun {
  const net = networkMs(r.node.requests, r.node.records);
  const floorMs = net + r.floor.wallMs;
  return {
    listItems,
    wallMs: r.node.wallMs,
    requests: r.node.requests,
    records: r.node.records,
    fetchParseMs: r.floor.wallMs,
    networkMs: net,
    floorMs,
    ratio: r.node.wallMs / floorMs,
    complete: r.complete,
  };
}

export async function benchNetwork(b: Backend): Promise<NetworkBench> {
  const out: NetworkBench = { profile: NETWORK_PROFILE };
  const plain = { latencyMs: 0, latencyPerRecordMs: 0, maxConcurrent: 0 };
  // BENCH_NETWORK_LISTS=full: only the full-list runs (the thin one takes minutes).
  const kinds = process.env.BENCH_NETWORK_LISTS === 'full' ? (['full'] as const) : (['thin', 'full'] as const);
  for (const listItems of kinds) {
    const config = { ...NETWORK_PROFILE, restListItems: listItems };
    const r = await benchNodeImport(b, 'token', {
      keep: true,
      config,
      floorConfig: { ...plain, restListItems: listItems },
    });
    out[listItems] = asRun(listItems, r);
    if (r.db && listItems === 'thin') {
      const inc = await benchIncremental(b, r.db);
      const net = networkMs(inc.requests, 0);
      out.incremental = { ...inc, networkMs: net, floorMs: net };
      r.db.close();
      await r.db.delete();
    } else if (r.db) out[listItems] = withPut(out[listItems], r, await putFloor(r.db, r.floor.steps));
  }
  const r = await benchNodeImport(b, 'token', { keep: true, config: { ...plain, restListItems: 'full' } });
  const noProfile: NetworkRun = {
    listItems: 'full',
    wallMs: r.node.wallMs,
    requests: r.node.requests,
    records: r.node.records,
    fetchParseMs: r.floor.wallMs,
    networkMs: 0,
    floorMs: r.floor.wallMs,
    ratio: r.ratio,
    complete: r.complete,
  };
  out.fullNoProfile = r.db ? withPut(noProfile, r, await putFloor(r.db, r.floor.steps)) : noProfile;
  await control(b, 'reset', { seed: 'large' });
  return out;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The second floor's row: engine ÷ (network + fetch+parse + puts), with the steps. */
function putRow(measure: string, r: NetworkRun): Row[] {
  if (r.putMs === undefined || r.ratioWithPut === undefined) return [];
  const sec = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(1);
  const net = r.networkMs > 0 ? `network ${s(r.networkMs)} + ` : '';
  return [
    {
      measure,
      value: s(r.wallMs),
      floor: `${s(r.floorMs + r.putMs)} = ${net}fetch+parse ${s(r.fetchParseMs)} + puts ${s(r.putMs)}`,
      ratio: r.ratioWithPut,
      target: `≤ ${TARGET_RATIO}×`,
      met: r.ratioWithPut <= TARGET_RATIO && r.complete,
      note: `engine / fetch+parse / put per step: ${(r.steps ?? [])
        .filter((st) => st.putMs !== undefined)
        .map((st) => `${st.step} ${sec(st.engineMs)} / ${sec(st.floorMs)} / ${sec(st.putMs)}`)
        .join(', ')}`,
    },
  ];
}

export function networkRows(n: NetworkBench | undefined): Row[] {
  if (!n) return [{ measure: 'Network profile', value: 'not measured (see errors)' }];
  const p = n.profile;
  const profile = `${p.latencyMs} ms + ${p.latencyPerRecordMs} ms/record, ${p.maxConcurrent} at once`;
  const rows: Row[] = [];
  for (const r of [n.thin, n.full]) {
    if (!r) continue;
    const label = `Import, token, Node, ${r.listItems} list items, network (${profile})`;
    rows.push({
      measure: label,
      value: `${s(r.wallMs)}, ${r.requests} req`,
      floor: `${s(r.floorMs)} = network ${s(r.networkMs)} + fetch+parse ${s(r.fetchParseMs)}`,
      ratio: r.ratio,
      target: `≤ ${TARGET_RATIO}×`,
      met: r.ratio <= TARGET_RATIO && r.complete,
      note: r.complete ? `${r.records} records` : 'MISSING records',
    });
    rows.push(...putRow(`${label}, floor with raw fake-indexeddb puts`, r));
  }
  const f = n.fullNoProfile;
  if (f) {
    const label = 'Import, token, Node, full list items, no network profile';
    rows.push({
      measure: label,
      value: `${s(f.wallMs)}, ${f.requests} req`,
      floor: `fetch+parse ${s(f.floorMs)}`,
      ratio: f.ratio,
      target: `≤ ${TARGET_RATIO}×`,
      met: f.ratio <= TARGET_RATIO && f.complete,
      note: 'thin list items: the "Import, token, Node" row',
    });
    rows.push(...putRow(`${label}, floor with raw fake-indexeddb puts`, f));
  }
  const inc = n.incremental;
  if (inc)
    rows.push({
      measure: `15-minute run, nothing changed, network (${profile})`,
      value: `${inc.requests} req, ${Math.round(inc.wallMs)} ms`,
      floor: `network ${Math.round(inc.floorMs)} ms`,
      ratio: inc.wallMs / inc.floorMs,
      note: `${inc.lists} lists, ${inc.details} details, ${inc.other} other; lists run one after another`,
    });
  return rows;
}
