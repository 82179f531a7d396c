/** The sandbox's SOAP transport and session rules, over real HTTP (SOAP.md §1, §2, §5). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import {
  authFor,
  CODES,
  credentials,
  envelope,
  errorCode,
  items,
  openSession,
  soap,
  TNS,
} from '../helpers/sandbox-soap';

let sb: RunningSandbox;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, seed: 'demo' });
});
afterAll(async () => {
  await sb.close();
});
beforeEach(async () => {
  await fetch(`${sb.url}/__sandbox/reset`, { method: 'POST', body: JSON.stringify({ seed: 'demo' }) });
});

describe('SOAP 1.1 and 1.2', () => {
  it('answers SOAP 1.1 in text/xml with the 1.1 envelope, SOAPAction quoted or not', async () => {
    for (const action of [`"${TNS}/OpenSession"`, `${TNS}/OpenSession`]) {
      const answer = await soap(sb.url, 'OpenSession', credentials(), { action });
      expect(answer.status).toBe(200);
      expect(answer.contentType).toMatch(/^text\/xml/);
      expect(answer.text).toContain('xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"');
      expect(answer.text).toContain(`<OpenSessionResponse xmlns="${TNS}">`);
      expect(answer.result?.SessionID).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
      expect(answer.result?.SessionID).toHaveLength(38);
    }
  });

  it('answers SOAP 1.2 in application/soap+xml, with the action in the content type or taken from the body', async () => {
    for (const action of [`${TNS}/OpenSession`, undefined]) {
      const answer = await soap(sb.url, 'OpenSession', credentials(), { version: '1.2', action });
      expect(answer.status).toBe(200);
      expect(answer.contentType).toMatch(/^application\/soap\+xml/);
      expect(answer.text).toContain('xmlns:soap="http://www.w3.org/2003/05/soap-envelope"');
      expect(errorCode(answer.result)).toBe('');
      expect(answer.result?.SessionID).toHaveLength(38);
    }
  });

  it('renders a success ErrorMsg with both children present and empty', async () => {
    const answer = await soap(sb.url, 'OpenSession', credentials());
    expect(answer.text).toContain('<ErrorMsg><LastErrorCode /><LastErrorDescription /></ErrorMsg>');
  });

  it('accepts a prefix on every request element instead of a default namespace', async () => {
    const { sessionId } = await openSession(sb.url);
    const raw = `<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:eb="${TNS}"><s:Body><eb:GetRelaties><eb:SessionID>${sessionId}</eb:SessionID><eb:SecurityCode2>${CODES.securityCode2}</eb:SecurityCode2><eb:cFilter><eb:Trefwoord /><eb:Code>1001</eb:Code><eb:ID>0</eb:ID></eb:cFilter></eb:GetRelaties></s:Body></s:Envelope>`;
    const answer = await soap(sb.url, 'GetRelaties', '', { raw });
    expect(errorCode(answer.result)).toBe('');
    expect(items(answer.result, 'Relaties', 'cRelatie').map((r) => r.Code)).toEqual(['1001']);
  });

  it('ignores unqualified children, as XmlSerializer does: SessionID outside the namespace is missing (E002.1)', async () => {
    const { sessionId } = await openSession(sb.url);
    const raw = `<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><eb:GetRelaties xmlns:eb="${TNS}"><SessionID>${sessionId}</SessionID><SecurityCode2>${CODES.securityCode2}</SecurityCode2></eb:GetRelaties></s:Body></s:Envelope>`;
    const answer = await soap(sb.url, 'GetRelaties', '', { raw });
    expect(answer.status).toBe(200);
    expect(errorCode(answer.result)).toBe('E002.1');
  });

  it('answers XML it cannot read with HTTP 500 and a soap:Fault', async () => {
    const broken = await soap(sb.url, 'OpenSession', '', { raw: '<soap:Envelope><soap:Body><OpenSession>' });
    expect(broken.status).toBe(500);
    expect(broken.body.Fault?.faultcode).toBe('soap:Client');
    expect(broken.body.Fault?.faultstring).toMatch(/^Server was unable to read request/);

    const { auth } = await openSession(sb.url);
    const emptyNumber = await soap(sb.url, 'GetRelaties', `${auth}<cFilter><Trefwoord /><Code /><ID></ID></cFilter>`);
    expect(emptyNumber.status).toBe(500);
    expect(emptyNumber.body.Fault?.faultstring).toMatch(/^Server was unable to read request/);

    const commaDecimal = await soap(sb.url, 'GetMutaties', `${auth}<cFilter><MutatieNr>1,5</MutatieNr></cFilter>`);
    expect(commaDecimal.status).toBe(500);
  });

  it('faults in SOAP 1.2 form for a 1.2 request', async () => {
    const answer = await soap(sb.url, 'OpenSession', '', { version: '1.2', raw: '<not-xml' });
    expect(answer.status).toBe(500);
    expect(answer.contentType).toMatch(/^application\/soap\+xml/);
    expect(answer.body.Fault?.Code?.Value).toBe('soap:Sender');
    expect(answer.body.Fault?.Reason?.Text?.['#text']).toMatch(/^Server was unable to read request/);
  });

  it('faults for an unknown SOAPAction, a missing one, a body that does not match it, and a mismatched envelope version', async () => {
    const unknown = await soap(sb.url, 'OpenSession', credentials(), { action: `"${TNS}/DeleteEverything"` });
    expect(unknown.status).toBe(500);
    expect(unknown.body.Fault?.faultstring).toContain('did not recognize the value of HTTP Header SOAPAction');

    const missing = await soap(sb.url, 'OpenSession', credentials(), { action: null });
    expect(missing.status).toBe(500);

    const mismatch = await soap(sb.url, 'OpenSession', credentials(), { action: `"${TNS}/CloseSession"` });
    expect(mismatch.status).toBe(500);
    expect(mismatch.body.Fault?.faultstring).toMatch(/^Server was unable to read request/);

    const version = await soap(sb.url, 'OpenSession', '', { raw: envelope('OpenSession', credentials(), '1.2') });
    expect(version.status).toBe(500);
    expect(version.body.Fault?.faultcode).toBe('soap:VersionMismatch');

    const wrongNs = await soap(sb.url, 'OpenSession', '', {
      raw: envelope('OpenSession', credentials()).replace(TNS, 'http://example.com/other'),
    });
    expect(wrongNs.status).toBe(500);
  });

  it('refuses other content types with 415', async () => {
    const answer = await soap(sb.url, 'OpenSession', credentials(), { contentType: 'application/json' });
    expect(answer.status).toBe(415);
  });
});

describe('sessions', () => {
  it('refuses wrong credentials with E001.1 and a wrong SecurityCode2 with E001.3, with an empty SessionID', async () => {
    const wrongPassword = await soap(
      sb.url,
      'OpenSession',
      credentials({ securityCode1: 'ffffffffffffffffffffffffffffffff' }),
    );
    expect(wrongPassword.status).toBe(200);
    expect(errorCode(wrongPassword.result)).toBe('E001.1');
    expect(wrongPassword.result?.SessionID).toBe('');
    expect(wrongPassword.text).toContain('<SessionID />');

    expect(errorCode((await soap(sb.url, 'OpenSession', credentials({ username: 'someone' }))).result)).toBe('E001.1');
    expect(
      errorCode(
        (await soap(sb.url, 'OpenSession', credentials({ securityCode2: '00000000-0000-0000-0000-000000000000' })))
          .result,
      ),
    ).toBe('E001.3');
  });

  it('accepts OpenSession without the optional Source', async () => {
    const answer = await soap(sb.url, 'OpenSession', credentials());
    expect(errorCode(answer.result)).toBe('');
  });

  it('needs SessionID then SecurityCode2 on every other call: E002.1, E002.2, E001.3', async () => {
    const { sessionId } = await openSession(sb.url);
    expect(
      errorCode(
        (
          await soap(
            sb.url,
            'GetRelaties',
            `<SessionID></SessionID><SecurityCode2>${CODES.securityCode2}</SecurityCode2>`,
          )
        ).result,
      ),
    ).toBe('E002.1');
    expect(errorCode((await soap(sb.url, 'GetRelaties', `<SessionID>${sessionId}</SessionID>`)).result)).toBe('E002.1');
    expect(
      errorCode((await soap(sb.url, 'GetRelaties', authFor('{00000000-0000-0000-0000-000000000000}'))).result),
    ).toBe('E002.2');
    expect(
      errorCode((await soap(sb.url, 'GetRelaties', authFor(sessionId, 'AAAAAAAA-0000-1111-2222-333344445555'))).result),
    ).toBe('E001.3');
    expect(errorCode((await soap(sb.url, 'GetRelaties', authFor(sessionId))).result)).toBe('');
  });

  it('CloseSession answers an empty response and later calls get E002.4', async () => {
    const { sessionId, auth } = await openSession(sb.url);
    const closed = await soap(sb.url, 'CloseSession', `<SessionID>${sessionId}</SessionID>`);
    expect(closed.status).toBe(200);
    expect(closed.text).toContain(`<CloseSessionResponse xmlns="${TNS}" />`);
    expect(errorCode((await soap(sb.url, 'GetRelaties', auth)).result)).toBe('E002.4');
  });

  it('expires a session after soapSessionTtlSeconds of inactivity (E002.3), renewing it on each use', async () => {
    const base = Date.now();
    let now = base;
    sb.ctx.sessions.now = () => now;
    try {
      const { auth } = await openSession(sb.url);
      const ttl = sb.ctx.config.soapSessionTtlSeconds * 1000;
      now = base + ttl - 1000;
      expect(errorCode((await soap(sb.url, 'GetRelaties', auth + '<cFilter><ID>1</ID></cFilter>')).result)).toBe('');
      now = base + 2 * ttl - 2000; // within a TTL of the last use
      expect(errorCode((await soap(sb.url, 'GetRelaties', auth + '<cFilter><ID>1</ID></cFilter>')).result)).toBe('');
      now += ttl + 1;
      expect(errorCode((await soap(sb.url, 'GetRelaties', auth + '<cFilter><ID>1</ID></cFilter>')).result)).toBe(
        'E002.3',
      );
    } finally {
      sb.ctx.sessions.now = () => Date.now();
    }
  });

  it('POST /__sandbox/expire-sessions expires open SOAP sessions', async () => {
    const { auth } = await openSession(sb.url);
    const res = await fetch(`${sb.url}/__sandbox/expire-sessions`, { method: 'POST' });
    expect(((await res.json()) as { expired: number }).expired).toBeGreaterThanOrEqual(1);
    expect(errorCode((await soap(sb.url, 'GetRelaties', auth)).result)).toBe('E002.3');
    const again = await openSession(sb.url);
    expect(errorCode((await soap(sb.url, 'GetRelaties', again.auth + '<cFilter><ID>1</ID></cFilter>')).result)).toBe(
      '',
    );
  });

  it('OpenSessionSub: E002.5 when not an accountant; otherwise a session on the administration, whose Guid is its SecurityCode2', async () => {
    const guid = sb.ctx.store.administrations[1].guid;
    const notAccountant = await soap(
      sb.url,
      'OpenSessionSub',
      `${credentials()}<Source>Tests</Source><AdministratieGUID>${guid}</AdministratieGUID>`,
    );
    expect(errorCode(notAccountant.result)).toBe('E002.5');
    expect(errorCode((await soap(sb.url, 'GetAdministraties', (await openSession(sb.url)).auth)).result)).toBe(
      'E002.5',
    );

    await fetch(`${sb.url}/__sandbox/config`, { method: 'POST', body: JSON.stringify({ accountant: true }) });
    const sub = await soap(sb.url, 'OpenSessionSub', `${credentials()}<AdministratieGUID>${guid}</AdministratieGUID>`);
    expect(errorCode(sub.result)).toBe('');
    const sessionId = sub.result?.SessionID as string;
    expect(sessionId).toHaveLength(38);
    expect(
      errorCode((await soap(sb.url, 'GetRelaties', authFor(sessionId, guid) + '<cFilter><ID>1</ID></cFilter>')).result),
    ).toBe('');

    const unknown = await soap(
      sb.url,
      'OpenSessionSub',
      `${credentials()}<AdministratieGUID>DEADBEEF-0000-0000-0000-000000000000</AdministratieGUID>`,
    );
    expect(errorCode(unknown.result)).toBe('E001.2');

    const admins = await soap(sb.url, 'GetAdministraties', (await openSession(sb.url)).auth);
    expect(errorCode(admins.result)).toBe('');
    const list = items(admins.result, 'Administraties', 'cAdministratie');
    expect(list.map((a) => a.Guid)).toEqual(sb.ctx.store.administrations.map((a) => a.guid));
    expect(list[0].Bedrijf).toBe(sb.ctx.store.administrations[0].company);
  });

  it('AutoLogin gives a token for the session user, E001.1 for another user', async () => {
    const { sessionId } = await openSession(sb.url);
    const ok = await soap(sb.url, 'AutoLogin', `<Username>${CODES.username}</Username>${authFor(sessionId)}`);
    expect(errorCode(ok.result)).toBe('');
    expect(ok.result?.Token).toMatch(/^[0-9A-F]{32}$/);
    const other = await soap(sb.url, 'AutoLogin', `<Username>someone</Username>${authFor(sessionId)}`);
    expect(errorCode(other.result)).toBe('E001.1');
    expect(other.text).toContain('<Token />');
  });
});

describe('faults', () => {
  const plan = (body: object) => fetch(`${sb.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify(body) });

  it('sessionExpired answers E002.3 in the operation’s own result shape', async () => {
    const { auth } = await openSession(sb.url);
    await plan({
      rate: 1,
      kinds: ['sessionExpired'],
      operations: ['GetRelaties', 'UpdateRelatie', 'AddFactuur', 'GetSaldo'],
    });
    const relaties = await soap(sb.url, 'GetRelaties', auth);
    expect(relaties.status).toBe(200);
    expect(errorCode(relaties.result)).toBe('E002.3');
    expect(relaties.result?.Relaties).toBeUndefined();

    const update = await soap(sb.url, 'UpdateRelatie', auth);
    expect(update.result?.LastErrorCode).toBe('E002.3');
    expect(update.result?.ErrorMsg).toBeUndefined();

    const factuur = await soap(sb.url, 'AddFactuur', auth);
    expect(errorCode(factuur.result)).toBe('E002.3');
    expect(factuur.text).toContain('<Factuurnummer />');

    const saldo = await soap(sb.url, 'GetSaldo', auth);
    expect(saldo.result?.Saldo).toBe('0');

    // Operations outside the plan are untouched.
    expect(errorCode((await soap(sb.url, 'GetArtikelen', auth)).result)).toBe('');
  });

  it('http500 and rateLimit come before the operation runs, and every call counts under its operation name', async () => {
    const { auth } = await openSession(sb.url);
    await fetch(`${sb.url}/__sandbox/stats/reset`, { method: 'POST' });
    await plan({ rate: 1, kinds: ['http500'], operations: ['AddRelatie'] });
    const failed = await soap(
      sb.url,
      'AddRelatie',
      `${auth}<oRel><ID>0</ID><AddDatum>2024-01-01</AddDatum><Code>FAULT1</Code><Bedrijf>X</Bedrijf><BP>B</BP><Gb_ID>0</Gb_ID><GeenEmail>0</GeenEmail><NieuwsbriefgroepenCount>0</NieuwsbriefgroepenCount></oRel>`,
    );
    expect(failed.status).toBe(500);
    expect(sb.ctx.store.relationByCode('FAULT1')).toBeUndefined();

    await plan({ rate: 1, kinds: ['rateLimit'], operations: ['GetRelaties'] });
    const limited = await soap(sb.url, 'GetRelaties', auth);
    expect(limited.status).toBe(429);

    await plan({ rate: 0 });
    const stats = (await (await fetch(`${sb.url}/__sandbox/stats`)).json()) as { byOperation: Record<string, number> };
    expect(stats.byOperation).toMatchObject({ AddRelatie: 1, GetRelaties: 1 });
  });

  it('timeout hangs a read for hangMs and then gives up without a SOAP answer', async () => {
    const { auth } = await openSession(sb.url);
    await plan({ rate: 1, kinds: ['timeout'], operations: ['GetMutaties'], hangMs: 150 });
    const started = Date.now();
    const answer = await soap(sb.url, 'GetMutaties', `${auth}<cFilter><MutatieNr>1</MutatieNr></cFilter>`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(answer.status).toBe(504);
    expect(answer.result).toBeUndefined();
  });

  it('drop commits a write and then closes the connection without an answer', async () => {
    const { auth } = await openSession(sb.url);
    await plan({ rate: 1, kinds: ['drop'], operations: ['AddRelatie'] });
    await expect(
      soap(
        sb.url,
        'AddRelatie',
        `${auth}<oRel><ID>0</ID><AddDatum>2024-01-01</AddDatum><Code>DROP1</Code><Bedrijf>Dropped BV</Bedrijf><BP>B</BP><Gb_ID>0</Gb_ID><GeenEmail>0</GeenEmail><NieuwsbriefgroepenCount>0</NieuwsbriefgroepenCount></oRel>`,
      ),
    ).rejects.toThrow();
    expect(sb.ctx.store.relationByCode('DROP1')?.name).toBe('Dropped BV');
  });
});

describe('GET /soap.asmx?wsdl', () => {
  it('serves the live WSDL, with the service address where the request came to', async () => {
    const { readFileSync } = await import('node:fs');
    const { WSDL_PATH } = await import('../helpers/wsdl');
    const live = readFileSync(WSDL_PATH, 'utf8');
    const response = await fetch(`${sb.url}/soap.asmx?WSDL`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
    const text = await response.text();
    expect(text).toContain(`<soap:address location="${sb.url}/soap.asmx"/>`);
    expect(text).toContain(`<soap12:address location="${sb.url}/soap.asmx"/>`);
    expect(text.replaceAll(`${sb.url}/soap.asmx`, 'http://soap.e-boekhouden.nl/soap.asmx')).toBe(live);
    expect((await fetch(`${sb.url}/soap.asmx`)).status).toBe(404);
  });
});
