/**
 * A bare SOAP caller for the sandbox tests: builds envelopes by hand (so tests control every
 * byte: version, prefixes, empty elements) and parses answers with fast-xml-parser.
 */
import { XMLParser } from 'fast-xml-parser';

export const TNS = 'http://www.e-boekhouden.nl/soap';
export const CODES = {
  username: 'demo',
  securityCode1: '0123456789abcdef0123456789abcdef',
  securityCode2: '1A2B3C4D-0000-1111-2222-333344445555',
};

/** List item elements: always arrays after parsing, so one item and many look the same. */
const ITEMS = new Set([
  'cRelatie',
  'cArtikel',
  'cGrootboekrekening',
  'cKostenplaats',
  'cMutatieList',
  'cMutatieListRegel',
  'cOpenPost',
  'cFactuurList',
  'cFactuurRegel',
  'cSaldo',
  'cAdministratie',
]);

const parser = new XMLParser({
  removeNSPrefix: true,
  parseTagValue: false,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ITEMS.has(name),
});

export type Xml = Record<string, any>;

export interface SoapAnswer {
  status: number;
  contentType: string;
  text: string;
  /** The parsed soap:Body. */
  body: Xml;
  /** `<OpResult>` when present. */
  result: Xml | undefined;
}

export interface CallOptions {
  version?: '1.1' | '1.2';
  /** SOAP 1.1: the SOAPAction header (default the quoted action URI); null leaves it out. SOAP 1.2: the action parameter (default none). */
  action?: string | null;
  /** Replaces the whole request body. */
  raw?: string;
  contentType?: string;
}

export function envelope(op: string, inner: string, version: '1.1' | '1.2' = '1.1'): string {
  const ns =
    version === '1.1' ? 'http://schemas.xmlsoap.org/soap/envelope/' : 'http://www.w3.org/2003/05/soap-envelope';
  return `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:soap="${ns}"><soap:Body><${op} xmlns="${TNS}">${inner}</${op}></soap:Body></soap:Envelope>`;
}

export async function soap(url: string, op: string, inner = '', opts: CallOptions = {}): Promise<SoapAnswer> {
  const version = opts.version ?? '1.1';
  const headers: Record<string, string> = {};
  if (version === '1.1') {
    headers['Content-Type'] = opts.contentType ?? 'text/xml; charset=utf-8';
    const action = opts.action === undefined ? `"${TNS}/${op}"` : opts.action;
    if (action !== null) headers.SOAPAction = action;
  } else {
    headers['Content-Type'] =
      opts.contentType ?? `application/soap+xml; charset=utf-8${opts.action ? `; action="${opts.action}"` : ''}`;
  }
  const res = await fetch(`${url}/soap.asmx`, {
    method: 'POST',
    headers,
    body: opts.raw ?? envelope(op, inner, version),
  });
  const text = await res.text();
  let body: Xml;
  try {
    body = ((parser.parse(text) as Xml).Envelope?.Body ?? {}) as Xml;
  } catch {
    body = {};
  }
  const response = body[`${op}Response`] as Xml | undefined;
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    text,
    body,
    result: response?.[`${op}Result`] as Xml | undefined,
  };
}

export function credentials(codes: Partial<typeof CODES> = {}): string {
  const c = { ...CODES, ...codes };
  return `<Username>${c.username}</Username><SecurityCode1>${c.securityCode1}</SecurityCode1><SecurityCode2>${c.securityCode2}</SecurityCode2>`;
}

/** Opens a session; returns the SessionID and the two leading elements every call needs. */
export async function openSession(url: string): Promise<{ sessionId: string; auth: string }> {
  const answer = await soap(url, 'OpenSession', credentials() + '<Source>Tests</Source>');
  const sessionId = answer.result?.SessionID as string | undefined;
  if (!sessionId) throw new Error(`OpenSession failed: ${answer.text}`);
  return { sessionId, auth: authFor(sessionId) };
}

export function authFor(sessionId: string, securityCode2 = CODES.securityCode2): string {
  return `<SessionID>${sessionId}</SessionID><SecurityCode2>${securityCode2}</SecurityCode2>`;
}

/** LastErrorCode of a result ('' on success). */
export function errorCode(result: Xml | undefined): string {
  const e = (result?.ErrorMsg ?? result) as Xml | undefined;
  return typeof e?.LastErrorCode === 'string' ? e.LastErrorCode : '';
}

export function items(result: Xml | undefined, wrapper: string, item: string): Xml[] {
  const w = result?.[wrapper] as Xml | string | undefined;
  if (!w || typeof w === 'string') return [];
  return (w[item] as Xml[] | undefined) ?? [];
}
