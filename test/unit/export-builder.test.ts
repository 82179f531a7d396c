import { describe, expect, it } from 'vitest';
import type { Customer, HourType, Material, WorkOrder, WorkspaceInvoice } from '../../lib/db';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import {
  buildFromInvoice,
  buildFromWorkOrder,
  lineNotices,
  computeTotals,
  invoiceMailAddress,
  type BuildLookups,
} from '../../lib/workspace/invoice-builder';
import { newInvoiceSchema, type InvoiceLine } from '../../lib/eboekhouden/types';
import { say } from '../../lib/i18n/translate';

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  invoice: {
    ...DEFAULT_SETTINGS.invoice,
    template: 'Standaard',
    termOfPayment: 30,
    hourVatCode: 'LAAG_VERK_9',
    hourLedgerCode: '8100',
    numberPrefix: 'BC',
  },
};

const customer: Customer = {
  id: 1,
  code: 'R001',
  remoteId: 77,
  type: 'B',
  name: 'De Vries',
  email: 'administratie@devries.nl',
  status: 'active',
  origin: 'eboekhouden',
  updatedAt: 0,
};
const labour: HourType = {
  id: 10,
  remoteId: 1,
  code: 'ARB',
  description: 'Arbeid',
  unit: 'uur',
  vatCode: 'HOOG_VERK_21',
  ledgerCode: '8000',
  status: 'active',
  updatedAt: 0,
};
const bareHour: HourType = {
  id: 11,
  remoteId: 2,
  code: 'ARB-X',
  description: 'Arbeid kaal',
  unit: 'uur',
  status: 'active',
  updatedAt: 0,
};
const halfHour: HourType = {
  id: 12,
  remoteId: 3,
  code: 'ARB-H',
  description: 'Arbeid half',
  unit: 'uur',
  vatCode: 'HOOG_VERK_21',
  status: 'active',
  updatedAt: 0,
};
const pipe: Material = {
  id: 20,
  remoteId: 4,
  code: 'KOP15',
  description: 'Koperen buis',
  unit: 'meter',
  vatCode: 'HOOG_VERK_21',
  ledgerCode: '8000',
  status: 'active',
  updatedAt: 0,
};
const noVat: Material = {
  id: 21,
  remoteId: 5,
  code: 'NOVAT',
  description: 'Zonder btw',
  unit: 'stuk',
  ledgerCode: '8000',
  status: 'active',
  updatedAt: 0,
};
const noLedger: Material = {
  id: 22,
  remoteId: 6,
  code: 'NOLED',
  description: 'Zonder rekening',
  unit: 'stuk',
  vatCode: 'HOOG_VERK_21',
  status: 'active',
  updatedAt: 0,
};
const purchase: Material = {
  id: 23,
  remoteId: 7,
  code: 'INK',
  description: 'Inkoopcode',
  unit: 'stuk',
  vatCode: 'HOOG_INK_21',
  ledgerCode: '8000',
  status: 'active',
  updatedAt: 0,
};

function lookups(c: Customer | undefined = customer): BuildLookups {
  return {
    customer: c,
    hourTypes: new Map([labour, bareHour, halfHour].map((h) => [h.id!, h])),
    materials: new Map([pipe, noVat, noLedger, purchase].map((m) => [m.id!, m])),
  };
}

function wo(over: Partial<WorkOrder> = {}): WorkOrder {
  return {
    id: 5,
    number: 'WO-0005',
    customerId: 1,
    date: '2026-03-04',
    description: 'Lekkage keuken',
    hourLines: [{ hourTypeId: 10, hours: 2.5, price: 62.5 }],
    materialLines: [{ materialId: 20, quantity: 3, price: 8.95, description: 'Buis 15 mm' }],
    status: 'completed',
    updatedAt: 0,
    ...over,
  };
}

const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);

describe('work order → invoice lines', () => {
  it('maps an hour line to the hour type and a material line to the material', () => {
    const r = buildFromWorkOrder(wo(), lookups(), settings, 'BC2026-0001');
    expect(r.problems).toEqual([]);
    expect(r.invoice.lines).toEqual([
      {
        code: 'ARB',
        description: 'Arbeid',
        quantity: 2.5,
        unit: 'uur',
        pricePerUnit: 62.5,
        vatCode: 'HOOG_VERK_21',
        ledgerCode: '8000',
      },
      {
        code: 'KOP15',
        description: 'Buis 15 mm',
        quantity: 3,
        unit: 'meter',
        pricePerUnit: 8.95,
        vatCode: 'HOOG_VERK_21',
        ledgerCode: '8000',
      },
    ]);
  });

  it('uses the settings defaults for an hour type without VAT code or counter account, field by field', () => {
    const r = buildFromWorkOrder(
      wo({
        hourLines: [
          { hourTypeId: 11, hours: 1, price: 50 },
          { hourTypeId: 12, hours: 1, price: 50 },
        ],
        materialLines: [],
      }),
      lookups(),
      settings,
      'BC2026-0001',
    );
    expect(r.problems).toEqual([]);
    expect(r.invoice.lines.map((l) => [l.vatCode, l.ledgerCode])).toEqual([
      ['LAAG_VERK_9', '8100'],
      ['HOOG_VERK_21', '8100'],
    ]);
  });

  it('takes template, payment term and booking from the settings, and the number given', () => {
    const r = buildFromWorkOrder(wo(), lookups(), settings, 'BC2026-0042');
    expect(r.invoice).toMatchObject({
      number: 'BC2026-0042',
      relationCode: 'R001',
      date: '2026-03-04',
      template: 'Standaard',
      termOfPayment: 30,
      bookInAccounts: true,
    });
    expect(r.invoice.bookingDescription).toContain('BC2026-0042');
    expect(r.invoice.email).toBeUndefined();
    const off = buildFromWorkOrder(
      wo(),
      lookups(),
      { ...settings, invoice: { ...settings.invoice, bookInAccounts: false } },
      'BC2026-0042',
    );
    expect(off.invoice.bookInAccounts).toBe(false);
    expect(off.invoice.bookingDescription).toBeUndefined();
  });
});

describe('invoice e-mail', () => {
  const mailing = (patch: Partial<Settings['invoice']>): Settings => ({
    ...settings,
    invoice: { ...settings.invoice, emailToCustomer: true, ...patch },
  });

  it('lets e-Boekhouden mail the invoice from the sender in the settings', () => {
    const r = buildFromWorkOrder(
      wo(),
      lookups(),
      mailing({ emailFromAddress: 'facturen@jansen.nl', emailFromName: 'Loodgieter Jansen' }),
      'BC2026-0042',
    );
    expect(r.problems).toEqual([]);
    expect(r.invoice.email).toMatchObject({ fromAddress: 'facturen@jansen.nl', fromName: 'Loodgieter Jansen' });
    expect(r.invoice.email?.subject).toContain('BC2026-0042');
    expect(r.invoice.email?.body).toContain('BC2026-0042');
    expect(newInvoiceSchema.safeParse(r.invoice).success).toBe(true);
  });

  it('leaves the sender name out when none is set, and sends no e-mail while mailing is off', () => {
    const r = buildFromInvoice(
      {
        id: 3,
        number: 'BC2026-0007',
        customerId: 1,
        date: '2026-05-01',
        lines: [
          { code: 'X', description: 'Onderhoud', quantity: 1, price: 120, vatCode: 'HOOG_VERK_21', ledgerCode: '8000' },
        ],
        status: 'final',
        updatedAt: 0,
      },
      customer,
      mailing({ emailFromAddress: 'facturen@jansen.nl', emailFromName: '  ' }),
    );
    expect(r.problems).toEqual([]);
    expect(r.invoice.email).toEqual({
      subject: expect.any(String),
      body: expect.any(String),
      fromAddress: 'facturen@jansen.nl',
    });
    const off = buildFromWorkOrder(
      wo(),
      lookups(),
      mailing({ emailToCustomer: false, emailFromAddress: 'facturen@jansen.nl' }),
      'BC2026-0042',
    );
    expect(off.invoice.email).toBeUndefined();
  });

  it("goes to the customer's address for invoices, falling back to their e-mail address", () => {
    const s = mailing({ emailFromAddress: 'facturen@jansen.nl' });
    const both = buildFromWorkOrder(
      wo(),
      lookups({ ...customer, emailInvoice: ' facturen@devries.nl ' }),
      s,
      'BC2026-0042',
    );
    expect(both.problems).toEqual([]);
    expect(both.mailTo).toBe('facturen@devries.nl');
    const plain = buildFromWorkOrder(wo(), lookups({ ...customer, emailInvoice: '  ' }), s, 'BC2026-0042');
    expect(plain.mailTo).toBe('administratie@devries.nl');
    expect(invoiceMailAddress({ emailInvoice: 'facturen@devries.nl' })).toBe('facturen@devries.nl');
    expect(invoiceMailAddress({ email: 'info@devries.nl', emailInvoice: '' })).toBe('info@devries.nl');
    expect(invoiceMailAddress({})).toBeUndefined();
    // Not mailed: no recipient to speak of.
    const off = buildFromWorkOrder(wo(), lookups(), mailing({ emailToCustomer: false }), 'BC2026-0042');
    expect(off.mailTo).toBeUndefined();
  });

  it('holds a mailed invoice back while the customer has no e-mail address at all', () => {
    const bare = { ...customer, email: undefined, emailInvoice: undefined };
    const r = buildFromWorkOrder(
      wo(),
      lookups(bare),
      mailing({ emailFromAddress: 'facturen@jansen.nl' }),
      'BC2026-0042',
    );
    expect(codes(r)).toEqual(['NO_CUSTOMER_EMAIL']);
    expect(r.mailTo).toBeUndefined();
    expect(say('nl', r.problems[0])).toMatch(/R001 \(De Vries\) heeft geen e-mailadres/);
    expect(say('en', r.problems[0])).toMatch(/R001 \(De Vries\) has no e-mail address/);
    // Only an invoice that is mailed needs one.
    const off = buildFromWorkOrder(wo(), lookups(bare), mailing({ emailToCustomer: false }), 'BC2026-0042');
    expect(off.problems).toEqual([]);
  });

  it('holds the invoice back, saying where to fix it, while the sender is missing or not an address', () => {
    for (const emailFromAddress of ['', 'facturen']) {
      const r = buildFromWorkOrder(wo(), lookups(), mailing({ emailFromAddress }), 'BC2026-0042');
      expect(codes(r)).toEqual(['NO_SENDER_ADDRESS']);
      expect(r.invoice.email).toBeUndefined();
      expect(say('nl', r.problems[0])).toMatch(/afzenderadres/);
      expect(say('en', r.problems[0])).toMatch(/sender address/);
    }
  });
});

describe('checks before sending', () => {
  it('unknown customer', () => {
    const r = buildFromWorkOrder(wo(), { ...lookups(), customer: undefined }, settings, 'BC2026-0001');
    expect(codes(r)).toContain('UNKNOWN_CUSTOMER');
  });

  it('inactive customer', () => {
    const r = buildFromWorkOrder(wo(), lookups({ ...customer, status: 'inactive' }), settings, 'BC2026-0001');
    expect(codes(r)).toContain('INACTIVE_CUSTOMER');
  });

  it('a workspace customer not yet exported makes the invoice wait, not fail', () => {
    const r = buildFromWorkOrder(
      wo(),
      lookups({ ...customer, remoteId: undefined, origin: 'workspace' }),
      settings,
      'BC2026-0001',
    );
    expect(r.problems).toEqual([]);
    expect(r.waiting?.code).toBe('CUSTOMER_NOT_EXPORTED');
    expect(say('nl', r.waiting)).toMatch(/R001/);
  });

  it('no lines', () => {
    const r = buildFromWorkOrder(wo({ hourLines: [], materialLines: [] }), lookups(), settings, 'BC2026-0001');
    expect(codes(r)).toEqual(['NO_LINES']);
  });

  it('a line without VAT code, and one without counter account, name the line', () => {
    const r = buildFromWorkOrder(
      wo({
        hourLines: [],
        materialLines: [
          { materialId: 21, quantity: 1, price: 1 },
          { materialId: 22, quantity: 1, price: 1 },
        ],
      }),
      lookups(),
      settings,
      'BC2026-0001',
    );
    expect(codes(r)).toEqual(['LINE_NO_VAT_CODE', 'LINE_NO_LEDGER']);
    expect(say('en', r.problems[0])).toMatch(/line 1 \(NOVAT\)/);
    expect(say('nl', r.problems[1])).toMatch(/regel 2 \(NOLED\)/);
  });

  it('an hour type without VAT code when the settings have no default either', () => {
    const bare = { ...settings, invoice: { ...settings.invoice, hourVatCode: '', hourLedgerCode: '' } };
    const r = buildFromWorkOrder(
      wo({ hourLines: [{ hourTypeId: 11, hours: 1, price: 10 }], materialLines: [] }),
      lookups(),
      bare,
      'BC2026-0001',
    );
    expect(codes(r)).toEqual(['LINE_NO_VAT_CODE', 'LINE_NO_LEDGER']);
  });

  it('a purchase VAT code on a sales line', () => {
    const r = buildFromWorkOrder(
      wo({ materialLines: [{ materialId: 23, quantity: 1, price: 5 }] }),
      lookups(),
      settings,
      'BC2026-0001',
    );
    expect(codes(r)).toEqual(['LINE_PURCHASE_VAT']);
    expect(say('en', r.problems[0])).toMatch(/HOOG_INK_21/);
  });

  it('an unknown hour type or material', () => {
    const r = buildFromWorkOrder(
      wo({
        hourLines: [{ hourTypeId: 999, hours: 1, price: 1 }],
        materialLines: [{ materialId: 998, quantity: 1, price: 1 }],
      }),
      lookups(),
      settings,
      'BC2026-0001',
    );
    expect(codes(r)).toEqual(['UNKNOWN_HOUR_TYPE', 'UNKNOWN_MATERIAL']);
  });

  it('a price with more than 2 decimals and a quantity with more than 4', () => {
    const r = buildFromWorkOrder(
      wo({
        hourLines: [{ hourTypeId: 10, hours: 1.00001, price: 10 }],
        materialLines: [{ materialId: 20, quantity: 1, price: 8.955 }],
      }),
      lookups(),
      settings,
      'BC2026-0001',
    );
    expect(codes(r)).toEqual(['LINE_QUANTITY_DECIMALS', 'LINE_PRICE_DECIMALS']);
  });

  it('line amounts whose cent rounding would not add up to the exact total', () => {
    // 0.5 × € 0.01 = half a cent per line: rounded per line that is 2 cents, exactly it is 1.
    const lines: InvoiceLine[] = [0, 1].map(() => ({
      code: 'X',
      description: 'x',
      quantity: 0.5,
      pricePerUnit: 0.01,
      vatCode: 'HOOG_VERK_21',
      ledgerCode: '8000',
    }));
    const problems = lineNotices(lines, { nl: 'Factuur F1', en: 'Invoice F1' });
    expect(problems.map((p) => p.code)).toEqual(['TOTAL_ROUNDING']);
    expect(say('en', problems[0])).toMatch(/€ 0\.02.*€ 0\.01/);
  });

  it('no template chosen', () => {
    const r = buildFromWorkOrder(
      wo(),
      lookups(),
      { ...settings, invoice: { ...settings.invoice, template: '' } },
      'BC2026-0001',
    );
    expect(codes(r)).toEqual(['NO_TEMPLATE']);
  });

  it('every message is in Dutch and English and says how to fix it', () => {
    const r = buildFromWorkOrder(
      wo({
        materialLines: [
          { materialId: 23, quantity: 1, price: 5 },
          { materialId: 21, quantity: 1, price: 1 },
        ],
      }),
      lookups(),
      settings,
      'BC2026-0001',
    );
    for (const p of r.problems) {
      expect(say('nl', p)).toMatch(/WO-0005/);
      expect(say('en', p)).toMatch(/WO-0005/);
      expect(say('nl', p)).not.toEqual(say('en', p));
    }
  });
});

describe('totals in integer cents', () => {
  it('rounds each line half away from zero where floating point would round down', () => {
    // 0.5 × 0.29 = 0.145 exactly; in floating point 0.5 * 0.29 * 100 = 14.499999999999998.
    expect(Math.round(0.5 * 0.29 * 100)).toBe(14);
    const t = computeTotals([{ quantity: 0.5, pricePerUnit: 0.29, vatCode: 'HOOG_VERK_21' }]);
    expect(t.exclCents).toBe(15);
    expect(t.lines[0]).toEqual({ exclCents: 15, vatCents: 3, inclCents: 18, rate: 21 });
  });

  it('computes VAT per line by the code rate and sums lines', () => {
    const t = computeTotals([
      { quantity: 2.5, pricePerUnit: 62.5, vatCode: 'HOOG_VERK_21' }, // 156.25 → VAT 32.8125 → 32.81
      { quantity: 3, pricePerUnit: 11.5, vatCode: 'LAAG_VERK_9' }, // 34.50 → VAT 3.105 → 3.11
      { quantity: 1, pricePerUnit: 100, vatCode: 'VERL_VERK' }, // 100.00 → VAT 0
    ]);
    expect(t.lines.map((l) => [l.exclCents, l.vatCents])).toEqual([
      [15625, 3281],
      [3450, 311],
      [10000, 0],
    ]);
    expect(t.exclCents).toBe(15625 + 3450 + 10000);
    expect(t.vatCents).toBe(3281 + 311);
    expect(t.inclCents).toBe(t.exclCents + t.vatCents);
  });

  it('a work order build carries the totals the preview shows', () => {
    const r = buildFromWorkOrder(wo(), lookups(), settings, 'BC2026-0001');
    // 2.5 × 62.50 = 156.25 and 3 × 8.95 = 26.85
    expect(r.totals.exclCents).toBe(18310);
    expect(r.totals.vatCents).toBe(Math.round(15625 * 0.21) + Math.round(2685 * 0.21));
  });
});

describe('workspace invoice → invoice', () => {
  it('copies its lines, number and date and checks them the same way', () => {
    const inv: WorkspaceInvoice = {
      id: 3,
      number: 'BC2026-0007',
      customerId: 1,
      date: '2026-05-01',
      lines: [
        { code: 'X', description: 'Onderhoud', quantity: 1, price: 120, vatCode: 'HOOG_VERK_21', ledgerCode: '8000' },
      ],
      status: 'final',
      updatedAt: 0,
    };
    const r = buildFromInvoice(inv, customer, settings);
    expect(r.problems).toEqual([]);
    expect(r.invoice).toMatchObject({ number: 'BC2026-0007', date: '2026-05-01', relationCode: 'R001' });
    expect(r.invoice.lines[0]).toMatchObject({ pricePerUnit: 120, vatCode: 'HOOG_VERK_21', ledgerCode: '8000' });
    const bad = buildFromInvoice(
      { ...inv, lines: [{ ...inv.lines[0], vatCode: 'LAAG_INK_9', ledgerCode: '' }] },
      customer,
      settings,
    );
    expect(codes(bad)).toEqual(['LINE_PURCHASE_VAT', 'LINE_NO_LEDGER']);
  });
});
