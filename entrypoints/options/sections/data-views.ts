/**
 * How each data view reads its table a window at a time (lib/stores/table-window.ts): which
 * columns sort (only those with an index in lib/db.ts) and which indexes a search looks up.
 */
import type { Column } from '../../../components/DataTable.vue';
import type { IndexableType, Table } from 'dexie';
import type { TableView } from '../../../lib/stores/table-window';
import type { Article, Customer, LedgerAccountRow, OpenItemRow, Transaction, WorkspaceDb } from '../../../lib/db';
import { articleColumns, customerColumns, ledgerColumns, openItemColumns, transactionColumns } from './columns';

export const KINDS = ['customers', 'materials', 'hourTypes', 'ledgerAccounts', 'transactions', 'openItems'] as const;
export type Kind = (typeof KINDS)[number];

export interface DataView<T> {
  columns: Column<T>[];
  rowKey: (row: T) => string | number;
  table: TableView<T>;
}

const ARTICLE = { code: 'code', description: 'description', status: 'status' };

/** EntityTable types keys as optional for inserts; these views only read stored rows. */
const reads = <T, K extends IndexableType>(table: object) => table as Table<T, K>;

export function dataView(db: WorkspaceDb, kind: Kind): DataView<never> {
  const views: { [K in Kind]: () => DataView<never> } = {
    customers: () =>
      view(customerColumns(), (r) => r.id!, {
        table: reads<Customer, number>(db.customers),
        sortable: { code: 'code', name: 'name', city: 'city', origin: 'origin', status: 'status' },
        sparse: ['city'],
        defaultSort: { key: 'code', dir: 1 },
        prefixIndexes: ['code', 'name', 'city'],
        keyOf: (r) => r.id!,
      }),
    materials: () =>
      view(articleColumns(), (r) => r.id!, {
        table: reads<Article, number>(db.materials),
        sortable: ARTICLE,
        defaultSort: { key: 'code', dir: 1 },
        prefixIndexes: ['code', 'description'],
        keyOf: (r) => r.id!,
      }),
    hourTypes: () =>
      view(articleColumns(), (r) => r.id!, {
        table: reads<Article, number>(db.hourTypes),
        sortable: ARTICLE,
        defaultSort: { key: 'code', dir: 1 },
        prefixIndexes: ['code', 'description'],
        keyOf: (r) => r.id!,
      }),
    ledgerAccounts: () =>
      view(ledgerColumns(), (r) => r.remoteId, {
        table: reads<LedgerAccountRow, number>(db.ledgerAccounts),
        sortable: { code: 'code', category: 'category' },
        defaultSort: { key: 'code', dir: 1 },
        prefixIndexes: ['code', 'category'],
        keyOf: (r) => r.remoteId,
      }),
    // Newest first. Only `invoiceNumber` is indexed: every index costs time on each of 60,000 writes.
    transactions: () =>
      view(transactionColumns(), (r) => r.remoteId, {
        table: reads<Transaction, number>(db.transactions),
        sortable: { number: ':id', invoiceNumber: 'invoiceNumber' },
        sparse: ['invoiceNumber'],
        defaultSort: { key: 'number', dir: -1 },
        prefixIndexes: ['invoiceNumber'],
        keyOf: (r) => r.remoteId,
      }),
    // Oldest first (the most overdue); only items still open are listed.
    openItems: () =>
      view(openItemColumns(), (r) => r.key, {
        table: reads<OpenItemRow, string>(db.openItems),
        sortable: { side: 'side', date: 'date', relation: 'relationCode' },
        defaultSort: { key: 'date', dir: 1 },
        prefixIndexes: ['invoiceNumber', 'relationCode'],
        keyOf: (r) => r.key,
        keep: (r) => r.open,
      }),
  };
  return views[kind]();
}

function view<T, K extends IndexableType>(
  columns: Column<T>[],
  rowKey: (row: T) => string | number,
  table: Omit<TableView<T, K>, 'values'>,
): DataView<never> {
  const values = columns.map((c) => c.value);
  return { columns, rowKey, table: { ...table, values } } as unknown as DataView<never>;
}
