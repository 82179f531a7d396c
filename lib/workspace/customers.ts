/**
 * Customers made and changed in the workspace; they are exported as relations at the next sync.
 * One from e-Boekhouden is changed there; one exported already keeps its code.
 */
import type { Customer, CustomerDetails, WorkspaceDb } from '../db';
import type { RelationType } from '../eboekhouden/types';
import { customerLabel, relationNotices, relationPayload } from '../sync/exports/customers';
import { entryForSource } from '../sync/exports/outbox-sources';
import { fail, WorkspaceError } from './errors';
import { customerCodeInUse, nextCustomerCode } from './numbering';
import { nowOf, type Options } from './options';

export interface CustomerInput extends CustomerDetails {
  /** Empty: a code is generated (K0001, K0002 …). */
  code?: string;
  type?: RelationType;
  name: string;
}

const CODE_PATTERN = /^[A-Za-z0-9._\-/]+$/;

function checkCode(code: string): void {
  if (code.length > 15) {
    fail('CODE_TOO_LONG', 'workspace.customer.codeTooLong', { code, length: code.length }, 'code');
  }
  if (!CODE_PATTERN.test(code)) {
    fail('CODE_CHARACTERS', 'workspace.customer.codeCharacters', { code }, 'code');
  }
}

function cleanCustomer(input: CustomerInput): Omit<Customer, 'id' | 'code' | 'status' | 'origin' | 'updatedAt'> {
  const t = (s?: string) => (s?.trim() ? s.trim() : undefined);
  return {
    type: input.type ?? 'B',
    name: input.name?.trim() ?? '',
    contact: t(input.contact),
    email: t(input.email),
    emailInvoice: t(input.emailInvoice),
    emailReminder: t(input.emailReminder),
    phone: t(input.phone),
    address: t(input.address),
    postalCode: t(input.postalCode),
    city: t(input.city),
    country: t(input.country),
    vatNumber: t(input.vatNumber),
    cocNumber: t(input.cocNumber),
    iban: t(input.iban),
    termOfPayment: input.termOfPayment,
  };
}

function checkCustomerFields(c: Customer): void {
  const problems = relationNotices(relationPayload(c), customerLabel(c));
  if (problems.length > 0) throw new WorkspaceError(problems);
}

/** A new customer made in the workspace; it is exported as a relation at the next sync. */
export async function createCustomer(db: WorkspaceDb, input: CustomerInput, o?: Options): Promise<Customer> {
  const fields = cleanCustomer(input);
  if (!fields.name) fail('NAME_REQUIRED', 'workspace.customer.nameRequired', undefined, 'name');
  let code = input.code?.trim() ?? '';
  if (code) {
    checkCode(code);
    if (await customerCodeInUse(db, code)) {
      fail('CODE_IN_USE', 'workspace.customer.codeInUse', { code }, 'code');
    }
  }
  const at = nowOf(o);
  return db.transaction('rw', [db.kv, db.customers, db.workOrders, db.invoices], async () => {
    if (!code) code = await nextCustomerCode(db);
    const customer: Customer = { ...fields, code, status: 'active', origin: 'workspace', updatedAt: at };
    checkCustomerFields(customer);
    customer.id = await db.customers.add(customer);
    return customer;
  });
}

/**
 * Changes a workspace customer. Before export the queued relation is dropped and re-made with
 * the new data at the next sync; after export the change stays local and is flagged.
 */
export async function updateCustomer(
  db: WorkspaceDb,
  id: number,
  input: CustomerInput,
  o?: Options,
): Promise<Customer> {
  const at = nowOf(o);
  return db.transaction('rw', [db.customers, db.outbox], async () => {
    const current = await db.customers.get(id);
    if (!current) fail('CUSTOMER_NOT_FOUND', 'workspace.customer.notFound', { id });
    const record = customerLabel(current);
    if (current.origin === 'eboekhouden') {
      fail('CUSTOMER_FROM_EBOEKHOUDEN', 'workspace.customer.fromEboekhouden', { record });
    }
    const fields = cleanCustomer(input);
    if (!fields.name) fail('NAME_REQUIRED', 'workspace.customer.nameRequired', undefined, 'name');
    const code = input.code?.trim() || current.code;
    const exported = current.remoteId !== undefined;
    if (code !== current.code) {
      if (exported) {
        fail('CODE_FIXED', 'workspace.customer.codeFixed', { record }, 'code');
      }
      checkCode(code);
      if (await customerCodeInUse(db, code, id)) {
        fail('CODE_IN_USE', 'workspace.customer.codeInUseChange', { code }, 'code');
      }
    }
    const entry = await entryForSource(db, { table: 'customers', id });
    if (entry?.state === 'sending') {
      fail('EXPORT_IN_PROGRESS', 'workspace.customer.exportInProgress', { record });
    }
    const next: Customer = { ...current, ...fields, code, updatedAt: at };
    checkCustomerFields(next);
    if (exported || entry?.state === 'done') next.changedAfterExport = true;
    else if (entry) await db.outbox.delete(entry.id!); // pending/failed: never created upstream; queued afresh next sync
    await db.customers.put(next);
    return next;
  });
}
