/**
 * The JSON e-Boekhouden REST v1 sends and accepts, as zod schemas. Names, optionality and
 * shapes follow e-Boekhouden's own OpenAPI document (`eboekhouden/openapi-v1.json`); where it
 * and REST.md disagree the document wins (test/unit/rest-wire-contract.test.ts checks each
 * schema against it). Only what the transport reads is required; empty fields may be left out
 * or null, and unknown fields are ignored.
 */
import { z } from 'zod';
import type { MutationType } from '../types';
import { optionalNumber, optionalText, optionalWireDate, wireDate } from '../validate';

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

/** The document's `["integer","string"]` with pattern `^-?(?:0|[1-9]\d*)$`: .NET sends either. */
export const wireInteger = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?(?:0|[1-9]\d*)$/, 'expected an integer')
    .transform(Number),
]);

export const sessionResponse = z.object({
  token: z.string().min(1),
  expiresIn: z.number().positive(),
});

/** A text field of an error body; anything else is dropped instead of discarding the body. */
const errorText = z.string().nullish().catch(undefined);

/**
 * Body of a 4xx answer. Everything optional: we read what is there, and one odd field never
 * costs the `code` and `title`. `errors` is an array of strings in the document's schema and an
 * object map `{"object.field": ["..."]}` in its example: both are read.
 */
export const errorBody = z
  .object({
    type: errorText,
    code: errorText,
    title: errorText,
    message: errorText,
    propertyName: errorText,
    errors: z
      .union([z.array(z.unknown()), z.record(z.string(), z.unknown())])
      .nullish()
      .catch(undefined),
    status: wireInteger.nullish().catch(undefined),
  })
  .loose();
export type ErrorBody = z.output<typeof errorBody>;

/** The first readable sentence of an error body's `errors`, whichever of its two shapes it has. */
export function firstErrorText(errors: ErrorBody['errors']): string | undefined {
  if (!errors) return undefined;
  const values = Array.isArray(errors) ? errors : Object.values(errors).flatMap((v) => (Array.isArray(v) ? v : [v]));
  return values.find((e): e is string => typeof e === 'string' && e.trim() !== '');
}

/**
 * `{items, count}`; items are validated one by one afterwards. `items` may be null (no records);
 * left out it is still an error: an answer without its list must not pass as an empty one.
 */
export const listEnvelope = z.object({
  items: z
    .array(z.unknown())
    .nullable()
    .transform((v) => v ?? []),
  count: wireInteger.nullish(),
});

export const administration = z.object({
  guid: z.string().min(1),
  company: z.string(),
  city: optionalText,
  startYear: z.union([z.string(), z.number()]).nullish(),
});

/**
 * A relation, as /v1/relation/{id} sends it and as /v1/relation list items may: `{id, type, code}`
 * at least; the document's example carries every detail field (see `RELATION_DETAIL_FIELDS`), and
 * live lists have been seen with fewer.
 */
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
  emailAddressInvoice: optionalText,
  emailAddressReminder: optionalText,
  vatNumber: optionalText,
  inactive: flag,
  termOfPayment: optionalNumber,
  companyRegistrationNumber: optionalText,
  iban: optionalText,
});

/** The detail fields the domain reads: a list item with all of them (null allowed) needs no detail read. */
export const RELATION_DETAIL_FIELDS = [
  'name',
  'contact',
  'address',
  'postalCode',
  'city',
  'country',
  'phoneNumber',
  'mobilePhoneNumber',
  'emailAddress',
  'emailAddressInvoice',
  'emailAddressReminder',
  'vatNumber',
  'inactive',
  'termOfPayment',
  'companyRegistrationNumber',
  'iban',
] as const;

/** True when the raw list item has every one of `fields` (a null counts: it says "empty"). */
export function carriesFields(raw: unknown, fields: readonly string[]): boolean {
  return !!raw && typeof raw === 'object' && fields.every((f) => f in raw);
}

/** POST /v1/relation body (REST names). */
export interface RelationBody {
  code: string;
  type: 'B' | 'P';
  name: string;
  contact?: string;
  emailAddress?: string;
  emailAddressInvoice?: string;
  emailAddressReminder?: string;
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

/** A product, in detail or as a /v1/product list item: id, code, description, unit and active at least; maybe every detail field. */
export const product = z.object({
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
  groupId: optionalId,
  purchasePriceExcl: optionalNumber,
  priceExcl: optionalNumber,
  priceIncl: optionalNumber,
  vat: optionalText,
  ledgerId: optionalId,
  costCenterId: optionalId,
});

/** The detail fields the domain reads beyond the thin list's. */
export const PRODUCT_DETAIL_FIELDS = [
  'groupId',
  'purchasePriceExcl',
  'priceExcl',
  'priceIncl',
  'vat',
  'ledgerId',
] as const;

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

/** `MutationType` is a digit-string enum "1".."7" in the document; the live service sends numbers, and 0 (opening balance). */
const mutationType = z
  .union([z.number(), z.string().regex(/^\d$/, 'expected a mutation type 0–7').transform(Number)])
  .pipe(
    z
      .number()
      .int()
      .min(0, 'expected a mutation type 0–7')
      .max(7, 'expected a mutation type 0–7')
      .transform((v) => v as MutationType),
  );

export const mutationListItem = z.object({
  id: z.number().int().min(0),
  type: mutationType,
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
  /** null in the document's own example: a booked item without a number is still money owed. */
  invoiceNumber: optionalText,
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
