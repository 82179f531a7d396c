/**
 * New workspace customers → e-Boekhouden relations. Runs before the invoice export, because an
 * invoice needs an existing relation. The code is checked remotely before the first create.
 */
import type { Customer, OutboxEntry, RelationOutboxEntry } from '../../db';
import { newRelationSchema, type NewRelation, type Relation } from '../../eboekhouden/types';
import { isTextKey, text, type Param, type Text } from '../../i18n/translate';
import type { Notice } from '../../workspace/invoice-builder';
import type { StepContext, SyncStep } from '../step';
import { processOutbox, type ExportKind } from './outbox';
import { sourceKey, sourcesInOutbox } from './outbox-sources';
// Puts texts of the whole catalogue into words (the popup loads it later).
import '../../i18n/catalogue';

export function customerLabel(c: Pick<Customer, 'code' | 'name'>): Text {
  return text('record.customer', { code: c.code, name: c.name });
}

/** The relation e-Boekhouden gets for a workspace customer; empty fields are left out. */
export function relationPayload(c: Customer): NewRelation {
  const optional = [
    'contact',
    'email',
    'emailInvoice',
    'emailReminder',
    'phone',
    'address',
    'postalCode',
    'city',
    'country',
    'vatNumber',
    'cocNumber',
    'iban',
  ] as const;
  const out: NewRelation = { code: c.code.trim(), type: c.type, name: c.name.trim() };
  for (const f of optional) {
    const v = c[f]?.trim();
    if (v) out[f] = v;
  }
  if (c.termOfPayment !== undefined) out.termOfPayment = c.termOfPayment;
  return out;
}

/** A field's name in the person's words (export.field.*), or the field as is when it has none. */
function fieldName(field: string): Param {
  const key = `export.field.${field}`;
  return isTextKey(key) ? text(key) : field;
}

/** Field checks of a relation, as notices. */
export function relationNotices(payload: NewRelation, record: Param): Notice[] {
  const parsed = newRelationSchema.safeParse(payload);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const field = fieldName(String(issue.path[0] ?? ''));
    const params = { record, field, message: issue.message };
    return { code: 'INVALID_CUSTOMER_FIELD', ...text('export.customer.invalidField', params) };
  });
}

/** Workspace customers that are not in e-Boekhouden and have no export entry yet. */
export async function customersToExport(ctx: Pick<StepContext, 'db'>, inOutbox?: Set<string>): Promise<Customer[]> {
  const seen = inOutbox ?? (await sourcesInOutbox(ctx.db));
  const all = await ctx.db.customers.where('origin').equals('workspace').toArray();
  return all
    .filter(
      (c) =>
        c.remoteId === undefined && c.status === 'active' && !seen.has(sourceKey({ table: 'customers', id: c.id! })),
    )
    .sort((a, b) => a.id! - b.id!);
}

function sameRelation(found: Relation, payload: NewRelation): boolean {
  const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
  return norm(found.name) === norm(payload.name);
}

export const relationExport: ExportKind<RelationOutboxEntry> = {
  kind: 'relation',
  lookupBeforeFirstSend: true,
  label: (entry) => customerLabel(entry.payload),
  async lookup(entry, ctx) {
    const payload = entry.payload;
    const found = await ctx.api.findRelationByCode(payload.code);
    if (!found) return { found: false };
    if (sameRelation(found, payload)) return { found: true, remote: { id: found.id, code: found.code } };
    const params = { record: customerLabel(payload), code: payload.code, name: found.name };
    return { conflict: { code: 'CODE_TAKEN', ...text('export.customer.codeTaken', params) } };
  },
  async send(entry, ctx) {
    const created = await ctx.api.createRelation(entry.payload);
    return { id: created.id, code: created.code };
  },
  async markSource(db, entry, remote, at) {
    if (entry.source.table !== 'customers') return;
    await db.customers.update(entry.source.id, { remoteId: remote.id, updatedAt: at });
  },
};

/** Creates export entries for new customers whose data passes the checks; reports the others. */
export async function enqueueCustomers(ctx: StepContext): Promise<void> {
  const db = ctx.db;
  for (const customer of await customersToExport(ctx)) {
    const payload = relationPayload(customer);
    const record = customerLabel(customer);
    const problems = relationNotices(payload, record);
    if (problems.length > 0) {
      ctx.log.failed += 1;
      for (const p of problems) ctx.problem({ ...p, record });
      continue;
    }
    const at = ctx.now();
    const clash = await db.transaction('rw', [db.outbox, db.customers], async () => {
      const fresh = await db.customers.get(customer.id!);
      if (!fresh || fresh.remoteId !== undefined) return false;
      const key = `relation:${payload.code}`;
      if (await db.outbox.where('key').equals(key).count()) return true;
      const entry: OutboxEntry = {
        key,
        kind: 'relation',
        source: { table: 'customers', id: customer.id! },
        payload: relationPayload(fresh),
        state: 'pending',
        attempts: 0,
        createdAt: at,
        updatedAt: at,
      };
      await db.outbox.add(entry);
      return false;
    });
    if (clash) {
      ctx.log.failed += 1;
      ctx.problem({
        record,
        code: 'CODE_ALREADY_EXPORTED',
        ...text('export.customer.codeAlreadyExported', { record, code: payload.code }),
      });
    }
  }
}

export const exportCustomers: SyncStep = {
  name: 'exportCustomers',
  enabled: (settings) => settings.exports.customers,
  async run(ctx) {
    await enqueueCustomers(ctx);
    await processOutbox(ctx, relationExport);
  },
};
