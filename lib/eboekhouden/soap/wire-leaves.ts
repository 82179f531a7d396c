/** The XML Schema leaf types of SOAP results (every leaf a string, as xml.ts parses them) as zod schemas. */
import { z } from 'zod';
import { listItems } from './xml';
import { optionalText } from '../validate';

/** xs:long. */
export const long = z
  .string()
  .trim()
  .regex(/^-?\d+$/, 'expected a whole number')
  .transform(Number);
/** xs:long that may be absent or empty. */
export const optionalLong = z
  .union([z.literal(''), long])
  .optional()
  .transform((v) => (v === '' ? undefined : v));

/** xs:decimal / xs:double ("1234.5", "-0.25", "1E-05"). */
export const number = z
  .string()
  .trim()
  .min(1, 'expected a number')
  .transform((v, ctx) => {
    const n = Number(v);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: 'expected a number' });
      return z.NEVER;
    }
    return n;
  });
export const optionalNumber = z
  .union([z.literal(''), number])
  .optional()
  .transform((v) => (v === '' ? undefined : v));

/** xs:boolean: true/false/1/0; absent or empty means the default. */
export const boolean = (fallback: boolean) =>
  z
    .union([z.literal(''), z.enum(['true', 'false', '1', '0', 'True', 'False'])])
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : v === 'true' || v === 'True' || v === '1'));

/** Text that must be there. */
export const requiredText = z.string().trim().min(1, 'is empty');
/** Text that may be absent or empty, as ''. */
export const textOrEmpty = optionalText.transform((v) => v ?? '');

/** An ArrayOfX wrapper: absent, empty, one item or many → the items, each validated by `item`. */
export function list<T extends z.ZodType>(itemName: string, item: T) {
  return z.preprocess((w) => listItems(w, itemName) ?? w, z.array(item));
}
