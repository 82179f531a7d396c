/** Column definitions for the data tables, in the person's words. */
import type { Column } from '../../../components/DataTable.vue';
import type { Article, Customer, LedgerAccountRow, OpenItemRow, Transaction } from '../../../lib/db';
import { formatDate, formatMoney, t } from '../../../lib/i18n';

const money = (v: string | number | undefined) => (typeof v === 'number' ? formatMoney(v) : '');
const date = (v: string | number | undefined) => formatDate(typeof v === 'string' ? v : undefined);

export function daysSince(iso: string, today = new Date()): number {
  const [y, m, d] = iso.split('-').map(Number);
  const then = Date.UTC(y, (m ?? 1) - 1, d ?? 1);
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.max(0, Math.floor((now - then) / 86_400_000));
}

export const customerColumns = (): Column<Customer>[] => [
  { key: 'code', label: t('data.col.code'), value: (r) => r.code, width: '8rem' },
  { key: 'name', label: t('data.col.name'), value: (r) => r.name },
  { key: 'type', label: t('data.col.type'), value: (r) => r.type, format: (v) => t(`data.type.${v}`), width: '7rem' },
  { key: 'city', label: t('data.col.city'), value: (r) => r.city, width: '10rem' },
  { key: 'email', label: t('data.col.email'), value: (r) => r.email },
  {
    key: 'origin',
    label: t('data.col.origin'),
    value: (r) => r.origin,
    format: (v) => t(`data.origin.${v}`),
    width: '9rem',
  },
  {
    key: 'status',
    label: t('data.col.status'),
    value: (r) => r.status,
    format: (v) => t(`data.status.${v}`),
    width: '6.5rem',
  },
];

export const articleColumns = (): Column<Article>[] => [
  { key: 'code', label: t('data.col.code'), value: (r) => r.code, width: '8rem' },
  { key: 'description', label: t('data.col.description'), value: (r) => r.description },
  { key: 'unit', label: t('data.col.unit'), value: (r) => r.unit, width: '6rem' },
  { key: 'price', label: t('data.col.price'), value: (r) => r.priceExcl, format: money, numeric: true, width: '8rem' },
  { key: 'vatCode', label: t('data.col.vatCode'), value: (r) => r.vatCode, width: '9rem' },
  { key: 'ledgerCode', label: t('data.col.ledgerCode'), value: (r) => r.ledgerCode, width: '8rem' },
  {
    key: 'status',
    label: t('data.col.status'),
    value: (r) => r.status,
    format: (v) => t(`data.status.${v}`),
    width: '6.5rem',
  },
];

export const ledgerColumns = (): Column<LedgerAccountRow>[] => [
  { key: 'code', label: t('data.col.code'), value: (r) => r.code, width: '7rem' },
  { key: 'description', label: t('data.col.description'), value: (r) => r.description },
  { key: 'category', label: t('data.col.category'), value: (r) => r.category, width: '8rem' },
  {
    key: 'status',
    label: t('data.col.status'),
    value: (r) => r.status,
    format: (v) => t(`data.status.${v}`),
    width: '6.5rem',
  },
];

export const transactionColumns = (): Column<Transaction>[] => [
  { key: 'date', label: t('data.col.date'), value: (r) => r.date, format: date, width: '7rem' },
  { key: 'number', label: t('data.col.number'), value: (r) => r.remoteId, numeric: true, width: '5rem' },
  {
    key: 'type',
    label: t('data.col.type'),
    value: (r) => r.type,
    format: (v) => t(`data.mutationType.${v}`),
    width: '9.5rem',
  },
  { key: 'ledgerCode', label: t('data.col.ledgerCode'), value: (r) => r.ledgerCode, width: '7rem' },
  { key: 'relation', label: t('data.col.relation'), value: (r) => r.relationCode, width: '6.5rem' },
  { key: 'invoiceNumber', label: t('data.col.invoiceNumber'), value: (r) => r.invoiceNumber, width: '8.5rem' },
  { key: 'description', label: t('data.col.description'), value: (r) => r.description },
  {
    key: 'amount',
    label: t('data.col.amount'),
    value: (r) => r.amount ?? r.lines?.reduce((s, l) => s + (l.amountIncl ?? l.amount), 0),
    format: money,
    numeric: true,
    width: '8rem',
  },
];

export const openItemColumns = (): Column<OpenItemRow>[] => [
  { key: 'side', label: t('data.col.side'), value: (r) => r.side, format: (v) => t(`data.side.${v}`), width: '7.5rem' },
  { key: 'date', label: t('data.col.date'), value: (r) => r.date, format: date, width: '8rem' },
  { key: 'invoiceNumber', label: t('data.col.invoiceNumber'), value: (r) => r.invoiceNumber, width: '9rem' },
  { key: 'relation', label: t('data.col.relation'), value: (r) => `${r.relationCode} ${r.relationName}`.trim() },
  { key: 'total', label: t('data.col.total'), value: (r) => r.total, format: money, numeric: true, width: '8rem' },
  { key: 'paid', label: t('data.col.paid'), value: (r) => r.paid, format: money, numeric: true, width: '8rem' },
  {
    key: 'outstanding',
    label: t('data.col.outstanding'),
    value: (r) => r.outstanding,
    format: money,
    numeric: true,
    width: '8rem',
  },
  { key: 'age', label: t('data.col.age'), value: (r) => daysSince(r.date), numeric: true, width: '5rem' },
];

export interface Ageing {
  total: number;
  buckets: [number, number, number, number];
  count: number;
}

/**
 * Outstanding totals per side, in 0–30, 31–60, 61–90 and 90+ day buckets, summed in cents over
 * one pass of the rows (`add` per row, so the table can be walked with a cursor, never held).
 */
export function ageingTotals(today = new Date()) {
  const cents = { debtors: [0, 0, 0, 0], creditors: [0, 0, 0, 0] };
  const counts = { debtors: 0, creditors: 0 };
  return {
    add(r: OpenItemRow): void {
      if (!r.open) return;
      const days = daysSince(r.date, today);
      cents[r.side][days <= 30 ? 0 : days <= 60 ? 1 : days <= 90 ? 2 : 3] += Math.round(r.outstanding * 100);
      counts[r.side] += 1;
    },
    result(side: OpenItemRow['side']): Ageing {
      const b = cents[side];
      return {
        total: b.reduce((x, y) => x + y, 0) / 100,
        buckets: [b[0] / 100, b[1] / 100, b[2] / 100, b[3] / 100],
        count: counts[side],
      };
    },
  };
}
