/**
 * SOAP transport behaviour over a fake fetch: sessions and their renewal, the error kinds,
 * writes (their XML, and never retried after a network failure), and no secret in any error.
 */
import { describe, expect, it } from 'vitest';
import { collect } from '../../lib/eboekhouden/api';
import { EBoekhoudenError, isDuplicate } from '../../lib/eboekhouden/errors';
import { createSoapTransport } from '../../lib/eboekhouden/soap';
import type { NewInvoice } from '../../lib/eboekhouden/types';
import {
  CREDENTIALS,
  envelope,
  fakeSoap,
  fault,
  field,
  options,
  relatieXml,
  SESSION_ID,
  type Pairs,
} from '../helpers/soap-fake';

async function caught(p: Promise<unknown> | AsyncIterable<unknown>): Promise<EBoekhoudenError> {
  try {
    if (Symbol.asyncIterator in (p as object)) await collect(p as AsyncIterable<never>);
    else await p;
  } catch (e) {
    expect(e).toBeInstanceOf(EBoekhoudenError);
    return e as EBoekhoudenError;
  }
  throw new Error('expected an EBoekhoudenError');
}

const names = (pairs: Pairs) => pairs.map(([n]) => n);

describe('session', () => {
  it('opens a session with the credentials, then sends SessionID and SecurityCode2 first, with SOAP 1.1 headers', async () => {
    const fake = fakeSoap((call) => (call.operation === 'GetGrootboekrekeningen' ? '<Rekeningen />' : undefined));
    const soap = createSoapTransport(options(fake.fetch, { source: 'Companion' }));
    await collect(soap.listLedgerAccounts());
    expect(fake.ops()).toEqual(['OpenSession', 'GetGrootboekrekeningen']);
    const [open, list] = fake.calls;
    expect(open!.fields).toEqual([
      ['Username', CREDENTIALS.username],
      ['SecurityCode1', CREDENTIALS.securityCode1],
      ['SecurityCode2', CREDENTIALS.securityCode2],
      ['Source', 'Companion'],
    ]);
    expect(list!.fields.slice(0, 2)).toEqual([
      ['SessionID', SESSION_ID],
      ['SecurityCode2', CREDENTIALS.securityCode2],
    ]);
    expect(list!.url).toBe('http://soap.test/soap.asmx');
    expect(list!.contentType).toBe('text/xml; charset=utf-8');
    expect(list!.soapAction).toBe('"http://www.e-boekhouden.nl/soap/GetGrootboekrekeningen"');
  });

  it('opens one session for many calls, and OpenSessionSub with AdministratieGUID for an accountant', async () => {
    const fake = fakeSoap((call) => (call.operation === 'GetRelaties' ? '' : undefined));
    const soap = createSoapTransport(options(fake.fetch, { administrationGuid: 'GUID-OF-CLIENT' }));
    await Promise.all([soap.findRelationByCode('A'), soap.findRelationByCode('B'), soap.findRelationByCode('C')]);
    expect(fake.ops().filter((o) => o.startsWith('OpenSession'))).toEqual(['OpenSessionSub']);
    expect(fake.calls[0]!.fields.at(-1)).toEqual(['AdministratieGUID', 'GUID-OF-CLIENT']);
  });

  it.each(['E002.2', 'E002.3', 'E002.4'])('renews the session once on %s and repeats the call', async (code) => {
    const fake = fakeSoap((call, n) => {
      if (call.operation !== 'GetRelaties') return undefined;
      return n === 1 ? { error: code } : `<Relaties>${relatieXml()}</Relaties>`;
    });
    const soap = createSoapTransport(options(fake.fetch));
    const relation = await soap.findRelationByCode('R0002');
    expect(relation?.code).toBe('R0002');
    expect(fake.ops()).toEqual(['OpenSession', 'GetRelaties', 'OpenSession', 'GetRelaties']);
    expect(field(fake.calls[3]!.fields, 'SessionID')).toBe(`${SESSION_ID}-2`);
  });

  it('gives up with a session error when the renewed session fails too', async () => {
    const fake = fakeSoap((call) => (call.operation === 'GetRelaties' ? { error: 'E002.3' } : undefined));
    const soap = createSoapTransport(options(fake.fetch));
    const e = await caught(soap.findRelationByCode('R1'));
    expect(e).toMatchObject({ kind: 'session', code: 'E002.3', operation: 'GetRelaties' });
    expect(fake.ops().filter((o) => o === 'GetRelaties')).toHaveLength(2);
  });

  it.each(['E001.1', 'E001.3'])('reports %s at OpenSession as auth, and never retries it', async (code) => {
    const fake = fakeSoap((call) =>
      call.operation === 'OpenSession' ? { error: code, description: 'Ongeldige gegevens' } : undefined,
    );
    const soap = createSoapTransport(options(fake.fetch));
    const e = await caught(soap.open());
    expect(e).toMatchObject({ kind: 'auth', code, operation: 'OpenSession' });
    expect(e.message).toMatch(/security codes/);
    expect(fake.ops()).toEqual(['OpenSession']);
    // the next call tries again with a fresh OpenSession (the person may have fixed the codes)
    await caught(soap.listAdministrations());
    expect(fake.ops()).toEqual(['OpenSession', 'OpenSession']);
  });

  it('reports E001.x on a call as auth without renewing the session', async () => {
    const fake = fakeSoap((call) => (call.operation === 'GetRelaties' ? { error: 'E001.3' } : undefined));
    const soap = createSoapTransport(options(fake.fetch));
    expect(await caught(soap.listRelations())).toMatchObject({ kind: 'auth', code: 'E001.3' });
    expect(fake.ops()).toEqual(['OpenSession', 'GetRelaties']);
  });

  it('reports E002.5 (not an accountant) as auth, not as a session to renew', async () => {
    const fake = fakeSoap((call) => (call.operation === 'GetAdministraties' ? { error: 'E002.5' } : undefined));
    const soap = createSoapTransport(options(fake.fetch));
    expect(await caught(soap.listAdministrations())).toMatchObject({ kind: 'auth', code: 'E002.5' });
    expect(fake.ops()).toEqual(['OpenSession', 'GetAdministraties']);
  });

  it('closes the session with CloseSession, and close never throws', async () => {
    const fake = fakeSoap((call) => (call.operation === 'GetRelaties' ? '' : undefined));
    const soap = createSoapTransport(options(fake.fetch));
    await soap.close(); // nothing open: nothing sent
    expect(fake.ops()).toEqual([]);
    await soap.findRelationByCode('X');
    await soap.close();
    expect(fake.ops()).toEqual(['OpenSession', 'GetRelaties', 'CloseSession']);
    expect(fake.calls[2]!.fields).toEqual([['SessionID', SESSION_ID]]);

    const broken = fakeSoap((call) =>
      call.operation === 'CloseSession'
        ? new TypeError('fetch failed')
        : call.operation === 'GetRelaties'
          ? ''
          : undefined,
    );
    const soap2 = createSoapTransport(options(broken.fetch, { retries: 0 }));
    await soap2.findRelationByCode('X');
    await expect(soap2.close()).resolves.toBeUndefined();
  });
});

describe('error kinds', () => {
  it('maps CFACT026 to a duplicate validation error naming the operation', async () => {
    const fake = fakeSoap((call) =>
      call.operation === 'AddFactuur'
        ? { error: 'CFACT026', description: 'Factuurnummer is niet beschikbaar' }
        : undefined,
    );
    const soap = createSoapTransport(options(fake.fetch));
    const e = await caught(soap.createInvoice(invoice()));
    expect(e).toMatchObject({ kind: 'validation', code: 'CFACT026', operation: 'AddFactuur', outcomeUnknown: false });
    expect(isDuplicate(e)).toBe(true);
    expect(e.message).toContain('Factuurnummer is niet beschikbaar');
  });

  it('maps E003.1 to limit', async () => {
    const fake = fakeSoap((call) => (call.operation === 'GetMutaties' ? { error: 'E003.1' } : undefined));
    const soap = createSoapTransport(options(fake.fetch));
    expect(await caught(soap.listMutations())).toMatchObject({
      kind: 'limit',
      code: 'E003.1',
      operation: 'GetMutaties',
    });
  });

  it('maps an HTTP 500 soap:Fault to upstream with the fault text', async () => {
    const fake = fakeSoap((call) =>
      call.operation === 'GetRelaties'
        ? {
            raw: fault('Server was unable to read request. ---&gt; Input string was not in a correct format.'),
            status: 500,
          }
        : undefined,
    );
    const soap = createSoapTransport(options(fake.fetch));
    const e = await caught(soap.listRelations());
    expect(e).toMatchObject({ kind: 'upstream', status: 500, operation: 'GetRelaties' });
    expect(e.message).toContain('Input string was not in a correct format');
  });

  it('calls a response without the result element, or with a malformed ErrorMsg, upstream and names the field', async () => {
    const missing = fakeSoap((call) =>
      call.operation === 'GetRelaties'
        ? { raw: envelope('<GetRelatiesResponse xmlns="http://www.e-boekhouden.nl/soap" />') }
        : undefined,
    );
    expect(await caught(createSoapTransport(options(missing.fetch)).listRelations())).toMatchObject({
      kind: 'upstream',
      field: 'GetRelatiesResult',
    });
    const session = fakeSoap((call) => (call.operation === 'OpenSession' ? '<SessionID />' : undefined));
    expect(await caught(createSoapTransport(options(session.fetch)).open())).toMatchObject({
      kind: 'upstream',
      field: 'SessionID',
      operation: 'OpenSession',
    });
  });

  it('calls an HTML error page upstream, and a connection failure network after bounded retries for reads', async () => {
    const html = fakeSoap((call) =>
      call.operation === 'GetRelaties' ? { raw: '<html><body>Bad gateway</body></html>', status: 500 } : undefined,
    );
    expect(await caught(createSoapTransport(options(html.fetch)).listRelations())).toMatchObject({
      kind: 'upstream',
      status: 500,
    });

    const down = fakeSoap((call) => (call.operation === 'GetRelaties' ? new TypeError('fetch failed') : undefined));
    const e = await caught(createSoapTransport(options(down.fetch, { retries: 2 })).listRelations());
    expect(e).toMatchObject({ kind: 'network', outcomeUnknown: false });
    expect(down.ops().filter((o) => o === 'GetRelaties')).toHaveLength(3);
  });

  it('reports listInvoiceTemplates as NOT_SUPPORTED, saying templates are typed by name', async () => {
    const fake = fakeSoap(() => undefined);
    const soap = createSoapTransport(options(fake.fetch));
    const e = await caught(soap.listInvoiceTemplates());
    expect(e).toMatchObject({ kind: 'validation', code: 'NOT_SUPPORTED' });
    expect(e.message).toMatch(/template name/);
    expect(fake.calls).toEqual([]);
    expect(soap.capabilities).toEqual({
      completeLists: false,
      listInvoiceTemplates: false,
      listsCarryDetails: true,
      mutationLinesInLists: true,
    });
  });

  it('never puts a security code or session id in an error, even when e-Boekhouden echoes them', async () => {
    const secrets = [CREDENTIALS.securityCode1, CREDENTIALS.securityCode2, SESSION_ID];
    const echo = `SessionID ${SESSION_ID} with code ${CREDENTIALS.securityCode2} / ${CREDENTIALS.securityCode1}`;
    const scenarios: [
      string,
      Parameters<typeof fakeSoap>[0],
      (s: ReturnType<typeof createSoapTransport>) => Promise<unknown> | AsyncIterable<unknown>,
    ][] = [
      [
        'fault',
        (c) => (c.operation === 'GetRelaties' ? { raw: fault(echo), status: 500 } : undefined),
        (s) => s.listRelations(),
      ],
      [
        'auth',
        (c) => (c.operation === 'OpenSession' ? { error: 'E001.1', description: echo } : undefined),
        (s) => s.open(),
      ],
      [
        'session',
        (c) => (c.operation === 'GetRelaties' ? { error: 'E002.3', description: echo } : undefined),
        (s) => s.listRelations(),
      ],
      [
        'validation',
        (c) => (c.operation === 'AddFactuur' ? { error: 'CFACT025', description: echo } : undefined),
        (s) => s.createInvoice(invoice()),
      ],
      [
        'network',
        (c) => (c.operation === 'GetRelaties' ? new TypeError(`connect failed ${echo}`) : undefined),
        (s) => s.listRelations(),
      ],
    ];
    for (const [, handler, act] of scenarios) {
      const fake = fakeSoap(handler);
      const e = await caught(act(createSoapTransport(options(fake.fetch, { retries: 0 }))));
      const visible = `${e.message} ${JSON.stringify(e)} ${String(e)}`;
      for (const secret of secrets) expect(visible).not.toContain(secret);
    }
  });
});

function invoice(over: Partial<NewInvoice> = {}): NewInvoice {
  return {
    number: 'F00012',
    relationCode: 'R0002',
    date: '2024-03-01',
    termOfPayment: 14,
    template: 'Standaard & Co',
    bookInAccounts: true,
    bookingDescription: 'Werkbon 12',
    lines: [
      {
        code: 'ADV',
        description: 'Advies <ter plaatse>',
        quantity: 1.5,
        unit: 'uur',
        pricePerUnit: 95,
        vatCode: 'HOOG_VERK_21',
        ledgerCode: '8000',
      },
      {
        code: 'MAT',
        description: 'Kabel',
        quantity: 3,
        pricePerUnit: 2.5,
        vatCode: 'LAAG_VERK_9',
        ledgerCode: '8100',
        costCenterId: 4,
      },
    ],
    ...over,
  };
}

describe('writes', () => {
  it('AddFactuur sends every cFactuur element in WSDL order, lines as Regels > cFactuurRegel', async () => {
    const fake = fakeSoap((call) =>
      call.operation === 'AddFactuur' ? '<Factuurnummer>F00012</Factuurnummer>' : undefined,
    );
    const soap = createSoapTransport(options(fake.fetch));
    expect(
      await soap.createInvoice(
        invoice({ lines: [invoice().lines[0]!, { ...invoice().lines[1]!, pricePerUnit: 2.5 }] }),
      ),
    ).toEqual({ number: 'F00012' });
    const oFact = field(fake.calls.find((c) => c.operation === 'AddFactuur')!.fields, 'oFact') as Pairs;
    expect(names(oFact)).toEqual([
      'Factuurnummer',
      'Relatiecode',
      'Datum',
      'Betalingstermijn',
      'Factuursjabloon',
      'PerEmailVerzenden',
      'EmailOnderwerp',
      'EmailBericht',
      'EmailVanAdres',
      'EmailVanNaam',
      'AutomatischeIncasso',
      'IncassoIBAN',
      'IncassoMachtigingSoort',
      'IncassoMachtigingID',
      'IncassoMachtigingDatumOndertekening',
      'IncassoMachtigingFirst',
      'IncassoRekeningNummer',
      'IncassoTnv',
      'IncassoPlaats',
      'IncassoOmschrijvingRegel1',
      'IncassoOmschrijvingRegel2',
      'IncassoOmschrijvingRegel3',
      'InBoekhoudingPlaatsen',
      'BoekhoudmutatieOmschrijving',
      'Regels',
    ]);
    expect(field(oFact, 'Factuursjabloon')).toBe('Standaard & Co');
    expect(field(oFact, 'PerEmailVerzenden')).toBe('false');
    expect(field(oFact, 'InBoekhoudingPlaatsen')).toBe('true');
    expect(field(oFact, 'BoekhoudmutatieOmschrijving')).toBe('Werkbon 12');
    expect(field(oFact, 'Betalingstermijn')).toBe('14');
    const regels = field(oFact, 'Regels') as Pairs;
    expect(names(regels)).toEqual(['cFactuurRegel', 'cFactuurRegel']);
    expect(regels[0]![1]).toEqual([
      ['Aantal', '1.50'],
      ['Eenheid', 'uur'],
      ['Code', 'ADV'],
      ['Omschrijving', 'Advies <ter plaatse>'],
      ['PrijsPerEenheid', '95.00'],
      ['BTWCode', 'HOOG_VERK_21'],
      ['TegenrekeningCode', '8000'],
      ['KostenplaatsID', '0'],
    ]);
    expect(field(regels[1]![1] as Pairs, 'PrijsPerEenheid')).toBe('2.50');
    expect(field(regels[1]![1] as Pairs, 'KostenplaatsID')).toBe('4');
  });

  it('AddFactuur with e-mail fills PerEmailVerzenden and the Email fields; booking without description gets one', async () => {
    const fake = fakeSoap((call) =>
      call.operation === 'AddFactuur' ? '<Factuurnummer>F9</Factuurnummer>' : undefined,
    );
    const soap = createSoapTransport(options(fake.fetch));
    await soap.createInvoice(
      invoice({
        number: 'F9',
        bookingDescription: undefined,
        email: { subject: 'Uw factuur', body: 'Zie bijlage', fromAddress: 'info@bedrijf.nl', fromName: 'Bedrijf' },
      }),
    );
    const oFact = field(fake.calls.find((c) => c.operation === 'AddFactuur')!.fields, 'oFact') as Pairs;
    expect(field(oFact, 'PerEmailVerzenden')).toBe('true');
    expect(field(oFact, 'EmailOnderwerp')).toBe('Uw factuur');
    expect(field(oFact, 'EmailBericht')).toBe('Zie bijlage');
    expect(field(oFact, 'EmailVanAdres')).toBe('info@bedrijf.nl');
    expect(field(oFact, 'EmailVanNaam')).toBe('Bedrijf');
    expect(field(oFact, 'BoekhoudmutatieOmschrijving')).toMatch(/F9/);
  });

  it('refuses an invalid invoice before sending it', async () => {
    const fake = fakeSoap(() => undefined);
    const soap = createSoapTransport(options(fake.fetch));
    const e = await caught(
      soap.createInvoice(invoice({ lines: [{ ...invoice().lines[0]!, vatCode: 'HOOG_INK_21' }] })),
    );
    expect(e).toMatchObject({ kind: 'validation', operation: 'AddFactuur', field: 'lines[0].vatCode' });
    expect(fake.calls).toEqual([]);
  });

  it('never retries a write after a network failure: outcome unknown', async () => {
    const fake = fakeSoap((call) => (call.operation === 'AddFactuur' ? new TypeError('socket hang up') : undefined));
    const soap = createSoapTransport(options(fake.fetch, { retries: 3 }));
    const e = await caught(soap.createInvoice(invoice()));
    expect(e).toMatchObject({ kind: 'network', outcomeUnknown: true, operation: 'AddFactuur' });
    expect(fake.ops().filter((o) => o === 'AddFactuur')).toHaveLength(1);
  });

  it('repeats a write once after E002 (the call was not processed)', async () => {
    const fake = fakeSoap((call, n) =>
      call.operation === 'AddFactuur'
        ? n === 1
          ? { error: 'E002.3' }
          : '<Factuurnummer>F00012</Factuurnummer>'
        : undefined,
    );
    const soap = createSoapTransport(options(fake.fetch));
    expect(await soap.createInvoice(invoice())).toEqual({ number: 'F00012' });
    expect(fake.ops()).toEqual(['OpenSession', 'AddFactuur', 'OpenSession', 'AddFactuur']);
  });

  it('AddRelatie sends every cRelatie element in WSDL order with ID 0 and today as AddDatum', async () => {
    const fake = fakeSoap((call) => (call.operation === 'AddRelatie' ? '<Rel_ID>4711</Rel_ID>' : undefined));
    const soap = createSoapTransport(options(fake.fetch));
    const created = await soap.createRelation({
      code: 'K0001',
      type: 'P',
      name: 'Jan de Vries',
      email: 'jan@example.nl',
      city: "'s-Hertogenbosch",
      cocNumber: '0123',
    });
    expect(created).toEqual({ id: 4711, code: 'K0001' });
    const oRel = field(fake.calls.find((c) => c.operation === 'AddRelatie')!.fields, 'oRel') as Pairs;
    expect(names(oRel)).toEqual([
      'ID',
      'AddDatum',
      'Code',
      'Bedrijf',
      'Contactpersoon',
      'Geslacht',
      'Adres',
      'Postcode',
      'Plaats',
      'Land',
      'Adres2',
      'Postcode2',
      'Plaats2',
      'Land2',
      'Telefoon',
      'GSM',
      'FAX',
      'Email',
      'Site',
      'Notitie',
      'Bankrekening',
      'Girorekening',
      'BTWNummer',
      'KvkNummer',
      'Aanhef',
      'IBAN',
      'BIC',
      'BP',
      'Def1',
      'Def2',
      'Def3',
      'Def4',
      'Def5',
      'Def6',
      'Def7',
      'Def8',
      'Def9',
      'Def10',
      'LA',
      'Gb_ID',
      'GeenEmail',
      'NieuwsbriefgroepenCount',
    ]);
    expect(field(oRel, 'ID')).toBe('0');
    expect(field(oRel, 'AddDatum')).toBe(new Date().toISOString().slice(0, 10));
    expect(field(oRel, 'Bedrijf')).toBe('Jan de Vries');
    expect(field(oRel, 'BP')).toBe('P');
    expect(field(oRel, 'Plaats')).toBe("'s-Hertogenbosch");
    expect(field(oRel, 'KvkNummer')).toBe('0123');
    for (const numeric of ['Gb_ID', 'GeenEmail', 'NieuwsbriefgroepenCount']) expect(field(oRel, numeric)).toBe('0');
  });

  it('reports an AddRelatie refusal (duplicate code) as validation', async () => {
    const fake = fakeSoap((call) =>
      call.operation === 'AddRelatie' ? { error: 'REL_DUP', description: 'Code bestaat al' } : undefined,
    );
    const soap = createSoapTransport(options(fake.fetch));
    expect(await caught(soap.createRelation({ code: 'K1', type: 'B', name: 'X' }))).toMatchObject({
      kind: 'validation',
      code: 'REL_DUP',
    });
  });
});

describe('relations and products', () => {
  it('reports the 2,000 cap on the last page, recommending an API token', async () => {
    const many = Array.from({ length: 2000 }, (_, i) => relatieXml({ ID: String(i + 1), Code: `R${i + 1}` })).join('');
    const fake = fakeSoap((call) => (call.operation === 'GetRelaties' ? `<Relaties>${many}</Relaties>` : undefined));
    const soap = createSoapTransport(options(fake.fetch));
    const pages = [];
    for await (const p of soap.listRelations()) pages.push(p);
    expect(pages.at(-1)!.truncated).toMatchObject({
      operation: 'GetRelaties',
      received: 2000,
      limit: 2000,
      message: expect.stringMatching(/API token/),
    });
    expect(pages.reduce((n, p) => n + p.items.length, 0)).toBe(2000);
  });

  it('does not report a cap below 2,000', async () => {
    const fake = fakeSoap((call) =>
      call.operation === 'GetArtikelen'
        ? `<Artikelen><cArtikel><ArtikelID>1</ArtikelID><ArtikelCode>A</ArtikelCode><Actief>true</Actief></cArtikel></Artikelen>`
        : undefined,
    );
    const soap = createSoapTransport(options(fake.fetch));
    const result = await collect(soap.listProducts());
    expect(result.items).toHaveLength(1);
    expect(result.truncated).toBeUndefined();
  });

  it('gets a relation and a product by id through the ID filters; an unknown id is NOT_FOUND', async () => {
    const fake = fakeSoap((call) => {
      if (call.operation === 'GetRelaties')
        return field(call.fields, 'cFilter/ID') === '101' ? `<Relaties>${relatieXml()}</Relaties>` : '<Relaties />';
      if (call.operation === 'GetArtikelen')
        return field(call.fields, 'cFilter/ArtikelID') === '12'
          ? '<Artikelen><cArtikel><ArtikelID>12</ArtikelID><ArtikelCode>P12</ArtikelCode><Eenheid>stuk</Eenheid></cArtikel></Artikelen>'
          : '';
      return undefined;
    });
    const soap = createSoapTransport(options(fake.fetch));
    expect((await soap.getRelation(101)).code).toBe('R0002');
    expect(await soap.getProduct(12)).toMatchObject({ id: 12, code: 'P12', unit: 'stuk', active: true });
    expect(await caught(soap.getRelation(5))).toMatchObject({ kind: 'validation', code: 'NOT_FOUND' });
    expect(await caught(soap.getProduct(5))).toMatchObject({ kind: 'validation', code: 'NOT_FOUND' });
    const filter = field(fake.calls.find((c) => c.operation === 'GetRelaties')!.fields, 'cFilter') as Pairs;
    expect(filter).toEqual([
      ['Trefwoord', ''],
      ['Code', ''],
      ['ID', '101'],
    ]);
  });

  it('finds a relation by its exact code only', async () => {
    const fake = fakeSoap((call) =>
      call.operation === 'GetRelaties'
        ? `<Relaties>${relatieXml({ Code: 'R00021', ID: '1' })}${relatieXml({ Code: 'R0002', ID: '2' })}</Relaties>`
        : undefined,
    );
    const soap = createSoapTransport(options(fake.fetch));
    expect((await soap.findRelationByCode('R0002'))?.id).toBe(2);
    expect(await soap.findRelationByCode('R000')).toBeNull();
    expect(field(fake.calls[1]!.fields, 'cFilter/Code')).toBe('R0002');
  });
});
