/** Payment states of invoices and debtor ageing: derived from the outstanding items the syncs saw. */
export { ageingBucket, ageingTotals } from './ageing';
export { overdueSummary, toCollect } from './collect';
export { loadPaymentOverview } from './overview';
export { paymentState, type PaymentState } from './state';
