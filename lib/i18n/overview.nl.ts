/** Dutch words of the overview (options page, first section) and of the ledger kinds it sums. */
export const overviewNl = {
  'step.ledgerMovements': 'Maandcijfers per grootboekrekening',
  'ledgerKind.revenue': 'Omzet',
  'ledgerKind.cost': 'Kosten',
  'ledgerKind.cash': 'Kas',
  'ledgerKind.bank': 'Bank',
  'ledgerKind.vat': 'Btw',
  'ledgerKind.debtors': 'Debiteuren',
  'ledgerKind.creditors': 'Crediteuren',
  'ledgerKind.other': 'Overige balansrekeningen',
} as const;

export type OverviewKey = keyof typeof overviewNl;
