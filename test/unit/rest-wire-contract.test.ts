/**
 * Every zod schema of the REST wire (lib/eboekhouden/rest/wire.ts) against the matching schema of
 * e-Boekhouden's own OpenAPI document (`shared/eboekhouden/openapi-v1.json`):
 *
 * (a) every field the zod schema requires is required by the document, or present in its example
 *     (the list-item schemas dangle: their shape is only in the operation's `example`);
 * (b) the document's example (PascalCase keys converted to camelCase) parses;
 * (c) the example with an unknown extra field still parses;
 * (d) each value the document's schema allows for a field where the example has another (null,
 *     a digit string for `["integer","string"]`, each enum value), checked with ajv against the
 *     field's own schema, parses too.
 *
 * And the other way: the bodies the client sends (session, relation, invoice) are valid against
 * the document's request schemas (ajv) and use only fields those schemas define.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as wire from '../../lib/eboekhouden/rest/wire';
import { harness, json, lookupRoutes, paged } from '../helpers/rest-fake';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: Json[];
  [key: string]: unknown;
}

/** The document lives beside the repositories (`../shared/…` from a checkout, wherever that is). */
function findDocument(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'eboekhouden', 'openapi-v1.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error('shared/eboekhouden/openapi-v1.json not found above the test');
  }
}

const doc = JSON.parse(readFileSync(findDocument(), 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, JsonObject> }> }>>;
  components: { schemas: Record<string, JsonSchema> };
};

/** `Items` → `items`, recursively; values and map keys that are not PascalCase stay as they are. */
function camel(value: Json): Json {
  if (Array.isArray(value)) return value.map(camel);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), camel(v)]));
}

function content(path: string, method: string, status: string): JsonObject {
  const c = doc.paths[path]?.[method]?.responses[status]?.content?.['application/json'];
  if (!c) throw new Error(`${method.toUpperCase()} ${path} ${status}: no JSON content in the document`);
  return c;
}

function resolve(schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema?.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return doc.components.schemas[name]; // undefined for the dangling list-item refs
}

/** A field is required by zod when leaving it out fails. */
function zodRequired(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape)
    .filter(([, field]) => !(field as z.ZodType).safeParse(undefined).success)
    .map(([key]) => key);
}

// The document's `format`s (int32, string, …) are .NET names, not JSON Schema formats.
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });
/** Does the document's schema of one field allow this value? Refs are resolved; dangling ones allow anything. */
function docAllows(field: JsonSchema, value: Json): boolean {
  const resolved = resolve(field) ?? {};
  return ajv.validate(JSON.parse(JSON.stringify(resolved, (k, v: unknown) => (k === '$ref' ? undefined : v))), value);
}

interface Case {
  name: string;
  zod: z.ZodObject;
  /** The document's schema of the record, when it defines one. */
  schema?: JsonSchema;
  /** The document's example of the record (camelCase), when it has one. */
  example?: JsonObject;
}

/** A list operation: its envelope schema, and the item schema (dangling) and example item. */
function listCase(name: string, path: string, zod: z.ZodObject): Case {
  const c = content(path, 'get', '200');
  const envelope = resolve(c.schema as JsonSchema)!;
  const items = (camel(c.example) as JsonObject).items as JsonObject[];
  return {
    name: `${name} (GET ${path} item)`,
    zod,
    schema: resolve(envelope.properties?.items?.items),
    example: items[0],
  };
}

function recordCase(name: string, path: string, method: string, status: string, zod: z.ZodObject): Case {
  const c = content(path, method, status);
  return {
    name: `${name} (${method.toUpperCase()} ${path} ${status})`,
    zod,
    schema: resolve(c.schema as JsonSchema),
    example: c.example === undefined ? undefined : (camel(c.example) as JsonObject),
  };
}

const invoiceDetail = recordCase('invoice', '/v1/invoice/{id}', 'get', '200', wire.invoice);

const CASES: Case[] = [
  recordCase('sessionResponse', '/v1/session', 'post', '200', wire.sessionResponse),
  { ...recordCase('errorBody', '/v1/relation', 'get', '400', wire.errorBody), schema: doc.components.schemas.Error },
  listCase('administration', '/v1/administration', wire.administration),
  listCase('administration', '/v1/administration/linked', wire.administration),
  listCase('relationListItem', '/v1/relation', wire.relation),
  recordCase('relation', '/v1/relation/{id}', 'get', '200', wire.relation),
  recordCase('createdRelation', '/v1/relation', 'post', '201', wire.createdRelation),
  listCase('productListItem', '/v1/product', wire.product),
  recordCase('product', '/v1/product/{id}', 'get', '200', wire.product),
  listCase('unit', '/v1/unit', wire.unit),
  listCase('productGroup', '/v1/product/groups', wire.productGroup),
  listCase('ledger', '/v1/ledger', wire.ledger),
  recordCase('ledger', '/v1/ledger/{id}', 'get', '200', wire.ledger),
  listCase('invoiceTemplate', '/v1/invoicetemplate', wire.invoiceTemplate),
  listCase('invoiceListItem', '/v1/invoice', wire.invoiceListItem),
  invoiceDetail,
  {
    name: 'invoiceItem (GET /v1/invoice/{id} items[])',
    zod: wire.invoiceItem,
    schema: invoiceDetail.schema?.properties?.items?.items,
    example: (invoiceDetail.example?.items as JsonObject[])[0],
  },
  recordCase('createdInvoice', '/v1/invoice', 'post', '201', wire.createdInvoice),
  listCase('mutationListItem', '/v1/mutation', wire.mutationListItem),
  listCase('outstandingItem', '/v1/mutation/invoice/outstanding', wire.outstandingItem),
];

/** Values the document allows for a field besides the example's: null, a digit string, each enum value. */
function alternatives(field: JsonSchema, example: Json | undefined): Json[] {
  const resolved = resolve(field) ?? {};
  const out: Json[] = [null];
  if (Array.isArray(resolved.type) && resolved.type.includes('string') && resolved.type.includes('integer'))
    out.push('12');
  for (const v of resolved.enum ?? []) out.push(v);
  if (typeof example === 'number' && Number.isInteger(example)) out.push(String(example));
  return out.filter((v) => v !== example && docAllows(field, v));
}

describe('REST wire schemas against openapi-v1.json', () => {
  it('covers every list envelope of the document', () => {
    const envelopes = Object.keys(doc.components.schemas).filter((n) => n.startsWith('ListDtoOf'));
    expect(envelopes).toHaveLength(14);
    for (const name of envelopes) {
      const schema = doc.components.schemas[name];
      // (a) the envelope: nothing is required by the document, and `items` is all we require.
      expect(zodRequired(wire.listEnvelope), name).toEqual(['items']);
      expect(docAllows(schema.properties!.items, null), name).toBe(true);
      expect(docAllows(schema.properties!.count, '12'), name).toBe(true);
    }
  });

  it('every list example envelope parses, with items null and count as a digit string too', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      const c = ops.get?.responses['200']?.content?.['application/json'];
      const ref = (c?.schema as JsonSchema | undefined)?.$ref ?? '';
      if (!ref.includes('ListDtoOf')) continue;
      const example = camel(c!.example) as JsonObject;
      expect(wire.listEnvelope.safeParse(example).success, path).toBe(true);
      expect(wire.listEnvelope.parse({ ...example, items: null, count: '0' }), path).toEqual({ items: [], count: 0 });
      expect(wire.listEnvelope.safeParse({ ...example, extra: true }).success, path).toBe(true);
    }
  });

  for (const c of CASES) {
    describe(c.name, () => {
      it('(a) requires only what the document requires or its example shows', () => {
        const documented = new Set([...(c.schema?.required ?? []), ...Object.keys(c.example ?? {})]);
        const extra = zodRequired(c.zod).filter((k) => !documented.has(k));
        expect(extra, `required by the client, not by the document: ${extra.join(', ')}`).toEqual([]);
      });

      it.skipIf(!c.example)('(b) parses the document example', () => {
        const r = c.zod.safeParse(c.example);
        expect(r.success, r.error?.message).toBe(true);
      });

      it.skipIf(!c.example)('(c) parses the example with an unknown extra field', () => {
        const r = c.zod.safeParse({ ...c.example, aFieldFromTheFuture: { nested: [1, 'two'] } });
        expect(r.success, r.error?.message).toBe(true);
      });

      it.skipIf(!c.example || !c.schema?.properties)('(d) parses every other value the document allows a field', () => {
        const failures: string[] = [];
        for (const [key, field] of Object.entries(c.schema?.properties ?? {})) {
          for (const value of alternatives(field, c.example?.[key])) {
            const r = c.zod.safeParse({ ...c.example, [key]: value });
            if (!r.success) failures.push(`${key} = ${JSON.stringify(value)}: ${r.error.issues[0]?.message}`);
          }
        }
        expect(failures).toEqual([]);
      });
    });
  }

  it('reads the error body of every operation example, `errors` as map or array', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const [status, response] of Object.entries(op.responses)) {
          const c = response.content?.['application/json'];
          if (!status.startsWith('4') || c?.example === undefined) continue;
          const body = wire.errorBody.parse(camel(c.example));
          expect(body.code, `${method} ${path} ${status}`).toBeTruthy();
          expect(body.title, `${method} ${path} ${status}`).toBeTruthy();
          expect(wire.firstErrorText(body.errors), `${method} ${path} ${status}`).toBeTruthy();
          const asArray = wire.errorBody.parse({ ...(camel(c.example) as JsonObject), errors: ['Field is missing.'] });
          expect(wire.firstErrorText(asArray.errors)).toBe('Field is missing.');
        }
      }
    }
  });

  it('the document list examples of relations and products carry every detail field the client reads', () => {
    const relation = CASES.find((c) => c.name.startsWith('relationListItem'))!.example!;
    const product = CASES.find((c) => c.name.startsWith('productListItem'))!.example!;
    expect(wire.carriesFields(relation, wire.RELATION_DETAIL_FIELDS)).toBe(true);
    expect(wire.carriesFields(product, wire.PRODUCT_DETAIL_FIELDS)).toBe(true);
    // … and every one of those is a field of the detail schema.
    const relationDetail = CASES.find((c) => c.name.startsWith('relation ('))!.schema!.properties!;
    const productDetail = CASES.find((c) => c.name.startsWith('product ('))!.schema!.properties!;
    expect(wire.RELATION_DETAIL_FIELDS.filter((f) => !(f in relationDetail))).toEqual([]);
    expect(wire.PRODUCT_DETAIL_FIELDS.filter((f) => !(f in productDetail))).toEqual([]);
    // A thin item (what live lists have been seen to send) does not.
    expect(wire.carriesFields({ id: 1, type: 'B', code: 'R1' }, wire.RELATION_DETAIL_FIELDS)).toBe(false);
  });

  it('reads every MutationType the document lists, and the opening balance type 0', () => {
    const example = CASES.find((c) => c.name.startsWith('mutationListItem'))!.example!;
    for (const type of [...(doc.components.schemas.MutationType.enum as string[]), 0, '0', 1, 7]) {
      const r = wire.mutationListItem.safeParse({ ...example, type, id: type === 0 ? 0 : example.id });
      expect(r.success, `type ${JSON.stringify(type)}`).toBe(true);
      expect(r.data?.type).toBe(Number(type));
    }
    for (const type of ['8', 8, -1, 'x', ''])
      expect(wire.mutationListItem.safeParse({ ...example, type }).success).toBe(false);
  });
});

/** Keys of `value` (recursively) that the document's schema does not define, as dotted paths. */
function undocumentedKeys(value: Json, schema: JsonSchema | undefined, at = ''): string[] {
  const s = resolve(schema);
  if (!s || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => undocumentedKeys(v, s.items, `${at}[${i}]`));
  if (!s.properties) return [];
  return Object.entries(value).flatMap(([k, v]) =>
    k in s.properties! ? undocumentedKeys(v, s.properties![k], at ? `${at}.${k}` : k) : [at ? `${at}.${k}` : k],
  );
}

function requestSchema(path: string, method: string): JsonSchema {
  const op = doc.paths[path][method] as unknown as { requestBody: { content: Record<string, { schema: JsonSchema }> } };
  return op.requestBody.content['application/json'].schema;
}

describe('REST request bodies against openapi-v1.json', () => {
  const full = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  full.addSchema(doc, 'openapi');
  const pointer = (path: string, method: string) =>
    `openapi#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/requestBody/content/application~1json/schema`;

  async function captured() {
    const { transport, fake } = harness({
      ...lookupRoutes(),
      'GET /v1/relation': paged([{ id: 901, type: 'B', code: 'KL001' }]),
      'POST /v1/relation': () => json(201, { id: 902, code: 'KL002' }),
      'POST /v1/invoice': () => json(201, { id: 1000, invoiceNumber: 'F2026-0007' }),
    });
    await transport.createRelation({
      code: 'KL002',
      type: 'P',
      name: 'Jan de Vries',
      contact: 'Jan',
      email: 'jan@example.nl',
      emailInvoice: 'facturen@example.nl',
      emailReminder: 'herinnering@example.nl',
      phone: '0612345678',
      address: 'Dorpsstraat 1',
      postalCode: '1234 AB',
      city: 'Ergens',
      country: 'NL',
      vatNumber: 'NL123456789B01',
      cocNumber: '12345678',
      iban: 'NL91ABNA0417164300',
      termOfPayment: 14,
    });
    await transport.createInvoice({
      number: 'F2026-0007',
      relationCode: 'KL001',
      date: '2026-08-29',
      termOfPayment: 14,
      template: 'Standaard',
      bookInAccounts: true,
      email: { subject: 'Factuur', body: 'Zie bijlage', fromAddress: 'info@example.nl', fromName: 'Wij' },
      lines: [
        {
          code: 'ARB',
          description: 'Arbeid',
          quantity: 2.5,
          unit: 'uur',
          pricePerUnit: 55,
          vatCode: 'HOOG_VERK_21',
          ledgerCode: '8000',
          costCenterId: 3,
        },
      ],
    });
    return fake;
  }

  for (const [route, path] of [
    ['POST /v1/session', '/v1/session'],
    ['POST /v1/relation', '/v1/relation'],
    ['POST /v1/invoice', '/v1/invoice'],
  ] as const) {
    it(`${route}: the body the client sends is valid and uses only documented fields`, async () => {
      const fake = await captured();
      const bodies = fake.callsTo(route).map((c) => c.body as Json);
      expect(bodies.length).toBeGreaterThan(0);
      const validate = full.getSchema(pointer(path, 'post'))!;
      expect(validate({ aFieldFromTheFuture: 1 }), 'the schema has teeth: its required fields').toBe(false);
      for (const body of bodies) {
        expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
        expect(undocumentedKeys(body, requestSchema(path, 'post'))).toEqual([]);
      }
    });
  }
});
