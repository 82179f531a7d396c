/**
 * The import steps, in the order they run: what later steps refer to comes first. Transactions
 * and open items (in that order: the open items note the transactions cursor) run beside
 * customers and products (SyncStep.alongside); payment states wait for all four.
 */
import type { SyncStep } from '../step';
import { importAdministrations } from './administrations';
import { importCustomers } from './customers';
import { importInvoiceTemplates } from './invoice-templates';
import { importLedgerAccounts } from './ledger-accounts';
import { importLedgerMovements } from './ledger-movements';
import { importOpenItems } from './open-items';
import { derivePaymentStates } from './payment-states';
import { importProducts } from './products';
import { importTransactions } from './transactions';

export const IMPORT_STEPS: SyncStep[] = [
  importAdministrations,
  importLedgerAccounts,
  importInvoiceTemplates,
  importCustomers,
  importProducts,
  importTransactions,
  importOpenItems,
  derivePaymentStates,
  importLedgerMovements,
];

export {
  derivePaymentStates,
  importAdministrations,
  importCustomers,
  importInvoiceTemplates,
  importLedgerAccounts,
  importLedgerMovements,
  importOpenItems,
  importProducts,
  importTransactions,
};
