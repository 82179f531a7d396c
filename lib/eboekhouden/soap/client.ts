/**
 * SOAP session and requests: Username + SecurityCode1 + SecurityCode2 → SessionID, SOAP 1.1
 * envelopes (xml.ts), the ErrorMsg check of every answer, and secrets redacted from anything
 * e-Boekhouden echoes back.
 *
 * Sessions: opened lazily; every call sends SessionID then SecurityCode2. An E002.x answer
 * (expired, unknown, closed) opens a new session and repeats the call once; E001.x never is.
 */
import type { TransportOptions } from '../api';
import { EBoekhoudenError, redactSecrets } from '../errors';
import { createHttp, type HttpRequest } from '../http';
import { malformed, parseResponse } from '../validate';
import { codeError } from './errors';
import { errorMsgSchema, openSessionResultSchema } from './wire';
import { buildEnvelope, readEnvelope, SOAP_NAMESPACE, type XmlFields } from './xml';

export type Result = Record<string, unknown>;

export interface SoapClient {
  /** A call inside the session: SessionID and SecurityCode2 first, then `fields`. Renews an expired session once. */
  call(operation: string, fields: XmlFields, write?: boolean): Promise<Result>;
  /** Opens the session now, unless one is open or opening. */
  open(): Promise<void>;
  /** Closes the session, if one is open; never throws. */
  close(): Promise<void>;
}

export function createSoapClient(options: TransportOptions): SoapClient {
  if (options.credentials.kind !== 'securityCodes') {
    throw new EBoekhoudenError('The SOAP connection needs a username and two security codes.', {
      kind: 'auth',
      operation: 'OpenSession',
    });
  }
  const credentials = options.credentials;
  const http = createHttp(options);
  const url = `${options.baseUrl.replace(/\/+$/, '')}/soap.asmx`;
  let session: Promise<string> | undefined;
  /** Session ids ever opened, so they can be redacted from anything echoed back. */
  const sessionIds: string[] = [];

  // session ids look like {GUID}; redact that shape too, for ids from sessions we never saw open
  const redact = (text: string) =>
    redactSecrets(text, [
      credentials.securityCode1,
      credentials.securityCode2,
      options.administrationGuid,
      ...sessionIds,
    ]).replace(/\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}/g, '[redacted]');

  /** One SOAP request; returns `<Op>Result` (or '' for an empty response) after the ErrorMsg check. */
  async function post(operation: string, fields: XmlFields, write: boolean): Promise<Result> {
    const request: HttpRequest = {
      operation,
      url,
      method: 'POST',
      headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${SOAP_NAMESPACE}/${operation}"` },
      body: buildEnvelope(operation, fields),
      write,
    };
    const response = await http.send(request);
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      throw new EBoekhoudenError(`The connection to e-Boekhouden broke while reading the answer (${operation}).`, {
        kind: 'network',
        operation,
        status: response.status,
        outcomeUnknown: write,
        cause,
      });
    }
    const parsed = readEnvelope(text, operation);
    if (parsed.kind === 'fault') {
      throw new EBoekhoudenError(
        `e-Boekhouden could not process the request (${operation}): ${redact(parsed.message)}`,
        {
          kind: 'upstream',
          operation,
          status: response.status,
        },
      );
    }
    if (!response.ok) {
      throw new EBoekhoudenError(`e-Boekhouden answered HTTP ${response.status} (${operation}).`, {
        kind: 'upstream',
        operation,
        status: response.status,
        outcomeUnknown: write && response.status >= 500,
      });
    }
    if (parsed.kind === 'unreadable') throw malformed(operation, '', parsed.reason, response.status);

    if (parsed.response === '' && operation === 'CloseSession') return {};
    const resultName = `${operation}Result`;
    const envelope = parsed.response;
    const result = envelope && typeof envelope === 'object' ? (envelope as Result)[resultName] : undefined;
    if (!result || typeof result !== 'object' || Array.isArray(result))
      throw malformed(operation, resultName, 'missing', response.status);
    const error = parseResponse(errorMsgSchema, (result as Result).ErrorMsg, operation, response.status);
    if (error.code) throw codeError(operation, error.code, error.description, redact);
    return result as Result;
  }

  async function openSession(): Promise<string> {
    const sub = options.administrationGuid !== undefined && options.administrationGuid !== '';
    const operation = sub ? 'OpenSessionSub' : 'OpenSession';
    const fields: [string, string][] = [
      ['Username', credentials.username],
      ['SecurityCode1', credentials.securityCode1],
      ['SecurityCode2', credentials.securityCode2],
      ['Source', (options.source ?? 'BoekhoudComp').slice(0, 15)],
    ];
    if (sub) fields.push(['AdministratieGUID', options.administrationGuid!]);
    const result = await post(operation, fields, false);
    const { SessionID } = parseResponse(openSessionResultSchema, result, operation);
    sessionIds.push(SessionID);
    return SessionID;
  }

  function currentSession(): Promise<string> {
    if (!session) {
      const opening = openSession();
      session = opening;
      opening.catch(() => {
        if (session === opening) session = undefined;
      });
    }
    return session;
  }

  /** A call inside the session: SessionID and SecurityCode2 first, then `fields`. Renews an expired session once. */
  async function call(operation: string, fields: XmlFields, write = false): Promise<Result> {
    for (let attempt = 0; ; attempt++) {
      const opened = currentSession();
      const sessionId = await opened;
      try {
        return await post(
          operation,
          [['SessionID', sessionId], ['SecurityCode2', credentials.securityCode2], ...fields],
          write,
        );
      } catch (e) {
        // E002.x: the call was not processed, so even a write may be repeated on a new session.
        if (e instanceof EBoekhoudenError && e.kind === 'session' && attempt === 0) {
          if (session === opened) session = undefined;
          continue;
        }
        throw e;
      }
    }
  }

  return {
    call,

    async open() {
      await currentSession();
    },

    async close() {
      const open = session;
      session = undefined;
      if (!open) return;
      try {
        const sessionId = await open;
        await post('CloseSession', [['SessionID', sessionId]], false);
      } catch {
        // closing is a courtesy; an expired or unreachable session ends on its own
      }
    },
  };
}
