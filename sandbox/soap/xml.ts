/**
 * The sandbox's SOAP wire layer: reading a request envelope (either SOAP version, namespaces
 * resolved the way ASMX does) into typed values, and rendering response envelopes and faults.
 * No e-Boekhouden rules here; those live in ops-*.ts.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const TNS = 'http://www.e-boekhouden.nl/soap';
export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12_NS = 'http://www.w3.org/2003/05/soap-envelope';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

export type SoapVersion = '1.1' | '1.2';

/** The request cannot be deserialized: ASMX answers HTTP 500 with a soap:Fault. */
export class SoapReadError extends Error {
  constructor(
    message: string,
    readonly faultCode: 'Client' | 'Server' | 'VersionMismatch' = 'Client',
  ) {
    super(message);
    this.name = 'SoapReadError';
  }
}

// ---------------------------------------------------------------- reading

/** An element with its namespace resolved. */
export interface XNode {
  name: string;
  ns: string;
  /** Attributes by local name, namespace-qualified ones as `{ns}local`. */
  attrs: Record<string, string>;
  children: XNode[];
  text: string;
}

type Raw = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** Parses a whole XML document into its root element, or throws SoapReadError. */
export function parseXml(xml: string): XNode {
  if (!xml.trim() || XMLValidator.validate(xml) !== true)
    throw new SoapReadError('Server was unable to read request. ---> There is an error in XML document (1, 1).');
  const top = parser.parse(xml) as Raw[];
  const roots = top
    .map((raw) => toNode(raw, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']])))
    .filter((n): n is XNode => n !== null);
  if (roots.length !== 1)
    throw new SoapReadError('Server was unable to read request. ---> There is an error in XML document (1, 1).');
  return roots[0];
}

function tagOf(raw: Raw): string | undefined {
  return Object.keys(raw).find((k) => k !== ':@' && k !== '#text');
}

function toNode(raw: Raw, scope: Map<string, string>): XNode | null {
  const tag = tagOf(raw);
  if (!tag) return null;
  const rawAttrs = (raw[':@'] as Record<string, string> | undefined) ?? {};
  let inner = scope;
  for (const [key, value] of Object.entries(rawAttrs)) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) {
      if (inner === scope) inner = new Map(scope);
      inner.set(key === 'xmlns' ? '' : key.slice(6), value);
    }
  }
  const [prefix, local] = splitName(tag);
  const ns = inner.get(prefix);
  if (ns === undefined && prefix !== '')
    throw new SoapReadError(`Server was unable to read request. ---> '${prefix}' is an undeclared prefix.`);
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(rawAttrs)) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
    const [p, l] = splitName(key);
    attrs[p ? `{${inner.get(p) ?? p}}${l}` : l] = String(value);
  }
  const children: XNode[] = [];
  let text = '';
  for (const kid of (raw[tag] as Raw[] | undefined) ?? []) {
    if ('#text' in kid && tagOf(kid) === undefined) text += String(kid['#text']);
    else {
      const child = toNode(kid, inner);
      if (child) children.push(child);
    }
  }
  return { name: local, ns: ns ?? '', attrs, children, text };
}

function splitName(tag: string): [string, string] {
  const i = tag.indexOf(':');
  return i < 0 ? ['', tag] : [tag.slice(0, i), tag.slice(i + 1)];
}

export interface SoapEnvelope {
  version: SoapVersion;
  /** The operation element inside soap:Body. */
  operation: XNode;
}

/** Finds Envelope > Body > first element, checking the envelope namespace against the content type's version. */
export function readEnvelope(xml: string, version: SoapVersion): SoapEnvelope {
  const root = parseXml(xml);
  const expected = version === '1.1' ? SOAP11_NS : SOAP12_NS;
  if (root.name !== 'Envelope' || (root.ns !== SOAP11_NS && root.ns !== SOAP12_NS)) {
    throw new SoapReadError('Server was unable to read request. ---> The root element is not a SOAP Envelope.');
  }
  if (root.ns !== expected) {
    throw new SoapReadError(
      `Possible SOAP version mismatch: Envelope namespace ${root.ns} was unexpected. Expecting ${expected}.`,
      'VersionMismatch',
    );
  }
  const body = root.children.find((n) => n.name === 'Body' && n.ns === expected);
  const operation = body?.children[0];
  if (!operation) throw new SoapReadError('Server was unable to read request. ---> The SOAP Body is empty.');
  return { version, operation };
}

const LONG = /^\s*[+-]?\d{1,19}\s*$/;
const DECIMAL = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/;
const DOUBLE = /^\s*([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|-?INF|NaN)\s*$/;
const BOOLEAN = /^\s*(true|false|1|0)\s*$/;
const DATE_TIME = /^\s*(\d{4})-(\d{2})-(\d{2})(T(\d{2}):(\d{2}):(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?\s*$/;

function notReadable(name: string, detail: string): SoapReadError {
  return new SoapReadError(
    `Server was unable to read request. ---> There is an error in XML document. ---> ${detail} (element ${name})`,
  );
}

/**
 * Typed access to the children of one request element, the way XmlSerializer reads them:
 * only children in the e-Boekhouden namespace count (an unqualified child is an unknown
 * element and ignored), a missing child gets its type's default, and a present child that
 * does not parse as its type (an empty `<ID></ID>`, `1,5` for a decimal) is a fault.
 */
export class Fields {
  constructor(readonly node: XNode | undefined) {}

  private find(name: string): XNode | undefined {
    return this.node?.children.find((n) => n.name === name && n.ns === TNS);
  }

  private value(name: string): string | undefined {
    const n = this.find(name);
    if (!n || isNil(n)) return undefined;
    return n.text;
  }

  has(name: string): boolean {
    const n = this.find(name);
    return n !== undefined && !isNil(n);
  }

  str(name: string): string {
    return this.value(name) ?? '';
  }

  long(name: string): number {
    const v = this.value(name);
    if (v === undefined) return 0;
    if (!LONG.test(v)) throw notReadable(name, 'Input string was not in a correct format.');
    return Number(v.trim());
  }

  decimal(name: string): number {
    const v = this.value(name);
    if (v === undefined) return 0;
    if (!DECIMAL.test(v)) throw notReadable(name, 'Input string was not in a correct format.');
    return Number(v.trim());
  }

  double(name: string): number {
    const v = this.value(name);
    if (v === undefined) return 0;
    if (!DOUBLE.test(v)) throw notReadable(name, 'Input string was not in a correct format.');
    const t = v.trim();
    return t === 'INF' ? Infinity : t === '-INF' ? -Infinity : Number(t);
  }

  bool(name: string): boolean {
    const v = this.value(name);
    if (v === undefined) return false;
    const m = BOOLEAN.exec(v);
    if (!m) throw notReadable(name, `The string '${v}' is not a valid Boolean value.`);
    return m[1] === 'true' || m[1] === '1';
  }

  /** YYYY-MM-DD, or null when absent or xsi:nil (DateTime.MinValue / null on the server). */
  date(name: string): string | null {
    const v = this.value(name);
    if (v === undefined) return null;
    const m = DATE_TIME.exec(v);
    if (!m || !validDate(+m[1], +m[2], +m[3]))
      throw notReadable(name, `The string '${v}' is not a valid AllXsd value.`);
    return `${m[1]}-${m[2]}-${m[3]}`;
  }

  /** An enumeration: absent gives the first value (the enum's default), an unknown value is a fault. */
  enumeration<T extends string>(name: string, values: readonly T[], typeName: string): T {
    const v = this.value(name);
    if (v === undefined) return values[0];
    const found = values.find((x) => x === v.trim());
    if (!found) throw notReadable(name, `Instance validation error: '${v}' is not a valid value for ${typeName}.`);
    return found;
  }

  child(name: string): Fields | undefined {
    const n = this.find(name);
    return n && !isNil(n) ? new Fields(n) : undefined;
  }

  /** Items of an ArrayOfX child; nil items are skipped, as XmlSerializer gives null entries. */
  items(name: string, itemName: string): Fields[] {
    const wrapper = this.find(name);
    if (!wrapper || isNil(wrapper)) return [];
    return wrapper.children.filter((n) => n.name === itemName && n.ns === TNS && !isNil(n)).map((n) => new Fields(n));
  }
}

function isNil(n: XNode): boolean {
  const v = n.attrs[`{${XSI_NS}}nil`];
  return v === 'true' || v === '1';
}

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

// ---------------------------------------------------------------- rendering

/** One response element: text (escaped on output), child elements, or nothing (self-closing). */
export interface ENode {
  name: string;
  text?: string;
  children?: ENode[];
  /** Raw attribute text, e.g. `xsi:type="xsd:string"`. */
  attrs?: string;
}

export function el(name: string, value: string | number | boolean | ENode[] | null | undefined, attrs?: string): ENode {
  if (Array.isArray(value)) return { name, children: value, attrs };
  if (value === null || value === undefined) return { name, attrs };
  if (typeof value === 'number') return { name, text: formatNumber(value), attrs };
  if (typeof value === 'boolean') return { name, text: value ? 'true' : 'false', attrs };
  return { name, text: value, attrs };
}

/** Decimals with a dot, no exponent, no thousands separator; -0 as 0. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? 'INF' : n < 0 ? '-INF' : 'NaN';
  if (Object.is(n, -0) || n === 0) return '0';
  if (Number.isInteger(n)) return String(n);
  const s = String(n);
  return /e/i.test(s) ? n.toFixed(10).replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** YYYY-MM-DD (or a longer ISO string) → `2023-04-01T00:00:00`, the way ASMX renders a DateTime. */
export function formatDateTime(date: string): string {
  if (!date) return '0001-01-01T00:00:00';
  return date.length === 10 ? `${date}T00:00:00` : date.slice(0, 19);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
export function escapeXml(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  // Characters XML 1.0 cannot carry are dropped rather than producing an unreadable document.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"]/g, (c) => ESCAPES[c]);
}

export function serialize(node: ENode): string {
  const open = node.attrs ? `<${node.name} ${node.attrs}` : `<${node.name}`;
  if (node.children && node.children.length > 0) {
    let inner = '';
    for (const c of node.children) inner += serialize(c);
    return `${open}>${inner}</${node.name}>`;
  }
  if (node.text !== undefined && node.text !== '') return `${open}>${escapeXml(node.text)}</${node.name}>`;
  return `${open} />`;
}

function envelopeOpen(version: SoapVersion): string {
  const soapNs = version === '1.1' ? SOAP11_NS : SOAP12_NS;
  return `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${soapNs}" xmlns:xsi="${XSI_NS}" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>`;
}
const ENVELOPE_CLOSE = '</soap:Body></soap:Envelope>';

export function contentType(version: SoapVersion): string {
  return version === '1.1' ? 'text/xml; charset=utf-8' : 'application/soap+xml; charset=utf-8';
}

/** `<OpResponse xmlns=tns>` holding `<OpResult>` with the given children; `result` null = an empty response (CloseSession). */
export function responseEnvelope(version: SoapVersion, operation: string, result: ENode[] | null): string {
  const response: ENode = {
    name: `${operation}Response`,
    attrs: `xmlns="${TNS}"`,
    children: result === null ? [] : [el(`${operation}Result`, result)],
  };
  return envelopeOpen(version) + serialize(response) + ENVELOPE_CLOSE;
}

export function faultEnvelope(version: SoapVersion, error: SoapReadError): string {
  const reason = escapeXml(error.message);
  if (version === '1.1') {
    const code = `soap:${error.faultCode}`;
    return `${envelopeOpen(version)}<soap:Fault><faultcode>${code}</faultcode><faultstring>${reason}</faultstring><detail /></soap:Fault>${ENVELOPE_CLOSE}`;
  }
  const code =
    error.faultCode === 'Client'
      ? 'soap:Sender'
      : error.faultCode === 'Server'
        ? 'soap:Receiver'
        : 'soap:VersionMismatch';
  return `${envelopeOpen(version)}<soap:Fault><soap:Code><soap:Value>${code}</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en">${reason}</soap:Text></soap:Reason><soap:Detail /></soap:Fault>${ENVELOPE_CLOSE}`;
}
