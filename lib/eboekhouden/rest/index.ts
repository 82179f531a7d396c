/**
 * The REST v1 transport (API token). Maps REST's numeric ids to the codes the domain uses,
 * pages every list, and validates every response with zod before it leaves.
 */
import type { z } from 'zod';
import type { Capabilities, EBoekhouden, MutationQuery, TransportOptions } from '../api';
import { EBoekhoudenError, isEBoekhoudenError } from '../errors';
import { isNotFound } from './errors';
import { createRestClient, type Query } from './client';
import { invoiceTotals } from './invoices';
import { createLookups } from './lookups';
import { listAll, listPages, pageSizeOf } from './pages';
import * as wire from './wire';
import {
  MAX_INVOICE_LINES,
  newInvoiceSchema,
  newRelationSchema,
  type Administration,
  type CreatedInvoice,
  type Invoice,
  type InvoiceLine,
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
import { compact, firstIssue, parseResponse, RecordError } from '../validate';

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

  function toRelation(r: z.output<typeof wire.relation>): Relation {
    return compact<Relation>({
      id: r.id,
      code: r.code,
      type: r.type,
      name: r.name,
      contact: r.contact,
      email: r.emailAddress,
      emailInvoice: r.emailAddressInvoice,
      emailReminder: r.emailAddressReminder,
      phone: r.phoneNumber ?? r.mobilePhoneNumber,
      address: r.address,
      postalCode: r.postalCode,
      city: r.city,
      country: r.country,
      vatNumber: r.vatNumber,
      cocNumber: r.companyRegistrationNumber,
      iban: r.iban,
      termOfPayment: r.termOfPayment,
      inactive: r.inactive ?? false,
      addedOn: r.date,
    });
  }

  async function getRelation(id: number): Promise<Relation> {
    const r = await getOne('GET /v1/relation/{id}', `/v1/relation/${id}`, wire.relation);
    lookups.rememberRelation(r.id, r.code);
    return toRelation(r);
  }

  function unitName(units: Map<number, string>, unitId: number | undefined): string {
    return unitId === undefined ? '' : (units.get(unitId) ?? '');
  }

  async function toProduct(p: z.output<typeof wire.product>): Promise<Product> {
    const [units, ledgers, groups] = await Promise.all([
      lookups.unitNameById(),
      lookups.ledgerById(),
      p.groupId === undefined ? undefined : lookups.productGroupCodeById(),
    ]);
    return compact<Product>({
      id: p.id,
      code: p.code,
      description: p.description,
      unit: unitName(units, p.unitId),
      active: p.active,
      groupCode: p.groupId === undefined ? undefined : groups?.get(p.groupId),
      priceExcl: p.priceExcl,
      priceIncl: p.priceIncl,
      purchasePriceExcl: p.purchasePriceExcl,
      vatCode: p.vat,
      ledgerCode: p.ledgerId === undefined ? undefined : ledgers.get(p.ledgerId)?.code,
    });
  }

  function refused(message: string, code: string | undefined, operation: string, field?: string): EBoekhoudenError {
    return new EBoekhoudenError(message, { kind: 'validation', code, operation, field });
  }

  async function invoiceBody(invoice: NewInvoice, operation: string): Promise<wire.InvoiceBody> {
    const relationId = await lookups.relationIdByCode(invoice.relationCode);
    if (relationId === undefined) {
      throw refused(
        `There is no relation with code "${invoice.relationCode}" in e-Boekhouden: export the customer first.`,
        'FACT_002',
        operation,
        'relationCode',
      );
    }
    const templateId = await lookups.templateIdByName(invoice.template);
    if (templateId === undefined) {
      throw refused(
        `There is no invoice template named "${invoice.template}" in e-Boekhouden: choose one of its templates.`,
        'FACT_018',
        operation,
        'template',
      );
    }
    const items: wire.InvoiceItemBody[] = [];
    for (const [i, line] of invoice.lines.entries()) {
      const ledgerId = await lookups.ledgerIdByCode(line.ledgerCode);
      if (ledgerId === undefined) {
        throw refused(
          `Line ${i + 1} ("${line.description}") uses counter account ${line.ledgerCode}, which does not exist in e-Boekhouden.`,
          'FACT_ITEM_012',
          operation,
          `lines[${i}].ledgerCode`,
        );
      }
      const unitId = line.unit ? await lookups.unitIdByName(line.unit) : undefined;
      items.push(
        compact<wire.InvoiceItemBody>({
          description: line.description,
          vatCode: line.vatCode,
          ledgerId,
          quantity: line.quantity,
          code: line.code,
          pricePerUnit: line.pricePerUnit,
          unitId,
          costCenterId: line.costCenterId,
          discountAmount: line.discountAmount,
          discountPercentage: line.discountPercentage,
        }),
      );
    }
    let mutation: wire.InvoiceBody['mutation'];
    if (invoice.bookInAccounts) {
      const ledgerId = await lookups.debtorsLedgerId();
      if (ledgerId === undefined) {
        throw refused(
          'The invoice cannot be booked: e-Boekhouden has no debtors ledger account (category DEB).',
          undefined,
          operation,
          'bookInAccounts',
        );
      }
      const description = invoice.bookingDescription ?? (invoice.number ? `Factuur ${invoice.number}` : 'Factuur');
      // The invoice number as payment reference, checked: e-Boekhouden itself then refuses a second
      // booking of the same invoice (FACT_VERWERK_004 / MUTA_008, read as a duplicate by the outbox).
      const paymentReference = invoice.number ? invoice.number.slice(0, 50) : undefined;
      mutation = compact({
        description: description.slice(0, 200),
        ledgerId,
        paymentReference,
        checkPaymentReference: paymentReference ? true : undefined,
      });
    }
    return compact<wire.InvoiceBody>({
      relationId,
      templateId,
      termOfPayment: invoice.termOfPayment,
      invoiceNumber: invoice.number || undefined,
      date: invoice.date,
      inExVat: 'EX',
      items,
      mutation,
      email: invoice.email
        ? compact({
            fromEmail: invoice.email.fromAddress,
            fromName: invoice.email.fromName,
            subject: invoice.email.subject,
            body: invoice.email.body,
          })
        : undefined,
    });
  }

  /** Our own check before anything is sent: the same rules the forms use. */
  function checkInput<S extends z.ZodType>(schema: S, value: unknown, operation: string, what: string): z.output<S> {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const { field, reason } = firstIssue(result.error);
    throw refused(
      `The ${what} cannot be sent: ${field ? `${field}: ` : ''}${reason}.`,
      undefined,
      operation,
      field || undefined,
    );
  }

  function listAdministrationsAt(path: string): Promise<Administration[]> {
    return listAll(client, pageSize, {
      operation: `GET ${path}`,
      path,
      schema: wire.administration,
      map: (a) =>
        compact<Administration>({
          guid: a.guid,
          company: a.company,
          city: a.city,
          startYear: a.startYear == null ? undefined : String(a.startYear),
        }),
    });
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

    /**
     * `/v1/administration` answers EP_001 to anyone who is not an accountant; `/linked` works for
     * everyone (a live observation the document does not show). The first that answers is used;
     * when neither does, the EP_001 stands, which callers read as "not an accountant".
     */
    async listAdministrations(): Promise<Administration[]> {
      try {
        return await listAdministrationsAt('/v1/administration');
      } catch (e) {
        if (!isEBoekhoudenError(e) || e.code !== 'EP_001') throw e;
        try {
          return await listAdministrationsAt('/v1/administration/linked');
        } catch (linked) {
          // Only e-Boekhouden refusing /linked as well (a 4xx of its own) leaves "not an accountant";
          // the connection failing (credentials, network, quota, session, a 5xx, a malformed answer) is that failure.
          const refused =
            isEBoekhoudenError(linked) &&
            linked.status !== undefined &&
            linked.status >= 400 &&
            linked.status < 500 &&
            !['auth', 'limit', 'session'].includes(linked.kind);
          throw refused ? e : linked;
        }
      }
    },

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
      const relationId = detail.relationId ?? found.relationId;
      const [ledgers, units, relationCode] = await Promise.all([
        lookups.ledgerById(),
        lookups.unitNameById(),
        relationId === undefined ? undefined : lookups.relationCodeById(relationId),
      ]);
      if (relationCode === undefined)
        throw new EBoekhoudenError(`Invoice ${number} refers to a relation e-Boekhouden cannot find (${operation}).`, {
          kind: 'upstream',
          operation,
          field: 'relationId',
        });
      const lines: InvoiceLine[] = detail.items.map((item, i) => {
        const ledger = ledgers.get(item.ledgerId);
        if (!ledger) {
          throw new EBoekhoudenError(
            `Invoice ${number} line ${i + 1} refers to an unknown ledger account (${operation}).`,
            {
              kind: 'upstream',
              operation,
              field: `items[${i}].ledgerId`,
            },
          );
        }
        return compact<InvoiceLine>({
          code: item.code ?? '',
          description: item.description,
          quantity: item.quantity ?? item.amount ?? 1,
          unit: item.unitId === undefined ? undefined : units.get(item.unitId),
          pricePerUnit: item.pricePerUnit,
          vatCode: item.vatCode,
          ledgerCode: ledger.code,
          costCenterId: item.costCenterId,
          discountAmount: item.discountAmount,
          discountPercentage: item.discountPercentage,
        });
      });
      const totals = invoiceTotals(detail, found);
      return compact<Invoice>({
        number: detail.invoiceNumber,
        relationCode,
        date: detail.date,
        termOfPayment: detail.termOfPayment ?? found.termOfPayment,
        ...totals,
        pdfUrl: detail.urlPdfFile ?? found.urlPdfFile,
        lines,
      });
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
