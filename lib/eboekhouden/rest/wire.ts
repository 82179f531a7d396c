/**
 * The JSON e-Boekhouden REST v1 sends and accepts, as zod schemas. Names, optionality and
 * shapes follow e-Boekhouden's own OpenAPI document (`eboekhouden/openapi-v1.json`); where it
 * and REST.md disagree the document wins (test/unit/rest-wire-contract.test.ts checks each
 * schema against it). Only what the transport reads is required; empty fields may be left out
 * or null, and unknown fields are ignored. Relations and invoices are in wire-relations.ts and
 * wire-invoices.ts (exported from here too), the leaf types in wire-leaves.ts.
 */
import { z } from 'zod';
import type { MutationType } from '../types';
import { optionalNumber, optionalText, wireDate } from '../validate';
import { id, optionalId, wireInteger } from './wire-leaves';

export * from './wire-relations';
export * from './wire-invoices';

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
