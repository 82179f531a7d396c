/** Per-line discounts: amounts to the cent, the checks, and SOAP's missing discount field said up front. */
import { describe, expect, it } from 'vitest';
import type { Customer, WorkspaceInvoice } from '../../lib/db';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { buildFromInvoice, computeTotals, lineNotices } from '../../lib/workspace/invoice-builder';
import { newInvoiceSchema, type InvoiceLine } from '../../lib/eboekhouden/types';
import { soapInvoiceSchema } from '../../lib/eboekhouden/soap/requests';
import { say } from '../../lib/i18n/translate';

const line = (over: Partial<InvoiceLine>): InvoiceLine => ({
  code: 'ARB',
  description: 'Arbeid',
  quantity: 1,
  pricePerUnit: 100,
  vatCode: 'HOOG_VERK_21',
  ledgerCode: '8000',
  ...over,
});

describe('computeTotals with discounts', () => {
  it('takes a percentage of the price per unit, rounding the line half away from zero', () => {
    // 3 × 9.99 at 33.33%: 3 × 6.660333 = 19.980999 → 19.98
    expect(computeTotals([line({ quantity: 3, pricePerUnit: 9.99, discountPercentage: 33.33 })]).exclCents).toBe(1998);
    // 1 × 10.10 at 15% = 8.585 exactly → 8.59 (a double would make it 8.58499…)
    expect(computeTotals([line({ pricePerUnit: 10.1, discountPercentage: 15 })]).exclCents).toBe(859);
  });

  it('takes an amount off the price per unit, per unit', () => {
    const t = computeTotals([line({ quantity: 4, pricePerUnit: 12.5, discountAmount: 2.25 })]);
    expect(t.exclCents).toBe(4100);
    expect(t.vatCents).toBe(861);
  });

  it('negates to the cent when the quantity is negated (a credit note)', () => {
    const lines = [
      line({ quantity: 1, pricePerUnit: 10.1, discountPercentage: 15 }),
      line({ quantity: 2.5, pricePerUnit: 62.5, discountPercentage: 15 }),
      line({ quantity: 3.5, pricePerUnit: 8.95, discountAmount: 0.33, vatCode: 'LAAG_VERK_9' }),
    ];
    const out = computeTotals(lines);
    const back = computeTotals(lines.map((l) => ({ ...l, quantity: -l.quantity })));
    expect(back.exclCents).toBe(-out.exclCents);
    expect(back.vatCents).toBe(-out.vatCents);
    expect(back.inclCents).toBe(-out.inclCents);
  });

  it('a 100% discount makes a line of zero', () => {
    expect(computeTotals([line({ discountPercentage: 100 })]).exclCents).toBe(0);
  });
});

describe('discount checks', () => {
  const codes = (l: InvoiceLine) => lineNotices([l], 'Factuur X').map((n) => n.code);

  it('refuses both kinds on one line (e-Boekhouden: FACT_ITEM_013)', () => {
    expect(codes(line({ discountAmount: 1, discountPercentage: 10 }))).toContain('LINE_DISCOUNT_BOTH');
    expect(
      newInvoiceSchema.shape.lines.element.safeParse(line({ discountAmount: 1, discountPercentage: 10 })).success,
    ).toBe(false);
  });

  it('refuses a percentage outside 0–100 or with more than 2 decimals', () => {
    expect(codes(line({ discountPercentage: 101 }))).toContain('LINE_DISCOUNT_PERCENTAGE');
    expect(codes(line({ discountPercentage: -1 }))).toContain('LINE_DISCOUNT_PERCENTAGE');
    expect(codes(line({ discountPercentage: 12.345 }))).toContain('LINE_DISCOUNT_PERCENTAGE');
    expect(codes(line({ discountPercentage: 12.34 }))).toEqual([]);
  });

  it('refuses an amount above the price per unit or in part-cents, and says the price', () => {
    const [n] = lineNotices([line({ pricePerUnit: 20, discountAmount: 25 })], 'Factuur X');
    expect(n.code).toBe('LINE_DISCOUNT_AMOUNT');
    expect(say('en', n)).toContain('(20)');
    expect(codes(line({ discountAmount: 0.005 }))).toContain('LINE_DISCOUNT_AMOUNT');
    expect(codes(line({ discountAmount: 20 }))).toEqual([]);
  });
});

describe('SOAP has no discount field', () => {
  const customer: Customer = {
    id: 1,
    code: 'R001',
    remoteId: 77,
    type: 'B',
    name: 'De Vries',
    status: 'active',
    origin: 'eboekhouden',
    updatedAt: 0,
  };
  const inv: WorkspaceInvoice = {
    id: 1,
    number: 'BC2026-0001',
    customerId: 1,
    date: '2026-07-01',
    status: 'final',
    updatedAt: 0,
    lines: [
      { code: 'A', description: 'a', quantity: 1, price: 10, vatCode: 'HOOG_VERK_21', ledgerCode: '8000' },
      {
        code: 'B',
        description: 'b',
        quantity: 1,
        price: 10,
        vatCode: 'HOOG_VERK_21',
        ledgerCode: '8000',
        discountAmount: 1,
      },
    ],
  };
  const base = { ...DEFAULT_SETTINGS, invoice: { ...DEFAULT_SETTINGS.invoice, template: 'Standaard' } };
  const soap: Settings = {
    ...base,
    connection: { kind: 'securityCodes', username: 'u', securityCode1: 'a'.repeat(32), securityCode2: 'B'.repeat(32) },
  } as Settings;
  const rest: Settings = { ...base, connection: { kind: 'token', apiToken: 't' } } as Settings;

  it('with security codes: one problem per discounted line, naming the line and the fix', () => {
    const built = buildFromInvoice(inv, customer, soap);
    expect(built.problems.map((p) => p.code)).toEqual(['LINE_DISCOUNT_SOAP']);
    expect(say('nl', built.problems[0])).toContain('regel 2');
    expect(say('en', built.problems[0])).toContain('API token');
  });

  it('with an API token: sent, with the discount on the line', () => {
    const built = buildFromInvoice(inv, customer, rest);
    expect(built.problems).toEqual([]);
    expect(built.invoice.lines[1]).toMatchObject({ discountAmount: 1 });
    expect(built.invoice.lines[0]).not.toHaveProperty('discountAmount');
    expect(built.totals.exclCents).toBe(1900);
  });

  it('the SOAP transport itself refuses a discounted line rather than bill the full price', () => {
    const parsed = soapInvoiceSchema.safeParse({
      ...buildFromInvoice(inv, customer, rest).invoice,
      relationCode: 'R001',
    });
    expect(parsed.success).toBe(false);
  });
});
