/**
 * SOAP 1.1 envelopes for e-Boekhouden, built and read with fast-xml-parser.
 *
 * Requests are ordered lists of [element, value] pairs, so the order the WSDL demands is the
 * order written. Responses are parsed with namespace prefixes removed, every value kept as a
 * string ("0001" stays "0001") and attributes (xsi:type, xsi:nil) ignored.
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { ListItemTexts, splitListItems, UnreadableItem, type SplitAnswer } from './xml-split';

export const SOAP_NAMESPACE = 'http://www.e-boekhouden.nl/soap';
export const SOAP_ENVELOPE_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';

/** An element's content: text, or ordered child elements. */
export type XmlValue = string | XmlFields;
export type XmlFields = ReadonlyArray<readonly [name: string, value: XmlValue]>;

/** Decimal with a dot and 2 places, no thousands separator: 1234.5 → "1234.50". */
export function decimal2(n: number): string {
  // toPrecision first so 1.005 (really 1.00499…) rounds as written; half away from zero
  const cents = Math.sign(n) * Math.round(Math.abs(Number((n * 100).toPrecision(12))));
  const fixed = (cents / 100).toFixed(2);
  return fixed === '-0.00' ? '0.00' : fixed;
}

/** A quantity: 2 places like every decimal, more (up to 4) only when the value needs them. */
export function quantity(n: number): string {
  const two = decimal2(n);
  if (Math.abs(Number(two) - n) < 1e-9) return two;
  return String(Math.round(n * 1e4) / 1e4);
}

export const bool = (b: boolean): string => (b ? 'true' : 'false');

export const long = (n: number): string => String(Math.trunc(n));

type BuilderNode = Record<string, unknown>;

function toBuilderNodes(fields: XmlFields): BuilderNode[] {
  return fields.map(([name, value]) =>
    typeof value === 'string' ? { [name]: [{ '#text': value }] } : { [name]: toBuilderNodes(value) },
  );
}

const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: false,
  // escapes & < > " ' in text
  processEntities: true,
});

/** The whole SOAP 1.1 request body for an operation, its children in the given order. */
export function buildEnvelope(operation: string, fields: XmlFields): string {
  const tree = [
    {
      'soap:Envelope': [
        {
          'soap:Body': [{ [operation]: toBuilderNodes(fields), ':@': { '@_xmlns': SOAP_NAMESPACE } }],
        },
      ],
      ':@': {
        '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        '@_xmlns:xsd': 'http://www.w3.org/2001/XMLSchema',
        '@_xmlns:soap': SOAP_ENVELOPE_NAMESPACE,
      },
    },
  ];
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build(tree) as string}`;
}

/** The list items e-Boekhouden wraps in ArrayOfX: always parsed as arrays, so one item looks like many. */
const LIST_ITEMS = new Set([
  'cRelatie',
  'cArtikel',
  'cGrootboekrekening',
  'cMutatieList',
  'cMutatieListRegel',
  'cOpenPost',
  'cFactuurList',
  'cFactuurRegel',
  'cAdministratie',
  'cSaldo',
  'cKostenplaats',
]);

const parserOptions = {
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name: string) => LIST_ITEMS.has(name),
};
const parser = new XMLParser(parserOptions);
const entityParser = new XMLParser({ ...parserOptions, htmlEntities: true });

export type ParsedXml = Record<string, unknown>;

export type ParsedEnvelope =
  | { kind: 'result'; response: unknown }
  | { kind: 'fault'; code?: string; message: string }
  | { kind: 'unreadable'; reason: string };

/**
 * Reads a SOAP envelope: the `<Op>Response` element's content, or the soap:Fault (1.1 or 1.2 shape).
 * `response` is '' for an empty response element (CloseSessionResponse). Parses the whole text.
 */
export function parseEnvelope(xml: string, operation: string): ParsedEnvelope {
  if (!complete(xml)) return INCOMPLETE;
  const doc = parseText(xml, parserFor(xml));
  return doc === undefined ? NOT_XML : readDocument(doc, operation);
}

/**
 * The same as parseEnvelope, but each list item (LIST_ITEMS) stays text until it is read: where a
 * parsed answer has an array of items, this one has ListItemTexts (read them with eachListItem or
 * listItems). Keeps the heap small on answers of thousands of items (xml-split.ts).
 */
export function readEnvelope(xml: string, operation: string): ParsedEnvelope {
  if (!complete(xml)) return INCOMPLETE;
  const split = splitListItems(xml, LIST_ITEMS);
  if (!split || split.lists.length === 0) return parseEnvelope(xml, operation);
  const p = parserFor(xml);
  const doc = parseText(split.skeleton, p);
  if (doc === undefined || !attachLists(doc, split, xml, p)) return parseEnvelope(xml, operation);
  return readDocument(doc, operation);
}

// A cut-off answer must not pass for a shorter list: the envelope has to be closed.
const complete = (xml: string) => /<\/(?:[\w.-]+:)?Envelope\s*>\s*$/.test(xml);
const INCOMPLETE: ParsedEnvelope = { kind: 'unreadable', reason: 'the response is not a complete SOAP envelope' };
const NOT_XML: ParsedEnvelope = { kind: 'unreadable', reason: 'the response is not well-formed XML' };

// Numeric character references (&#233;) need htmlEntities, which costs more than the parse
// itself on a 500-mutation answer; .NET writes UTF-8, so only use it when a reference is there.
const parserFor = (xml: string) => (xml.includes('&#') ? entityParser : parser);

function parseText(xml: string, p: XMLParser): ParsedXml | undefined {
  try {
    return p.parse(xml) as ParsedXml;
  } catch {
    return undefined;
  }
}

/** Puts each list's items, as text, where the whole parse would have put their array. */
function attachLists(doc: ParsedXml, split: SplitAnswer, xml: string, p: XMLParser): boolean {
  for (const list of split.lists) {
    let node: unknown = doc;
    for (const name of list.path.slice(0, -1)) {
      node = (node as ParsedXml)[name];
      if (!node || typeof node !== 'object' || Array.isArray(node)) return false;
    }
    const parent = node as ParsedXml;
    const wrapperName = list.path.at(-1);
    if (wrapperName === undefined) return false;
    const wrapper = parent[wrapperName];
    if (wrapper === '') parent[wrapperName] = {};
    else if (!wrapper || typeof wrapper !== 'object' || Array.isArray(wrapper) || list.item in wrapper) return false;
    (parent[wrapperName] as ParsedXml)[list.item] = new ListItemTexts(xml, list.ranges, (slice) => {
      let item: unknown;
      try {
        item = (p.parse(slice) as ParsedXml)[list.item];
      } catch {
        throw new UnreadableItem();
      }
      if (!Array.isArray(item) || item.length !== 1) throw new UnreadableItem();
      return item[0] as unknown;
    });
  }
  return true;
}

function readDocument(doc: ParsedXml, operation: string): ParsedEnvelope {
  const envelope = doc.Envelope as ParsedXml | undefined;
  if (!envelope || typeof envelope !== 'object')
    return { kind: 'unreadable', reason: 'no SOAP Envelope in the response' };
  const body = envelope.Body as ParsedXml | undefined;
  if (body === undefined || body === null || typeof body !== 'object')
    return { kind: 'unreadable', reason: 'no SOAP Body in the response' };
  const fault = body.Fault as ParsedXml | undefined;
  if (fault !== undefined) return readFault(fault);
  const responseName = `${operation}Response`;
  if (!(responseName in body)) return { kind: 'unreadable', reason: `no ${responseName} element in the SOAP Body` };
  return { kind: 'result', response: body[responseName] };
}

function readFault(fault: unknown): ParsedEnvelope {
  if (!fault || typeof fault !== 'object') return { kind: 'fault', message: 'no reason given' };
  const f = fault as ParsedXml;
  // SOAP 1.1: faultcode/faultstring. SOAP 1.2: Code/Value, Reason/Text.
  const code = text(f.faultcode) ?? text((f.Code as ParsedXml | undefined)?.Value);
  const message = text(f.faultstring) ?? text((f.Reason as ParsedXml | undefined)?.Text) ?? 'no reason given';
  return { kind: 'fault', code, message };
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (Array.isArray(v)) return text(v[0]);
  return undefined;
}

/**
 * Items of an ArrayOfX wrapper: absent, empty (`<Relaties/>`), one item or many all become an array.
 * Nil items (`<cRelatie xsi:nil="true"/>`) are dropped. Undefined when the wrapper has an unexpected shape.
 */
export function listItems(wrapper: unknown, item: string): unknown[] | undefined {
  const each = eachListItem(wrapper, item);
  return each === undefined ? undefined : [...each];
}

/**
 * The same items, one at a time: from readEnvelope's ListItemTexts each is parsed only when it is
 * reached (and throws there if it is not well-formed XML).
 */
export function eachListItem(wrapper: unknown, item: string): Iterable<unknown> | undefined {
  if (wrapper === undefined || wrapper === null || wrapper === '') return [];
  if (typeof wrapper !== 'object' || Array.isArray(wrapper)) return undefined;
  const items = (wrapper as ParsedXml)[item];
  if (items === undefined) return [];
  if (items instanceof ListItemTexts) return withoutNil(items);
  if (!Array.isArray(items)) return undefined;
  return items.filter(present);
}

const present = (i: unknown) => i !== '' && i !== null;

function* withoutNil(items: Iterable<unknown>): Iterable<unknown> {
  for (const i of items) if (present(i)) yield i;
}
