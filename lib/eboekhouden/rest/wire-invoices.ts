/** REST v1 invoice templates and invoices as zod schemas (openapi-v1.json), and the POST /v1/invoice body. */
import { z } from 'zod';
import { optionalNumber, optionalText, wireDate } from '../validate';
import { id, optionalId } from './wire-leaves';

export const invoiceTemplate = z.object({
  id,
  name: z.string().min(1),
  active: z
    .boolean()
    .nullish()
    .transform((v) => v ?? true),
  type: z
    .enum(['E', 'A'])
    .nullish()
    .transform((v) => v ?? undefined),
});

/** The document requires none of these; relation and totals may be left out (the detail has them). */
export const invoiceListItem = z.object({
  id,
  invoiceNumber: z.string().min(1),
  relationId: optionalId,
  date: wireDate,
  termOfPayment: optionalNumber,
  totalExcl: optionalNumber,
  totalAmount: optionalNumber,
  vatAmount: optionalNumber,
  urlPdfFile: optionalText,
  templateId: optionalId,
});

export const invoiceItem = z.object({
  code: optionalText,
  description: z.string(),
  quantity: z.number().nullish(),
  /** Deprecated alias of quantity. */
  amount: z.number().nullish(),
  unitId: optionalId,
  pricePerUnit: z
    .number()
    .nullish()
    .transform((v) => v ?? 0),
  vatCode: z.string().min(1),
  vatAmount: optionalNumber,
  ledgerId: id,
  costCenterId: optionalId,
  productId: optionalId,
  discountAmount: optionalNumber,
  discountPercentage: optionalNumber,
});

export const invoice = invoiceListItem.extend({
  inExVat: z.enum(['IN', 'EX']).nullish(),
  items: z
    .array(invoiceItem)
    .nullish()
    .transform((v) => v ?? []),
});

/** POST /v1/invoice body. */
export interface InvoiceBody {
  relationId: number;
  templateId: number;
  termOfPayment: number;
  invoiceNumber?: string;
  date: string;
  inExVat: 'IN' | 'EX';
  items: InvoiceItemBody[];
  /** Books the invoice; `checkPaymentReference` makes e-Boekhouden refuse a second booking (FACT_VERWERK_004). */
  mutation?: { description: string; ledgerId: number; paymentReference?: string; checkPaymentReference?: boolean };
  email?: { fromEmail: string; fromName?: string; subject: string; body: string };
}
export interface InvoiceItemBody {
  description: string;
  vatCode: string;
  ledgerId: number;
  quantity: number;
  code: string;
  pricePerUnit: number;
  unitId?: number;
  costCenterId?: number;
  /** On `pricePerUnit`; never both (FACT_ITEM_013). */
  discountAmount?: number;
  discountPercentage?: number;
}

export const createdInvoice = z.object({
  id,
  invoiceNumber: z.string().min(1),
  inExVat: z.string().nullish(),
  /** Not in the document's schema, but in its example (null): kept when the service sends it. */
  urlPdfFile: optionalText,
});
