/**
 * The one in-memory administration behind both protocols, in REST-like camelCase names
 * (SOAP maps names). No protocol validation here: each protocol validates first with its
 * own codes; the store keeps ids, indexes and derived data (totals, open items) right.
 *
 * The records, by kind, are in the files beside this one (relations, products, ledgers,
 * mutations, invoices, open items, VAT); what the store holds and its lookups are in
 * records.ts; this file is the `Store`: the writes and the derived figures.
 */
import { invoiceBooking, priceInvoice, type SbInvoice, type SbTemplate } from './invoices';
import { ledgerBalances, type BalanceRange, type SbCostCenter, type SbLedger } from './ledgers';
import type { SbMutation } from './mutations';
import { computeOpenItems, type SbOpenItem } from './open-items';
import type { SbProduct, SbProductGroup, SbUnit } from './products';
import { padFreeText, type SbMember, type SbRelation } from './relations';
import { StoreRecords, type Entity } from './records';

export { EMAIL_TEMPLATES, lineAmount, type SbInvoice, type SbInvoiceItem, type SbTemplate } from './invoices';
export type { BalanceRange, SbCostCenter, SbLedger } from './ledgers';
export { makeRow, sumRows, type SbMutation, type SbMutationRow } from './mutations';
export type { SbOpenItem } from './open-items';
export type { SbProduct, SbProductGroup, SbUnit } from './products';
export { blankRelation, type SbMember, type SbRelation } from './relations';
export { SEED_NAMES, type SbAdministration, type SeedName } from './records';
export { isKnownVatCode, PURCHASE_VAT_CODES, round2, SALES_VAT_CODES } from './vat';

export class Store extends StoreRecords {
  private take(entity: Entity): number {
    return this.nextId[entity]++;
  }

  /** Adds a record under the entity's next id. */
  private insert<T extends { id: number }>(entity: Entity, map: Map<number, T>, record: Omit<T, 'id'>): T {
    const added = { ...record, id: this.take(entity) } as T;
    map.set(added.id, added);
    this.version++;
    return added;
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
      this.sortedCache.forget(map);
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
    return this.insert('unit', this.units, u);
  }
  addProductGroup(g: Omit<SbProductGroup, 'id'>): SbProductGroup {
    return this.insert('productGroup', this.productGroups, g);
  }
  addProduct(p: Omit<SbProduct, 'id'>): SbProduct {
    return this.insert('product', this.products, p);
  }
  addLedger(l: Omit<SbLedger, 'id'>): SbLedger {
    const ledger = this.insert('ledger', this.ledgers, l);
    this.ledgerCodes.set(ledger.code, ledger.id);
    return ledger;
  }
  addCostCenter(c: Omit<SbCostCenter, 'id'>): SbCostCenter {
    return this.insert('costCenter', this.costCenters, c);
  }
  addTemplate(t: Omit<SbTemplate, 'id'>): SbTemplate {
    const template = this.insert('template', this.templates, t);
    this.templateNames.set(template.name.toLowerCase(), template.id);
    return template;
  }

  /** id = next MutatieNr (ascending). */
  addMutation(m: Omit<SbMutation, 'id'>): SbMutation {
    return this.insert('mutation', this.mutations, m);
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
    const { items, rows, totals } = priceInvoice(inv, invoiceNumber, (code) => this.vatPercentage(code));
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
      invoice.mutationId = this.addMutation(invoiceBooking(invoice, rows, debtors?.id ?? 0, book)).id;
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
      this.openItemsCache = {
        version: this.version,
        D: computeOpenItems(this.mutations.values(), this.relations, 'D'),
        C: computeOpenItems(this.mutations.values(), this.relations, 'C'),
      };
    }
    return this.openItemsCache[side];
  }

  /** Ledger balances (debit positive) over mutations in an optional date range. */
  balances(range: BalanceRange = {}): Map<number, number> {
    const vatLedgers = {
      salesHigh: this.ledgerByCode('1500')?.id ?? 0,
      salesLow: this.ledgerByCode('1510')?.id ?? 0,
      purchase: this.ledgerByCode('1520')?.id ?? 0,
    };
    return ledgerBalances(this.mutations.values(), vatLedgers, range);
  }
}
