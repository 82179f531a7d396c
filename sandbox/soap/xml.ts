/**
 * The sandbox's SOAP wire layer: reading a request envelope (either SOAP version, namespaces
 * resolved the way ASMX does) into typed values, and rendering response envelopes and faults.
 * No e-Boekhouden rules here; those live in ops-*.ts. Rendering is here; reading in xml-read.ts
 * and xml-fields.ts, exported from here too.
 */
import { SOAP11_NS, SOAP12_NS, TNS, XSI_NS, type SoapReadError, type SoapVersion } from './xml-read';

export { readEnvelope, SoapReadError, TNS, type SoapVersion, type XNode } from './xml-read';
export { Fields } from './xml-fields';

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
