/**
 * Codes ↔ ids for the REST transport. Domain records speak ledger codes, relation codes and
 * template names; REST speaks numeric ids. Each table is loaded once per session, lazily.
 */
import type { LedgerAccount } from '../types';
import type { RestClient } from './client';
import { listAll, listWhole } from './pages';
import * as wire from './wire';
import { parseResponse } from '../validate';
import { isNotFound } from './errors';

export interface Lookups {
  ledgerById(): Promise<Map<number, LedgerAccount>>;
  ledgerIdByCode(code: string): Promise<number | undefined>;
  /** The debtors ledger invoices are booked on: the DEB account with the lowest code. */
  debtorsLedgerId(): Promise<number | undefined>;
  unitNameById(): Promise<Map<number, string>>;
  productGroupCodeById(): Promise<Map<number, string>>;
  unitIdByName(name: string): Promise<number | undefined>;
  templateIdByName(name: string): Promise<number | undefined>;
  relationIdByCode(code: string): Promise<number | undefined>;
  relationCodeById(id: number): Promise<string | undefined>;
  /** Remember a relation seen elsewhere (a listing, a create). */
  rememberRelation(id: number, code: string): void;
  clear(): void;
}

/** Memoises a loader; a failed load is forgotten so the next call tries again. */
function lazy<T>(load: () => Promise<T>): { get(): Promise<T>; reset(): void } {
  let value: Promise<T> | undefined;
  return {
    get() {
      value ??= load().catch((e: unknown) => {
        value = undefined;
        throw e;
      });
      return value;
    },
    reset() {
      value = undefined;
    },
  };
}

export function compareCodes(a: string, b: string): number {
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b)) return Number(a) - Number(b) || a.localeCompare(b);
  return a.localeCompare(b, 'en', { numeric: true });
}

export function createLookups(client: RestClient, pageSize: number): Lookups {
  const ledgers = lazy(async () => {
    const all = await listAll(client, pageSize, {
      operation: 'GET /v1/ledger',
      path: '/v1/ledger',
      schema: wire.ledger,
      map: (l): LedgerAccount => ({
        id: l.id,
        code: l.code,
        description: l.description,
        category: l.category,
        group: l.group,
      }),
    });
    const byId = new Map(all.map((l) => [l.id, l]));
    const byCode = new Map(all.map((l) => [l.code, l.id]));
    const debtors = all.filter((l) => l.category === 'DEB').sort((a, b) => compareCodes(a.code, b.code))[0];
    return { byId, byCode, debtorsId: debtors?.id };
  });

  const units = lazy(async () => {
    const all = await listAll(client, pageSize, {
      operation: 'GET /v1/unit',
      path: '/v1/unit',
      schema: wire.unit,
      map: (u) => u,
    });
    return all;
  });

  const productGroups = lazy(async () =>
    listWhole(client, {
      operation: 'GET /v1/product/groups',
      path: '/v1/product/groups',
      schema: wire.productGroup,
      map: (g) => g,
    }),
  );

  const templates = lazy(async () =>
    listAll(client, pageSize, {
      operation: 'GET /v1/invoicetemplate',
      path: '/v1/invoicetemplate',
      schema: wire.invoiceTemplate,
      map: (t) => t,
    }),
  );

  const relationIds = new Map<string, number>();
  const relationCodes = new Map<number, string>();

  function rememberRelation(id: number, code: string): void {
    relationIds.set(code, id);
    relationCodes.set(id, code);
  }

  return {
    ledgerById: async () => (await ledgers.get()).byId,
    ledgerIdByCode: async (code) => (await ledgers.get()).byCode.get(code.trim()),
    debtorsLedgerId: async () => (await ledgers.get()).debtorsId,
    unitNameById: async () => new Map((await units.get()).map((u) => [u.id, u.singular])),
    productGroupCodeById: async () => new Map((await productGroups.get()).map((g) => [g.id, g.code])),
    async unitIdByName(name) {
      const wanted = name.trim().toLowerCase();
      if (!wanted) return undefined;
      const all = await units.get();
      return all.find((u) => u.singular.toLowerCase() === wanted || u.plural?.toLowerCase() === wanted)?.id;
    },
    async templateIdByName(name) {
      const all = await templates.get();
      const exact = all.find((t) => t.name === name);
      if (exact) return exact.id;
      const loose = all.filter((t) => t.name.trim().toLowerCase() === name.trim().toLowerCase());
      return loose.length === 1 ? loose[0].id : undefined;
    },
    async relationIdByCode(code) {
      const known = relationIds.get(code);
      if (known !== undefined) return known;
      const found = await listAll(client, pageSize, {
        operation: 'GET /v1/relation',
        path: '/v1/relation',
        query: { code },
        schema: wire.relation,
        map: (r) => r,
      });
      const match = found.find((r) => r.code === code);
      if (match) rememberRelation(match.id, match.code);
      return match?.id;
    },
    async relationCodeById(id) {
      const known = relationCodes.get(id);
      if (known !== undefined) return known;
      const operation = 'GET /v1/relation/{id}';
      let data: unknown;
      try {
        data = await client.request({ operation, method: 'GET', path: `/v1/relation/${id}` });
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
      const r = parseResponse(wire.relation, data, operation);
      rememberRelation(r.id, r.code);
      return r.code;
    },
    rememberRelation,
    clear() {
      ledgers.reset();
      units.reset();
      productGroups.reset();
      templates.reset();
      relationIds.clear();
      relationCodes.clear();
    },
  };
}
