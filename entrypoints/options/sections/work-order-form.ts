/**
 * The work-order editor's form: its rows as the person edits them (an item may not be chosen yet,
 * a description may be empty), and the mapping from a stored work order and to what is saved.
 */
import type { WorkOrder } from '../../../lib/db';
import type { WorkOrderInput } from '../../../lib/workspace';
import { discountFields, type DiscountFields } from './discount';

export interface HourRow extends DiscountFields {
  hourTypeId?: number;
  description: string;
  hours: number;
  price: number;
}
export interface MaterialRow extends DiscountFields {
  materialId?: number;
  description: string;
  quantity: number;
  price: number;
}

export interface WorkOrderForm {
  id: number | undefined;
  number: string;
  status: WorkOrder['status'];
  invoiceNumber: string | undefined;
  customerId: number | undefined;
  date: string;
  description: string;
  hourLines: HourRow[];
  materialLines: MaterialRow[];
  emailToCustomer: boolean | undefined;
  creditedBy: number | undefined;
}

/** A new work order: dated today, no customer, no lines. */
export function emptyWorkOrderForm(): WorkOrderForm {
  return {
    id: undefined,
    number: '',
    status: 'draft',
    invoiceNumber: undefined,
    customerId: undefined,
    date: new Date().toISOString().slice(0, 10),
    description: '',
    hourLines: [],
    materialLines: [],
    emailToCustomer: undefined,
    creditedBy: undefined,
  };
}

export function formFromWorkOrder(wo: WorkOrder): WorkOrderForm {
  return {
    id: wo.id,
    number: wo.number,
    status: wo.status,
    invoiceNumber: wo.invoiceNumber,
    customerId: wo.customerId,
    date: wo.date,
    description: wo.description,
    hourLines: wo.hourLines.map((h) => ({ ...h, description: h.description ?? '' })),
    materialLines: wo.materialLines.map((m) => ({ ...m, description: m.description ?? '' })),
    emailToCustomer: wo.emailToCustomer,
    creditedBy: wo.creditedBy,
  };
}

/** What is saved: an item not chosen yet is -1 (the workspace refuses it with the line named). */
export function workOrderInput(form: WorkOrderForm) {
  return {
    id: form.id,
    customerId: form.customerId ?? -1,
    date: form.date,
    description: form.description,
    hourLines: form.hourLines.map((h) => ({
      hourTypeId: h.hourTypeId ?? -1,
      description: h.description || undefined,
      hours: h.hours,
      price: h.price,
      ...discountFields(h),
    })),
    materialLines: form.materialLines.map((m) => ({
      materialId: m.materialId ?? -1,
      description: m.description || undefined,
      quantity: m.quantity,
      price: m.price,
      ...discountFields(m),
    })),
    ...(form.emailToCustomer === undefined ? {} : { emailToCustomer: form.emailToCustomer }),
  } satisfies WorkOrderInput;
}
