/** Payment states of invoices and debtor ageing: derived from the outstanding items the syncs saw. */
export { AGEING_BUCKETS, ageingBucket, ageingTotals, type AgeingBucket, type AgeingTotals } from './ageing';
export { collectTotals, overdueSummary, toCollect, type CollectRow } from './collect';
export { loadPaymentOverview, type InvoicePayment, type PaymentOverview } from './overview';
export { amountLeft, paymentState, type PaymentState, type PaymentStateKind } from './state';
