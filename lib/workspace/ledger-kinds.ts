/**
 * What each e-Boekhouden ledger category means for the overview. The categories are the ones
 * openapi-v1.json's ledger `category` enum lists and SOAP GetSaldi knows (SOAP.md §Ledger categories).
 *
 * e-Boekhouden has one category for the whole profit and loss account (VW) and one for cash and bank
 * together (FIN); the account code decides within them, by the Dutch standard chart (rubriek 8 is
 * revenue, 10xx is cash). That rule is a convention, not the API's: it lives here, in one place.
 * Checked against the contract: the only other ledger field is `group` (REST ledger items, SOAP
 * cGrootboekrekening `Groep`), a free string with no listed values ("Groep unused" in SOAP.md), and
 * /v1/ledger/balances' `type` is the same category; nothing there says revenue or cost, cash or bank.
 */
export type LedgerKind = 'revenue' | 'cost' | 'cash' | 'bank' | 'vat' | 'debtors' | 'creditors' | 'other';

export const LEDGER_KINDS: readonly LedgerKind[] = [
  'revenue',
  'cost',
  'cash',
  'bank',
  'vat',
  'debtors',
  'creditors',
  'other',
];

/** e-Boekhouden category → kind; `profitAndLoss` and `money` are split by code (ledgerKind). */
export const CATEGORY_KINDS: Readonly<Record<string, LedgerKind | 'profitAndLoss' | 'money'>> = {
  VW: 'profitAndLoss', // Verlies en winst: revenue and cost accounts
  FIN: 'money', // Financieel: cash and bank accounts
  DEB: 'debtors',
  CRED: 'creditors',
  AF19: 'vat', // Af te dragen BTW hoog
  AF6: 'vat', // Af te dragen BTW laag
  AF: 'vat', // Af te dragen BTW (the REST enum's general one)
  AFOVERIG: 'vat', // Af te dragen BTW overig
  VOOR: 'vat', // Voorbelasting
  BTWRC: 'vat', // BTW rekening-courant
  BAL: 'other', // Other balance-sheet accounts
};

/** The VAT categories whose balance is VAT charged (to pay); VOOR is VAT paid (to reclaim). */
export const VAT_CHARGED_CATEGORIES: ReadonlySet<string> = new Set(['AF19', 'AF6', 'AF', 'AFOVERIG']);
export const VAT_PAID_CATEGORIES: ReadonlySet<string> = new Set(['VOOR']);

export function ledgerKind(category: string, code: string): LedgerKind {
  const kind = CATEGORY_KINDS[category.trim().toUpperCase()];
  if (kind === 'profitAndLoss') return code.trim().startsWith('8') ? 'revenue' : 'cost';
  if (kind === 'money') return /^10\d\d$/.test(code.trim()) ? 'cash' : 'bank';
  return kind ?? 'other';
}
