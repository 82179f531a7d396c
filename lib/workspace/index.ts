/**
 * What the pages do with the local workspace: customers, work orders, invoices, and the export
 * preview/retry. The options page calls these with the workspace database; the sync engine does the sending.
 *
 * Every refusal is a WorkspaceError that says what is wrong, where, and how to fix it by catalogue
 * key and parameters (lib/i18n/workspace.*.ts); the pages put it into words. Records that are in
 * e-Boekhouden already can still be edited here; they are then flagged `changedAfterExport` and
 * never sent again (booked means booked).
 *
 * This is the public entry point: import from `lib/workspace`, not from the files beside it.
 */
export { WorkspaceError } from './errors';
export { computeTotals, invoiceRowsToLines, resolveWorkOrderLines } from './invoice-builder';
export { loadSettings } from './options';
export { createCustomer, updateCustomer } from './customers';
export { completeWorkOrder, deleteWorkOrder, saveWorkOrder, type WorkOrderInput } from './work-orders';
export { createInvoiceFromWorkOrder, deleteDraftInvoice, finalizeInvoice, saveInvoice } from './invoices';
export { previewExports, type ExportPreviewItem } from './export-preview';
export { retryExport } from './export-retry';
export { invoicePdf } from './invoice-pdf';
export { readOpenItemsOverview, readOverview, type OpenItemsOverview, type Overview } from './overview-read';
export {
  readRevenueDrillDown,
  readRevenueLedgers,
  readRevenueTransactions,
  type RevenueDrillDown,
} from './overview-drill';
export type { MonthResult, MoneyAtMonthEnd } from './overview';
export * from './payments/index';
export { makeCreditNote } from './credit-notes';
export { invoiceMailRefusal } from './invoice-mail';
