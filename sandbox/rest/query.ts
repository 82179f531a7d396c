/**
 * REST v1 paging (`limit` 1–2000, default 100; `offset` ≥ 0) and filters (`?param[op]=value`).
 * Lists are pre-sorted arrays; a page costs O(offset + limit) matches, never a full copy.
 */
import { fail } from './errors';

export type FilterKind = 'number' | 'string' | 'date' | 'boolean';
/** Filterable query parameters of one list: name → how to read it from a record. */
export type FilterFields<T> = Record<string, { kind: FilterKind; get: (record: T) => unknown }>;

const STRING_OPS = new Set(['eq', 'not_eq', 'like', 'not_like', 'gt', 'gte', 'lt', 'lte', 'range']);
const ORDERED_OPS = new Set(['eq', 'not_eq', 'gt', 'gte', 'lt', 'lte', 'range', 'like', 'not_like']);

export interface Paging {
  limit: number;
  offset: number;
}

function isIntegerText(text: string): boolean {
  return /^-?\d+$/.test(text.trim());
}

export function parsePaging(url: URL): Paging {
  const limitText = url.searchParams.get('limit');
  const offsetText = url.searchParams.get('offset');
  let limit = 100;
  let offset = 0;
  if (limitText !== null && limitText !== '') {
    limit = isIntegerText(limitText) ? Number(limitText) : NaN;
    if (!(limit >= 1 && limit <= 2000)) fail('PAGE_001', 'limit');
  }
  if (offsetText !== null && offsetText !== '') {
    offset = isIntegerText(offsetText) ? Number(offsetText) : NaN;
    if (!(offset >= 0)) fail('PAGE_002', 'offset');
  }
  return { limit, offset };
}

type Predicate<T> = (record: T) => boolean;

function likeRegex(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.*+^${}()|[\]\\]/g, '\\$&')
    .replace(/%/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'is');
}

function parseValue(kind: FilterKind, raw: string, name: string): number | string {
  if (kind === 'number') {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n)) fail('ERR_002', name);
    return n;
  }
  if (kind === 'date') {
    const date = raw.trim().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail('ERR_002', name);
    return date;
  }
  if (kind === 'boolean') {
    const b = raw.trim().toLowerCase();
    if (b !== 'true' && b !== 'false') fail('ERR_002', name);
    return b;
  }
  return raw;
}

/** Normalises a record's field for comparison; undefined means it cannot match anything but not_*. */
function normalise(kind: FilterKind, value: unknown): number | string | undefined {
  if (value === null || value === undefined) return undefined;
  if (kind === 'number')
    return typeof value === 'number' ? value : Number.isFinite(Number(value)) ? Number(value) : undefined;
  if (kind === 'date') return typeof value === 'string' ? value.slice(0, 10) : undefined;
  if (kind === 'boolean') return String(value).toLowerCase();
  return String(value).toLowerCase();
}

function compare(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function predicateFor<T>(name: string, op: string, raw: string, field: FilterFields<T>[string]): Predicate<T> {
  const { kind, get } = field;
  const ops = kind === 'string' ? STRING_OPS : ORDERED_OPS;
  if (!ops.has(op)) fail('ERR_002', name);
  if (op === 'like' || op === 'not_like') {
    const re = likeRegex(raw);
    const negate = op === 'not_like';
    return (r) => {
      const v = get(r);
      return v === null || v === undefined ? negate : re.test(String(v)) !== negate;
    };
  }
  if (op === 'range') {
    const parts = raw.split(',');
    if (parts.length !== 2) fail('ERR_002', name);
    const lo = normaliseInput(kind, parseValue(kind, parts[0], name));
    const hi = normaliseInput(kind, parseValue(kind, parts[1], name));
    return (r) => {
      const v = normalise(kind, get(r));
      return v !== undefined && compare(v, lo) >= 0 && compare(v, hi) <= 0;
    };
  }
  const target = normaliseInput(kind, parseValue(kind, raw, name));
  const test: (c: number) => boolean =
    op === 'eq'
      ? (c) => c === 0
      : op === 'not_eq'
        ? (c) => c !== 0
        : op === 'gt'
          ? (c) => c > 0
          : op === 'gte'
            ? (c) => c >= 0
            : op === 'lt'
              ? (c) => c < 0
              : (c) => c <= 0;
  return (r) => {
    const v = normalise(kind, get(r));
    if (v === undefined) return op === 'not_eq';
    return test(compare(v, target));
  };
}

function normaliseInput(kind: FilterKind, value: number | string): number | string {
  return kind === 'string' ? String(value).toLowerCase() : value;
}

export interface ParsedFilters<T> {
  predicates: Predicate<T>[];
  /** The smallest id a record can have to match, from id filters; lets a page start by binary search. */
  minId: number;
}

/** Reads `name=value` and `name[op]=value` parameters for the given fields; others are ignored. */
export function parseFilters<T>(url: URL, fields: FilterFields<T>): ParsedFilters<T> {
  const predicates: Predicate<T>[] = [];
  let minId = -Infinity;
  for (const [key, raw] of url.searchParams) {
    const match = /^([A-Za-z][A-Za-z0-9]*)(?:\[([a-z_]+)\])?$/.exec(key);
    if (!match) continue;
    const [, name, op = 'eq'] = match;
    const field = fields[name];
    if (!field) continue;
    predicates.push(predicateFor(name, op, raw, field));
    if (name === 'id' && field.kind === 'number') {
      if (op === 'eq' || op === 'gte') minId = Math.max(minId, Number(raw));
      else if (op === 'gt') minId = Math.max(minId, Number(raw) + 1e-9);
      else if (op === 'range') minId = Math.max(minId, Number(raw.split(',')[0]));
    }
  }
  return { predicates, minId };
}

function firstIndexAtLeast<T extends { id: number }>(items: readonly T[], minId: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid].id < minId) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One page of `items` (sorted ascending by id when `sortedById`) that match the filters. */
export function page<T>(items: readonly T[], filters: ParsedFilters<T>, paging: Paging, sortedById = false): T[] {
  const { predicates } = filters;
  if (predicates.length === 0) return items.slice(paging.offset, paging.offset + paging.limit);
  let start = 0;
  if (sortedById && filters.minId > -Infinity)
    start = firstIndexAtLeast(items as unknown as readonly { id: number }[], filters.minId);
  const out: T[] = [];
  let skipped = 0;
  outer: for (let i = start; i < items.length; i++) {
    const record = items[i];
    for (const p of predicates) if (!p(record)) continue outer;
    if (skipped < paging.offset) {
      skipped++;
      continue;
    }
    out.push(record);
    if (out.length >= paging.limit) break;
  }
  return out;
}
