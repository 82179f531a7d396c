/**
 * How many lines an invoice may have: 500 with an API token (the REST document's maxItems,
 * FACT_025 beyond), 100 with security codes (SOAP AddFactuur, CFACT006). Too many is caught
 * before anything is sent.
 */
import { describe, expect, it } from 'vitest';
import { createSoapTransport } from '../../lib/eboekhouden/soap';
import {
  MAX_INVOICE_LINES,
  MAX_SOAP_INVOICE_LINES,
  type InvoiceLine,
  type NewInvoice,
} from '../../lib/eboekhouden/types';
import { lineNotices } from '../../lib/workspace/invoice-builder';
import { say } from '../../lib/i18n/translate';
import { caught } from '../helpers/rest-fake';
import { fakeSoap, options } from '../helpers/soap-fake';

const line: InvoiceLine = {
  code: 'ARB',
  description: 'Arbeid',
  quantity: 1,
  pricePerUnit: 50,
  vatCode: 'HOOG_VERK_21',
  ledgerCode: '8000',
};
const lines = (n: number) => Array.from({ length: n }, () => ({ ...line }));
const record = { nl: 'Werkbon W1', en: 'Work order W1' };

describe('invoice line limits', () => {
  it('the limits are the documents’: 500 (REST), 100 (SOAP)', () => {
    expect(MAX_INVOICE_LINES).toBe(500);
    expect(MAX_SOAP_INVOICE_LINES).toBe(100);
  });

  it('the builder accepts 500 lines and names the limit beyond', () => {
    expect(lineNotices(lines(500), record).map((p) => p.code)).toEqual([]);
    const problems = lineNotices(lines(501), record);
    expect(problems.map((p) => p.code)).toEqual(['TOO_MANY_LINES']);
    expect(say('en', problems[0])).toContain('500');
    expect(say('nl', problems[0])).toContain('500');
  });

  it('SOAP refuses more than 100 lines before sending', async () => {
    const fake = fakeSoap((call) =>
      call.operation === 'AddFactuur' ? '<Factuurnummer>F1</Factuurnummer>' : undefined,
    );
    const soap = createSoapTransport(options(fake.fetch));
    const invoice: NewInvoice = {
      number: 'F1',
      relationCode: 'R1',
      date: '2026-08-29',
      termOfPayment: 14,
      template: 'Standaard',
      bookInAccounts: true,
      lines: lines(101),
    };
    expect(await caught(soap.createInvoice(invoice))).toMatchObject({ kind: 'validation', field: 'lines' });
    expect(fake.ops()).not.toContain('AddFactuur');
    await soap.createInvoice({ ...invoice, lines: lines(100) });
    expect(fake.ops()).toContain('AddFactuur');
  });
});
