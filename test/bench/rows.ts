/** The bench table's rows for the import, 15-minute run, export, proxy and popup sections. */
import type { ImportBench } from './import-node';
import type { ChromiumImportBench } from './import-chromium';
import type { IncrementalBench } from './incremental';
import type { ExportBench } from './export';
import type { ProxyBenchResult } from './proxy';
import type { PopupBytes, PopupTiming } from './popup';
import type { OverviewBench } from './overview';
import type { PaymentsBench } from './payments';
import type { Row } from './table';

const TARGETS = {
  importRatio: 1.3,
  workerHeapMB: 64,
  incrementalRequests: 40,
  incrementalMs: 2000,
  popupGzipBytes: 60 * 1024,
  popupMs: 200,
};

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mbText = (n: number) => (Number.isFinite(n) ? `${n.toFixed(0)} MB` : '–');

/** One import step: engine / fetch+parse floor, and with a raw-put floor: / put, the ratio against both. */
export function stepText(st: ImportBench['steps'][number]): string {
  const sec = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(1);
  const put = st.putMs !== undefined ? ` / ${sec(st.putMs)} = ${st.ratioWithPut?.toFixed(2)}×` : '';
  return `${st.step} ${sec(st.engineMs)} / ${sec(st.floorMs)}${put}`;
}

/** "transactions 39, openItems 30" (MB), the steps with the highest peak first. */
const heapByStep = (byStep: Record<string, number>) =>
  Object.entries(byStep)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([step, v]) => `${step} ${v.toFixed(0)}`)
    .join(', ');

export function importRows(label: string, r: ImportBench | ChromiumImportBench | undefined): Row[] {
  if (!r) return [{ measure: label, value: 'not measured (see errors)' }];
  const m = 'node' in r ? r.node : r.extension;
  // Node: fake-indexeddb keeps the database in this heap; how much of the peak that copy is.
  const copy =
    'node' in r
      ? ` (of which the database copy ${mbText(r.node.databaseHeapMB)}, without it ≤ ${mbText(m.peakHeapMB - r.node.databaseHeapMB)})`
      : '';
  const heapMet = 'node' in r || m.peakHeapMB <= TARGETS.workerHeapMB;
  const rows: Row[] = [
    {
      measure: label,
      value: `${s(m.wallMs)}, ${m.requests} req, ${Math.round(m.recordsPerSec)} rec/s, heap ≤ ${mbText(m.peakHeapMB)}${copy}`,
      floor: `${s(r.floor.wallMs)}, ${r.floor.requests} req, heap ≤ ${mbText(r.floor.peakHeapMB)}`,
      ratio: r.ratio,
      target: `≤ ${TARGETS.importRatio}×, all records${'node' in r ? '' : `, heap ≤ ${TARGETS.workerHeapMB} MB`}`,
      met: r.ratio <= TARGETS.importRatio && r.complete && heapMet,
      note:
        (r.complete ? `${m.records} records` : `MISSING ${r.missing.join('; ')}`) +
        ('extension' in r && r.extension.peakHeapByStep
          ? `; heap by step: ${heapByStep(r.extension.peakHeapByStep)}`
          : ''),
    },
  ];
  if ('rawPut' in r)
    rows.push({
      measure: `${label}, floor with raw IndexedDB puts`,
      value: s(m.wallMs),
      floor: `${s(r.floorWithPutMs)} (puts ${s(Object.values(r.rawPut.steps).reduce((a, p) => a + p.ms, 0))})`,
      ratio: r.ratioWithPut,
      target: `≤ ${TARGETS.importRatio}×`,
      met: r.ratioWithPut <= TARGETS.importRatio,
    });
  return rows;
}

export function incrementalRow(inc: IncrementalBench | undefined): Row {
  return inc
    ? {
        measure: '15-minute run, nothing changed (token)',
        value: `${inc.requests} req (${inc.lists} lists, ${inc.details} details, ${inc.other} other), ${Math.round(inc.wallMs)} ms`,
        target: `≤ ${TARGETS.incrementalRequests} req, < ${TARGETS.incrementalMs / 1000} s`,
        ratio: Math.max(inc.requests / TARGETS.incrementalRequests, inc.wallMs / TARGETS.incrementalMs),
        met: inc.requests <= TARGETS.incrementalRequests && inc.wallMs < TARGETS.incrementalMs && inc.changed === 0,
        note: `result ${inc.result}, ${inc.changed} changed`,
      }
    : { measure: '15-minute run', value: 'not measured (see errors)' };
}

export function exportRow(ex: ExportBench | undefined): Row {
  return ex
    ? {
        measure: `Export ${ex.workOrders} work orders (token)`,
        value: `${ex.invoicesPerSec.toFixed(1)} invoices/s, ${ex.requestsPerInvoice.toFixed(2)} req/invoice, ${s(ex.wallMs)}`,
        target: 'each exactly once',
        met: ex.received === ex.workOrders && ex.duplicates === 0,
        note: `${ex.received} received, ${ex.duplicates} twice`,
      }
    : { measure: 'Export', value: 'not measured (see errors)' };
}

export function proxyRow(p: ProxyBenchResult | undefined): Row {
  return p
    ? {
        measure: `Proxy (${p.connections} conn.)`,
        value: `${Math.round(p.proxied.throughput)} req/s, +${p.addedP50Ms.toFixed(2)} ms p50`,
        floor: `pipe ${Math.round(p.floor?.throughput ?? NaN)} req/s, direct ${Math.round(p.direct.throughput)} req/s`,
        ratio: p.pipeRatio,
        target: '≥ 0.9× pipe (≥ 0.85× direct), < 1 ms added',
        met: p.meetsTarget,
        note: `proxied/direct ${p.throughputRatio.toFixed(2)}× (${p.meetsDirectTarget ? 'met' : 'not met'}), pipe/direct ${p.floor?.throughputRatio.toFixed(2) ?? '–'}×`,
      }
    : { measure: 'Proxy', value: 'not measured (see errors)' };
}

export function popupRow(pop: { bytes: PopupBytes; timing: PopupTiming } | undefined): Row {
  return pop
    ? {
        measure: 'Popup',
        value: `${(pop.bytes.gzipBytes / 1024).toFixed(1)} KB gzip JS, interactive in ${Math.round(pop.timing.medianMs)} ms (median)`,
        target: '< 60 KB, < 200 ms',
        ratio: Math.max(pop.bytes.gzipBytes / TARGETS.popupGzipBytes, pop.timing.medianMs / TARGETS.popupMs),
        met: pop.bytes.gzipBytes < TARGETS.popupGzipBytes && pop.timing.medianMs < TARGETS.popupMs,
        note: `${pop.bytes.files.length} files, runs ${pop.timing.runs.join('/')} ms`,
      }
    : { measure: 'Popup', value: 'not measured (see errors)' };
}

export function overviewRows(ov: OverviewBench | undefined): Row[] {
  if (!ov) return [{ measure: 'Overview', value: 'not measured (see errors)' }];
  return [
    {
      measure: 'Overview: first sync adds (large, token)',
      value: `${ov.firstSync.requests} req, ${Math.round(ov.firstSync.wallMs)} ms`,
    },
    {
      measure: 'Overview: 15-minute run adds',
      value: `${ov.unchangedRun.requests} req, ${Math.round(ov.unchangedRun.wallMs)} ms`,
      target: 'within the 40 of the whole run',
    },
    {
      measure: 'Overview: month figures computed (Node)',
      value: `${Math.round(ov.computeMs)} ms; then open items ${Math.round(ov.openItemsMs)} ms; drill-down ${Math.round(ov.drillDownMs)} ms (medians of 5)`,
      target: '< 300 ms first paint',
      ratio: ov.computeMs / 300,
      met: ov.computeMs < 300,
      note: 'fake-indexeddb; the page in Chromium is not measured',
    },
  ];
}

export function paymentsRow(pay: PaymentsBench | undefined): Row {
  return pay
    ? {
        measure: 'Payment states recomputed (large seed scale)',
        value: `sync step ${Math.round(pay.stepMs)} ms, pages ${pay.pagesMedianMs} ms (median)`,
        target: 'a small part of the 15-minute run (printed, not asserted)',
        note: `${pay.invoices} invoices (${pay.exported} exported here), ${pay.debtorItems} debtor items`,
      }
    : { measure: 'Payment states', value: 'not measured (see errors)' };
}
