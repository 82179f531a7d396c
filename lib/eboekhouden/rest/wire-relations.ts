/** REST v1 relations as zod schemas (openapi-v1.json), the detail fields a list item may carry, and the POST body. */
import { z } from 'zod';
import { optionalNumber, optionalText, optionalWireDate } from '../validate';
import { flag, id } from './wire-leaves';

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
