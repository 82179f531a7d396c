/** The export steps, in the order they must run: relations before the invoices that use them. */
import type { SyncStep } from '../step';
import { exportCustomers } from './customers';
import { exportInvoices } from './invoices';

export const EXPORT_STEPS: SyncStep[] = [exportCustomers, exportInvoices];

export { exportCustomers, exportInvoices };
