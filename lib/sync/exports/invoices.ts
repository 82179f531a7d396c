/**
 * Completed work orders and final workspace invoices → e-Boekhouden invoices.
 *
 * A record gets an export entry only when every check passes and its customer is in
 * e-Boekhouden; the payload (with its invoice number) is frozen in the entry, so every retry
 * sends exactly the same invoice and can look it up by number.
 */
import type { InvoiceOutboxEntry, WorkOrder, WorkspaceDb, WorkspaceInvoice } from '../../db';
import type { Invoice, NewInvoice } from '../../eboekhouden/types';
import type { Settings } from '../../settings';
import { isEBoekhoudenError } from '../../eboekhouden/errors';
import { text, type Text } from '../../i18n/translate';
import {
  computeTotals,
  euros,
  invoiceLabel,
  loadAndBuildInvoice,
  loadAndBuildWorkOrder,
  workOrderLabel,
  type BuildResult,
  type Notice,
} from '../../workspace/invoice-builder';
import { httpUrl } from '../../workspace/invoice-pdf';
import { allocateInvoiceNumber } from '../numbering';
import type { StepContext, SyncStep } from '../step';
import { processOutbox, type ExportKind } from './outbox';
import { createInvoiceOnce } from './invoice-mail';
import { sourceKey, sourcesInOutbox } from './outbox-sources';

/** Completed work orders that are not exported, not queued, and not invoiced through a workspace invoice. */
export async function workOrdersToExport(db: WorkspaceDb, inOutbox?: Set<string>): Promise<WorkOrder[]> {
  const seen = inOutbox ?? (await sourcesInOutbox(db));
  const completed = await db.workOrders.where('status').equals('completed').toArray();
  const invoiced = new Set(
    (await db.invoices.toArray()).map((i) => i.workOrderId).filter((id): id is number => id !== undefined),
  );
  return completed
    .filter((wo) => !seen.has(sourceKey({ table: 'workOrders', id: wo.id! })) && !invoiced.has(wo.id!))
    .sort((a, b) => a.id! - b.id!);
}

/** Final workspace invoices that are not queued yet. */
export async function invoicesToExport(db: WorkspaceDb, inOutbox?: Set<string>): Promise<WorkspaceInvoice[]> {
  const seen = inOutbox ?? (await sourcesInOutbox(db));
  const finals = await db.invoices.where('status').equals('final').toArray();
  return finals.filter((inv) => !seen.has(sourceKey({ table: 'invoices', id: inv.id! }))).sort((a, b) => a.id! - b.id!);
}

/**
 * Is the invoice found under our number the one we sent? Our numbers are allocated once and skip
 * every number known to be in use, so the same customer means ours. Calling our own invoice
 * someone else's would lead to sending it again under a new number: a real duplicate.
 */
export function sameInvoice(found: Pick<Invoice, 'relationCode'>, payload: NewInvoice): boolean {
  return found.relationCode.trim().toLowerCase() === payload.relationCode.trim().toLowerCase();
}

/** Whether the total excl. VAT found upstream differs from what we sent (more than a cent). */
export function totalDiffers(found: Invoice, payload: NewInvoice): boolean {
  return Math.abs(Math.round(found.totalExcl * 100) - computeTotals(payload.lines).exclCents) > 1;
}

/** The invoice as the entry's `remote`: its number, and its PDF when e-Boekhouden gave an http(s) link (SOAP gives none). */
function remoteOf(number: string, pdfUrl: string | undefined): { number: string; pdfUrl?: string } {
  const url = httpUrl(pdfUrl);
  return url ? { number, pdfUrl: url } : { number };
}

/**
 * REST's create answer carries no `urlPdfFile` (the document's CreatedInvoice has id, number and
 * VAT mode); the invoice read back has it. One read, for the link only: the invoice is there
 * whatever this read answers, so an e-Boekhouden error here only means no link is shown.
 * SOAP has no PDF link to read.
 */
async function pdfUrlAfterCreate(ctx: StepContext, number: string, payload: NewInvoice): Promise<string | undefined> {
  if (ctx.api.kind !== 'rest') return undefined;
  try {
    const found = await ctx.api.findInvoice(number);
    return found && sameInvoice(found, payload) ? found.pdfUrl : undefined;
  } catch (e) {
    if (isEBoekhoudenError(e)) return undefined;
    throw e;
  }
}

export function entryTitle(entry: Pick<InvoiceOutboxEntry, 'source' | 'payload'>, sourceNumber?: string): Text {
  const number = entry.payload.number;
  if (entry.source.table === 'workOrders' && sourceNumber)
    return text('record.workOrderInvoice', { workOrder: sourceNumber, number });
  return text('record.invoice', { number });
}

export const invoiceExport: ExportKind<InvoiceOutboxEntry> = {
  kind: 'invoice',
  lookupBeforeFirstSend: false,
  label: (entry) => entryTitle(entry),
  async lookup(entry, ctx) {
    const payload = entry.payload;
    const found = await ctx.api.findInvoice(payload.number);
    if (!found) return { found: false };
    const record = entryTitle(entry);
    if (sameInvoice(found, payload)) {
      const remote = remoteOf(found.number, found.pdfUrl);
      if (!totalDiffers(found, payload)) return { found: true, remote };
      const sent = euros(computeTotals(payload.lines).exclCents);
      const there = euros(Math.round(found.totalExcl * 100));
      return {
        found: true,
        remote,
        warning: { code: 'LOOKUP_AMOUNT_DIFFERS', ...text('export.invoice.amountDiffers', { record, there, sent }) },
      };
    }
    return {
      conflict: {
        code: 'NUMBER_TAKEN',
        ...text('export.invoice.numberTaken', {
          record,
          number: payload.number,
          customer: found.relationCode,
          amount: euros(Math.round(found.totalExcl * 100)),
        }),
      },
    };
  },
  async send(entry, ctx) {
    const payload = entry.payload;
    const created = await createInvoiceOnce(entry, ctx, sameInvoice);
    const number = created.number || payload.number;
    const pdfUrl = created.pdfUrl ?? (await pdfUrlAfterCreate(ctx, number, payload));
    const remote = remoteOf(number, pdfUrl);
    return created.id === undefined ? remote : { id: created.id, ...remote };
  },
  async markSource(db, entry, remote, at) {
    const number = remote.number ?? entry.payload.number;
    if (entry.source.table === 'workOrders') {
      await db.workOrders.update(entry.source.id, {
        status: 'exported',
        invoiceNumber: number,
        exportedAt: at,
        updatedAt: at,
      });
    } else if (entry.source.table === 'invoices') {
      const inv = await db.invoices.get(entry.source.id);
      await db.invoices.update(entry.source.id, { status: 'exported', exportedAt: at, updatedAt: at });
      if (inv?.workOrderId !== undefined) {
        await db.workOrders.update(inv.workOrderId, {
          status: 'exported',
          invoiceNumber: number,
          exportedAt: at,
          updatedAt: at,
        });
      }
    }
  },
};

function report(ctx: StepContext, record: Text, problems: Notice[]): void {
  for (const p of problems) ctx.problem({ ...p, record });
}

/** Checks the build; reports problems or the wait. True when it may be queued. */
function readyToQueue(ctx: StepContext, record: Text, built: BuildResult): boolean {
  if (built.problems.length > 0) {
    ctx.log.failed += 1;
    report(ctx, record, built.problems);
    return false;
  }
  if (built.waiting) {
    ctx.log.unchanged += 1;
    report(ctx, record, [built.waiting]);
    return false;
  }
  return true;
}

const ENQUEUE_TABLES = (db: WorkspaceDb) => [
  db.workOrders,
  db.invoices,
  db.outbox,
  db.kv,
  db.transactions,
  db.openItems,
  db.customers,
  db.hourTypes,
  db.materials,
];

async function enqueueWorkOrder(ctx: StepContext, wo: WorkOrder): Promise<void> {
  const db = ctx.db;
  const record = workOrderLabel(wo);
  if (!readyToQueue(ctx, record, await loadAndBuildWorkOrder(db, ctx.settings, wo, ''))) return;
  await db.transaction('rw', ENQUEUE_TABLES(db), async () => {
    // Re-read inside the transaction: the person may have changed it, or made an invoice from it.
    const fresh = await db.workOrders.get(wo.id!);
    // A queued work order has its invoice number; it gets one only here, with its entry.
    if (!fresh || fresh.status !== 'completed' || fresh.invoiceNumber !== undefined) return;
    if ((await db.invoices.where('workOrderId').equals(wo.id!).count()) > 0) return;
    const number = await allocateInvoiceNumber(db, ctx.settings, fresh.date);
    const built = await loadAndBuildWorkOrder(db, ctx.settings, fresh, number);
    if (built.problems.length > 0 || built.waiting) return;
    const at = ctx.now();
    await db.outbox.add({
      key: `invoice:${number}`,
      kind: 'invoice',
      source: { table: 'workOrders', id: wo.id! },
      payload: built.invoice,
      state: 'pending',
      attempts: 0,
      createdAt: at,
      updatedAt: at,
    });
    await db.workOrders.update(wo.id!, { invoiceNumber: number, updatedAt: at });
  });
}

async function enqueueInvoice(ctx: StepContext, inv: WorkspaceInvoice): Promise<void> {
  const db = ctx.db;
  const record = invoiceLabel(inv);
  if (!readyToQueue(ctx, record, await loadAndBuildInvoice(db, ctx.settings, inv))) return;
  await db.transaction('rw', ENQUEUE_TABLES(db), async () => {
    const fresh = await db.invoices.get(inv.id!);
    if (!fresh || fresh.status !== 'final') return;
    if ((await db.outbox.where('key').equals(`invoice:${fresh.number}`).count()) > 0) return;
    const built = await loadAndBuildInvoice(db, ctx.settings, fresh);
    if (built.problems.length > 0 || built.waiting) return;
    const at = ctx.now();
    await db.outbox.add({
      key: `invoice:${fresh.number}`,
      kind: 'invoice',
      source: { table: 'invoices', id: inv.id! },
      payload: built.invoice,
      state: 'pending',
      attempts: 0,
      createdAt: at,
      updatedAt: at,
    });
  });
}

/** Queues every record that passes its checks, in the order they were made. */
export async function enqueueInvoices(ctx: StepContext): Promise<void> {
  const seen = await sourcesInOutbox(ctx.db);
  const settings: Settings = ctx.settings;
  if (settings.exports.invoices) {
    for (const inv of await invoicesToExport(ctx.db, seen)) {
      ctx.signal.throwIfAborted();
      await enqueueInvoice(ctx, inv);
    }
  }
  if (settings.exports.workOrders) {
    for (const wo of await workOrdersToExport(ctx.db, seen)) {
      ctx.signal.throwIfAborted();
      await enqueueWorkOrder(ctx, wo);
    }
  }
}

export const exportInvoices: SyncStep = {
  name: 'exportInvoices',
  enabled: (settings) => settings.exports.workOrders || settings.exports.invoices,
  async run(ctx) {
    await enqueueInvoices(ctx);
    await processOutbox(ctx, invoiceExport);
  },
};
