/**
 * REST v1 filters per list: the query parameters openapi-v1.json lists for each list operation.
 */
import type { FilterFields } from './query';
import { restMutationId } from './shapes';
import type {
  SbCostCenter,
  SbInvoice,
  SbLedger,
  SbMutation,
  SbOpenItem,
  SbRelation,
  SbTemplate,
  SbUnit,
  Store,
} from '../store';

// The query parameters openapi-v1.json lists per list operation; no others filter.
export const RELATION_FILTERS: FilterFields<SbRelation> = {
  code: { kind: 'string', get: (r) => r.code },
  type: { kind: 'string', get: (r) => r.type },
  email: { kind: 'string', get: (r) => r.emailAddress },
  name: { kind: 'string', get: (r) => r.name },
  contact: { kind: 'string', get: (r) => r.contact },
  city: { kind: 'string', get: (r) => r.city },
};
export const LEDGER_FILTERS: FilterFields<SbLedger> = {
  code: { kind: 'string', get: (l) => l.code },
  category: { kind: 'string', get: (l) => l.category },
};
export const UNIT_FILTERS: FilterFields<SbUnit> = {
  singular: { kind: 'string', get: (u) => u.singular },
  plural: { kind: 'string', get: (u) => u.plural },
};
export const TEMPLATE_FILTERS: FilterFields<SbTemplate> = {
  name: { kind: 'string', get: (t) => t.name },
  type: { kind: 'string', get: (t) => t.type },
  active: { kind: 'boolean', get: (t) => t.active },
};
export const COST_CENTER_FILTERS: FilterFields<SbCostCenter> = {
  parentId: { kind: 'number', get: (c) => c.parentId },
  description: { kind: 'string', get: (c) => c.description },
};
export const INVOICE_FILTERS: FilterFields<SbInvoice> = {
  invoiceNumber: { kind: 'string', get: (i) => i.invoiceNumber },
  relationId: { kind: 'number', get: (i) => i.relationId },
  date: { kind: 'date', get: (i) => i.date },
};
export const mutationFilters = (store: Store): FilterFields<SbMutation> => ({
  // The opening balance is the lowest MutatieNr, so showing it as 0 keeps the id order.
  id: { kind: 'number', get: (m) => restMutationId(store, m) },
  type: { kind: 'number', get: (m) => m.type },
  description: { kind: 'string', get: (m) => m.description },
  invoiceNumber: { kind: 'string', get: (m) => m.invoiceNumber },
  date: { kind: 'date', get: (m) => m.date },
});
export const OPEN_ITEM_FILTERS: FilterFields<SbOpenItem> = {
  invoiceNumber: { kind: 'string', get: (o) => o.invoiceNumber },
};
