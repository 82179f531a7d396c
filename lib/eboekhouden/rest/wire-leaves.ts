/** The leaf types REST v1 sends: ids, flags, and the document's integer-or-digit-string. */
import { z } from 'zod';

export const id = z.number().int();
/** Ids the service may leave out or send as 0/null when there is none. */
export const optionalId = z
  .number()
  .int()
  .nullish()
  .transform((v) => (v == null || v === 0 ? undefined : v));
export const flag = z
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
