/** Invoices as the domain sends and reads them: templates, lines, the new-invoice schema and its limits. */
import { z } from 'zod';
import { isoDate } from './iso-date';
import { isSalesVatCode } from './vat';

export interface InvoiceTemplate {
  id: number;
  name: string;
  active: boolean;
  type?: 'E' | 'A';
}

export interface InvoiceLine {
  code: string;
  description: string;
  quantity: number;
  unit?: string;
  /** Price per unit, excl. VAT. */
  pricePerUnit: number;
  vatCode: string;
  /** Counter account (revenue ledger) code. */
  ledgerCode: string;
  costCenterId?: number;
  /**
   * A discount on `pricePerUnit` (REST only; never both, FACT_ITEM_013): an amount off the price
   * per unit, or a percentage of it. The line is quantity × the price after the discount.
   */
  discountAmount?: number;
  discountPercentage?: number;
}

export interface Invoice {
  number: string;
  relationCode: string;
  date: string;
  termOfPayment?: number;
  totalExcl: number;
  totalVat: number;
  totalIncl: number;
  outstanding?: number;
  /** e-Boekhouden's link to the invoice PDF (REST `urlPdfFile`, SOAP `URLPDFBestand`). */
  pdfUrl?: string;
  lines?: InvoiceLine[];
}

const money = z
  .number()
  .finite()
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'amounts have at most 2 decimals');

export const invoiceLineSchema = z
  .object({
    code: z.string().trim().min(1, 'every line needs a code').max(50),
    description: z.string().trim().min(1, 'every line needs a description'),
    quantity: z
      .number()
      .finite()
      .refine((n) => Math.abs(Math.round(n * 1e4) - n * 1e4) < 1e-6, 'a quantity has at most 4 decimals'),
    unit: z.string().max(50).optional(),
    pricePerUnit: money,
    vatCode: z
      .string()
      .min(1, 'every line needs a VAT code')
      .refine(isSalesVatCode, 'a purchase VAT code cannot be used on a sales invoice'),
    ledgerCode: z.string().trim().min(1, 'every line needs a counter account').max(10),
    costCenterId: z.number().int().optional(),
    discountAmount: money.refine((n) => n >= 0, 'a discount amount is not negative').optional(),
    discountPercentage: z
      .number()
      .min(0)
      .max(100)
      .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'a discount percentage has at most 2 decimals')
      .optional(),
  })
  .refine(
    (l) => l.discountAmount === undefined || l.discountPercentage === undefined,
    'a line has a discount amount or a discount percentage, not both',
  );

/** Lines per invoice: the REST document's `maxItems` (FACT_025 beyond). SOAP AddFactuur takes 1–100 (CFACT006). */
export const MAX_INVOICE_LINES = 500;
export const MAX_SOAP_INVOICE_LINES = 100;

export const newInvoiceSchema = z.object({
  /** Empty lets e-Boekhouden number the invoice; exports always send their own number so a retry can look it up. */
  number: z
    .string()
    .max(50)
    .regex(/^$|\d$/, 'an invoice number must end with a digit'),
  relationCode: z.string().trim().min(1, 'an invoice needs a customer').max(15),
  date: isoDate,
  termOfPayment: z.number().int().min(0).max(999),
  /** Template name as shown in e-Boekhouden. */
  template: z.string().trim().min(1, 'choose an invoice template').max(50),
  /** Book the invoice in the accounts (on the debtors ledger). */
  bookInAccounts: z.boolean(),
  bookingDescription: z.string().max(200).optional(),
  /** Let e-Boekhouden e-mail the invoice to the customer. */
  email: z
    .object({
      subject: z.string().min(1),
      body: z.string().min(1),
      fromAddress: z.string().email(),
      fromName: z.string().optional(),
    })
    .optional(),
  lines: z
    .array(invoiceLineSchema)
    .min(1, 'an invoice needs at least one line')
    .max(MAX_INVOICE_LINES, `an invoice has at most ${MAX_INVOICE_LINES} lines`),
});
export type NewInvoice = z.infer<typeof newInvoiceSchema>;

export interface CreatedInvoice {
  number: string;
  /** REST only. */
  id?: number;
  /** e-Boekhouden's link to the PDF, when the answer carries one (REST `urlPdfFile`). */
  pdfUrl?: string;
}
