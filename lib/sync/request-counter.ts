/**
 * Counts calls to e-Boekhouden: one per method call, one per page of a listing. The engine wraps
 * the run's one connection once per step, so steps that run side by side each count their own.
 */
import type { EBoekhouden } from '../eboekhouden/api';
import type { Page } from '../eboekhouden/types';

export function countRequests(inner: EBoekhouden): { api: EBoekhouden; readonly count: number } {
  const state = { count: 0 };
  const countPages = <T>(pages: AsyncIterable<Page<T>>): AsyncIterable<Page<T>> => ({
    [Symbol.asyncIterator]() {
      const it = pages[Symbol.asyncIterator]();
      return {
        next: async () => {
          const r = await it.next();
          if (!r.done) state.count++;
          return r;
        },
        return: async (v?: unknown) => (it.return ? it.return(v) : { done: true as const, value: v as never }),
      };
    },
  });
  const once =
    <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
    (...a: A) => {
      state.count++;
      return fn(...a);
    };
  const api: EBoekhouden = {
    kind: inner.kind,
    capabilities: inner.capabilities,
    open: () => inner.open(),
    close: () => inner.close(),
    listAdministrations: once(() => inner.listAdministrations()),
    listRelations: () => countPages(inner.listRelations()),
    getRelation: once((id: number) => inner.getRelation(id)),
    findRelationByCode: once((code: string) => inner.findRelationByCode(code)),
    createRelation: once((r) => inner.createRelation(r)),
    listProducts: () => countPages(inner.listProducts()),
    getProduct: once((id: number) => inner.getProduct(id)),
    listLedgerAccounts: () => countPages(inner.listLedgerAccounts()),
    // One per period; a REST split on LEDG_020 sends more, which this count does not see.
    periodBalances: once((p) => inner.periodBalances(p)),
    listMutations: (q) => countPages(inner.listMutations(q)),
    listOpenItems: (side) => countPages(inner.listOpenItems(side)),
    listInvoiceTemplates: () => countPages(inner.listInvoiceTemplates()),
    findInvoice: once((n: string) => inner.findInvoice(n)),
    createInvoice: once((i) => inner.createInvoice(i)),
  };
  return {
    api,
    get count() {
      return state.count;
    },
  };
}
