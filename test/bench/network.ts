/**
 * The token import and the 15-minute run under the sandbox's network profile (sandbox/network.ts),
 * with thin list items and with full ones (the document's examples: every detail field in the list
 * item, so no detail reads), in Node. The floor is what the network alone forces:
 * requests / allowed concurrency × latency (+ records × per-record cost / concurrency), plus the
 * fetch+parse floor of the same requests measured without the profile in the same run.
 */
import { benchNodeImport, type ImportBench } from './import-node';
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
}

export interface NetworkBench {
  profile: typeof NETWORK_PROFILE;
  thin?: NetworkRun;
  full?: NetworkRun;
  /** The full-list import without the profile, against its own fetch+parse floor (#11's figure beside thin). */
  fullNoProfile?: Omit<NetworkRun, 'networkMs'>;
  incremental?: IncrementalBench & { networkMs: number; floorMs: number };
}

function networkMs(requests: number, records: number): number {
  const p = NETWORK_PROFILE;
  return (requests * p.latencyMs + records * p.latencyPerRecordMs) / p.maxConcurrent;
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
  for (const listItems of ['thin', 'full'] as const) {
    const config = { ...NETWORK_PROFILE, restListItems: listItems };
    const r = await benchNodeImport(b, 'token', {
      keep: listItems === 'thin',
      config,
      floorConfig: { ...plain, restListItems: listItems },
    });
    out[listItems] = asRun(listItems, r);
    if (r.db) {
      const inc = await benchIncremental(b, r.db);
      const net = networkMs(inc.requests, 0);
      out.incremental = { ...inc, networkMs: net, floorMs: net };
      r.db.close();
      await r.db.delete();
    }
  }
  const r = await benchNodeImport(b, 'token', { config: { ...plain, restListItems: 'full' } });
  out.fullNoProfile = {
    listItems: 'full',
    wallMs: r.node.wallMs,
    requests: r.node.requests,
    records: r.node.records,
    fetchParseMs: r.floor.wallMs,
    floorMs: r.floor.wallMs,
    ratio: r.ratio,
    complete: r.complete,
  };
  await control(b, 'reset', { seed: 'large' });
  return out;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function networkRows(n: NetworkBench | undefined): Row[] {
  if (!n) return [{ measure: 'Network profile', value: 'not measured (see errors)' }];
  const p = n.profile;
  const profile = `${p.latencyMs} ms + ${p.latencyPerRecordMs} ms/record, ${p.maxConcurrent} at once`;
  const rows: Row[] = [];
  for (const r of [n.thin, n.full]) {
    if (!r) continue;
    rows.push({
      measure: `Import, token, Node, ${r.listItems} list items, network (${profile})`,
      value: `${s(r.wallMs)}, ${r.requests} req`,
      floor: `${s(r.floorMs)} = network ${s(r.networkMs)} + fetch+parse ${s(r.fetchParseMs)}`,
      ratio: r.ratio,
      target: `≤ ${TARGET_RATIO}×`,
      met: r.ratio <= TARGET_RATIO && r.complete,
      note: r.complete ? `${r.records} records` : 'MISSING records',
    });
  }
  const f = n.fullNoProfile;
  if (f)
    rows.push({
      measure: 'Import, token, Node, full list items, no network profile',
      value: `${s(f.wallMs)}, ${f.requests} req`,
      floor: `fetch+parse ${s(f.floorMs)}`,
      ratio: f.ratio,
      target: `≤ ${TARGET_RATIO}×`,
      met: f.ratio <= TARGET_RATIO && f.complete,
      note: 'thin list items: the "Import, token, Node" row',
    });
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
