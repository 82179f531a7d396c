import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EBoekhoudenError } from '../../lib/eboekhouden/errors';
import {
  compact,
  identify,
  normaliseDate,
  optionalText,
  optionalWireDate,
  parseResponse,
  RecordError,
  validateItems,
  wireDate,
} from '../../lib/eboekhouden/validate';

describe('shared wire validation (validate.ts)', () => {
  it('drops a time part from dates and refuses what is not a date', () => {
    expect(normaliseDate('2024-03-01')).toBe('2024-03-01');
    expect(normaliseDate('2024-03-01T00:00:00')).toBe('2024-03-01');
    expect(normaliseDate('2024-03-01T13:45:10.123+01:00')).toBe('2024-03-01');
    expect(normaliseDate('2024-03-01 00:00:00')).toBe('2024-03-01');
    expect(normaliseDate('01-03-2024')).toBeUndefined();
    expect(normaliseDate('2024-03-01X')).toBeUndefined();
    expect(wireDate.safeParse('2024-03-01T00:00:00').data).toBe('2024-03-01');
    expect(wireDate.safeParse('maart').success).toBe(false);
    expect(optionalWireDate.parse(null)).toBeUndefined();
    expect(optionalWireDate.parse('')).toBeUndefined();
    expect(optionalWireDate.parse(undefined)).toBeUndefined();
    expect(optionalWireDate.parse('2024-01-02T10:00:00')).toBe('2024-01-02');
  });

  it('treats null, blank and missing text alike', () => {
    expect(optionalText.parse(null)).toBeUndefined();
    expect(optionalText.parse('  ')).toBeUndefined();
    expect(optionalText.parse(undefined)).toBeUndefined();
    expect(optionalText.parse(' a ')).toBe(' a ');
  });

  it('validateItems keeps good records in order and reports bad ones as "field: reason" with id/code', () => {
    const schema = z.object({ ID: z.number(), Code: z.string(), Lines: z.array(z.object({ Amount: z.number() })) });
    const { items, rejected } = validateItems(
      schema,
      [
        { ID: 1, Code: 'A', Lines: [] },
        { ID: 2, Code: 'B', Lines: [{ Amount: 'x' }] },
        { ID: 3, Code: 'C', Lines: [] },
        { ID: 4, Code: 'D', Lines: [] },
      ],
      (w) => {
        if (w.ID === 3) throw new RecordError('Code', 'not allowed here');
        return w.Code;
      },
    );
    expect(items).toEqual(['A', 'D']);
    expect(rejected).toEqual([
      { id: 2, code: 'B', message: 'Lines[0].Amount: expected number, received string' },
      { id: 3, code: 'C', message: 'Code: not allowed here' },
    ]);
  });

  it('a mapper bug is not swallowed as a rejected record', () => {
    expect(() =>
      validateItems(z.object({ id: z.number() }), [{ id: 1 }], () => {
        throw new TypeError('bug');
      }),
    ).toThrow(TypeError);
  });

  it('identify reads REST and SOAP names', () => {
    expect(identify({ id: 5, code: 'X' })).toEqual({ id: 5, code: 'X' });
    expect(identify({ MutatieNr: '17' })).toEqual({ id: 17 });
    expect(identify({ Relatiecode: 'K1' })).toEqual({ code: 'K1' });
    expect(identify(null)).toEqual({});
  });

  it('parseResponse throws an upstream error naming operation and field', () => {
    const schema = z.object({ items: z.array(z.object({ id: z.number() })) });
    expect(parseResponse(schema, { items: [{ id: 1 }] }, 'GET /v1/x')).toEqual({ items: [{ id: 1 }] });
    let error: unknown;
    try {
      parseResponse(schema, { items: [{ id: 1 }, {}] }, 'GET /v1/x', 200);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EBoekhoudenError);
    expect(error).toMatchObject({ kind: 'upstream', operation: 'GET /v1/x', field: 'items[1].id', status: 200 });
    expect((error as Error).message).toBe(
      'e-Boekhouden sent a response we cannot read (GET /v1/x): items[1].id: expected number, received undefined.',
    );
  });

  it('compact leaves out undefined fields only', () => {
    expect(compact({ a: 1, b: undefined, c: '', d: 0, e: false })).toEqual({ a: 1, c: '', d: 0, e: false });
    expect(Object.keys(compact({ a: undefined }))).toEqual([]);
  });
});
