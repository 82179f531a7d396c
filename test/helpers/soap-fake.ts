/**
 * A fake `fetch` speaking just enough SOAP for unit tests of the SOAP transport: it records each
 * request (operation, headers, parsed fields in order) and answers with what the test's handler
 * returns. Responses are built as e-Boekhouden sends them (ErrorMsg with empty codes on success).
 */
import { XMLParser } from 'fast-xml-parser';
import type { TransportOptions } from '../../lib/eboekhouden/api';

export const CREDENTIALS = {
  kind: 'securityCodes' as const,
  username: 'tester',
  securityCode1: 'feedfacefeedfacefeedfacefeedface',
  securityCode2: 'ABCDEF12-3456-7890-ABCD-EF1234567890',
};
export const SESSION_ID = '{11111111-2222-3333-4444-555555555555}';

export interface SoapCall {
  operation: string;
  soapAction: string | null;
  contentType: string | null;
  url: string;
  body: string;
  /** The operation element's children, in order, as [name, value] pairs (value: text or nested pairs). */
  fields: Pairs;
}
export type Pairs = [string, string | Pairs][];

/** A handler's answer: XML inside `<Op>Result>` (ErrorMsg added), or a full raw response. */
export type Answer = string | { raw: string; status?: number } | { error: string; description?: string } | Error;

const ordered = new XMLParser({
  preserveOrder: true,
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
});

function toPairs(nodes: Record<string, unknown>[]): Pairs {
  const out: Pairs = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ':@' && k !== '#text');
    if (!name) continue;
    const kids = node[name] as Record<string, unknown>[];
    const textOnly = kids.length === 0 || (kids.length === 1 && '#text' in kids[0]!);
    out.push([name, textOnly ? String(kids[0]?.['#text'] ?? '') : toPairs(kids)]);
  }
  return out;
}

export function parseRequest(body: string): { operation: string; fields: Pairs } {
  const doc = ordered.parse(body) as Record<string, unknown>[];
  const envelope = doc.find((n) => 'Envelope' in n)!.Envelope as Record<string, unknown>[];
  const bodyNode = envelope.find((n) => 'Body' in n)!.Body as Record<string, unknown>[];
  const op = bodyNode.find((n) => Object.keys(n).some((k) => k !== ':@' && k !== '#text'))!;
  const operation = Object.keys(op).find((k) => k !== ':@')!;
  return { operation, fields: toPairs(op[operation] as Record<string, unknown>[]) };
}

/** Value of a field by path ("cFilter/MutatieNrVan"); undefined when absent. */
export function field(fields: Pairs, path: string): string | Pairs | undefined {
  let current: string | Pairs | undefined = fields;
  for (const part of path.split('/')) {
    if (!Array.isArray(current)) return undefined;
    current = current.find(([n]) => n === part)?.[1];
  }
  return current;
}

export function envelope(inner: string): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>' +
    inner +
    '</soap:Body></soap:Envelope>'
  );
}

export function ok(operation: string, inner: string): string {
  return envelope(
    `<${operation}Response xmlns="http://www.e-boekhouden.nl/soap"><${operation}Result>` +
      `<ErrorMsg><LastErrorCode /><LastErrorDescription /></ErrorMsg>${inner}</${operation}Result></${operation}Response>`,
  );
}

export function failed(operation: string, code: string, description = 'Fout'): string {
  return envelope(
    `<${operation}Response xmlns="http://www.e-boekhouden.nl/soap"><${operation}Result>` +
      `<ErrorMsg><LastErrorCode>${code}</LastErrorCode><LastErrorDescription>${description}</LastErrorDescription></ErrorMsg>` +
      `</${operation}Result></${operation}Response>`,
  );
}

export function fault(message: string): string {
  return envelope(
    `<soap:Fault><faultcode>soap:Client</faultcode><faultstring>${message}</faultstring><detail /></soap:Fault>`,
  );
}

/**
 * A fake e-Boekhouden. `handler` answers every operation except OpenSession/OpenSessionSub/CloseSession,
 * which succeed by default (override by handling them). Session ids are SESSION_ID, SESSION_ID-2, …
 */
export function fakeSoap(handler: (call: SoapCall, n: number) => Answer | undefined) {
  const calls: SoapCall[] = [];
  let sessions = 0;
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const body = String(init?.body ?? '');
    const headers = new Headers(init?.headers);
    const { operation, fields } = parseRequest(body);
    const call: SoapCall = {
      operation,
      soapAction: headers.get('SOAPAction'),
      contentType: headers.get('Content-Type'),
      url: String(input),
      body,
      fields,
    };
    calls.push(call);
    let answer = handler(call, calls.filter((c) => c.operation === operation).length);
    if (answer === undefined) {
      if (operation === 'OpenSession' || operation === 'OpenSessionSub') {
        sessions++;
        answer = `<SessionID>${sessions === 1 ? SESSION_ID : `${SESSION_ID}-${sessions}`}</SessionID>`;
      } else if (operation === 'CloseSession') {
        answer = { raw: envelope('<CloseSessionResponse xmlns="http://www.e-boekhouden.nl/soap" />') };
      } else {
        throw new Error(`fake e-Boekhouden has no answer for ${operation}`);
      }
    }
    if (answer instanceof Error) throw answer;
    if (typeof answer === 'string')
      return new Response(ok(operation, answer), {
        status: 200,
        headers: { 'Content-Type': 'text/xml; charset=utf-8' },
      });
    if ('error' in answer) return new Response(failed(operation, answer.error, answer.description), { status: 200 });
    return new Response(answer.raw, {
      status: answer.status ?? 200,
      headers: { 'Content-Type': 'text/xml; charset=utf-8' },
    });
  }) as typeof globalThis.fetch;
  return { fetch, calls, ops: () => calls.map((c) => c.operation) };
}

export function options(fetch: typeof globalThis.fetch, extra: Partial<TransportOptions> = {}): TransportOptions {
  return {
    baseUrl: 'http://soap.test/',
    credentials: CREDENTIALS,
    fetch,
    retries: 2,
    retryBaseMs: 1,
    sleep: async () => {},
    random: () => 0.5,
    ...extra,
  };
}

/** A cRelatie as e-Boekhouden renders it; `over` replaces or adds elements (null removes one). */
export function relatieXml(over: Record<string, string | null> = {}): string {
  const base: Record<string, string> = {
    ID: '101',
    AddDatum: '2023-01-19T00:00:00',
    Code: 'R0002',
    Bedrijf: 'Acme BV',
    Contactpersoon: 'J. Jansen',
    Geslacht: 'm',
    Adres: 'Straat 1',
    Postcode: '1234 AB',
    Plaats: 'Utrecht',
    Land: 'NL',
    Adres2: '',
    Postcode2: '',
    Plaats2: '',
    Land2: '',
    Telefoon: '030-1234567',
    GSM: '',
    FAX: '',
    Email: 'info@acme.nl',
    Site: '',
    Notitie: '',
    Bankrekening: '',
    Girorekening: '',
    BTWNummer: 'NL001234567B01',
    KvkNummer: '12345678',
    Aanhef: '',
    IBAN: 'NL91ABNA0417164300',
    BIC: 'ABNANL2A',
    BP: 'B',
    LA: '0',
    Gb_ID: '0',
    GeenEmail: '0',
    NieuwsbriefgroepenCount: '0',
  };
  return `<cRelatie>${elements({ ...base, ...over })}</cRelatie>`;
}

export function elements(values: Record<string, string | null>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => (v === '' ? `<${k} />` : `<${k}>${v}</${k}>`))
    .join('');
}
