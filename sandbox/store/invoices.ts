/** Invoice templates, invoices and their lines, and the administration's e-mail templates. */
import { makeRow, sumRows, type SbMutation, type SbMutationRow } from './mutations';

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

/**
 * An invoice's items with their VAT percentage, one mutation row per item (excl/VAT/incl rounded
 * per line to cents), and the totals of those rows.
 */
export function priceInvoice(
  inv: Pick<SbInvoice, 'items' | 'inExVat' | 'relationId'>,
  invoiceNumber: string,
  vatPercentage: (code: string) => number,
): { items: SbInvoiceItem[]; rows: SbMutationRow[]; totals: ReturnType<typeof sumRows> } {
  const items = inv.items.map((item) => ({ ...item, vatPercentage: vatPercentage(item.vatCode) }));
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
  return { items, rows, totals: sumRows(rows) };
}

/** The type-2 mutation that books an invoice on the debtors ledger, one row per item. */
export function invoiceBooking(
  invoice: Pick<SbInvoice, 'date' | 'invoiceNumber' | 'termOfPayment' | 'relationId' | 'inExVat'>,
  rows: SbMutationRow[],
  debtorsLedgerId: number,
  book: { description: string; paymentReference?: string },
): Omit<SbMutation, 'id'> {
  return {
    type: 2,
    date: invoice.date,
    description: book.description || `Factuur ${invoice.invoiceNumber}`,
    termOfPayment: invoice.termOfPayment,
    ledgerId: debtorsLedgerId,
    relationId: invoice.relationId,
    inExVat: invoice.inExVat,
    invoiceNumber: invoice.invoiceNumber,
    entryNumber: '',
    rows,
    paymentReference: book.paymentReference ?? '',
  };
}
