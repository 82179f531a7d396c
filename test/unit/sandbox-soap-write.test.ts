/** The sandbox's SOAP write operations and their validation codes (SOAP.md §4, §5), over real HTTP. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { errorCode, items, openSession, soap } from '../helpers/sandbox-soap';

let sb: RunningSandbox;
let auth: string;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, seed: 'demo' });
});
afterAll(async () => {
  await sb.close();
});
beforeEach(async () => {
  await fetch(`${sb.url}/__sandbox/reset`, { method: 'POST', body: JSON.stringify({ seed: 'demo' }) });
  auth = (await openSession(sb.url)).auth;
});

const tag = (name: string, value: string | number | boolean) =>
  value === '' ? `<${name} />` : `<${name}>${value}</${name}>`;
const tags = (fields: Record<string, string | number | boolean>) =>
  Object.entries(fields)
    .map(([k, v]) => tag(k, v))
    .join('');

// ---------------------------------------------------------------- relations

function relation(overrides: Record<string, string | number> = {}): string {
  const fields: Record<string, string | number> = {
    ID: 0,
    AddDatum: '2024-03-01',
    Code: 'SOAP01',
    Bedrijf: 'Loodgietersbedrijf Test',
    Contactpersoon: 'Piet Test',
    Geslacht: 'm',
    Adres: 'Teststraat 1',
    Postcode: '1234 AB',
    Plaats: 'Deventer',
    Land: 'NL',
    Adres2: '',
    Postcode2: '',
    Plaats2: '',
    Land2: '',
    Telefoon: '0570-123456',
    GSM: '',
    FAX: '',
    Email: 'info@test.nl',
    Site: '',
    Notitie: '',
    Bankrekening: '',
    Girorekening: '',
    BTWNummer: '',
    KvkNummer: '',
    Aanhef: '',
    IBAN: 'NL91ABNA0417164300',
    BIC: '',
    BP: 'B',
    ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`Def${i + 1}`, ''])),
    LA: '0',
    Gb_ID: 0,
    GeenEmail: 0,
    NieuwsbriefgroepenCount: 0,
    ...overrides,
  };
  return `<oRel>${tags(fields)}</oRel>`;
}

describe('AddRelatie and UpdateRelatie', () => {
  it('adds a relation and returns its Rel_ID; GetRelaties then finds it', async () => {
    const added = await soap(sb.url, 'AddRelatie', auth + relation());
    expect(errorCode(added.result)).toBe('');
    const id = Number(added.result?.Rel_ID);
    const stored = sb.ctx.store.relations.get(id)!;
    expect(stored).toMatchObject({
      code: 'SOAP01',
      name: 'Loodgietersbedrijf Test',
      city: 'Deventer',
      type: 'B',
      createdVia: 'soap',
      date: '2024-03-01',
    });
    const [found] = items(
      (await soap(sb.url, 'GetRelaties', `${auth}<cFilter><Code>SOAP01</Code><ID>0</ID></cFilter>`)).result,
      'Relaties',
      'cRelatie',
    );
    expect(found).toMatchObject({ ID: String(id), Bedrijf: 'Loodgietersbedrijf Test', Email: 'info@test.nl' });
  });

  it('keeps codes unique and requires Code, Bedrijf and BP', async () => {
    const existing = sb.ctx.store.sorted(sb.ctx.store.relations)[0].code;
    const duplicate = await soap(sb.url, 'AddRelatie', auth + relation({ Code: existing }));
    expect(errorCode(duplicate.result)).toBe('CREL002');
    expect(duplicate.result?.Rel_ID).toBe('0');
    expect(errorCode((await soap(sb.url, 'AddRelatie', auth + relation({ Code: '' }))).result)).toBe('CREL001');
    expect(errorCode((await soap(sb.url, 'AddRelatie', auth + relation({ Bedrijf: '' }))).result)).toBe('CREL003');
    expect(errorCode((await soap(sb.url, 'AddRelatie', auth + relation({ BP: 'X' }))).result)).toBe('CREL004');
    expect(sb.ctx.store.relationByCode('SOAP01')).toBeUndefined();
  });

  it('updates a relation (blank fields overwrite) and answers a bare cError', async () => {
    const id = Number((await soap(sb.url, 'AddRelatie', auth + relation())).result?.Rel_ID);
    const updated = await soap(sb.url, 'UpdateRelatie', auth + relation({ ID: id, Plaats: 'Zutphen', Telefoon: '' }));
    expect(updated.result?.LastErrorCode).toBe('');
    expect(updated.result?.ErrorMsg).toBeUndefined();
    expect(updated.text).toContain(
      '<UpdateRelatieResult><LastErrorCode /><LastErrorDescription /></UpdateRelatieResult>',
    );
    expect(sb.ctx.store.relations.get(id)).toMatchObject({ city: 'Zutphen', phoneNumber: '' });

    expect((await soap(sb.url, 'UpdateRelatie', auth + relation({ ID: 999 }))).result?.LastErrorCode).toBe('CREL005');
    const other = sb.ctx.store.sorted(sb.ctx.store.relations)[0].code;
    expect((await soap(sb.url, 'UpdateRelatie', auth + relation({ ID: id, Code: other }))).result?.LastErrorCode).toBe(
      'CREL002',
    );
  });
});

// ---------------------------------------------------------------- ledgers

describe('AddGrootboekrekening and UpdateGrootboekrekening', () => {
  const gb = (fields: Record<string, string | number>) =>
    `<oGb>${tags({ ID: 0, Code: '4999', Omschrijving: 'Diversen', Categorie: 'VW', Groep: '', ...fields })}</oGb>`;

  it('adds a ledger (Gb_ID) with CGN003/CGB001/CGB002/CGB005/CGB006 for bad input', async () => {
    const added = await soap(sb.url, 'AddGrootboekrekening', auth + gb({}));
    expect(errorCode(added.result)).toBe('');
    expect(sb.ctx.store.ledgerByCode('4999')?.id).toBe(Number(added.result?.Gb_ID));

    expect(errorCode((await soap(sb.url, 'AddGrootboekrekening', auth + gb({}))).result)).toBe('CGB001');
    expect(errorCode((await soap(sb.url, 'AddGrootboekrekening', auth + gb({ Code: '' }))).result)).toBe('CGN003');
    expect(
      errorCode((await soap(sb.url, 'AddGrootboekrekening', auth + gb({ Code: '4998', Omschrijving: '' }))).result),
    ).toBe('CGB002');
    expect(
      errorCode((await soap(sb.url, 'AddGrootboekrekening', auth + gb({ Code: '4998', Categorie: '' }))).result),
    ).toBe('CGB005');
    expect(
      errorCode((await soap(sb.url, 'AddGrootboekrekening', auth + gb({ Code: '4998', Categorie: 'DEB' }))).result),
    ).toBe('CGB006');
  });

  it('updates a ledger’s description with the .1 variants for bad input', async () => {
    const ledger = sb.ctx.store.ledgerByCode('4990')!;
    const ok = await soap(
      sb.url,
      'UpdateGrootboekrekening',
      auth + gb({ ID: ledger.id, Code: '4990', Omschrijving: 'Overige bedrijfskosten' }),
    );
    expect(ok.result?.LastErrorCode).toBe('');
    expect(sb.ctx.store.ledgerByCode('4990')?.description).toBe('Overige bedrijfskosten');
    expect(
      (await soap(sb.url, 'UpdateGrootboekrekening', auth + gb({ ID: ledger.id, Code: '4990', Categorie: 'FIN' })))
        .result?.LastErrorCode,
    ).toBe('CGB006.1');
    expect(
      (await soap(sb.url, 'UpdateGrootboekrekening', auth + gb({ ID: ledger.id, Code: '4990', Omschrijving: '' })))
        .result?.LastErrorCode,
    ).toBe('CGB002.1');
  });
});

// ---------------------------------------------------------------- mutations

interface Row {
  invoer: number;
  excl: number;
  btw: number;
  incl: number;
  code: string;
  pct: number;
  tegen: string;
}
const row = (r: Partial<Row> = {}): Row => ({
  invoer: 121,
  excl: 100,
  btw: 21,
  incl: 121,
  code: 'HOOG_VERK_21',
  pct: 21,
  tegen: '8000',
  ...r,
});

function mutation(fields: Record<string, string | number> = {}, rows: Row[] = [row()]): string {
  const head = tags({
    MutatieNr: 0,
    Soort: 'GeldOntvangen',
    Datum: '2025-06-02',
    Rekening: '1100',
    RelatieCode: '',
    Factuurnummer: '',
    Boekstuk: 'BS-1',
    Omschrijving: 'Contante verkoop',
    Betalingstermijn: '',
    Betalingskenmerk: '',
    InExBTW: 'IN',
    ...fields,
  });
  const lines = rows
    .map(
      (r) =>
        `<cMutatieRegel>${tags({
          BedragInvoer: r.invoer,
          BedragExclBTW: r.excl,
          BedragBTW: r.btw,
          BedragInclBTW: r.incl,
          BTWCode: r.code,
          BTWPercentage: r.pct,
          TegenrekeningCode: r.tegen,
          KostenplaatsID: 0,
        })}</cMutatieRegel>`,
    )
    .join('');
  return `<oMut>${head}<MutatieRegels>${lines}</MutatieRegels></oMut>`;
}

describe('AddMutatie', () => {
  it('books a mutation and returns its Mutatienummer; GetMutaties shows it with its lines', async () => {
    const before = Math.max(...sb.ctx.store.mutations.keys());
    const added = await soap(sb.url, 'AddMutatie', auth + mutation());
    expect(errorCode(added.result)).toBe('');
    const number = Number(added.result?.Mutatienummer);
    expect(number).toBe(before + 1);
    const [m] = items(
      (await soap(sb.url, 'GetMutaties', `${auth}<cFilter><MutatieNr>${number}</MutatieNr></cFilter>`)).result,
      'Mutaties',
      'cMutatieList',
    );
    expect(m).toMatchObject({
      Soort: 'GeldOntvangen',
      Rekening: '1100',
      Omschrijving: 'Contante verkoop',
      Boekstuk: 'BS-1',
      InExBTW: 'IN',
    });
    expect(items(m, 'MutatieRegels', 'cMutatieListRegel')[0]).toMatchObject({
      BedragExclBTW: '100',
      BedragBTW: '21',
      BedragInclBTW: '121',
      TegenrekeningCode: '8000',
    });
  });

  it('works out excl/VAT/incl when only BedragInvoer is given', async () => {
    const added = await soap(
      sb.url,
      'AddMutatie',
      auth + mutation({}, [row({ invoer: 242, excl: 0, btw: 0, incl: 0 })]),
    );
    const m = sb.ctx.store.mutations.get(Number(added.result?.Mutatienummer))!;
    expect(m.rows[0]).toMatchObject({ amountExcl: 200, vatAmount: 42, amountIncl: 242 });
  });

  it('refuses what e-Boekhouden refuses, with its CMUT code and Mutatienummer 0', async () => {
    const cases: [string, string][] = [
      ['CMUT008', mutation({ Soort: 'OpeningsSaldo' })],
      ['CMUT004', mutation({ Datum: '1975-01-01' })],
      ['CMUT005', mutation({ Omschrijving: '' })],
      ['CMUT001', mutation({ Rekening: '9999' })],
      ['CMUT001', mutation({ Rekening: '8000' })],
      [
        'CMUT016',
        mutation({
          Soort: 'FactuurVerstuurd',
          Rekening: '1100',
          RelatieCode: '1001',
          Factuurnummer: 'X1',
          Betalingstermijn: '14',
        }),
      ],
      [
        'CMUT015',
        mutation(
          {
            Soort: 'FactuurOntvangen',
            Rekening: '1300',
            RelatieCode: '1001',
            Factuurnummer: 'X1',
            Betalingstermijn: '14',
          },
          [row({ code: 'HOOG_INK_21', tegen: '4700' })],
        ),
      ],
      ['CMUT003', mutation({ InExBTW: '' })],
      ['CMUT003.1', mutation({ InExBTW: 'INCL' })],
      ['CMUT006', mutation({}, [])],
      ['CMUT010', mutation({}, [row({ incl: 122 })])],
      ['CMUT010.1', mutation({}, [row({ btw: 9, incl: 109 })])],
      ['CMUT011', mutation({}, [row({ code: 'HOOG_INK_21' })])],
      ['CMUT033', mutation({}, [row({ code: 'NOPE' })])],
      ['CMUT012', mutation({}, [row({ tegen: '' })])],
      [
        'CMUT013',
        mutation({ Soort: 'FactuurVerstuurd', Rekening: '1300', RelatieCode: '1001', Betalingstermijn: '14' }),
      ],
      [
        'CMUT014',
        mutation({ Soort: 'FactuurVerstuurd', Rekening: '1300', Factuurnummer: 'X1', Betalingstermijn: '14' }),
      ],
      [
        'CMUT017',
        mutation({
          Soort: 'FactuurVerstuurd',
          Rekening: '1300',
          RelatieCode: 'NOPE',
          Factuurnummer: 'X1',
          Betalingstermijn: '14',
        }),
      ],
    ];
    for (const [code, body] of cases) {
      const answer = await soap(sb.url, 'AddMutatie', auth + body);
      expect(answer.status, code).toBe(200);
      expect(errorCode(answer.result), code).toBe(code);
      expect(answer.result?.Mutatienummer, code).toBe('0');
    }
    expect(sb.ctx.store.mutations.size).toBe(439);
  });

  it('refuses a duplicate sales invoice number (CMUT019) and a supplier invoice number the relation already used (CMUT018)', async () => {
    const sales = [...sb.ctx.store.mutations.values()].find((m) => m.type === 2)!;
    const salesRelation = sb.ctx.store.relations.get(sales.relationId)!.code;
    const dup = await soap(
      sb.url,
      'AddMutatie',
      auth +
        mutation({
          Soort: 'FactuurVerstuurd',
          Rekening: '1300',
          RelatieCode: salesRelation,
          Factuurnummer: sales.invoiceNumber,
          Betalingstermijn: '14',
        }),
    );
    expect(errorCode(dup.result)).toBe('CMUT019');

    const purchase = [...sb.ctx.store.mutations.values()].find((m) => m.type === 1)!;
    const supplier = sb.ctx.store.relations.get(purchase.relationId)!.code;
    const dupPurchase = await soap(
      sb.url,
      'AddMutatie',
      auth +
        mutation(
          {
            Soort: 'FactuurOntvangen',
            Rekening: '1600',
            RelatieCode: supplier,
            Factuurnummer: purchase.invoiceNumber,
            Betalingstermijn: '30',
          },
          [row({ code: 'HOOG_INK_21', tegen: '4700' })],
        ),
    );
    expect(errorCode(dupPurchase.result)).toBe('CMUT018');
  });

  it('links a payment to an open invoice (CMUT026 when it cannot, CMUT027 for a wrong counter account, CMUT021 for two lines)', async () => {
    const open = sb.ctx.store.openItems('D')[0];
    const pay = (fields: Record<string, string | number>, rows: Row[]) =>
      soap(
        sb.url,
        'AddMutatie',
        auth +
          mutation(
            {
              Soort: 'FactuurbetalingOntvangen',
              Rekening: '1100',
              RelatieCode: open.relationCode,
              Factuurnummer: open.invoiceNumber,
              InExBTW: '',
              Omschrijving: 'Betaling',
              ...fields,
            },
            rows,
          ),
      );
    const line = row({ invoer: open.outstandingAmount, excl: 0, btw: 0, incl: 0, code: 'GEEN', pct: 0, tegen: '1300' });
    expect(errorCode((await pay({ Factuurnummer: 'NOT-OPEN' }, [line])).result)).toBe('CMUT026');
    expect(errorCode((await pay({}, [{ ...line, tegen: '8000' }])).result)).toBe('CMUT027');
    expect(errorCode((await pay({}, [line, line])).result)).toBe('CMUT021');
    expect(errorCode((await pay({ RelatieCode: '' }, [line])).result)).toBe('CMUT024');
    expect(errorCode((await pay({ Factuurnummer: '' }, [line])).result)).toBe('CMUT023');

    const paid = await pay({}, [line]);
    expect(errorCode(paid.result)).toBe('');
    expect(
      sb.ctx.store
        .openItems('D')
        .some((o) => o.invoiceNumber === open.invoiceNumber && o.relationId === open.relationId),
    ).toBe(false);
  });

  it('faults (HTTP 500) on a Soort outside enMutatieSoorten, as XmlSerializer cannot read it', async () => {
    const answer = await soap(sb.url, 'AddMutatie', auth + mutation({ Soort: 'Kasboek' }));
    expect(answer.status).toBe(500);
    expect(answer.body.Fault?.faultstring).toMatch(/^Server was unable to read request/);
  });
});

// ---------------------------------------------------------------- invoices

interface Line {
  Aantal: number | string;
  Eenheid: string;
  Code: string;
  Omschrijving: string;
  PrijsPerEenheid: number;
  BTWCode: string;
  TegenrekeningCode: string;
  KostenplaatsID: number;
}
const line = (l: Partial<Line> = {}): Line => ({
  Aantal: 2.5,
  Eenheid: 'uur',
  Code: 'ARB-MONT',
  Omschrijving: 'Arbeid monteur',
  PrijsPerEenheid: 62.5,
  BTWCode: 'HOOG_VERK_21',
  TegenrekeningCode: '8000',
  KostenplaatsID: 0,
  ...l,
});

function factuur(fields: Record<string, string | number | boolean> = {}, lines: Line[] = [line()]): string {
  const head = tags({
    Factuurnummer: '',
    Relatiecode: '1001',
    Datum: '2025-06-02',
    Betalingstermijn: 14,
    Factuursjabloon: 'Standaard',
    PerEmailVerzenden: false,
    EmailOnderwerp: '',
    EmailBericht: '',
    EmailVanAdres: '',
    EmailVanNaam: '',
    AutomatischeIncasso: false,
    IncassoIBAN: '',
    IncassoMachtigingSoort: '',
    IncassoMachtigingID: '',
    IncassoMachtigingDatumOndertekening: '2025-06-02',
    IncassoMachtigingFirst: false,
    IncassoRekeningNummer: '',
    IncassoTnv: '',
    IncassoPlaats: '',
    IncassoOmschrijvingRegel1: '',
    IncassoOmschrijvingRegel2: '',
    IncassoOmschrijvingRegel3: '',
    InBoekhoudingPlaatsen: true,
    BoekhoudmutatieOmschrijving: 'Factuur juni',
    ...fields,
  });
  const regels = lines
    .map((l) => `<cFactuurRegel>${tags(l as unknown as Record<string, string | number>)}</cFactuurRegel>`)
    .join('');
  return `<oFact>${head}<Regels>${regels}</Regels></oFact>`;
}

describe('AddFactuur', () => {
  it('numbers a blank invoice F00001…, books it and makes it an open item', async () => {
    const added = await soap(
      sb.url,
      'AddFactuur',
      auth +
        factuur({}, [
          line(),
          line({ Code: 'MAT-01', Omschrijving: 'Materiaal', Aantal: 1, Eenheid: 'stuk', PrijsPerEenheid: 10.01 }),
        ]),
    );
    expect(errorCode(added.result)).toBe('');
    expect(added.result?.Factuurnummer).toBe('F00001');
    const second = await soap(sb.url, 'AddFactuur', auth + factuur());
    expect(second.result?.Factuurnummer).toBe('F00002');

    const invoice = sb.ctx.store.invoiceByNumber('F00001')!;
    expect(invoice).toMatchObject({ createdVia: 'soap', termOfPayment: 14, totalExcl: 166.26, totalAmount: 201.17 });
    expect(invoice.mutationId).toBeGreaterThan(0);
    const [listed] = items(
      (await soap(sb.url, 'GetFacturen', `${auth}<cFilter><Factuurnummer>F00001</Factuurnummer></cFilter>`)).result,
      'Facturen',
      'cFactuurList',
    );
    expect(items(listed, 'Regels', 'cFactuurRegel').map((r) => r.Code)).toEqual(['ARB-MONT', 'MAT-01']);
    expect(Number(listed.TotaalOpenstaand)).toBe(201.17);

    const [booked] = items(
      (
        await soap(
          sb.url,
          'GetMutaties',
          `${auth}<cFilter><MutatieNr>0</MutatieNr><Factuurnummer>F00001</Factuurnummer></cFilter>`,
        )
      ).result,
      'Mutaties',
      'cMutatieList',
    );
    expect(booked).toMatchObject({
      Soort: 'FactuurVerstuurd',
      Rekening: '1300',
      RelatieCode: '1001',
      Omschrijving: 'Factuur juni',
    });
    const open = items(
      (await soap(sb.url, 'GetOpenPosten', `${auth}<OpSoort>Debiteuren</OpSoort>`)).result,
      'Openposten',
      'cOpenPost',
    );
    expect(open.find((o) => o.MutFactuur === 'F00001')).toMatchObject({ RelCode: '1001', Openstaand: '201.17' });
  });

  it('keeps an unbooked invoice out of the books', async () => {
    const mutations = sb.ctx.store.mutations.size;
    const added = await soap(
      sb.url,
      'AddFactuur',
      auth + factuur({ Factuurnummer: 'WB-2025-77', InBoekhoudingPlaatsen: false, BoekhoudmutatieOmschrijving: '' }),
    );
    expect(added.result?.Factuurnummer).toBe('WB-2025-77');
    expect(sb.ctx.store.invoiceByNumber('WB-2025-77')?.mutationId).toBe(0);
    expect(sb.ctx.store.mutations.size).toBe(mutations);
  });

  it('refuses what e-Boekhouden refuses, with its CFACT code and an empty Factuurnummer', async () => {
    const existing = [...sb.ctx.store.invoices.values()][0].invoiceNumber;
    const cases: [string, string][] = [
      ['CFACT024', factuur({ Relatiecode: '' })],
      ['CFACT025', factuur({ Relatiecode: 'NOPE' })],
      ['CFACT004', factuur({ Datum: '2050-01-01' })],
      ['CFACT027', factuur({ Factuursjabloon: '' })],
      ['CFACT028', factuur({ Factuursjabloon: 'Bestaat niet' })],
      ['CFACT026', factuur({ Factuurnummer: existing })],
      ['CFACT029', factuur({ PerEmailVerzenden: true, EmailOnderwerp: 'Factuur', EmailVanAdres: 'a@b.nl' })],
      ['CFACT030', factuur({ PerEmailVerzenden: true, EmailOnderwerp: 'Factuur', EmailBericht: 'Hierbij' })],
      ['CFACT031', factuur({ PerEmailVerzenden: true, EmailBericht: 'Hierbij', EmailVanAdres: 'a@b.nl' })],
      ['CFACT032', factuur({ BoekhoudmutatieOmschrijving: '' })],
      [
        'CFACT033',
        factuur({ AutomatischeIncasso: true, IncassoTnv: 'X', IncassoPlaats: 'Y', IncassoOmschrijvingRegel1: 'Z' }),
      ],
      [
        'CFACT036',
        factuur({
          AutomatischeIncasso: true,
          IncassoRekeningNummer: 'NL91ABNA0417164300',
          IncassoTnv: 'X',
          IncassoPlaats: 'Y',
        }),
      ],
      ['CFACT006', factuur({}, [])],
      ['CFACT037', factuur({}, [line({ Code: '' })])],
      ['CFACT038', factuur({}, [line({ BTWCode: '' })])],
      ['CFACT039', factuur({}, [line({ Omschrijving: '' })])],
      ['CFACT040', factuur({}, [line({ TegenrekeningCode: '' })])],
      ['CFACT042', factuur({}, [line({ BTWCode: 'HOOG_INK_21' })])],
      ['CMUT012', factuur({}, [line({ TegenrekeningCode: '9999' })])],
      ['CFACT212', factuur({}, [line({ KostenplaatsID: 12345 })])],
    ];
    for (const [code, body] of cases) {
      const answer = await soap(sb.url, 'AddFactuur', auth + body);
      expect(errorCode(answer.result), code).toBe(code);
      expect(answer.text, code).toContain('<Factuurnummer />');
    }
    expect(sb.ctx.store.invoices.size).toBe(96);
  });

  it('CFACT014 when Betalingstermijn is left out; an empty Aantal is a fault', async () => {
    const withoutTerm = factuur().replace('<Betalingstermijn>14</Betalingstermijn>', '');
    expect(errorCode((await soap(sb.url, 'AddFactuur', auth + withoutTerm)).result)).toBe('CFACT014');
    const emptyQuantity = await soap(sb.url, 'AddFactuur', auth + factuur({}, [line({ Aantal: '' })]));
    expect(emptyQuantity.status).toBe(500);
  });

  it('accepts the documented alternative VAT code spellings', async () => {
    const added = await soap(
      sb.url,
      'AddFactuur',
      auth + factuur({}, [line({ BTWCode: 'LAAG_VERK_L9', TegenrekeningCode: '8100' })]),
    );
    expect(errorCode(added.result)).toBe('');
    expect(sb.ctx.store.invoiceByNumber(added.result?.Factuurnummer as string)?.items[0].vatCode).toBe('LAAG_VERK_9');
  });
});
