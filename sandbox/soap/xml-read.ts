/**
 * Reading a SOAP request: the XML parsed into elements with their namespaces resolved the way ASMX
 * does, and the envelope's body found for either SOAP version.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const TNS = 'http://www.e-boekhouden.nl/soap';
export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12_NS = 'http://www.w3.org/2003/05/soap-envelope';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

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
