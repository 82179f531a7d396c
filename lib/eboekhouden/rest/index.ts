/**
 * The REST v1 transport (API token). Maps REST's numeric ids to the codes the domain uses,
 * pages every list, and validates every response with zod before it leaves.
 */
import type { z } from 'zod';
import type { Capabilities, EBoekhouden, MutationQuery, TransportOptions } from '../api';
import { isNotFound } from './errors';
import { listAdministrations } from './administrations';
import { createRestClient, type Query } from './client';
import { createPeriodBalances } from './balances';
import { buildInvoiceBody, checkInput, refused } from './invoice-body';
import { invoiceFromWire } from './invoice-read';
import { createLookups } from './lookups';
import { listAll, listPages, pageSizeOf } from './pages';
import { productFromWire, toRelation, unitName } from './records';
import * as wire from './wire';
import {
  MAX_INVOICE_LINES,
  newInvoiceSchema,
  newRelationSchema,
  type CreatedInvoice,
  type Invoice,
  type InvoiceTemplate,
  type LedgerAccount,
  type Mutation,
  type NewInvoice,
  type NewRelation,
  type OpenItem,
  type OpenItemSide,
  type Page,
  type Product,
  type ProductListItem,
  type Relation,
  type RelationListItem,
} from '../types';
import { compact, parseResponse, RecordError } from '../validate';

const CAPABILITIES: Capabilities = {
  completeLists: true,
  listInvoiceTemplates: true,
  listsCarryDetails: false,
  mutationLinesInLists: false,
};

export function createRestTransport(options: TransportOptions): EBoekhouden {
  const pageSize = pageSizeOf(options.pageSize);
  const client = createRestClient(options);
  const lookups = createLookups(client, pageSize);
  const toProduct = (p: z.output<typeof wire.product>) => productFromWire(lookups, p);
  const invoiceBody = (invoice: NewInvoice, operation: string) => buildInvoiceBody(lookups, invoice, operation);

  /** GET a single record, validated. */
  async function getOne<S extends z.ZodType>(operation: string, path: string, schema: S): Promise<z.output<S>> {
    const data = await client.request({ operation, method: 'GET', path });
    return parseResponse(schema, data, operation);
  }

  /** null when e-Boekhouden says the record does not exist (404 with its not-found code). */
  async function orNull<T>(promise: Promise<T>): Promise<T | null> {
    try {
      return await promise;
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  async function getRelation(id: number): Promise<Relation> {
    const r = await getOne('GET /v1/relation/{id}', `/v1/relation/${id}`, wire.relation);
    lookups.rememberRelation(r.id, r.code);
    return toRelation(r);
  }

  const transport: EBoekhouden = {
    kind: 'rest',
    capabilities: CAPABILITIES,

    open: () => client.ensureSession(),

    async close() {
      try {
        await client.close();
      } finally {
        lookups.clear();
      }
    },

    listAdministrations: () => listAdministrations(client, pageSize),

    listRelations(): AsyncIterable<Page<RelationListItem>> {
      return listPages(client, pageSize, {
        operation: 'GET /v1/relation',
        path: '/v1/relation',
        schema: wire.relation,
        map: (r, raw): RelationListItem => {
          lookups.rememberRelation(r.id, r.code);
          const item: RelationListItem = { id: r.id, code: r.code, type: r.type };
          // A list item with every detail field needs no GET /v1/relation/{id}.
          if (wire.carriesFields(raw, wire.RELATION_DETAIL_FIELDS)) item.relation = toRelation(r);
          return item;
        },
      });
    },

    getRelation,

    async findRelationByCode(code: string): Promise<Relation | null> {
      const id = await lookups.relationIdByCode(code);
      if (id === undefined) return null;
      return orNull(getRelation(id));
    },

    async createRelation(relation: NewRelation): Promise<{ id: number; code: string }> {
      const operation = 'POST /v1/relation';
      const r = checkInput(newRelationSchema, relation, operation, 'relation');
      const body = compact<wire.RelationBody>({
        code: r.code,
        type: r.type,
        name: r.name,
        contact: r.contact,
        emailAddress: r.email,
        emailAddressInvoice: r.emailInvoice,
        emailAddressReminder: r.emailReminder,
        phoneNumber: r.phone,
        address: r.address,
        postalCode: r.postalCode,
        city: r.city,
        country: r.country,
        vatNumber: r.vatNumber,
        companyRegistrationNumber: r.cocNumber,
        iban: r.iban,
        termOfPayment: r.termOfPayment,
      });
      const data = await client.request({ operation, method: 'POST', path: '/v1/relation', body });
      const created = parseResponse(wire.createdRelation, data, operation);
      lookups.rememberRelation(created.id, created.code);
      return { id: created.id, code: created.code };
    },

    async *listProducts(): AsyncIterable<Page<ProductListItem>> {
      const units = await lookups.unitNameById();
      yield* listPages(client, pageSize, {
        operation: 'GET /v1/product',
        path: '/v1/product',
        schema: wire.product,
        map: async (p, raw): Promise<ProductListItem> => {
          const item: ProductListItem = {
            id: p.id,
            code: p.code,
            description: p.description,
            unit: unitName(units, p.unitId),
            active: p.active,
          };
          // A list item with every detail field needs no GET /v1/product/{id}.
          if (wire.carriesFields(raw, wire.PRODUCT_DETAIL_FIELDS)) item.product = await toProduct(p);
          return item;
        },
      });
    },

    async getProduct(id: number): Promise<Product> {
      return toProduct(await getOne('GET /v1/product/{id}', `/v1/product/${id}`, wire.product));
    },

    listLedgerAccounts(): AsyncIterable<Page<LedgerAccount>> {
      return listPages(client, pageSize, {
        operation: 'GET /v1/ledger',
        path: '/v1/ledger',
        schema: wire.ledger,
        map: (l) =>
          compact<LedgerAccount>({
            id: l.id,
            code: l.code,
            description: l.description,
            category: l.category,
            group: l.group,
          }),
      });
    },

    periodBalances: createPeriodBalances(client),

    async *listMutations(query: MutationQuery = {}): AsyncIterable<Page<Mutation>> {
      const ledgers = await lookups.ledgerById();
      const filter: Query = {};
      if (query.afterId !== undefined) filter['id[gt]'] = query.afterId;
      if (query.from && query.to) filter['date[range]'] = `${query.from},${query.to}`;
      else if (query.from) filter['date[gte]'] = query.from;
      else if (query.to) filter['date[lte]'] = query.to;
      yield* listPages(client, pageSize, {
        operation: 'GET /v1/mutation',
        path: '/v1/mutation',
        query: filter,
        schema: wire.mutationListItem,
        map: (m): Mutation => {
          const ledger = ledgers.get(m.ledgerId);
          if (!ledger) throw new RecordError('ledgerId', `no ledger account with id ${m.ledgerId}`);
          return compact<Mutation>({
            id: m.id,
            type: m.type,
            date: m.date,
            ledgerCode: ledger.code,
            invoiceNumber: m.invoiceNumber,
            entryNumber: m.entryNumber,
            description: m.description,
            amount: m.amount,
          });
        },
      });
    },

    listOpenItems(side: OpenItemSide): AsyncIterable<Page<OpenItem>> {
      return listPages(client, pageSize, {
        operation: 'GET /v1/mutation/invoice/outstanding',
        path: '/v1/mutation/invoice/outstanding',
        query: { credDeb: side === 'debtors' ? 'D' : 'C' },
        schema: wire.outstandingItem,
        map: async (o): Promise<OpenItem> => {
          const relationCode =
            o.relationCode ?? (o.relationId !== undefined ? await lookups.relationCodeById(o.relationId) : undefined);
          if (relationCode === undefined)
            throw new RecordError('relationCode', 'missing, and no relation to look it up by');
          return compact<OpenItem>({
            side,
            date: o.date,
            invoiceNumber: o.invoiceNumber,
            relationCode,
            relationName: o.company,
            total: o.totalAmount,
            paid: o.paidAmount,
            outstanding: o.outstandingAmount,
            mutationId: o.mutationId,
          });
        },
      });
    },

    listInvoiceTemplates(): AsyncIterable<Page<InvoiceTemplate>> {
      return listPages(client, pageSize, {
        operation: 'GET /v1/invoicetemplate',
        path: '/v1/invoicetemplate',
        schema: wire.invoiceTemplate,
        map: (t) => compact<InvoiceTemplate>({ id: t.id, name: t.name, active: t.active, type: t.type }),
      });
    },

    async findInvoice(number: string): Promise<Invoice | null> {
      const matches = await listAll(client, pageSize, {
        operation: 'GET /v1/invoice',
        path: '/v1/invoice',
        query: { invoiceNumber: number },
        schema: wire.invoiceListItem,
        map: (i) => i,
      });
      const found = matches.find((i) => i.invoiceNumber === number);
      if (!found) return null;
      const operation = 'GET /v1/invoice/{id}';
      const detail = await orNull(getOne(operation, `/v1/invoice/${found.id}`, wire.invoice));
      if (!detail) return null;
      return invoiceFromWire(lookups, number, detail, found, operation);
    },

    async createInvoice(invoice: NewInvoice): Promise<CreatedInvoice> {
      const operation = 'POST /v1/invoice';
      if (invoice.lines.length > MAX_INVOICE_LINES) {
        // The document's limit (maxItems 500, FACT_025 "Too many items."): refused before anything is sent.
        throw refused(
          `The invoice cannot be sent: it has ${invoice.lines.length} lines and e-Boekhouden accepts at most ${MAX_INVOICE_LINES}. Split it over two invoices.`,
          'FACT_025',
          operation,
          'lines',
        );
      }
      const valid = checkInput(newInvoiceSchema, invoice, operation, 'invoice');
      const body = await invoiceBody(valid, operation);
      const data = await client.request({ operation, method: 'POST', path: '/v1/invoice', body });
      const created = parseResponse(wire.createdInvoice, data, operation);
      return compact<CreatedInvoice>({ number: created.invoiceNumber, id: created.id, pdfUrl: created.urlPdfFile });
    },
  };
  return transport;
}
