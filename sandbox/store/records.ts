/**
 * What the store holds and how it is found: the records by kind, the indexes by code, number and
 * name, and the id counters. The writes and the derived figures are in `Store` (index.ts), which
 * extends this; nothing here changes a record.
 */
import { lowestCodeOf, type SbCostCenter, type SbLedger } from './ledgers';
import type { SbInvoice, SbTemplate } from './invoices';
import type { SbMutation } from './mutations';
import type { SbOpenItem } from './open-items';
import type { SbProduct, SbProductGroup, SbUnit } from './products';
import type { SbMember, SbRelation } from './relations';
import { SortedById } from './sorted';
import { VAT_PERCENTAGES } from './vat';

export type SeedName = 'empty' | 'demo' | 'large';
export const SEED_NAMES: readonly SeedName[] = ['empty', 'demo', 'large'];

export interface SbAdministration {
  guid: string;
  company: string;
  city: string;
  startYear: string;
}

/** First ids per entity: e-Boekhouden ids are large internal numbers, not codes. */
const FIRST_ID = {
  relation: 48210001,
  unit: 1,
  productGroup: 301,
  product: 3100001,
  ledger: 22206001,
  costCenter: 9101,
  template: 81001,
  invoice: 7700001,
  mutation: 1,
  member: 27,
} as const;
export type Entity = keyof typeof FIRST_ID;

export class StoreRecords {
  relations = new Map<number, SbRelation>();
  units = new Map<number, SbUnit>();
  productGroups = new Map<number, SbProductGroup>();
  products = new Map<number, SbProduct>();
  ledgers = new Map<number, SbLedger>();
  costCenters = new Map<number, SbCostCenter>();
  mutations = new Map<number, SbMutation>();
  templates = new Map<number, SbTemplate>();
  invoices = new Map<number, SbInvoice>();
  members = new Map<number, SbMember>();
  administrations: SbAdministration[] = [];
  seed: SeedName = 'empty';

  /** Bumped on every write; derived data (open items, balances) is cached per version. */
  version = 0;

  protected relationCodes = new Map<string, number>();
  protected ledgerCodes = new Map<string, number>();
  protected templateNames = new Map<string, number>();
  protected invoiceNumbers = new Map<string, number>();
  protected nextId: Record<Entity, number> = { ...FIRST_ID };
  protected sortedCache = new SortedById();
  protected openItemsCache: { version: number; D: SbOpenItem[]; C: SbOpenItem[] } | null = null;
  protected autoInvoiceNumber = 1;

  constructor() {
    this.clear('empty');
  }

  /** Empties the administration; `reseed` (seeds/) fills it again with a seed's records. */
  clear(seed: SeedName): void {
    for (const m of [
      this.relations,
      this.units,
      this.productGroups,
      this.products,
      this.ledgers,
      this.costCenters,
      this.mutations,
      this.templates,
      this.invoices,
      this.members,
    ])
      m.clear();
    this.administrations = [];
    this.relationCodes.clear();
    this.ledgerCodes.clear();
    this.templateNames.clear();
    this.invoiceNumbers.clear();
    this.nextId = { ...FIRST_ID };
    this.sortedCache = new SortedById();
    this.openItemsCache = null;
    this.autoInvoiceNumber = 1;
    this.seed = seed;
    this.version++;
  }

  /**
   * Records of a map sorted ascending by id; callers must not mutate the array. Records are only
   * added (updates change them in place), so the cached array stays right until the map grows.
   */
  sorted<T extends { id: number }>(map: Map<number, T>): readonly T[] {
    return this.sortedCache.of(map);
  }

  /** Marks derived data stale after a write that bypassed the add/update methods (control API). */
  touch(): void {
    this.version++;
  }

  relationByCode(code: string): SbRelation | undefined {
    const id = this.relationCodes.get(code);
    return id === undefined ? undefined : this.relations.get(id);
  }
  ledgerByCode(code: string): SbLedger | undefined {
    const id = this.ledgerCodes.get(code);
    return id === undefined ? undefined : this.ledgers.get(id);
  }
  templateByName(name: string): SbTemplate | undefined {
    const id = this.templateNames.get(name.toLowerCase());
    return id === undefined ? undefined : this.templates.get(id);
  }
  invoiceByNumber(n: string): SbInvoice | undefined {
    const id = this.invoiceNumbers.get(n);
    return id === undefined ? undefined : this.invoices.get(id);
  }
  unitBySingular(singular: string): SbUnit | undefined {
    const s = singular.toLowerCase();
    for (const u of this.units.values()) if (u.singular.toLowerCase() === s) return u;
    return undefined;
  }
  productGroupByCode(code: string): SbProductGroup | undefined {
    for (const g of this.productGroups.values()) if (g.code === code) return g;
    return undefined;
  }
  /** The debtors ledger invoices are booked on: the lowest code of category DEB. */
  debtorsLedger(): SbLedger | undefined {
    return this.lowestCode('DEB');
  }
  creditorsLedger(): SbLedger | undefined {
    return this.lowestCode('CRED');
  }
  private lowestCode(category: string): SbLedger | undefined {
    return lowestCodeOf(this.ledgers.values(), category);
  }

  /**
   * The store id of the administration's opening balance: the first mutation, when it is of type 0.
   * REST shows it as mutation 0 (live lists do); SOAP keeps its MutatieNr.
   */
  openingBalanceId(): number | undefined {
    const first = this.sorted(this.mutations)[0];
    return first && first.type === 0 ? first.id : undefined;
  }

  /** Whether a booked mutation already carries this payment reference (checkPaymentReference). */
  paymentReferenceInUse(reference: string): boolean {
    if (!reference) return false;
    for (const m of this.mutations.values()) if (m.paymentReference === reference) return true;
    return false;
  }

  vatPercentage(code: string): number {
    return VAT_PERCENTAGES[code] ?? 0;
  }
}
