/** Payment states of invoices and debtor ageing: derived from the outstanding items the syncs saw. */
export { AGEING_BUCKETS, ageingBucket, ageingTotals } from './ageing';
export { customerKey, overdueSummary, toCollect, type CollectRow } from './collect';
export { loadPaymentOverview, type PaymentOverview } from './overview';
export { paymentState, type PaymentState } from './state';
