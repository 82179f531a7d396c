/**
 * The one interface the rest of the product uses to talk to e-Boekhouden.
 * Two transports implement it: REST v1 (API token) in rest/ and SOAP (security codes) in soap/.
 */
import type {
  Administration,
  CreatedInvoice,
  Invoice,
  InvoiceTemplate,
  LedgerAccount,
  LedgerMovement,
  Mutation,
  NewInvoice,
  NewRelation,
  OpenItem,
  OpenItemSide,
  Page,
  Period,
  Product,
  ProductListItem,
  Relation,
  RelationListItem,
} from './types';

export interface Capabilities {
  /** Lists are complete: every record can be reached by paging. False for SOAP relations/products. */
  completeLists: boolean;
  /** Invoice templates can be listed (REST only; with SOAP a template is typed by name). */
  listInvoiceTemplates: boolean;
  /**
   * List rows always carry the whole record (SOAP). False: a row carries it only when it has every
   * detail field (REST, row by row: `RelationListItem.relation`, `ProductListItem.product`), and
   * the others need `getRelation`/`getProduct`.
   */
  listsCarryDetails: boolean;
  /** Mutation lists include their lines. */
  mutationLinesInLists: boolean;
}

export interface MutationQuery {
  /** Only mutations with an id (MutatieNr) greater than this: the incremental cursor. */
  afterId?: number;
  /** Inclusive date range, YYYY-MM-DD. */
  from?: string;
  to?: string;
}

export interface EBoekhouden {
  readonly kind: 'rest' | 'soap';
  readonly capabilities: Capabilities;

  /** Opens a session (also done lazily by every call) and checks the credentials. */
  open(): Promise<void>;
  /** Ends the session, if one is open. Never throws. */
  close(): Promise<void>;

  /**
   * The administrations the connection can see. REST: `/v1/administration` (accountants), else
   * `/v1/administration/linked`; an error with EP_001 / E002.5 means "not an accountant".
   */
  listAdministrations(): Promise<Administration[]>;

  listRelations(): AsyncIterable<Page<RelationListItem>>;
  getRelation(id: number): Promise<Relation>;
  findRelationByCode(code: string): Promise<Relation | null>;
  createRelation(relation: NewRelation): Promise<{ id: number; code: string }>;

  /** Products with their unit resolved to its name. */
  listProducts(): AsyncIterable<Page<ProductListItem>>;
  getProduct(id: number): Promise<Product>;

  listLedgerAccounts(): AsyncIterable<Page<LedgerAccount>>;

  /**
   * Every ledger account's movement over the period (both ends inclusive). REST splits the period
   * and adds the parts up when e-Boekhouden answers LEDG_020 ("took too long"); a bad item is an
   * `upstream` error, never a ledger silently left out (its money would be missing from every sum).
   */
  periodBalances(period: Period): Promise<LedgerMovement[]>;

  /** All matching mutations, oldest first, every page (SOAP: walked in MutatieNr windows of 500). */
  listMutations(query?: MutationQuery): AsyncIterable<Page<Mutation>>;

  listOpenItems(side: OpenItemSide): AsyncIterable<Page<OpenItem>>;

  /** REST only (see capabilities); SOAP throws a `validation` error with code NOT_SUPPORTED. */
  listInvoiceTemplates(): AsyncIterable<Page<InvoiceTemplate>>;

  findInvoice(number: string): Promise<Invoice | null>;
  /**
   * Creates (and by default books) an invoice. Never retried on a network error: the
   * error then has `outcomeUnknown: true` and the caller looks the number up first.
   */
  createInvoice(invoice: NewInvoice): Promise<CreatedInvoice>;
}

export type Credentials =
  | { kind: 'token'; apiToken: string }
  | { kind: 'securityCodes'; username: string; securityCode1: string; securityCode2: string };

export interface TransportOptions {
  /** Where `/v1/...` (REST) or `/soap.asmx` (SOAP) lives: the proxy, the sandbox, or e-Boekhouden itself. */
  baseUrl: string;
  credentials: Credentials;
  /** Sent as X-Proxy-Token when the proxy asks for one. */
  proxyToken?: string;
  /** Accountants: the administration to open (SOAP OpenSessionSub). */
  administrationGuid?: string;
  /** Our name towards e-Boekhouden (REST `source`, SOAP `Source`). */
  source?: string;
  fetch?: typeof fetch;
  /** Per request. Default 30 s. */
  timeoutMs?: number;
  /** Network retries for reads: attempts after the first, and the first backoff. */
  retries?: number;
  retryBaseMs?: number;
  /** REST page size, 1–2000. Default 2000. */
  pageSize?: number;
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** Collects a whole listing; for callers that do not need page-by-page progress. */
export async function collect<T>(
  pages: AsyncIterable<Page<T>>,
): Promise<{ items: T[]; truncated?: Page<T>['truncated'] }> {
  const items: T[] = [];
  let truncated: Page<T>['truncated'];
  for await (const page of pages) {
    for (const item of page.items) items.push(item);
    if (page.truncated) truncated = page.truncated;
  }
  return { items, truncated };
}
