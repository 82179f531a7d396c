/**
 * New workspace customers → e-Boekhouden relations. Runs before the invoice export, because an
 * invoice needs an existing relation. The code is checked remotely before the first create.
 */
import type { Customer, OutboxEntry } from '../../db';
import { newRelationSchema, type NewRelation, type Relation } from '../../eboekhouden/types';
import type { Message } from '../invoice-builder';
import type { StepContext, SyncStep } from '../step';
import { processOutbox, sourcesInOutbox, sourceKey, type ExportKind } from './outbox';

export function customerRecord(c: Pick<Customer, 'code' | 'name'>): { nl: string; en: string } {
  return { nl: `Klant ${c.code} (${c.name})`, en: `Customer ${c.code} (${c.name})` };
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

const FIELD_NAMES: Record<string, { nl: string; en: string }> = {
  code: { nl: 'code', en: 'code' },
  name: { nl: 'naam', en: 'name' },
  email: { nl: 'e-mailadres', en: 'e-mail address' },
  cocNumber: { nl: 'KvK-nummer', en: 'Chamber of Commerce number' },
  termOfPayment: { nl: 'betalingstermijn', en: 'payment term' },
};

/** Field checks of a relation, as messages. */
export function checkRelation(payload: NewRelation, record: { nl: string; en: string }): Message[] {
  const parsed = newRelationSchema.safeParse(payload);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    const name = FIELD_NAMES[field] ?? { nl: field, en: field };
    return {
      code: 'INVALID_CUSTOMER_FIELD',
      nl: `${record.nl}: ${name.nl} is ongeldig (${issue.message}). Pas de klant aan.`,
      en: `${record.en}: ${name.en} is invalid (${issue.message}). Edit the customer.`,
    };
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

export const relationExport: ExportKind = {
  kind: 'relation',
  lookupBeforeFirstSend: true,
  label(entry) {
    const p = entry.payload as NewRelation;
    return customerRecord(p);
  },
  async lookup(entry, ctx) {
    const payload = entry.payload as NewRelation;
    const found = await ctx.api.findRelationByCode(payload.code);
    if (!found) return { found: false };
    if (sameRelation(found, payload)) return { found: true, remote: { id: found.id, code: found.code } };
    const record = customerRecord(payload);
    return {
      conflict: {
        code: 'CODE_TAKEN',
        nl: `${record.nl}: code ${payload.code} is in e-Boekhouden al in gebruik voor "${found.name}". Geef de klant een andere code en synchroniseer opnieuw.`,
        en: `${record.en}: code ${payload.code} is already used in e-Boekhouden by "${found.name}". Give the customer another code and sync again.`,
      },
    };
  },
  async send(entry, ctx) {
    const created = await ctx.api.createRelation(entry.payload as NewRelation);
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
    const record = customerRecord(customer);
    const problems = checkRelation(payload, record);
    if (problems.length > 0) {
      ctx.log.failed += 1;
      for (const p of problems) ctx.problem({ record: record.en, code: p.code, nl: p.nl, en: p.en });
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
        record: record.en,
        code: 'CODE_ALREADY_EXPORTED',
        nl: `${record.nl}: code ${payload.code} is al eerder voor een andere klant naar e-Boekhouden gestuurd. Geef deze klant een andere code.`,
        en: `${record.en}: code ${payload.code} was already sent to e-Boekhouden for another customer. Give this customer another code.`,
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
