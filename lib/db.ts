/**
 * The local workspace: one Dexie database, versioned. Workspace names (customer, material,
 * hour type, work order, invoice) on this side; e-Boekhouden ids are kept as `remoteId`.
 *
 * Imported records are never deleted when they disappear upstream: they are marked
 * `status: 'gone'` (or 'inactive'), so work orders and invoices that use them keep working.
 */
import Dexie, { type EntityTable } from 'dexie';
import type {
  AdministrationRow,
  Customer,
  HourType,
  InvoiceTemplateRow,
  LedgerAccountRow,
  LedgerMonthRow,
  Material,
  OpenItemRow,
  Transaction,
  WorkOrder,
  WorkspaceInvoice,
} from './workspace-records';
import type { Cursor, KeyValue, OutboxEntry, SyncRun } from './sync-records';

export * from './workspace-records';
export * from './sync-records';

export const KV = {
  settings: 'settings',
  connection: 'connection',
  progress: 'progress',
  lease: 'syncLease',
  paymentStates: 'paymentStates',
} as const;

export class WorkspaceDb extends Dexie {
  customers!: EntityTable<Customer, 'id'>;
  materials!: EntityTable<Material, 'id'>;
  hourTypes!: EntityTable<HourType, 'id'>;
  ledgerAccounts!: EntityTable<LedgerAccountRow, 'remoteId'>;
  transactions!: EntityTable<Transaction, 'remoteId'>;
  openItems!: EntityTable<OpenItemRow, 'key'>;
  ledgerMonths!: EntityTable<LedgerMonthRow, 'key'>;
  invoiceTemplates!: EntityTable<InvoiceTemplateRow, 'remoteId'>;
  administrations!: EntityTable<AdministrationRow, 'guid'>;
  workOrders!: EntityTable<WorkOrder, 'id'>;
  invoices!: EntityTable<WorkspaceInvoice, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'id'>;
  cursors!: EntityTable<Cursor, 'step'>;
  syncLog!: EntityTable<SyncRun, 'id'>;
  kv!: EntityTable<KeyValue, 'key'>;

  constructor(name = 'boekhoud-companion') {
    super(name);
    this.version(1).stores({
      customers: '++id, &code, remoteId, name, city, status, origin, refreshedAt',
      materials: '++id, &remoteId, code, description, status, refreshedAt',
      hourTypes: '++id, &remoteId, code, description, status, refreshedAt',
      ledgerAccounts: '&remoteId, code, category',
      // Only what is queried (invoice numbers in use); every index costs time on each of 60,000 writes.
      transactions: '&remoteId, invoiceNumber',
      openItems: '&key, side, date, relationCode, invoiceNumber, open',
      invoiceTemplates: '&remoteId, name',
      administrations: '&guid, company',
      workOrders: '++id, &number, customerId, date, status, updatedAt',
      invoices: '++id, &number, customerId, date, status, workOrderId',
      outbox: '++id, &key, state, kind, updatedAt',
      cursors: '&step',
      syncLog: '++id, startedAt',
      kv: '&key',
    });
    this.version(2).stores({
      // The overview's month movements per ledger (import step ledgerMovements); `month` for the 24-month window.
      ledgerMonths: '&key, month',
      // `open` goes: IndexedDB cannot index a boolean, so that index was always empty and only cost writes.
      openItems: '&key, side, date, relationCode, invoiceNumber',
    });
  }
}
