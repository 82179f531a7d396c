/**
 * A small in-memory e-Boekhouden for engine unit tests: the `EBoekhouden` interface over plain
 * arrays, with the two transports' shapes (REST: thin lists + detail reads, pages; SOAP: full
 * rows, capped lists) and switches for the failures the engine must handle.
 */
import { EBoekhoudenError } from '../../lib/eboekhouden/errors';
import type { EBoekhouden, MutationQuery } from '../../lib/eboekhouden/api';
import type {
  Administration,
  InvoiceTemplate,
  LedgerAccount,
  Mutation,
  OpenItem,
  OpenItemSide,
  Page,
  Product,
  ProductListItem,
  Relation,
  RelationListItem,
} from '../../lib/eboekhouden/types';

export interface FakeData {
  relations: Relation[];
  products: Product[];
  ledgerAccounts: LedgerAccount[];
  mutations: Mutation[];
  openItems: OpenItem[];
  templates: InvoiceTemplate[];
  /** Undefined: not an accountant (EP_001). */
  administrations?: Administration[];
}

export interface FakeOptions {
  kind?: 'rest' | 'soap';
  pageSize?: number;
  /** SOAP relations/products cap. */
  soapCap?: number;
}

export class FakeEBoekhouden implements EBoekhouden {
  readonly kind: 'rest' | 'soap';
  readonly capabilities;
  requests = 0;
  /** Calls by operation name, e.g. calls.getRelation. */
  calls: Record<string, number> = {};
  rejectCredentials = false;
  /** Product ids whose detail read fails validation (REST) / whose list row is rejected (SOAP). */
  corruptProducts = new Set<number>();
  /** Called before every request; throw from it to inject a failure. */
  beforeRequest?: (operation: string) => void | Promise<void>;
  private pageSize: number;
  private soapCap: number;

  constructor(
    public data: FakeData,
    o: FakeOptions = {},
  ) {
    this.kind = o.kind ?? 'rest';
    this.pageSize = o.pageSize ?? 100;
    this.soapCap = o.soapCap ?? 2000;
    const rest = this.kind === 'rest';
    this.capabilities = {
      completeLists: rest,
      listInvoiceTemplates: rest,
      listsCarryDetails: !rest,
      mutationLinesInLists: !rest,
    };
  }

  private async hit(op: string) {
    this.requests++;
    this.calls[op] = (this.calls[op] ?? 0) + 1;
    if (this.rejectCredentials) {
      throw new EBoekhoudenError('The access token was refused.', {
        kind: 'auth',
        code: this.kind === 'rest' ? 'API_SESSION_004' : 'E001.1',
        operation: op,
        status: 403,
      });
    }
    await this.beforeRequest?.(op);
  }

  private async *pages<T>(op: string, all: T[], pageSize = this.pageSize): AsyncIterable<Page<T>> {
    let received = 0;
    for (let offset = 0; ; offset += pageSize) {
      await this.hit(op);
      const items = all.slice(offset, offset + pageSize);
      received += items.length;
      yield { items, received, total: this.kind === 'soap' ? all.length : undefined };
      if (items.length < pageSize) return;
    }
  }

  async open() {}
  async close() {}

  async listAdministrations() {
    await this.hit('listAdministrations');
    if (!this.data.administrations)
      throw new EBoekhoudenError('This endpoint is only available to accountants.', {
        kind: 'validation',
        code: 'EP_001',
        operation: 'GET /v1/administration',
        status: 400,
      });
    return this.data.administrations;
  }

  listRelations(): AsyncIterable<Page<RelationListItem>> {
    if (this.kind === 'rest')
      return this.pages(
        'listRelations',
        this.data.relations.map((r) => ({ id: r.id, code: r.code, type: r.type })),
      );
    return this.capped(
      'listRelations',
      this.data.relations.map((r) => ({ id: r.id, code: r.code, type: r.type, relation: structuredClone(r) })),
    );
  }

  private async *capped<T extends { id: number }>(op: string, all: T[]): AsyncIterable<Page<T>> {
    await this.hit(op);
    const items = all.slice(0, this.soapCap);
    const rejected = items
      .filter((i) => this.corruptProducts.has(i.id) && op === 'listProducts')
      .map((i) => ({ id: i.id, message: 'Prijs: expected a number' }));
    const ok = items.filter((i) => !(this.corruptProducts.has(i.id) && op === 'listProducts'));
    yield {
      items: ok,
      received: items.length,
      total: items.length,
      rejected: rejected.length ? rejected : undefined,
      truncated:
        all.length > this.soapCap
          ? { operation: op, received: this.soapCap, limit: this.soapCap, message: 'cut short' }
          : undefined,
    };
  }

  async getRelation(id: number) {
    await this.hit('getRelation');
    const r = this.data.relations.find((x) => x.id === id);
    if (!r)
      throw new EBoekhoudenError('Relation not found.', {
        kind: 'validation',
        code: 'REL_055',
        operation: 'GET /v1/relation/{id}',
        status: 404,
      });
    return structuredClone(r);
  }

  async findRelationByCode(code: string) {
    await this.hit('findRelationByCode');
    return structuredClone(this.data.relations.find((r) => r.code === code) ?? null);
  }

  async createRelation(): Promise<{ id: number; code: string }> {
    throw new Error('not used by imports');
  }

  listProducts(): AsyncIterable<Page<ProductListItem>> {
    const rows = this.data.products.map((p) => ({
      id: p.id,
      code: p.code,
      description: p.description,
      unit: p.unit,
      active: p.active,
    }));
    if (this.kind === 'rest') return this.pages('listProducts', rows);
    return this.capped(
      'listProducts',
      this.data.products.map((p, i) => ({ ...rows[i], product: structuredClone(p) })),
    );
  }

  async getProduct(id: number) {
    await this.hit('getProduct');
    if (this.corruptProducts.has(id))
      throw new EBoekhoudenError('GET /v1/product/{id}: priceExcl: expected a number', {
        kind: 'upstream',
        operation: 'GET /v1/product/{id}',
        status: 200,
      });
    const p = this.data.products.find((x) => x.id === id);
    if (!p)
      throw new EBoekhoudenError('Product not found.', {
        kind: 'validation',
        code: 'ART_001',
        operation: 'GET /v1/product/{id}',
        status: 404,
      });
    return structuredClone(p);
  }

  listLedgerAccounts() {
    return this.pages('listLedgerAccounts', this.data.ledgerAccounts, 2000);
  }

  /** No movements: the fake has no bookings by ledger (the contract tests check the real thing). */
  async periodBalances() {
    await this.hit('periodBalances');
    return [];
  }

  listMutations(q: MutationQuery = {}) {
    const rows = this.data.mutations
      .filter((m) => q.afterId === undefined || m.id > q.afterId)
      .sort((a, b) => a.id - b.id);
    return this.pages('listMutations', rows);
  }

  listOpenItems(side: OpenItemSide) {
    return this.pages(
      'listOpenItems',
      this.data.openItems.filter((i) => i.side === side),
    );
  }

  listInvoiceTemplates() {
    if (this.kind === 'soap')
      throw new EBoekhoudenError('Not supported', {
        kind: 'validation',
        code: 'NOT_SUPPORTED',
        operation: 'listInvoiceTemplates',
      });
    return this.pages('listInvoiceTemplates', this.data.templates);
  }

  async findInvoice() {
    return null;
  }

  async createInvoice(): Promise<{ number: string }> {
    throw new Error('not used by imports');
  }
}

/** A deterministic administration of the given size. */
export function fakeData(
  n: { relations?: number; products?: number; mutations?: number; ledger?: number; openItems?: number } = {},
): FakeData {
  const relations: Relation[] = Array.from({ length: n.relations ?? 30 }, (_, i) => ({
    id: 1000 + i,
    code: `R${String(i + 1).padStart(4, '0')}`,
    type: i % 3 === 0 ? 'P' : 'B',
    name: `Klant ${i + 1}`,
    city: i % 2 ? 'Utrecht' : 'Zwolle',
    email: `klant${i + 1}@example.nl`,
    inactive: false,
  }));
  const units = ['stuk', 'uur', 'meter', 'Uren', 'HOUR', 'u', 'doos', 'hours', 'uurtje'];
  const products: Product[] = Array.from({ length: n.products ?? 18 }, (_, i) => ({
    id: 5000 + i,
    code: `A${i + 1}`,
    description: `Artikel ${i + 1}`,
    unit: units[i % units.length],
    active: true,
    priceExcl: 10 + i,
    vatCode: i % 2 ? 'LAAG_VERK_9' : 'HOOG_VERK_21',
    ledgerCode: i % 2 ? '8010' : '8000',
  }));
  const ledgerAccounts: LedgerAccount[] = Array.from({ length: n.ledger ?? 12 }, (_, i) => ({
    id: 22206000 + i,
    code: String(8000 + i * 10),
    description: `Rekening ${i}`,
    category: 'VW',
  }));
  const mutations: Mutation[] = Array.from({ length: n.mutations ?? 250 }, (_, i) => ({
    id: i + 1,
    type: 2,
    date: '2026-01-15',
    ledgerCode: '1300',
    relationCode: relations[i % Math.max(1, relations.length)]?.code,
    invoiceNumber: `F${i + 1}`,
    amount: 100 + i,
  }));
  const openItems: OpenItem[] = Array.from({ length: n.openItems ?? 8 }, (_, i) => ({
    side: i % 2 ? 'creditors' : 'debtors',
    date: '2026-02-01',
    invoiceNumber: `F${i + 1}`,
    relationCode: relations[i % Math.max(1, relations.length)]?.code ?? 'X',
    relationName: `Klant ${i + 1}`,
    total: 121,
    paid: 0,
    outstanding: 121,
  }));
  const templates: InvoiceTemplate[] = [
    { id: 1, name: 'Standaard', active: true },
    { id: 2, name: 'Offerte', active: true },
  ];
  return { relations, products, ledgerAccounts, mutations, openItems, templates };
}
