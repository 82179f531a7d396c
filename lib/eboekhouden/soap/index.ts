/**
 * The SOAP transport: the `EBoekhouden` interface over e-Boekhouden's SOAP operations, results
 * validated with zod (wire.ts) before they leave this folder. The session and requests are in
 * client.ts, lists in pages.ts, GetMutaties windows in mutations.ts, what is sent in requests.ts,
 * the errors in errors.ts.
 */
import type { Capabilities, EBoekhouden, TransportOptions } from '../api';
import { EBoekhoudenError } from '../errors';
import { newRelationSchema, type NewInvoice, type NewRelation, type OpenItemSide } from '../types';
import { malformed, parseResponse } from '../validate';
import { createSoapClient } from './client';
import { invalidInput, notFound, rejectedRecord } from './errors';
import { mutationLister } from './mutations';
import { capWarning, items, page } from './pages';
import {
  ALL_DATES,
  invoiceFields,
  productFilter,
  relationFields,
  relationFilter,
  soapInvoiceSchema,
  today,
} from './requests';
import {
  addFactuurResultSchema,
  addRelatieResultSchema,
  administratieSchema,
  artikelSchema,
  factuurSchema,
  grootboekrekeningSchema,
  openPostSchema,
  relatieSchema,
  saldoSchema,
  toAdministration,
  toInvoice,
  toLedgerAccount,
  toOpenItem,
  toProduct,
  toProductListItem,
  toRelation,
  toRelationListItem,
} from './wire';

const CAPABILITIES: Capabilities = {
  completeLists: false,
  listInvoiceTemplates: false,
  listsCarryDetails: true,
  mutationLinesInLists: true,
};

export function createSoapTransport(options: TransportOptions): EBoekhouden {
  const { call, open, close } = createSoapClient(options);

  async function getRelations(filter: { code?: string; id?: number }) {
    const result = await call('GetRelaties', relationFilter(filter));
    return items('GetRelaties', result, 'Relaties', 'cRelatie', relatieSchema, (r) => r);
  }

  async function getArtikelen(id?: number) {
    const result = await call('GetArtikelen', productFilter(id));
    return items('GetArtikelen', result, 'Artikelen', 'cArtikel', artikelSchema, (a) => a);
  }

  // ── the interface ─────────────────────────────────────────────────────────

  return {
    kind: 'soap',
    capabilities: CAPABILITIES,
    open,
    close,

    async listAdministrations() {
      const result = await call('GetAdministraties', []);
      const got = items(
        'GetAdministraties',
        result,
        'Administraties',
        'cAdministratie',
        administratieSchema,
        toAdministration,
      );
      return got.items;
    },

    async *listRelations() {
      const got = await getRelations({});
      const items = got.items.map(toRelationListItem);
      yield page(items, got.rejected, got.received, { truncated: capWarning('GetRelaties', got.received) });
    },

    async getRelation(id) {
      const got = await getRelations({ id });
      if (got.rejected[0] && got.items.length === 0) throw rejectedRecord('GetRelaties', got.rejected[0]);
      const match = got.items.find((r) => r.ID === id);
      if (!match) throw notFound('GetRelaties', `Relation ${id}`);
      return toRelation(match);
    },

    async findRelationByCode(code) {
      const got = await getRelations({ code });
      const match = got.items.find((r) => r.Code === code);
      if (!match && got.rejected[0]) throw rejectedRecord('GetRelaties', got.rejected[0]);
      return match ? toRelation(match) : null;
    },

    async createRelation(input: NewRelation) {
      const parsed = newRelationSchema.safeParse(input);
      if (!parsed.success) throw invalidInput('AddRelatie', parsed.error);
      const result = await call('AddRelatie', [['oRel', relationFields(parsed.data, today())]], true);
      const { Rel_ID } = parseResponse(addRelatieResultSchema, result, 'AddRelatie');
      return { id: Rel_ID, code: parsed.data.code };
    },

    async *listProducts() {
      const got = await getArtikelen();
      yield page(got.items.map(toProductListItem), got.rejected, got.received, {
        truncated: capWarning('GetArtikelen', got.received),
      });
    },

    async getProduct(id) {
      const got = await getArtikelen(id);
      if (got.rejected[0] && got.items.length === 0) throw rejectedRecord('GetArtikelen', got.rejected[0]);
      const match = got.items.find((a) => a.ArtikelID === id);
      if (!match) throw notFound('GetArtikelen', `Product ${id}`);
      return toProduct(match);
    },

    async *listLedgerAccounts() {
      const result = await call('GetGrootboekrekeningen', [
        [
          'cFilter',
          [
            ['ID', '0'],
            ['Code', ''],
            ['Categorie', ''],
          ],
        ],
      ]);
      const got = items(
        'GetGrootboekrekeningen',
        result,
        'Rekeningen',
        'cGrootboekrekening',
        grootboekrekeningSchema,
        toLedgerAccount,
      );
      yield page(got.items, got.rejected, got.received);
    },

    async periodBalances(period) {
      const result = await call('GetSaldi', [
        [
          'cFilter',
          [
            ['KostenPlaatsId', '0'],
            // DatumVan is nillable but required; "all dates" means the same as none.
            ['DatumVan', period.from ?? ALL_DATES.from],
            ['DatumTot', period.to],
            ['Categorie', ''],
          ],
        ],
      ]);
      const got = items('GetSaldi', result, 'Saldi', 'cSaldo', saldoSchema, (s) => ({
        code: s.Code,
        category: s.Categorie,
        cents: Math.round(s.Saldo * 100),
      }));
      // A ledger left out would be money missing from every sum: refuse the answer instead.
      if (got.rejected.length) throw malformed('GetSaldi', 'Saldi', got.rejected[0].message);
      return got.items;
    },

    listMutations: mutationLister(call),

    async *listOpenItems(side: OpenItemSide) {
      const result = await call('GetOpenPosten', [['OpSoort', side === 'debtors' ? 'Debiteuren' : 'Crediteuren']]);
      const got = items('GetOpenPosten', result, 'Openposten', 'cOpenPost', openPostSchema, toOpenItem(side));
      yield page(got.items, got.rejected, got.received);
    },

    // eslint-disable-next-line require-yield -- SOAP has no such list: the first read throws.
    async *listInvoiceTemplates() {
      throw new EBoekhoudenError(
        'The SOAP connection cannot list invoice templates: type the template name exactly as it appears in e-Boekhouden, or connect with an API token to choose from a list.',
        { kind: 'validation', code: 'NOT_SUPPORTED', operation: 'listInvoiceTemplates' },
      );
    },

    async findInvoice(number) {
      const result = await call('GetFacturen', [
        [
          'cFilter',
          [
            ['Factuurnummer', number],
            ['Relatiecode', ''],
            ['DatumVan', ALL_DATES.from],
            ['DatumTm', ALL_DATES.to],
          ],
        ],
      ]);
      const got = items('GetFacturen', result, 'Facturen', 'cFactuurList', factuurSchema, toInvoice);
      const match = got.items.find((i) => i.number === number);
      if (!match && got.rejected.length) throw rejectedRecord('GetFacturen', got.rejected[0]!);
      return match ?? null;
    },

    async createInvoice(input: NewInvoice) {
      const parsed = soapInvoiceSchema.safeParse(input);
      if (!parsed.success) throw invalidInput('AddFactuur', parsed.error);
      const result = await call('AddFactuur', [['oFact', invoiceFields(parsed.data)]], true);
      const { Factuurnummer } = parseResponse(addFactuurResultSchema, result, 'AddFactuur');
      return { number: Factuurnummer };
    },
  };
}
