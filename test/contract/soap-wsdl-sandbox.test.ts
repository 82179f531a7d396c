/**
 * Every element of every sandbox SOAP response exists, in order, in the WSDL's response type
 * (../shared/eboekhouden/soap.wsdl), and required (minOccurs ≥ 1) elements are present.
 * Each of the 20 operations is called for a success with data, for an error, and with empty lists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOAP_OPERATIONS } from '../../sandbox/soap';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { wsdlElementNames, wsdlMissing, wsdlViolations } from '../helpers/wsdl';
import { authFor, credentials, envelope, errorCode, openSession, soap } from '../helpers/sandbox-soap';

let sb: RunningSandbox;
let auth: string;
let sessionId: string;
let guid: string;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, seed: 'demo', config: { accountant: true } });
  ({ auth, sessionId } = await openSession(sb.url));
  guid = sb.ctx.store.administrations[0].guid;
});
afterAll(async () => {
  await sb.close();
});

const relatie = (id: number, code: string) =>
  `<oRel><ID>${id}</ID><AddDatum>2024-03-01</AddDatum><Code>${code}</Code><Bedrijf>Contract BV</Bedrijf><Contactpersoon>A. Test</Contactpersoon><Geslacht>v</Geslacht>` +
  '<Adres>Straat 1</Adres><Postcode>1234 AB</Postcode><Plaats>Ede</Plaats><Land>NL</Land><Email>a@b.nl</Email><BP>B</BP>' +
  '<Def1>x</Def1><LA>0</LA><Gb_ID>0</Gb_ID><GeenEmail>0</GeenEmail><NieuwsbriefgroepenCount>0</NieuwsbriefgroepenCount></oRel>';
const gb = (id: number, code: string) =>
  `<oGb><ID>${id}</ID><Code>${code}</Code><Omschrijving>Contract</Omschrijving><Categorie>VW</Categorie><Groep /></oGb>`;
const mutatie =
  '<oMut><MutatieNr>0</MutatieNr><Soort>GeldOntvangen</Soort><Datum>2025-06-02</Datum><Rekening>1000</Rekening><Omschrijving>Kas</Omschrijving><InExBTW>IN</InExBTW>' +
  '<MutatieRegels><cMutatieRegel><BedragInvoer>121</BedragInvoer><BedragExclBTW>100</BedragExclBTW><BedragBTW>21</BedragBTW><BedragInclBTW>121</BedragInclBTW>' +
  '<BTWCode>HOOG_VERK_21</BTWCode><BTWPercentage>21</BTWPercentage><TegenrekeningCode>8000</TegenrekeningCode><KostenplaatsID>0</KostenplaatsID></cMutatieRegel></MutatieRegels></oMut>';
const factuur =
  '<oFact><Factuurnummer /><Relatiecode>1001</Relatiecode><Datum>2025-06-02</Datum><Betalingstermijn>14</Betalingstermijn><Factuursjabloon>Standaard</Factuursjabloon>' +
  '<PerEmailVerzenden>false</PerEmailVerzenden><AutomatischeIncasso>false</AutomatischeIncasso><IncassoMachtigingDatumOndertekening>2025-06-02</IncassoMachtigingDatumOndertekening>' +
  '<IncassoMachtigingFirst>false</IncassoMachtigingFirst><InBoekhoudingPlaatsen>true</InBoekhoudingPlaatsen><BoekhoudmutatieOmschrijving>Contract</BoekhoudmutatieOmschrijving>' +
  '<Regels><cFactuurRegel><Aantal>2</Aantal><Eenheid>uur</Eenheid><Code>ARB-MONT</Code><Omschrijving>Arbeid</Omschrijving><PrijsPerEenheid>62.5</PrijsPerEenheid>' +
  '<BTWCode>HOOG_VERK_21</BTWCode><TegenrekeningCode>8000</TegenrekeningCode><KostenplaatsID>0</KostenplaatsID></cFactuurRegel></Regels></oFact>';
const all = (from = '1980-01-01', to = '2049-12-31') => `<DatumVan>${from}</DatumVan><DatumTm>${to}</DatumTm>`;

/** A request per operation that succeeds with data. `a` is SessionID + SecurityCode2. */
function requests(a: string, ids: { relation: number; ledger: number }): Record<string, string> {
  return {
    OpenSession: credentials() + '<Source>Contract</Source>',
    OpenSessionSub: `${credentials()}<Source>Contract</Source><AdministratieGUID>${guid}</AdministratieGUID>`,
    AutoLogin: `<Username>demo</Username>${a}`,
    GetAdministraties: a,
    GetRelaties: `${a}<cFilter><Trefwoord /><Code /><ID>0</ID></cFilter>`,
    AddRelatie: a + relatie(0, `C${Date.now() % 100000}`),
    UpdateRelatie: a + relatie(ids.relation, sb.ctx.store.relations.get(ids.relation)?.code ?? 'R0001'),
    GetArtikelen: `${a}<cFilter><ArtikelID>0</ArtikelID></cFilter>`,
    GetKostenplaatsen: `${a}<cFilter><KostenplaatsID>0</KostenplaatsID><KostenplaatsParentID>0</KostenplaatsParentID></cFilter>`,
    GetGrootboekrekeningen: `${a}<cFilter><ID>0</ID><Code /><Categorie /></cFilter>`,
    AddGrootboekrekening: a + gb(0, '4998'),
    UpdateGrootboekrekening: a + gb(ids.ledger, sb.ctx.store.ledgers.get(ids.ledger)?.code ?? '4990'),
    GetMutaties: `${a}<cFilter><MutatieNr>0</MutatieNr><MutatieNrVan>1</MutatieNrVan><MutatieNrTm>600</MutatieNrTm>${all()}</cFilter>`,
    AddMutatie: a + mutatie,
    GetOpenPosten: `${a}<OpSoort>Debiteuren</OpSoort>`,
    GetFacturen: `${a}<cFilter>${all()}</cFilter>`,
    AddFactuur: a + factuur,
    GetSaldi: `${a}<cFilter><KostenPlaatsId>0</KostenPlaatsId><DatumVan xsi:nil="true" /><DatumTot xsi:nil="true" /><Categorie /></cFilter>`,
    GetSaldo: `${a}<cFilter><GbCode>1100</GbCode><KostenPlaatsId>0</KostenPlaatsId><DatumVan>1980-01-01</DatumVan><DatumTot>2049-12-31</DatumTot></cFilter>`,
    CloseSession: `<SessionID>${/<SessionID>(.*?)<\/SessionID>/.exec(a)?.[1] ?? ''}</SessionID>`,
  };
}

function checkAgainstWsdl(op: string, text: string): void {
  expect(wsdlViolations(text, `${op}Response`), `${op}: ${text.slice(0, 400)}`).toEqual([]);
  expect(wsdlMissing(text), op).toEqual([]);
}

const operationNames = wsdlElementNames().filter((n) => !n.endsWith('Response'));

describe('sandbox SOAP responses against soap.wsdl', () => {
  it('implements exactly the operations of the WSDL', () => {
    expect(operationNames).toHaveLength(20);
    expect([...SOAP_OPERATIONS.keys()].sort()).toEqual([...operationNames].sort());
  });

  it('sends requests that are themselves valid per the WSDL (so the next checks test the sandbox, not the test)', () => {
    const reqs = requests(auth, { relation: 1, ledger: 1 });
    for (const op of operationNames) expect(wsdlViolations(envelope(op, reqs[op]), op), op).toEqual([]);
  });

  it('every success response, with data, has only WSDL elements in WSDL order', async () => {
    const relation = sb.ctx.store.sorted(sb.ctx.store.relations)[0].id;
    const ledger = sb.ctx.store.ledgerByCode('4990')!.id;
    // Fresh data for GetFacturen / GetMutaties to render records written through SOAP too.
    await soap(sb.url, 'AddFactuur', auth + factuur);
    const reqs = requests(auth, { relation, ledger });
    for (const op of operationNames.filter((o) => o !== 'CloseSession')) {
      const answer = await soap(sb.url, op, reqs[op]);
      expect(answer.status, `${op}: ${answer.text.slice(0, 400)}`).toBe(200);
      expect(errorCode(answer.result), `${op}: ${answer.text.slice(0, 600)}`).toBe('');
      if (op.startsWith('Get') && !['GetSaldo'].includes(op)) expect(answer.text, op).toMatch(/<c[A-Z][A-Za-z]+>/);
      checkAgainstWsdl(op, answer.text);
    }
    const { sessionId: toClose } = await openSession(sb.url);
    const closed = await soap(sb.url, 'CloseSession', `<SessionID>${toClose}</SessionID>`);
    checkAgainstWsdl('CloseSession', closed.text);
  });

  it('every error response keeps the operation’s result shape', async () => {
    const reqs = requests(authFor('{00000000-0000-0000-0000-000000000000}'), { relation: 1, ledger: 1 });
    reqs.OpenSession = credentials({ securityCode1: 'wrong' });
    reqs.OpenSessionSub = `${credentials()}<AdministratieGUID>no-such-administration</AdministratieGUID>`;
    for (const op of operationNames) {
      const answer = await soap(sb.url, op, reqs[op]);
      expect(answer.status, op).toBe(200);
      if (op !== 'CloseSession') expect(errorCode(answer.result), op).not.toBe('');
      checkAgainstWsdl(op, answer.text);
    }
  });

  it('empty lists, rendered absent or as an empty wrapper, still match the WSDL', async () => {
    for (const mode of ['empty', 'absent'] as const) {
      const empty = await startSandbox({ port: 0, seed: 'empty', config: { accountant: true, soapEmptyList: mode } });
      try {
        empty.ctx.store.administrations = [];
        const { auth: a } = await openSession(empty.url);
        const reqs = requests(a, { relation: 0, ledger: 0 });
        for (const op of [
          'GetAdministraties',
          'GetRelaties',
          'GetArtikelen',
          'GetMutaties',
          'GetOpenPosten',
          'GetFacturen',
        ]) {
          const answer = await soap(empty.url, op, reqs[op]);
          expect(errorCode(answer.result), op).toBe('');
          if (mode === 'empty')
            expect(answer.text, op).toMatch(/<(Administraties|Relaties|Artikelen|Mutaties|Openposten|Facturen) \/>/);
          checkAgainstWsdl(op, answer.text);
        }
      } finally {
        await empty.close();
      }
    }
  });

  it('SOAP 1.2 responses carry the same body', async () => {
    const answer = await soap(sb.url, 'GetRelaties', `${authFor(sessionId)}<cFilter><ID>0</ID></cFilter>`, {
      version: '1.2',
    });
    expect(answer.status).toBe(200);
    checkAgainstWsdl('GetRelaties', answer.text);
  });
});
