/**
 * e-Boekhouden's own REST contract (openapi-v1.json, OpenAPI 3.1 = JSON Schema 2020-12) as a validator
 * for answers and requests. It reads the document as it is and adjusts only what OPENAPI-NOTES.md says
 * the document itself gets wrong or leaves open; each adjustment is named where it is made:
 * - dangling list-item `$ref`s: "any object", but every key sent must appear in the operation's example;
 * - digit-string enums (`MutationType`, `SecurityErrorType`, …): the live service sends the numbers;
 * - `date` / `mandateSignedDate` typed `object` with format date: the examples send a date string.
 * Everything else is strict: an answer may carry only the properties the document names (the sandbox
 * must not invent fields), a status the operation does not document fails, a 204 has no body.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** `../shared/eboekhouden/` beside the clone (CI), or beside the worktrees' folder (a worktree under wt/). */
export const OPENAPI_PATH =
  ['../../../shared/eboekhouden/openapi-v1.json', '../../../../shared/eboekhouden/openapi-v1.json']
    .map((relative) => fileURLToPath(new URL(relative, import.meta.url)))
    .find((path) => existsSync(path)) ??
  fileURLToPath(new URL('../../../shared/eboekhouden/openapi-v1.json', import.meta.url));

type Json = Record<string, unknown>;
type Schema = Json;

export interface Operation {
  /** `GET /v1/relation/{id}` */
  name: string;
  method: string;
  template: string;
  pattern: RegExp;
  raw: Json;
  queryNames: Set<string>;
}

export interface ResponseCheck {
  method: string;
  /** The concrete path, with or without query string. */
  path: string;
  status: number;
  body: unknown;
}
export interface RequestCheck {
  method: string;
  path: string;
  body: unknown;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `UrlPdfFile` → `urlPdfFile`, `Id` → `id` (the examples' casing against the service's). */
export function camelCase(key: string): string {
  return key.charAt(0).toLowerCase() + key.slice(1);
}

export class OpenApiContract {
  readonly operations: Operation[] = [];
  private readonly ajv: Ajv2020;
  private readonly defined: Set<string>;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly doc: Json = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as Json) {
    const components = (doc.components as Json | undefined)?.schemas as Json | undefined;
    this.defined = new Set(Object.keys(components ?? {}));
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(this.ajv);
    // The document writes `format: "string"` on plain strings (a generator habit): no constraint.
    for (const name of collectFormats(doc)) if (!this.ajv.formats[name]) this.ajv.addFormat(name, true);
    this.ajv.addSchema(this.prepareComponents(components ?? {}), 'openapi-components');
    for (const [template, item] of Object.entries(doc.paths as Json)) {
      for (const [method, raw] of Object.entries(item as Json)) {
        if (!METHODS.has(method) || !isObject(raw) || !raw.responses) continue;
        const params = Array.isArray(raw.parameters) ? (raw.parameters as Json[]) : [];
        this.operations.push({
          name: `${method.toUpperCase()} ${template}`,
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
          raw,
          queryNames: new Set(params.filter((p) => p.in === 'query').map((p) => String(p.name))),
        });
      }
    }
  }

  /** The operation a concrete request hits: a literal segment wins over a `{param}` one. */
  find(method: string, path: string): Operation | undefined {
    const bare = path.split('?')[0];
    const candidates = this.operations.filter((o) => o.method === method.toUpperCase() && o.pattern.test(bare));
    candidates.sort((a, b) => countParams(a.template) - countParams(b.template));
    return candidates[0];
  }

  /** Problems with one answer; empty when the document allows it. */
  checkResponse(check: ResponseCheck): string[] {
    const op = this.find(check.method, check.path);
    if (!op) return [`${check.method} ${check.path}: no operation in the document`];
    const where = `${op.name} → ${check.status}`;
    const responses = op.raw.responses as Json;
    const response = responses[String(check.status)] as Json | undefined;
    if (!response)
      return [`${where}: status ${check.status} is not documented (documented: ${Object.keys(responses)})`];
    const content = (response.content as Json | undefined)?.['application/json'] as Json | undefined;
    if (check.status === 204) return isEmpty(check.body) ? [] : [`${where}: a 204 answer has a body`];
    if (!content?.schema) return []; // the document says nothing about this body (401)
    const problems = this.validate(`${op.name} response ${check.status}`, content.schema as Schema, true, check.body);
    problems.push(...this.checkListItemKeys(content, check.body));
    return problems.map((p) => `${where}: ${p}`);
  }

  /** Problems with one request: the body against requestBody, query names against the parameters. */
  checkRequest(check: RequestCheck): string[] {
    const op = this.find(check.method, check.path);
    if (!op) return [`${check.method} ${check.path}: no operation in the document`];
    const problems: string[] = [];
    const query = check.path.includes('?') ? new URLSearchParams(check.path.split('?')[1]) : new URLSearchParams();
    for (const key of query.keys()) {
      const name = key.replace(/\[.*$/, '');
      if (!op.queryNames.has(name)) problems.push(`query parameter "${name}" is not documented (ignored live)`);
    }
    const schema = ((op.raw.requestBody as Json | undefined)?.content as Json | undefined)?.['application/json'] as
      Json | undefined;
    if (schema?.schema)
      problems.push(...this.validate(`${op.name} request`, schema.schema as Schema, true, check.body));
    else if (!isEmpty(check.body)) problems.push('the operation takes no request body');
    return problems.map((p) => `${op.name} request: ${p}`);
  }

  private validate(key: string, schema: Schema, closed: boolean, body: unknown): string[] {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(this.prepare(schema, closed));
      this.compiled.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map(describe);
  }

  /** Items of a list whose item schema dangles: every key must appear in the example's item. */
  private checkListItemKeys(content: Json, body: unknown): string[] {
    const ref = (content.schema as Json).$ref;
    if (typeof ref !== 'string' || !isObject(body) || !Array.isArray(body.items)) return [];
    const envelope = this.component(ref);
    const itemRef = (((envelope?.properties as Json | undefined)?.items as Json | undefined)?.items as Json)?.$ref;
    if (typeof itemRef !== 'string' || this.defined.has(itemRef.split('/').pop()!)) return [];
    const example = content.example;
    const exampleItems = isObject(example) ? (example.Items ?? example.items) : undefined;
    if (!Array.isArray(exampleItems) || !isObject(exampleItems[0])) return [];
    const allowed = new Set(Object.keys(exampleItems[0]).map(camelCase));
    const problems = new Set<string>();
    body.items.forEach((item, i) => {
      if (!isObject(item)) return;
      for (const k of Object.keys(item))
        if (!allowed.has(k)) problems.add(`/items/${i}/${k}: "${k}" is not in the example's list item`);
    });
    return [...problems].slice(0, 20);
  }

  private component(ref: string): Json | undefined {
    const name = ref.split('/').pop()!;
    return ((this.doc.components as Json).schemas as Json)[name] as Json | undefined;
  }

  private prepareComponents(schemas: Json): Json {
    const out: Json = {};
    for (const [name, schema] of Object.entries(schemas)) out[name] = this.prepare(schema as Schema, true);
    return { $id: 'openapi-components', $defs: out };
  }

  /** A copy of `schema` with the adjustments named at the top of this file. */
  private prepare(schema: Schema, closed: boolean): Schema {
    const walk = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(walk);
      if (!isObject(node)) return node;
      if (typeof node.$ref === 'string') {
        const name = node.$ref.split('/').pop()!;
        // Dangling list-item refs: any object (their keys are checked against the example).
        if (!this.defined.has(name)) return { type: 'object' };
        return { $ref: `openapi-components#/$defs/${name}` };
      }
      const out: Json = {};
      for (const [k, v] of Object.entries(node)) {
        if (k === 'example' || k === 'examples') continue;
        out[k] =
          k === 'properties' ? Object.fromEntries(Object.entries(v as Json).map(([p, s]) => [p, walk(s)])) : walk(v);
      }
      if (
        Array.isArray(out.enum) &&
        out.enum.length > 0 &&
        out.enum.every((e) => typeof e === 'string' && /^\d+$/.test(e))
      ) {
        // Digit-string enums: the live service sends the numbers (OPENAPI-NOTES.md).
        const numbers = (out.enum as string[]).map(Number);
        const { enum: strings, type, ...rest } = out;
        return {
          ...rest,
          anyOf: [
            { type: type ?? 'string', enum: strings },
            { type: 'integer', enum: numbers },
          ],
        };
      }
      const types = Array.isArray(out.type) ? out.type : [out.type];
      if (out.format === 'date' && types.includes('object') && !out.properties) {
        // An open point of the document: dates typed `object`; its examples send `"2026-08-29"`.
        const { format: _format, type: _type, ...rest } = out;
        return { ...rest, type: [...types.filter((t) => t !== 'object'), 'string'], format: 'date' };
      }
      if (closed && isObject(out.properties) && out.additionalProperties === undefined)
        out.additionalProperties = false;
      return out;
    };
    return walk(schema) as Schema;
  }
}

function countParams(template: string): number {
  return (template.match(/\{/g) ?? []).length;
}

function isEmpty(body: unknown): boolean {
  return body === undefined || body === null || body === '';
}

function collectFormats(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => collectFormats(n, out));
  else if (isObject(node)) {
    if (typeof node.format === 'string') out.add(node.format);
    Object.values(node).forEach((v) => collectFormats(v, out));
  }
  return out;
}

function describe(error: ErrorObject): string {
  const at = error.instancePath || '/';
  if (error.keyword === 'additionalProperties')
    return `${at}: "${String((error.params as { additionalProperty: string }).additionalProperty)}" is not in the document`;
  return `${at}: ${error.message ?? error.keyword}`;
}

let shared: OpenApiContract | undefined;
/** One parsed document per test file (557 kB: parse it once). */
export function contract(): OpenApiContract {
  shared ??= new OpenApiContract();
  return shared;
}
