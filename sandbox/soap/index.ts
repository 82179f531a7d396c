/**
 * `POST /soap.asmx`: the sandbox's e-Boekhouden SOAP service (SOAP.md, soap.wsdl).
 * SOAP 1.1 (`text/xml` + SOAPAction) and SOAP 1.2 (`application/soap+xml`, action in the
 * content type or taken from the body element); the answer uses the request's version.
 * Unreadable requests get HTTP 500 with a soap:Fault; business errors HTTP 200 with ErrorMsg.
 */
import type { Context } from 'hono';
import { withFaults, type SandboxContext } from '../faults';
import { errorResult, SESSION_ERRORS, sessionError, SoapError, successResult, type SoapOperation } from './operation';
import {
  getArtikelen,
  getFacturen,
  getGrootboekrekeningen,
  getKostenplaatsen,
  getMutaties,
  getOpenPosten,
  getRelaties,
  getSaldi,
  getSaldo,
} from './ops-read';
import { autoLogin, closeSession, getAdministraties, openSession, openSessionSub } from './ops-session';
import {
  addFactuur,
  addGrootboekrekening,
  addMutatie,
  addRelatie,
  updateGrootboekrekening,
  updateRelatie,
} from './ops-write';
import { checkSoapSession } from './sessions';
import {
  contentType,
  faultEnvelope,
  Fields,
  readEnvelope,
  responseEnvelope,
  SoapReadError,
  TNS,
  type ENode,
  type SoapVersion,
  type XNode,
} from './xml';

/** All 20 operations of soap.wsdl. */
export const SOAP_OPERATIONS: ReadonlyMap<string, SoapOperation> = new Map(
  [
    openSession,
    openSessionSub,
    closeSession,
    autoLogin,
    getAdministraties,
    getRelaties,
    addRelatie,
    updateRelatie,
    getArtikelen,
    getKostenplaatsen,
    getGrootboekrekeningen,
    addGrootboekrekening,
    updateGrootboekrekening,
    getMutaties,
    addMutatie,
    getOpenPosten,
    getFacturen,
    addFactuur,
    getSaldi,
    getSaldo,
  ].map((op) => [op.name, op as SoapOperation]),
);

const ACTION_PREFIX = `${TNS}/`;

function reply(version: SoapVersion, operation: string, result: ENode[] | null): Response {
  return new Response(responseEnvelope(version, operation, result), {
    status: 200,
    headers: { 'Content-Type': contentType(version) },
  });
}

function fault(version: SoapVersion, error: SoapReadError): Response {
  return new Response(faultEnvelope(version, error), {
    status: 500,
    headers: { 'Content-Type': contentType(version) },
  });
}

function versionOf(header: string | undefined): { version: SoapVersion; action?: string } | null {
  const [media, ...params] = (header ?? '').split(';').map((p) => p.trim());
  const type = media.toLowerCase();
  if (type === 'text/xml') return { version: '1.1' };
  if (type !== 'application/soap+xml') return null;
  const action = params.map((p) => /^action\s*=\s*"?([^"]*)"?$/i.exec(p)?.[1]).find((a) => a !== undefined);
  return { version: '1.2', action };
}

function unquote(value: string): string {
  const v = value.trim();
  return v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v;
}

function operationForAction(action: string): SoapOperation | undefined {
  return action.startsWith(ACTION_PREFIX) ? SOAP_OPERATIONS.get(action.slice(ACTION_PREFIX.length)) : undefined;
}

/** Which operation the request is for, or the fault ASMX would answer. */
function resolveOperation(version: SoapVersion, action: string | undefined, body: XNode): SoapOperation {
  let op: SoapOperation | undefined;
  if (version === '1.1' || action) {
    op = operationForAction(action ?? '');
    if (!op) throw new SoapReadError(`Server did not recognize the value of HTTP Header SOAPAction: ${action ?? ''}.`);
  } else {
    op = body.ns === TNS ? SOAP_OPERATIONS.get(body.name) : undefined;
    if (!op)
      throw new SoapReadError(
        `Server was unable to read request. ---> Unable to handle request without a valid action parameter. <${body.name} xmlns='${body.ns}'> was not expected.`,
      );
  }
  if (body.name !== op.name || body.ns !== TNS) {
    throw new SoapReadError(
      `Server was unable to read request. ---> There is an error in XML document. ---> <${body.name} xmlns='${body.ns}'> was not expected.`,
    );
  }
  return op;
}

function execute(ctx: SandboxContext, version: SoapVersion, op: SoapOperation, body: XNode): Response {
  try {
    const fields = new Fields(body);
    const request = op.read(fields);
    let session;
    if (op.session) {
      const checked = checkSoapSession(ctx, fields.str('SessionID'), fields.str('SecurityCode2'));
      if ('problem' in checked) throw sessionError(checked.problem);
      session = checked.session;
    }
    return reply(version, op.name, successResult(op, op.run(request, { ctx, session })));
  } catch (error) {
    if (error instanceof SoapError) return reply(version, op.name, errorResult(op, error.code, error.description));
    if (error instanceof SoapReadError) return fault(version, error);
    console.error(`[sandbox] SOAP ${op.name} failed:`, error instanceof Error ? error.message : String(error));
    return fault(version, new SoapReadError('Server was unable to process request. ---> Internal error.', 'Server'));
  }
}

export function soapRoute(ctx: SandboxContext): (c: Context) => Promise<Response> {
  return async (c) => {
    const kind = versionOf(c.req.header('content-type'));
    if (!kind)
      return new Response('Unsupported Media Type: use text/xml (SOAP 1.1) or application/soap+xml (SOAP 1.2)', {
        status: 415,
        headers: { 'Content-Type': 'text/plain' },
      });
    const { version } = kind;
    const action =
      version === '1.1'
        ? c.req.header('soapaction') === undefined
          ? undefined
          : unquote(c.req.header('soapaction')!)
        : kind.action;
    let op: SoapOperation;
    let body: XNode;
    try {
      body = readEnvelope(await c.req.text(), version).operation;
      op = resolveOperation(version, action, body);
    } catch (error) {
      if (error instanceof SoapReadError) return fault(version, error);
      throw error;
    }
    return withFaults(
      ctx,
      c,
      op.name,
      {
        write: op.write,
        // Opening a session cannot meet an expired one.
        sessionExpired: op.name.startsWith('OpenSession')
          ? undefined
          : () => reply(version, op.name, errorResult(op, 'E002.3', SESSION_ERRORS['E002.3'])),
      },
      () => execute(ctx, version, op, body),
    );
  };
}
