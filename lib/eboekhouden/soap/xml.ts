/**
 * SOAP 1.1 envelopes for e-Boekhouden, built and read with fast-xml-parser.
 *
 * Requests are ordered lists of [element, value] pairs, so the order the WSDL demands is the
 * order written. Responses are parsed with namespace prefixes removed, every value kept as a
 * string ("0001" stays "0001") and attributes (xsi:type, xsi:nil) ignored.
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';

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
// Numeric character references (&#233;) need htmlEntities, which costs more than the parse
// itself on a 500-mutation answer; .NET writes UTF-8, so only use it when a reference is there.
const entityParser = new XMLParser({ ...parserOptions, htmlEntities: true });

export type ParsedXml = Record<string, unknown>;

export type ParsedEnvelope =
  | { kind: 'result'; response: unknown }
  | { kind: 'fault'; code?: string; message: string }
  | { kind: 'unreadable'; reason: string };

/**
 * Reads a SOAP envelope: the `<Op>Response` element's content, or the soap:Fault (1.1 or 1.2 shape).
 * `response` is '' for an empty response element (CloseSessionResponse).
 */
export function parseEnvelope(xml: string, operation: string): ParsedEnvelope {
  // A cut-off answer must not pass for a shorter list: the envelope has to be closed.
  if (!/<\/(?:[\w.-]+:)?Envelope\s*>\s*$/.test(xml))
    return { kind: 'unreadable', reason: 'the response is not a complete SOAP envelope' };
  let doc: ParsedXml;
  try {
    doc = (xml.includes('&#') ? entityParser : parser).parse(xml) as ParsedXml;
  } catch {
    return { kind: 'unreadable', reason: 'the response is not well-formed XML' };
  }
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
  if (wrapper === undefined || wrapper === null || wrapper === '') return [];
  if (typeof wrapper !== 'object' || Array.isArray(wrapper)) return undefined;
  const items = (wrapper as ParsedXml)[item];
  if (items === undefined) return [];
  if (!Array.isArray(items)) return undefined;
  return items.filter((i) => i !== '' && i !== null);
}
