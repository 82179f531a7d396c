import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../sandbox/store';
import { reseed, seededStore } from '../../sandbox/seeds';
import { isValidIban } from '../../sandbox/rest/validate';

/** A fingerprint of a store: every `step`th record of every table (step 1 = all of them). */
function digest(store: Store, step = 1): string {
  const hash = createHash('sha256');
  for (const map of [
    store.relations,
    store.units,
    store.productGroups,
    store.products,
    store.ledgers,
    store.costCenters,
    store.mutations,
    store.templates,
    store.invoices,
  ]) {
    hash.update(String(map.size));
    let i = 0;
    for (const record of map.values()) if (i++ % step === 0) hash.update(JSON.stringify(record));
  }
  hash.update(JSON.stringify(store.administrations));
  return hash.digest('hex');
}

describe('seeds', () => {
  let large: Store;
  let largeCpuMs: number;
  beforeAll(() => {
    // CPU time, not wall time: the machine is shared, and a busy neighbour must not fail the test.
    const started = process.cpuUsage();
    large = seededStore('large');
    const used = process.cpuUsage(started);
    largeCpuMs = (used.user + used.system) / 1000;
  });

  it('are deterministic', () => {
    expect(digest(seededStore('demo'))).toBe(digest(seededStore('demo')));
    expect(digest(seededStore('large'), 3)).toBe(digest(large, 3));
    const store = seededStore('demo');
    const before = digest(store);
    reseed(store, 'large');
    reseed(store, 'demo');
    expect(digest(store)).toBe(before);
  });

  it('large: 10,000 relations, 3,000 products, 60,000 mutations in well under 2 s', () => {
    const store = large;
    expect(store.relations.size).toBe(10_000);
    expect(store.products.size).toBe(3_000);
    expect(store.mutations.size).toBe(60_000);
    expect(largeCpuMs).toBeLessThan(2000);
    const ids = [...store.mutations.keys()];
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1])).toBe(true);
    expect(new Set([...store.relations.values()].map((r) => r.code)).size).toBe(10_000);
    expect(store.openItems('D').length).toBeGreaterThan(0);
    expect(store.openItems('C').length).toBeGreaterThan(0);
  });

  it('empty: chart of accounts, units and templates only', () => {
    const store = seededStore('empty');
    expect([store.relations.size, store.products.size, store.mutations.size, store.invoices.size]).toEqual([
      0, 0, 0, 0,
    ]);
    expect(store.ledgers.size).toBeGreaterThan(20);
    expect(store.units.size).toBeGreaterThan(5);
    expect(store.templates.size).toBeGreaterThan(0);
  });

  describe('demo', () => {
    const store = seededStore('demo');
    const relations = [...store.relations.values()];
    const products = [...store.products.values()];
    const mutations = [...store.mutations.values()];

    it('has about 40 relations, business and private, some inactive, with valid IBANs and e-mail addresses', () => {
      expect(relations.length).toBeGreaterThanOrEqual(35);
      expect(relations.length).toBeLessThanOrEqual(45);
      expect(new Set(relations.map((r) => r.type))).toEqual(new Set(['B', 'P']));
      expect(relations.filter((r) => r.inactive).length).toBeGreaterThan(0);
      expect(new Set(relations.map((r) => r.code)).size).toBe(relations.length);
      for (const r of relations) {
        expect(isValidIban(r.iban), r.iban).toBe(true);
        expect(r.emailAddress).toMatch(/^[^\s@]+@[^\s@]+\.[a-z]+$/);
        expect(r.postalCode).toMatch(/^\d{4} [A-Z]{2}$/);
      }
    });

    it('has 25 products, several by the hour (uur, Uur, uren), each with a sales VAT code and a revenue ledger', () => {
      expect(products).toHaveLength(25);
      const unitName = (id: number) => store.units.get(id)?.singular ?? '';
      const hourly = products.filter((p) => ['uur', 'uren'].includes(unitName(p.unitId).toLowerCase()));
      expect(hourly.length).toBeGreaterThanOrEqual(3);
      expect(new Set(hourly.map((p) => unitName(p.unitId)))).toEqual(new Set(['uur', 'Uur', 'uren']));
      for (const p of products) {
        expect(p.vat).toMatch(/_VERK/);
        expect(store.ledgers.get(p.ledgerId)?.code).toMatch(/^8\d{3}$/);
      }
      expect(products.some((p) => !p.active)).toBe(true);
    });

    it('has the usual chart of accounts', () => {
      const expected: Record<string, string> = {
        '1000': 'FIN',
        '1100': 'FIN',
        '1300': 'DEB',
        '1600': 'CRED',
        '4000': 'VW',
        '8000': 'VW',
        '8100': 'VW',
      };
      for (const [code, category] of Object.entries(expected))
        expect(store.ledgerByCode(code)?.category, code).toBe(category);
      expect(store.ledgerByCode('1500')).toBeDefined();
    });

    it('has a few hundred mutations of every type in two years, numbered in date order', () => {
      expect(mutations.length).toBeGreaterThanOrEqual(200);
      expect(mutations.length).toBeLessThanOrEqual(800);
      expect(new Set(mutations.map((m) => m.type))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7]));
      expect(new Set(mutations.map((m) => m.date.slice(0, 4)))).toEqual(new Set(['2025', '2026']));
      for (let i = 1; i < mutations.length; i++) {
        expect(mutations[i].id).toBeGreaterThan(mutations[i - 1].id);
        expect(mutations[i].date >= mutations[i - 1].date).toBe(true);
      }
    });

    it('has an invoice behind every sales-invoice mutation, with matching totals', () => {
      for (const m of mutations.filter((x) => x.type === 2)) {
        const invoice = store.invoiceByNumber(m.invoiceNumber);
        expect(invoice, m.invoiceNumber).toBeDefined();
        expect(invoice!.mutationId).toBe(m.id);
        const incl = m.rows.reduce((s, r) => s + r.amountIncl, 0);
        expect(invoice!.totalAmount).toBeCloseTo(incl, 2);
        expect(invoice!.totalAmount).toBeCloseTo(invoice!.totalExcl + invoice!.vatAmount, 2);
      }
    });

    it('has open items on both sides, some partly paid', () => {
      const debtors = store.openItems('D');
      const creditors = store.openItems('C');
      expect(debtors.length).toBeGreaterThan(0);
      expect(creditors.length).toBeGreaterThan(0);
      expect(debtors.some((o) => o.paidAmount > 0 && o.outstandingAmount > 0)).toBe(true);
    });

    it('has templates (one inactive) and two administrations', () => {
      expect(store.templateByName('standaard')?.active).toBe(true);
      expect(store.templateByName('Werkbon')).toBeDefined();
      expect(store.templateByName('Herinnering')?.active).toBe(false);
      expect(store.administrations).toHaveLength(2);
    });
  });
});
