/**
 * The JSON e-Boekhouden REST v1 sends and accepts, as zod schemas (names as in REST.md).
 * Only what the transport reads is required; empty fields may be left out or null.
 */
import { z } from 'zod';
import type { MutationType } from './types';
import { optionalNumber, optionalText, optionalWireDate, wireDate } from './validate';

const id = z.number().int();
/** Ids the service may leave out or send as 0/null when there is none. */
const optionalId = z
  .number()
  .int()
  .nullish()
  .transform((v) => (v == null || v === 0 ? undefined : v));
const flag = z
  .boolean()
  .nullish()
  .transform((v) => v ?? undefined);

export const sessionResponse = z.object({
  token: z.string().min(1),
  expiresIn: z.number().positive(),
});

/** Body of a 4xx answer. Everything optional: we read what is there. */
export const errorBody = z
  .object({
    type: z.string().nullish(),
    code: z.string().nullish(),
    title: z.string().nullish(),
    message: z.string().nullish(),
    propertyName: z.string().nullish(),
    errors: z.array(z.unknown()).nullish(),
    status: z.number().nullish(),
  })
  .loose();
export type ErrorBody = z.output<typeof errorBody>;

/** `{items, count}`; items are validated one by one afterwards. */
export const listEnvelope = z.object({
  items: z.array(z.unknown()),
  count: z.number().int().nullish(),
});

export const administration = z.object({
  guid: z.string().min(1),
  company: z.string(),
  city: optionalText,
  startYear: z.union([z.string(), z.number()]).nullish(),
});

export const relationListItem = z.object({
  id,
  type: z.enum(['B', 'P']),
  code: z.string().min(1),
});

export const relation = z.object({
  id,
  type: z.enum(['B', 'P']),
  code: z.string().min(1),
  date: optionalWireDate,
  name: z
    .string()
    .nullish()
    .transform((v) => v ?? ''),
  contact: optionalText,
  address: optionalText,
  postalCode: optionalText,
  city: optionalText,
  country: optionalText,
  phoneNumber: optionalText,
  mobilePhoneNumber: optionalText,
  emailAddress: optionalText,
  vatNumber: optionalText,
  inactive: flag,
  termOfPayment: optionalNumber,
  companyRegistrationNumber: optionalText,
  iban: optionalText,
});

/** POST /v1/relation body (REST names). */
export interface RelationBody {
  code: string;
  type: 'B' | 'P';
  name: string;
  contact?: string;
  emailAddress?: string;
  phoneNumber?: string;
  address?: string;
  postalCode?: string;
  city?: string;
  country?: string;
  vatNumber?: string;
  companyRegistrationNumber?: string;
  iban?: string;
  termOfPayment?: number;
}

export const createdRelation = z.object({ id, code: z.string().min(1) });

export const productListItem = z.object({
  id,
  code: z.string().min(1),
  description: z
    .string()
    .nullish()
    .transform((v) => v ?? ''),
  unitId: optionalId,
  active: z
    .boolean()
    .nullish()
    .transform((v) => v ?? true),
});

export const product = productListItem.extend({
  groupId: optionalId,
  purchasePriceExcl: optionalNumber,
  priceExcl: optionalNumber,
  priceIncl: optionalNumber,
  vat: optionalText,
  ledgerId: optionalId,
  costCenterId: optionalId,
});

export const unit = z.object({
  id,
  singular: z.string(),
  plural: optionalText,
});

export const productGroup = z.object({ id, code: z.string(), description: optionalText });

export const ledger = z.object({
  id,
  code: z.string().min(1),
  description: z
    .string()
    .nullish()
    .transform((v) => v ?? ''),
  category: z.string().min(1),
  group: optionalText,
});

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

export const invoiceListItem = z.object({
  id,
  invoiceNumber: z.string().min(1),
  relationId: id,
  date: wireDate,
  termOfPayment: optionalNumber,
  totalExcl: z.number(),
  totalAmount: z.number(),
  vatAmount: z.number(),
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
  ledgerId: id,
  costCenterId: optionalId,
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
  mutation?: { description: string; ledgerId: number };
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
}

export const createdInvoice = z.object({
  id,
  invoiceNumber: z.string().min(1),
  inExVat: z.string().nullish(),
});

export const mutationListItem = z.object({
  id: z.number().int().min(0),
  type: z
    .number()
    .int()
    .min(0, 'expected a mutation type 0–7')
    .max(7, 'expected a mutation type 0–7')
    .transform((v) => v as MutationType),
  date: wireDate,
  invoiceNumber: optionalText,
  ledgerId: id,
  amount: optionalNumber,
  entryNumber: optionalText,
  description: optionalText,
});

export const outstandingItem = z.object({
  date: wireDate,
  mutationId: optionalNumber,
  invoiceNumber: z.string().min(1),
  relationId: optionalId,
  relationCode: optionalText,
  company: z
    .string()
    .nullish()
    .transform((v) => v ?? ''),
  totalAmount: z.number(),
  paidAmount: z
    .number()
    .nullish()
    .transform((v) => v ?? 0),
  outstandingAmount: z.number(),
});
