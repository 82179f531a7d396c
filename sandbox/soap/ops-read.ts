/**
 * The SOAP read operations: filters per SOAP.md §4, caps per §6 and the sandbox config
 * (GetRelaties / GetArtikelen: the first `soapListCap`; GetMutaties: the last
 * `soapMutationCap` matching, ascending, within a monthly call quota).
 */
import type { SbInvoice, SbMutation } from '../store';
import { defineRead, sessionError, type SoapCall, type SoapOperation } from './operation';
import {
  balanceRecord,
  costCenterRecord,
  invoiceRecord,
  ledgerRecord,
  list,
  mutationRecord,
  openItemRecord,
  productRecord,
  relationRecord,
} from './records';
import { countMutationCall } from './sessions';
import { el, type ENode, type Fields } from './xml';

const contains = (haystack: string, needle: string) => haystack.toLowerCase().includes(needle);
const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code, 'en', { numeric: true });

/** A read whose request is its `cFilter` child (absent: every filter at its default). */
function defineFilteredRead<Req>(op: {
  name: string;
  defaults?: ENode[];
  filter(filter: Fields | undefined): Req;
  run(req: Req, call: SoapCall): ENode[];
}): SoapOperation<Req> {
  const { filter, ...rest } = op;
  return defineRead({ ...rest, read: (f) => filter(f.child('cFilter')) });
}

/** DateTime.MinValue (an omitted filter date) and xsi:nil both mean "no bound" [I]. */
function inRange(date: string, from: string | null, to: string | null): boolean {
  return (!from || date >= from) && (!to || date <= to);
}

export const getRelaties = defineFilteredRead({
  name: 'GetRelaties',
  filter: (filter) => ({
    keyword: filter?.str('Trefwoord').trim() ?? '',
    code: filter?.str('Code').trim() ?? '',
    id: filter?.long('ID') ?? 0,
  }),
  run(req, { ctx }) {
    const { store, config } = ctx;
    const keyword = req.keyword.toLowerCase();
    const out = [];
    for (const r of store.sorted(store.relations)) {
      if (out.length >= config.soapListCap) break;
      if (req.id && r.id !== req.id) continue;
      if (req.code && !sameText(r.code, req.code)) continue;
      // Trefwoord searches code, name, place, contact, e-mail and soort (niro1987 README).
      if (keyword && ![r.code, r.name, r.city, r.contact, r.emailAddress, r.type].some((v) => contains(v, keyword)))
        continue;
      out.push(relationRecord(r));
    }
    return list('Relaties', out, config);
  },
});

export const getArtikelen = defineFilteredRead({
  name: 'GetArtikelen',
  filter: (filter) => ({
    id: filter?.long('ArtikelID') ?? 0,
    description: filter?.str('ArtikelOmschrijving').trim().toLowerCase() ?? '',
    code: filter?.str('ArtikelCode').trim() ?? '',
    groupDescription: filter?.str('GroepOmschrijving').trim().toLowerCase() ?? '',
    groupCode: filter?.str('GroepCode').trim() ?? '',
  }),
  run(req, { ctx }) {
    const { store, config } = ctx;
    const out = [];
    for (const p of store.sorted(store.products)) {
      if (out.length >= config.soapListCap) break;
      if (req.id && p.id !== req.id) continue;
      if (req.code && !sameText(p.code, req.code)) continue;
      if (req.description && !contains(p.description, req.description)) continue;
      if (req.groupDescription || req.groupCode) {
        const group = store.productGroups.get(p.groupId);
        if (!group) continue;
        if (req.groupDescription && !contains(group.description, req.groupDescription)) continue;
        if (req.groupCode && !sameText(group.code, req.groupCode)) continue;
      }
      out.push(productRecord(p, store));
    }
    return list('Artikelen', out, config);
  },
});

export const getGrootboekrekeningen = defineFilteredRead({
  name: 'GetGrootboekrekeningen',
  filter: (filter) => ({
    id: filter?.long('ID') ?? 0,
    code: filter?.str('Code').trim() ?? '',
    category: filter?.str('Categorie').trim() ?? '',
  }),
  run(req, { ctx }) {
    const ledgers = [...ctx.store.ledgers.values()]
      .filter(
        (l) =>
          (!req.id || l.id === req.id) &&
          (!req.code || l.code === req.code) &&
          (!req.category || sameText(l.category, req.category)),
      )
      .sort(byCode);
    return list('Rekeningen', ledgers.map(ledgerRecord), ctx.config);
  },
});

export const getKostenplaatsen = defineFilteredRead({
  name: 'GetKostenplaatsen',
  filter: (filter) => ({
    id: filter?.long('KostenplaatsID') ?? 0,
    parentId: filter?.long('KostenplaatsParentID') ?? 0,
    description: filter?.str('Omschrijving').trim().toLowerCase() ?? '',
  }),
  run(req, { ctx }) {
    const centers = ctx.store
      .sorted(ctx.store.costCenters)
      .filter(
        (c) =>
          (!req.id || c.id === req.id) &&
          (!req.parentId || c.parentId === req.parentId) &&
          (!req.description || contains(c.description, req.description)),
      );
    return list('Kostenplaatsen', centers.map(costCenterRecord), ctx.config);
  },
});

function readMutationFilter(filter: Fields | undefined) {
  return {
    number: filter?.long('MutatieNr') ?? 0,
    from: filter?.long('MutatieNrVan') ?? 0,
    to: filter?.long('MutatieNrTm') ?? 0,
    invoiceNumber: filter?.str('Factuurnummer').trim() ?? '',
    dateFrom: filter?.date('DatumVan') ?? null,
    dateTo: filter?.date('DatumTm') ?? null,
  };
}

function firstIndexFrom(mutations: readonly SbMutation[], id: number): number {
  let lo = 0,
    hi = mutations.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (mutations[mid].id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const getMutaties = defineFilteredRead({
  name: 'GetMutaties',
  filter: readMutationFilter,
  run(req, { ctx }) {
    if (!countMutationCall(ctx)) throw sessionError('E003.1');
    const { store, config } = ctx;
    const all = store.sorted(store.mutations);
    const start = req.number ? firstIndexFrom(all, req.number) : req.from ? firstIndexFrom(all, req.from) : 0;
    const matching: SbMutation[] = [];
    for (let i = start; i < all.length; i++) {
      const m = all[i];
      if (req.number && m.id !== req.number) break;
      if (req.to && m.id > req.to) break;
      if (
        req.invoiceNumber &&
        m.invoiceNumber !== req.invoiceNumber &&
        !m.rows.some((r) => r.invoiceNumber === req.invoiceNumber)
      )
        continue;
      if (!inRange(m.date, req.dateFrom, req.dateTo)) continue;
      matching.push(m);
    }
    // Only the last N matching (highest MutatieNr) come back, still in ascending order (SOAP.md §6).
    const last = matching.slice(Math.max(0, matching.length - config.soapMutationCap));
    return list(
      'Mutaties',
      last.map((m) => mutationRecord(m, store)),
      config,
    );
  },
});

const OP_SOORTEN = ['Debiteuren', 'Crediteuren'] as const;

export const getOpenPosten = defineRead({
  name: 'GetOpenPosten',
  read: (f) => ({ soort: f.enumeration('OpSoort', OP_SOORTEN, 'enOpenpostenSoort') }),
  run(req, { ctx }) {
    const items = ctx.store.openItems(req.soort === 'Debiteuren' ? 'D' : 'C');
    return list('Openposten', items.map(openItemRecord), ctx.config);
  },
});

export const getFacturen = defineFilteredRead({
  name: 'GetFacturen',
  filter: (filter) => ({
    invoiceNumber: filter?.str('Factuurnummer').trim() ?? '',
    relationCode: filter?.str('Relatiecode').trim() ?? '',
    dateFrom: filter?.date('DatumVan') ?? null,
    dateTo: filter?.date('DatumTm') ?? null,
  }),
  run(req, { ctx }) {
    const { store } = ctx;
    let candidates: readonly SbInvoice[];
    if (req.invoiceNumber) {
      const one = store.invoiceByNumber(req.invoiceNumber);
      candidates = one ? [one] : [];
    } else candidates = store.sorted(store.invoices);
    const relation = req.relationCode ? store.relationByCode(req.relationCode) : undefined;
    if (req.relationCode && !relation) return list('Facturen', [], ctx.config);
    const open = new Map<string, number>();
    for (const o of store.openItems('D')) open.set(`${o.relationId}|${o.invoiceNumber}`, o.outstandingAmount);
    const out = candidates
      .filter((inv) => (!relation || inv.relationId === relation.id) && inRange(inv.date, req.dateFrom, req.dateTo))
      .map((inv) =>
        invoiceRecord(
          inv,
          store,
          inv.mutationId ? (open.get(`${inv.relationId}|${inv.invoiceNumber}`) ?? 0) : inv.totalAmount,
        ),
      );
    return list('Facturen', out, ctx.config);
  },
});

export const getSaldi = defineFilteredRead({
  name: 'GetSaldi',
  filter: (filter) => ({
    costCenterId: filter?.long('KostenPlaatsId') ?? 0,
    from: filter?.date('DatumVan') ?? null,
    to: filter?.date('DatumTot') ?? null,
    category: filter?.str('Categorie').trim() ?? '',
  }),
  run(req, { ctx }) {
    const { store } = ctx;
    const balances = store.balances({
      from: req.from ?? undefined,
      to: req.to ?? undefined,
      costCenterId: req.costCenterId || undefined,
    });
    const ledgers = [...store.ledgers.values()]
      .filter((l) => !req.category || sameText(l.category, req.category))
      .sort(byCode);
    return list(
      'Saldi',
      ledgers.map((l) => balanceRecord(l, balances.get(l.id) ?? 0)),
      ctx.config,
    );
  },
});

export const getSaldo = defineFilteredRead({
  name: 'GetSaldo',
  defaults: [el('Saldo', 0)],
  filter: (filter) => ({
    code: filter?.str('GbCode').trim() ?? '',
    costCenterId: filter?.long('KostenPlaatsId') ?? 0,
    from: filter?.date('DatumVan') ?? null,
    to: filter?.date('DatumTot') ?? null,
  }),
  run(req, { ctx }) {
    const { store } = ctx;
    const ledger = store.ledgerByCode(req.code);
    // An unknown GbCode has no documented error: its balance is 0 [I].
    if (!ledger) return [el('Saldo', 0)];
    const balances = store.balances({
      from: req.from ?? undefined,
      to: req.to ?? undefined,
      costCenterId: req.costCenterId || undefined,
    });
    return [el('Saldo', balances.get(ledger.id) ?? 0)];
  },
});
