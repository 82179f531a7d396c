/** The per-invoice e-mail choice: it overrides the setting both ways, and a wanted e-mail needs a sender. */
import { describe, expect, it } from 'vitest';
import type { Customer, WorkspaceInvoice } from '../../lib/db';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { buildFromInvoice } from '../../lib/workspace/invoice-builder';
import { invoiceMailRefusal } from '../../lib/workspace';

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
const inv: WorkspaceInvoice = {
  id: 1,
  number: 'BC2026-0001',
  customerId: 1,
  date: '2026-07-01',
  status: 'final',
  updatedAt: 0,
  lines: [{ code: 'A', description: 'a', quantity: 1, price: 10, vatCode: 'HOOG_VERK_21', ledgerCode: '8000' }],
};
const withSetting = (emailToCustomer: boolean, emailFromAddress = 'facturen@bedrijf.nl'): Settings => ({
  ...DEFAULT_SETTINGS,
  invoice: { ...DEFAULT_SETTINGS.invoice, template: 'Standaard', emailToCustomer, emailFromAddress },
});

describe('e-mail per invoice', () => {
  it('follows the setting when the invoice has no choice of its own', () => {
    expect(buildFromInvoice(inv, customer, withSetting(true)).invoice.email).toBeDefined();
    expect(buildFromInvoice(inv, customer, withSetting(false)).invoice.email).toBeUndefined();
  });

  it("the invoice's own choice wins, both ways", () => {
    const on = buildFromInvoice({ ...inv, emailToCustomer: true }, customer, withSetting(false));
    expect(on.invoice.email?.fromAddress).toBe('facturen@bedrijf.nl');
    expect(on.mailTo).toBe('administratie@devries.nl');
    expect(
      buildFromInvoice({ ...inv, emailToCustomer: false }, customer, withSetting(true)).invoice.email,
    ).toBeUndefined();
  });

  it('a wanted e-mail without a sender address is a problem, not a silent skip', () => {
    const built = buildFromInvoice({ ...inv, emailToCustomer: true }, customer, withSetting(false, ''));
    expect(built.problems.map((p) => p.code)).toContain('NO_SENDER_ADDRESS');
  });

  it('shows a refusal only on a done invoice entry', () => {
    expect(invoiceMailRefusal({ kind: 'invoice', state: 'done', mailRefused: 'SMTP_003' })).toBe('SMTP_003');
    expect(invoiceMailRefusal({ kind: 'invoice', state: 'sending', mailRefused: 'SMTP_003' })).toBeUndefined();
    expect(invoiceMailRefusal({ kind: 'invoice', state: 'done' })).toBeUndefined();
  });
});
