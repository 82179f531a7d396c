/** What the next sync will send, and what it cannot send with why: read-only, for the options page. */
import type { OutboxEntry, WorkspaceDb } from '../db';
import type { NewInvoice, NewRelation } from '../eboekhouden/types';
import type { Settings } from '../settings';
import { text, type Text } from '../i18n/translate';
import {
  computeTotals,
  invoiceLabel,
  loadAndBuildInvoice,
  loadAndBuildWorkOrder,
  workOrderLabel,
  type InvoiceTotals,
  type Notice,
} from './invoice-builder';
import { peekInvoiceNumbers } from '../sync/numbering';
import { customerLabel, customersToExport, relationNotices, relationPayload } from '../sync/exports/customers';
import { entryTitle, invoicesToExport, workOrdersToExport } from '../sync/exports/invoices';
import { sourcesInOutbox } from '../sync/exports/outbox-sources';

interface PreviewItemBase {
  /** The outbox key once queued (`invoice:BC2026-0001`), before that `new:<table>:<id>`. */
  key: string;
  /** Short, language-neutral: "K0003 Jansen BV", "WO-0004 → BC2026-0005". */
  label: string;
  /** The record's name for a person, by catalogue key (record.*). */
  title: Text;
  /** 'new': not queued yet; the others are outbox states. */
  state: 'new' | OutboxEntry['state'];
  outboxId?: number;
  /** What stops it from being sent; empty means the next sync sends it. */
  problems: Notice[];
  /** The customer is not in e-Boekhouden yet; the invoice follows its relation. */
  waiting?: Notice;
  totals?: InvoiceTotals;
  /** Where e-Boekhouden will e-mail the invoice (the customer's address for invoices, else their e-mail). */
  mailTo?: string;
}

/** One line of the preview; `kind` says what the payload is. */
export type ExportPreviewItem =
  | (PreviewItemBase & { kind: 'relation'; payload?: NewRelation })
  | (PreviewItemBase & { kind: 'invoice'; payload?: NewInvoice });

function lastErrorProblem(entry: OutboxEntry, record: Text): Notice[] {
  if (entry.state !== 'failed' || !entry.lastError) return [];
  const words = text('workspace.export.failed', { record, message: entry.lastError.message });
  return [{ code: entry.lastError.code ?? 'EXPORT_FAILED', ...words }];
}

/** What the next sync will send (and what it cannot send, with why), without changing anything. */
export async function previewExports(db: WorkspaceDb, settings: Settings): Promise<ExportPreviewItem[]> {
  const items: ExportPreviewItem[] = [];
  const queued = (await db.outbox.where('state').anyOf('pending', 'sending', 'failed').toArray()).sort(
    (a, b) => a.id! - b.id!,
  );
  const wantRelations = settings.exports.customers;
  const wantInvoices = settings.exports.invoices || settings.exports.workOrders;

  for (const entry of queued) {
    if (entry.kind === 'relation' ? !wantRelations : !wantInvoices) continue;
    if (entry.kind === 'relation') {
      const p = entry.payload;
      const title = customerLabel(p);
      items.push({
        key: entry.key,
        kind: 'relation',
        label: `${p.code} ${p.name}`,
        title,
        state: entry.state,
        outboxId: entry.id,
        payload: p,
        problems: lastErrorProblem(entry, title),
      });
    } else {
      const p = entry.payload;
      const wo = entry.source.table === 'workOrders' ? await db.workOrders.get(entry.source.id) : undefined;
      const title = entryTitle(entry, wo?.number);
      items.push({
        key: entry.key,
        kind: 'invoice',
        label: wo ? `${wo.number} → ${p.number}` : p.number,
        title,
        state: entry.state,
        outboxId: entry.id,
        payload: p,
        problems: lastErrorProblem(entry, title),
        totals: computeTotals(p.lines),
      });
    }
  }

  const seen = await sourcesInOutbox(db);
  if (wantRelations) {
    for (const c of await customersToExport({ db }, seen)) {
      const payload = relationPayload(c);
      const title = customerLabel(c);
      items.push({
        key: `new:customers:${c.id}`,
        kind: 'relation',
        label: `${c.code} ${c.name}`,
        title,
        state: 'new',
        payload,
        problems: relationNotices(payload, title),
      });
    }
  }
  if (settings.exports.invoices) {
    for (const inv of await invoicesToExport(db, seen)) {
      const built = await loadAndBuildInvoice(db, settings, inv);
      items.push({
        key: `new:invoices:${inv.id}`,
        kind: 'invoice',
        label: inv.number,
        title: invoiceLabel(inv),
        state: 'new',
        payload: built.invoice,
        problems: built.problems,
        waiting: built.waiting,
        totals: built.totals,
        ...(built.mailTo ? { mailTo: built.mailTo } : {}),
      });
    }
  }
  if (settings.exports.workOrders) {
    const orders = await workOrdersToExport(db, seen);
    const drafts = await Promise.all(orders.map((wo) => loadAndBuildWorkOrder(db, settings, wo, '')));
    const ready = (i: number) => drafts[i].problems.length === 0 && !drafts[i].waiting;
    // The numbers the sync would allocate, in the order it allocates them (per invoice year).
    const numbersByYear = new Map<string, string[]>();
    for (let i = 0; i < orders.length; i++) {
      if (!ready(i)) continue;
      const year = orders[i].date.slice(0, 4);
      if (!numbersByYear.has(year)) {
        const count = orders.filter((w, j) => ready(j) && w.date.startsWith(year)).length;
        numbersByYear.set(year, await peekInvoiceNumbers(db, settings, orders[i].date, count));
      }
    }
    for (let i = 0; i < orders.length; i++) {
      const number = ready(i) ? (numbersByYear.get(orders[i].date.slice(0, 4))!.shift() ?? '') : '';
      const b = number ? await loadAndBuildWorkOrder(db, settings, orders[i], number) : drafts[i];
      const wo = orders[i];
      items.push({
        key: `new:workOrders:${wo.id}`,
        kind: 'invoice',
        label: number ? `${wo.number} → ${number}` : wo.number,
        title: workOrderLabel(wo),
        state: 'new',
        payload: b.invoice,
        problems: b.problems,
        waiting: b.waiting,
        totals: b.totals,
        ...(b.mailTo ? { mailTo: b.mailTo } : {}),
      });
    }
  }
  return items;
}
