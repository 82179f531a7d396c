/**
 * The payment states for the pages: derived from the workspace database (lib/workspace/payments)
 * by a live query, so they follow every sync without being stored. One per page, shared by the
 * "To collect" view, the editors and the popup's overdue line.
 */
import { defineStore } from 'pinia';
import { computed } from 'vue';
import { loadPaymentOverview, overdueSummary, type PaymentOverview } from '../workspace/index';
import { useLiveQuery } from './live-query';
import { useWorkspaceStore } from './workspace';

export const usePaymentsStore = defineStore('payments', () => {
  const { db } = useWorkspaceStore();
  const overview = useLiveQuery<PaymentOverview | undefined>(() => loadPaymentOverview(db), undefined);
  const byNumber = computed(() => new Map((overview.value?.invoices ?? []).map((i) => [i.number, i])));
  const overdue = computed(() => overdueSummary(overview.value?.invoices ?? []));
  return { overview, byNumber, overdue };
});
