import type { OverviewKey } from './overview.nl';

/** English words of the overview; typed against the Dutch keys. */
export const overviewEn: Record<OverviewKey, string> = {
  'step.ledgerMovements': 'Monthly figures per ledger account',
  'ledgerKind.revenue': 'Revenue',
  'ledgerKind.cost': 'Costs',
  'ledgerKind.cash': 'Cash',
  'ledgerKind.bank': 'Bank',
  'ledgerKind.vat': 'VAT',
  'ledgerKind.debtors': 'Debtors',
  'ledgerKind.creditors': 'Creditors',
  'ledgerKind.other': 'Other balance-sheet accounts',
};
