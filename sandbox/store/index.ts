/**
 * The one in-memory administration behind both protocols, in REST-like camelCase names
 * (SOAP maps names). No protocol validation here: each protocol validates first with its
 * own codes; the store keeps ids, indexes and derived data (totals, open items) right.
 */
export type SeedName = 'empty' | 'demo' | 'large';
export const SEED_NAMES: readonly SeedName[] = ['empty', 'demo', 'large'];

export interface SbRelation {
  id: number;
  code: string;
  type: 'B' | 'P';
  name: string;
  contact: string;
  gender: '' | 'm' | 'v' | 'a';
  address: string;
  postalCode: string;
  city: string;
  country: string;
  address2: string;
  postalCode2: string;
  city2: string;
  country2: string;
  phoneNumber: string;
  mobilePhoneNumber: string;
  faxNumber: string;
  emailAddress: string;
  website: string;
  note: string;
  vatNumber: string;
  companyRegistrationNumber: string;
  salutation: string;
  iban: string;
  bic: string;
  inactive: boolean;
  termOfPayment: number;
  ledgerId: number;
  /** YYYY-MM-DD the relation was added. */
  date: string;
  /** Always 10 entries. */
  freeText: string[];
  createdVia: 'seed' | 'rest' | 'soap';
  /** Fields only REST writes (openapi-v1.json); absent on seeded and SOAP records means empty. */
  emailAddressInvoice?: string;
  emailAddressReminder?: string;
  doNotReceiveNewsletters?: boolean;
  mandate?: boolean;
  mandateType?: '' | 'E' | 'D';
  mandateId?: string;
  /** YYYY-MM-DD, or '' when none. */
  mandateSignedDate?: string;
}
/** A member (`/v1/member`): the person fields of a relation plus a member number. */
export interface SbMember {
  id: number;
  memberNumber: string;
  name: string;
  salutation: string;
  gender: '' | 'm' | 'v' | 'a';
  address: string;
  postalCode: string;
  city: string;
  country: string;
  phoneNumber: string;
  mobilePhoneNumber: string;
  faxNumber: string;
  emailAddress: string;
  emailAddressInvoice: string;
  emailAddressReminder: string;
  note: string;
  termOfPayment: number | null;
  iban: string;
  bic: string;
  freeText: string[];
  doNotReceiveNewsletters: boolean;
  ledgerId: number | null;
  mandate: boolean;
  mandateType: '' | 'E' | 'D';
  mandateId: string;
  mandateSignedDate: string;
}
export interface SbUnit {
  id: number;
  singular: string;
  plural: string;
}
export interface SbProductGroup {
  id: number;
  code: string;
  description: string;
}
export interface SbProduct {
  id: number;
  code: string;
  description: string;
  /** 0 = no unit. */
  unitId: number;
  active: boolean;
  groupId: number;
  purchasePriceExcl: number;
  priceExcl: number;
  priceIncl: number;
  /** A VAT code. */
  vat: string;
  ledgerId: number;
  costCenterId: number;
}
export interface SbLedger {
  id: number;
  code: string;
  description: string;
  category: string;
  group: string;
}
export interface SbCostCenter {
  id: number;
  description: string;
  parentId: number;
  active: boolean;
}
export interface SbMutationRow {
  ledgerId: number;
  vatCode: string;
  vatPercentage: number;
  /** As entered: incl. VAT when the mutation is IN, excl. when EX. */
  amount: number;
  amountExcl: number;
  vatAmount: number;
  amountIncl: number;
  description: string;
  invoiceNumber: string;
  relationId: number;
  costCenterId: number;
}
export interface SbMutation {
  /** = MutatieNr. */
  id: number;
  type: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;
  date: string;
  description: string;
  termOfPayment: number;
  ledgerId: number;
  relationId: number;
  inExVat: 'IN' | 'EX';
  invoiceNumber: string;
  entryNumber: string;
  rows: SbMutationRow[];
  /** REST `paymentReference`; '' when none. */
  paymentReference?: string;
}
export interface SbTemplate {
  id: number;
  name: string;
  active: boolean;
  type: 'E' | 'A';
}
export interface SbInvoiceItem {
  description: string;
  code: string;
  quantity: number;
  unit: string;
  pricePerUnit: number;
  vatCode: string;
  vatPercentage: number;
  ledgerId: number;
  costCenterId: number;
  productId: number;
  /** A fixed discount on pricePerUnit, or a percentage of it (never both; REST only). */
  discountAmount?: number | null;
  discountPercentage?: number | null;
}
export interface SbInvoice {
  id: number;
  invoiceNumber: string;
  relationId: number;
  date: string;
  termOfPayment: number;
  templateId: number;
  inExVat: 'IN' | 'EX';
  reference: string;
  text: string;
  items: SbInvoiceItem[];
  totalExcl: number;
  vatAmount: number;
  totalAmount: number;
  /** 0 when not booked. */
  mutationId: number;
  createdVia: 'seed' | 'rest' | 'soap';
  /** REST `emailTemplateId`; 0 or absent when none. */
  emailTemplateId?: number;
}
/** The administration's e-mail templates (`/v1/emailtemplate`): fixed, the same in every seed. */
export const EMAIL_TEMPLATES: readonly {
  id: number;
  name: string;
  useInvoice: boolean;
  useQuote: boolean;
  useMailing: boolean;
}[] = [
  { id: 1101, name: 'Factuur', useInvoice: true, useQuote: false, useMailing: false },
  { id: 1102, name: 'Herinnering', useInvoice: true, useQuote: false, useMailing: false },
  { id: 1103, name: 'Offerte', useInvoice: false, useQuote: true, useMailing: false },
];

export interface SbAdministration {
  guid: string;
  company: string;
  city: string;
  startYear: string;
}
export interface SbOpenItem {
  side: 'D' | 'C';
  date: string;
  mutationId: number;
  invoiceNumber: string;
  relationId: number;
  relationCode: string;
  company: string;
  totalAmount: number;
  paidAmount: number;
  outstandingAmount: number;
}

/** VAT percentage per code. AFW/AFW_VERK are divergent (the line carries its own VAT amount): 0 here. */
export const VAT_PERCENTAGES: Readonly<Record<string, number>> = {
  HOOG_VERK_21: 21,
  HOOG_INK_21: 21,
  HOOG_VERK: 19,
  HOOG_INK: 19,
  LAAG_VERK_9: 9,
  LAAG_INK_9: 9,
  LAAG_VERK: 9,
  LAAG_INK: 9,
  VERL_VERK: 0,
  VERL_VERK_L9: 0,
  VERL_INK: 0,
  VERL_INK_L9: 0,
  BU_EU_VERK: 0,
  BI_EU_VERK: 0,
  BI_EU_VERK_D: 0,
  AFST_VERK: 0,
  BU_EU_INK: 0,
  BI_EU_INK: 0,
  AFW: 0,
  AFW_VERK: 0,
  GEEN: 0,
};
export const SALES_VAT_CODES: ReadonlySet<string> = new Set([
  'HOOG_VERK_21',
  'LAAG_VERK_9',
  'VERL_VERK',
  'VERL_VERK_L9',
  'BU_EU_VERK',
  'BI_EU_VERK',
  'BI_EU_VERK_D',
  'AFST_VERK',
  'AFW_VERK',
  'HOOG_VERK',
  'LAAG_VERK',
]);
export const PURCHASE_VAT_CODES: ReadonlySet<string> = new Set([
  'LAAG_INK_9',
  'HOOG_INK_21',
  'VERL_INK',
  'VERL_INK_L9',
  'BU_EU_INK',
  'BI_EU_INK',
  'AFW',
  'HOOG_INK',
  'LAAG_INK',
]);
export function isKnownVatCode(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(VAT_PERCENTAGES, code);
}

export function round2(n: number): number {
  return Math.round((n + Number.EPSILON * Math.sign(n)) * 100) / 100;
}

/** A mutation row with excl/VAT/incl worked out from the amount as entered. */
export function makeRow(input: {
  ledgerId: number;
  vatCode: string;
  amount: number;
  inExVat: 'IN' | 'EX';
  description?: string;
  invoiceNumber?: string;
  relationId?: number;
  costCenterId?: number;
  vatAmount?: number;
}): SbMutationRow {
  const pct = VAT_PERCENTAGES[input.vatCode] ?? 0;
  const amount = round2(input.amount);
  let excl: number, vat: number, incl: number;
  if (input.inExVat === 'IN') {
    incl = amount;
    vat = input.vatAmount !== undefined ? round2(input.vatAmount) : round2((incl * pct) / (100 + pct));
    excl = round2(incl - vat);
  } else {
    excl = amount;
    vat = input.vatAmount !== undefined ? round2(input.vatAmount) : round2((excl * pct) / 100);
    incl = round2(excl + vat);
  }
  return {
    ledgerId: input.ledgerId,
    vatCode: input.vatCode,
    vatPercentage: pct,
    amount,
    amountExcl: excl,
    vatAmount: vat,
    amountIncl: incl,
    description: input.description ?? '',
    invoiceNumber: input.invoiceNumber ?? '',
    relationId: input.relationId ?? 0,
    costCenterId: input.costCenterId ?? 0,
  };
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
type Entity = keyof typeof FIRST_ID;

export class Store {
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

  private relationCodes = new Map<string, number>();
  private ledgerCodes = new Map<string, number>();
  private templateNames = new Map<string, number>();
  private invoiceNumbers = new Map<string, number>();
  private nextId: Record<Entity, number> = { ...FIRST_ID };
  private sortedCache = new WeakMap<Map<number, unknown>, { size: number; items: unknown[] }>();
  private openItemsCache: { version: number; D: SbOpenItem[]; C: SbOpenItem[] } | null = null;
  private autoInvoiceNumber = 1;

  constructor() {
    this.clear('empty');
  }

  /** Empties the administration; `reseed` (seeds.ts) fills it again with a seed's records. */
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
    this.sortedCache = new WeakMap();
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
    const cached = this.sortedCache.get(map);
    if (cached && cached.size === map.size) return cached.items as T[];
    const items = [...map.values()];
    let ascending = true;
    for (let i = 1; i < items.length; i++)
      if (items[i - 1].id > items[i].id) {
        ascending = false;
        break;
      }
    if (!ascending) items.sort((a, b) => a.id - b.id);
    this.sortedCache.set(map, { size: map.size, items });
    return items;
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
    let best: SbLedger | undefined;
    for (const l of this.ledgers.values())
      if (l.category === category && (!best || l.code.localeCompare(best.code, 'en', { numeric: true }) < 0)) best = l;
    return best;
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

  private take(entity: Entity): number {
    return this.nextId[entity]++;
  }

  addRelation(r: Omit<SbRelation, 'id'>): SbRelation {
    const relation: SbRelation = { ...r, freeText: padFreeText(r.freeText), id: this.take('relation') };
    this.relations.set(relation.id, relation);
    this.relationCodes.set(relation.code, relation.id);
    this.version++;
    return relation;
  }

  updateRelation(id: number, patch: Partial<SbRelation>): SbRelation {
    const relation = this.relations.get(id);
    if (!relation) throw new Error(`relation ${id} does not exist`);
    const { id: _ignored, ...rest } = patch;
    if (rest.code !== undefined && rest.code !== relation.code) {
      if (this.relationCodes.get(relation.code) === id) this.relationCodes.delete(relation.code);
      this.relationCodes.set(rest.code, id);
    }
    Object.assign(relation, rest);
    if (rest.freeText) relation.freeText = padFreeText(rest.freeText);
    this.version++;
    return relation;
  }

  /** Removes a record of one of the id maps; the sorted cache of that map starts over. */
  remove(map: Map<number, { id: number }>, id: number): boolean {
    const done = map.delete(id);
    if (done) {
      this.sortedCache.delete(map);
      this.version++;
    }
    return done;
  }
  updateLedger(id: number, patch: Partial<Omit<SbLedger, 'id'>>): void {
    const ledger = this.ledgers.get(id);
    if (!ledger) throw new Error(`ledger ${id} does not exist`);
    if (patch.code !== undefined && patch.code !== ledger.code) {
      this.ledgerCodes.delete(ledger.code);
      this.ledgerCodes.set(patch.code, id);
    }
    Object.assign(ledger, patch);
    this.version++;
  }
  addMember(m: Omit<SbMember, 'id' | 'memberNumber'> & { memberNumber?: string }): SbMember {
    const id = this.take('member');
    const member: SbMember = {
      ...m,
      id,
      memberNumber: m.memberNumber || `MEM${id}`,
      freeText: padFreeText(m.freeText),
    };
    this.members.set(id, member);
    this.version++;
    return member;
  }

  addUnit(u: Omit<SbUnit, 'id'>): SbUnit {
    const unit = { ...u, id: this.take('unit') };
    this.units.set(unit.id, unit);
    this.version++;
    return unit;
  }
  addProductGroup(g: Omit<SbProductGroup, 'id'>): SbProductGroup {
    const group = { ...g, id: this.take('productGroup') };
    this.productGroups.set(group.id, group);
    this.version++;
    return group;
  }
  addProduct(p: Omit<SbProduct, 'id'>): SbProduct {
    const product = { ...p, id: this.take('product') };
    this.products.set(product.id, product);
    this.version++;
    return product;
  }
  addLedger(l: Omit<SbLedger, 'id'>): SbLedger {
    const ledger = { ...l, id: this.take('ledger') };
    this.ledgers.set(ledger.id, ledger);
    this.ledgerCodes.set(ledger.code, ledger.id);
    this.version++;
    return ledger;
  }
  addCostCenter(c: Omit<SbCostCenter, 'id'>): SbCostCenter {
    const center = { ...c, id: this.take('costCenter') };
    this.costCenters.set(center.id, center);
    this.version++;
    return center;
  }
  addTemplate(t: Omit<SbTemplate, 'id'>): SbTemplate {
    const template = { ...t, id: this.take('template') };
    this.templates.set(template.id, template);
    this.templateNames.set(template.name.toLowerCase(), template.id);
    this.version++;
    return template;
  }

  /** id = next MutatieNr (ascending). */
  addMutation(m: Omit<SbMutation, 'id'>): SbMutation {
    const mutation: SbMutation = { ...m, id: this.take('mutation') };
    this.mutations.set(mutation.id, mutation);
    this.version++;
    return mutation;
  }

  /**
   * Numbers it F00001… when invoiceNumber is ''; computes item VAT and totals (rounded per
   * line to cents); when book, also adds a type-2 mutation on the lowest-code DEB ledger with
   * one row per item.
   */
  addInvoice(
    inv: Omit<SbInvoice, 'id' | 'totalExcl' | 'vatAmount' | 'totalAmount' | 'mutationId'>,
    book: { book: boolean; description: string; paymentReference?: string },
  ): SbInvoice {
    const invoiceNumber = inv.invoiceNumber || this.nextInvoiceNumber();
    const items = inv.items.map((item) => ({ ...item, vatPercentage: this.vatPercentage(item.vatCode) }));
    const rows = items.map((item) =>
      makeRow({
        ledgerId: item.ledgerId,
        vatCode: item.vatCode,
        amount: lineAmount(item),
        inExVat: inv.inExVat,
        description: item.description,
        invoiceNumber,
        relationId: inv.relationId,
        costCenterId: item.costCenterId,
      }),
    );
    const totals = sumRows(rows);
    const invoice: SbInvoice = {
      ...inv,
      invoiceNumber,
      items,
      id: this.take('invoice'),
      totalExcl: totals.excl,
      vatAmount: totals.vat,
      totalAmount: totals.incl,
      mutationId: 0,
    };
    if (book.book) {
      const debtors = this.debtorsLedger();
      const mutation = this.addMutation({
        type: 2,
        date: inv.date,
        description: book.description || `Factuur ${invoiceNumber}`,
        termOfPayment: inv.termOfPayment,
        ledgerId: debtors?.id ?? 0,
        relationId: inv.relationId,
        inExVat: inv.inExVat,
        invoiceNumber,
        entryNumber: '',
        rows,
        paymentReference: book.paymentReference ?? '',
      });
      invoice.mutationId = mutation.id;
    }
    this.invoices.set(invoice.id, invoice);
    this.invoiceNumbers.set(invoiceNumber, invoice.id);
    this.version++;
    return invoice;
  }

  private nextInvoiceNumber(): string {
    for (;;) {
      const candidate = `F${String(this.autoInvoiceNumber++).padStart(5, '0')}`;
      if (!this.invoiceNumbers.has(candidate)) return candidate;
    }
  }

  /** Derived: type-2 (D) / type-1 (C) mutations per invoice number minus type-3/4 payments on that number. */
  openItems(side: 'D' | 'C'): SbOpenItem[] {
    if (!this.openItemsCache || this.openItemsCache.version !== this.version) {
      this.openItemsCache = { version: this.version, D: this.computeOpenItems('D'), C: this.computeOpenItems('C') };
    }
    return this.openItemsCache[side];
  }

  private computeOpenItems(side: 'D' | 'C'): SbOpenItem[] {
    const invoiceType = side === 'D' ? 2 : 1;
    const paymentType = side === 'D' ? 3 : 4;
    const open = new Map<string, SbOpenItem>();
    const paid = new Map<string, number>();
    for (const m of this.mutations.values()) {
      if (m.type === invoiceType && m.invoiceNumber) {
        const key = `${m.relationId}|${m.invoiceNumber}`;
        const total = sumRows(m.rows).incl;
        const existing = open.get(key);
        if (existing) existing.totalAmount = round2(existing.totalAmount + total);
        else {
          const relation = this.relations.get(m.relationId);
          open.set(key, {
            side,
            date: m.date,
            mutationId: m.id,
            invoiceNumber: m.invoiceNumber,
            relationId: m.relationId,
            relationCode: relation?.code ?? '',
            company: relation?.name ?? '',
            totalAmount: total,
            paidAmount: 0,
            outstandingAmount: 0,
          });
        }
      } else if (m.type === paymentType) {
        for (const row of Array.isArray(m.rows) ? m.rows : []) {
          if (!row) continue;
          const number = row.invoiceNumber || m.invoiceNumber;
          if (!number) continue;
          const key = `${row.relationId || m.relationId}|${number}`;
          paid.set(key, round2((paid.get(key) ?? 0) + row.amountIncl));
        }
      }
    }
    const items: SbOpenItem[] = [];
    for (const [key, item] of open) {
      item.paidAmount = paid.get(key) ?? 0;
      item.outstandingAmount = round2(item.totalAmount - item.paidAmount);
      if (item.outstandingAmount !== 0) items.push(item);
    }
    items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.mutationId - b.mutationId));
    return items;
  }

  /** Ledger balances (debit positive) over mutations in an optional date range. */
  balances(range: { from?: string; to?: string; costCenterId?: number } = {}): Map<number, number> {
    const balance = new Map<number, number>();
    const add = (ledgerId: number, amount: number) => {
      if (ledgerId) balance.set(ledgerId, (balance.get(ledgerId) ?? 0) + amount);
    };
    const salesHigh = this.ledgerByCode('1500')?.id ?? 0;
    const salesLow = this.ledgerByCode('1510')?.id ?? 0;
    const purchase = this.ledgerByCode('1520')?.id ?? 0;
    for (const m of this.mutations.values()) {
      if ((range.from && m.date < range.from) || (range.to && m.date > range.to)) continue;
      if (m.type === 0) {
        for (const r of Array.isArray(m.rows) ? m.rows : [])
          if (r && (!range.costCenterId || r.costCenterId === range.costCenterId)) add(r.ledgerId, r.amountIncl);
        continue;
      }
      // The mutation's own account is debited for money/invoices in, credited for money/invoices out.
      const sign = m.type === 2 || m.type === 3 || m.type === 5 ? 1 : -1;
      for (const r of Array.isArray(m.rows) ? m.rows : []) {
        if (!r) continue;
        if (range.costCenterId && r.costCenterId !== range.costCenterId) continue;
        if (m.type === 7) {
          add(r.ledgerId, r.amountIncl);
          add(m.ledgerId, -r.amountIncl);
          continue;
        }
        add(m.ledgerId, sign * r.amountIncl);
        add(r.ledgerId, -sign * r.amountExcl);
        if (r.vatAmount)
          add(
            SALES_VAT_CODES.has(r.vatCode) ? (r.vatPercentage >= 19 ? salesHigh : salesLow) : purchase,
            -sign * r.vatAmount,
          );
      }
    }
    for (const [id, v] of balance) balance.set(id, round2(v));
    return balance;
  }
}

/**
 * quantity × the price after the line's discount: `discountAmount` off pricePerUnit, or
 * `discountPercentage` of it (openapi-v1.json: "a fixed / percentage discount on the pricePerUnit").
 */
export function lineAmount(
  item: Pick<SbInvoiceItem, 'quantity' | 'pricePerUnit' | 'discountAmount' | 'discountPercentage'>,
): number {
  let price = item.pricePerUnit;
  if (typeof item.discountAmount === 'number') price -= item.discountAmount;
  else if (typeof item.discountPercentage === 'number') price = (price * (100 - item.discountPercentage)) / 100;
  return item.quantity * price;
}

function padFreeText(values: readonly string[] | undefined): string[] {
  const out = (values ?? []).slice(0, 10);
  while (out.length < 10) out.push('');
  return out;
}

export function sumRows(rows: readonly SbMutationRow[]): { excl: number; vat: number; incl: number } {
  let excl = 0,
    vat = 0,
    incl = 0;
  // Tolerates rows damaged through the control API's corrupt endpoint.
  for (const r of Array.isArray(rows) ? rows : []) {
    if (!r) continue;
    excl += r.amountExcl;
    vat += r.vatAmount;
    incl += r.amountIncl;
  }
  return { excl: round2(excl), vat: round2(vat), incl: round2(incl) };
}

/** A relation with every field empty, for writers that fill in only what they got. */
export function blankRelation(): Omit<SbRelation, 'id' | 'code' | 'name' | 'createdVia'> {
  return {
    type: 'B',
    contact: '',
    gender: '',
    address: '',
    postalCode: '',
    city: '',
    country: '',
    address2: '',
    postalCode2: '',
    city2: '',
    country2: '',
    phoneNumber: '',
    mobilePhoneNumber: '',
    faxNumber: '',
    emailAddress: '',
    website: '',
    note: '',
    vatNumber: '',
    companyRegistrationNumber: '',
    salutation: '',
    iban: '',
    bic: '',
    inactive: false,
    termOfPayment: 14,
    ledgerId: 0,
    date: '',
    freeText: padFreeText([]),
    emailAddressInvoice: '',
    emailAddressReminder: '',
    doNotReceiveNewsletters: false,
    mandate: false,
    mandateType: '',
    mandateId: '',
    mandateSignedDate: '',
  };
}
