/**
 * SOAP → domain mapping, through the transport (so parsing, validation and mapping are tested
 * together) against a fake e-Boekhouden answering with XML as the WSDL shapes it.
 */
import { describe, expect, it } from 'vitest';
import { collect } from '../../lib/eboekhouden/api';
import { createSoapTransport } from '../../lib/eboekhouden/soap';
import { elements, fakeSoap, options, relatieXml } from '../helpers/soap-fake';

function transportAnswering(operation: string, inner: string) {
  const fake = fakeSoap((call) => (call.operation === operation ? inner : undefined));
  return createSoapTransport(options(fake.fetch));
}

describe('relations (cRelatie)', () => {
  it('maps every field a relation carries, dropping the time from AddDatum', async () => {
    const soap = transportAnswering('GetRelaties', `<Relaties>${relatieXml()}</Relaties>`);
    const { items } = await collect(soap.listRelations());
    expect(items).toEqual([
      {
        id: 101,
        code: 'R0002',
        type: 'B',
        relation: {
          id: 101,
          code: 'R0002',
          type: 'B',
          name: 'Acme BV',
          contact: 'J. Jansen',
          email: 'info@acme.nl',
          phone: '030-1234567',
          address: 'Straat 1',
          postalCode: '1234 AB',
          city: 'Utrecht',
          country: 'NL',
          vatNumber: 'NL001234567B01',
          cocNumber: '12345678',
          iban: 'NL91ABNA0417164300',
          inactive: false,
          addedOn: '2023-01-19',
        },
      },
    ]);
  });

  it('keeps codes with leading zeros as strings, ignores xsi:type, and leaves empty or missing optional fields out', async () => {
    const minimal = `<cRelatie><ID>7</ID><AddDatum>2024-02-29T13:45:00</AddDatum><Code xsi:type="xsd:string">0001</Code><Bedrijf>Piet Puk</Bedrijf><Email /><BP>p</BP></cRelatie>`;
    const soap = transportAnswering('GetRelaties', `<Relaties>${minimal}</Relaties>`);
    const { items } = await collect(soap.listRelations());
    expect(items[0]!.relation).toEqual({
      id: 7,
      code: '0001',
      type: 'P',
      name: 'Piet Puk',
      inactive: false,
      addedOn: '2024-02-29',
    });
  });

  it('rejects one bad relation with its field and keeps the others', async () => {
    const soap = transportAnswering(
      'GetRelaties',
      `<Relaties>${relatieXml({ ID: 'abc', Code: 'BAD1' })}${relatieXml({ ID: '5', Code: 'OK1' })}</Relaties>`,
    );
    const pages = [];
    for await (const p of soap.listRelations()) pages.push(p);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.items.map((i) => i.code)).toEqual(['OK1']);
    expect(pages[0]!.rejected).toEqual([{ code: 'BAD1', message: expect.stringMatching(/^ID: /) }]);
    expect(pages[0]!.received).toBe(2);
  });

  it('rejects a relation type other than B or P', async () => {
    const soap = transportAnswering('GetRelaties', `<Relaties>${relatieXml({ BP: 'X' })}</Relaties>`);
    const { items } = await collect(soap.listRelations());
    expect(items).toEqual([]);
  });
});

describe('products (cArtikel)', () => {
  const artikel = (over: Record<string, string | null> = {}) =>
    `<cArtikel>${elements({
      ArtikelID: '12',
      ArtikelOmschrijving: 'Monteur per uur',
      ArtikelCode: '0042',
      GroepOmschrijving: 'Arbeid',
      GroepCode: 'ARB',
      Eenheid: 'uur',
      InkoopprijsExclBTW: '30.0000',
      VerkoopprijsExclBTW: '65.5000',
      VerkoopprijsInclBTW: '79.2550',
      BTWCode: 'HOOG_VERK_21',
      TegenrekeningCode: '8000',
      BtwPercentage: '21.00',
      KostenplaatsID: '0',
      Actief: 'true',
      ...over,
    })}</cArtikel>`;

  it('maps a product with its unit name, prices as numbers and the counter account', async () => {
    const soap = transportAnswering('GetArtikelen', `<Artikelen>${artikel()}</Artikelen>`);
    const { items } = await collect(soap.listProducts());
    expect(items).toEqual([
      {
        id: 12,
        code: '0042',
        description: 'Monteur per uur',
        unit: 'uur',
        active: true,
        product: {
          id: 12,
          code: '0042',
          description: 'Monteur per uur',
          unit: 'uur',
          active: true,
          groupCode: 'ARB',
          priceExcl: 65.5,
          priceIncl: 79.255,
          purchasePriceExcl: 30,
          vatCode: 'HOOG_VERK_21',
          ledgerCode: '8000',
        },
      },
    ]);
  });

  it('reads an inactive product with no unit and no prices', async () => {
    const soap = transportAnswering(
      'GetArtikelen',
      `<Artikelen>${artikel({ Eenheid: '', Actief: 'false', InkoopprijsExclBTW: null, VerkoopprijsExclBTW: null, VerkoopprijsInclBTW: null })}</Artikelen>`,
    );
    const { items } = await collect(soap.listProducts());
    expect(items[0]).toMatchObject({ unit: '', active: false });
    expect(items[0]!.product!.priceExcl).toBeUndefined();
  });

  it('rejects a product whose price is not a number', async () => {
    const soap = transportAnswering(
      'GetArtikelen',
      `<Artikelen>${artikel({ VerkoopprijsExclBTW: '12,50' })}</Artikelen>`,
    );
    const pages = [];
    for await (const p of soap.listProducts()) pages.push(p);
    expect(pages[0]!.items).toEqual([]);
    expect(pages[0]!.rejected![0]!.message).toMatch(/^VerkoopprijsExclBTW: /);
  });
});

describe('ledger accounts (cGrootboekrekening)', () => {
  it('maps accounts, a single one included', async () => {
    const soap = transportAnswering(
      'GetGrootboekrekeningen',
      `<Rekeningen><cGrootboekrekening><ID>3</ID><Code>1300</Code><Omschrijving>Debiteuren</Omschrijving><Categorie>DEB</Categorie><Groep /></cGrootboekrekening></Rekeningen>`,
    );
    const { items } = await collect(soap.listLedgerAccounts());
    expect(items).toEqual([{ id: 3, code: '1300', description: 'Debiteuren', category: 'DEB' }]);
  });
});

describe('open items (cOpenPost)', () => {
  it('maps debtor items and asks for OpSoort Debiteuren / Crediteuren', async () => {
    const fake = fakeSoap((call) =>
      call.operation === 'GetOpenPosten'
        ? `<Openposten><cOpenPost><MutDatum>2024-03-01T00:00:00</MutDatum><MutFactuur>F0007</MutFactuur><RelCode>R0002</RelCode><RelBedrijf>Acme BV</RelBedrijf><Bedrag>121</Bedrag><Voldaan>21.5</Voldaan><Openstaand>99.5</Openstaand></cOpenPost></Openposten>`
        : undefined,
    );
    const soap = createSoapTransport(options(fake.fetch));
    const debtors = await collect(soap.listOpenItems('debtors'));
    expect(debtors.items).toEqual([
      {
        side: 'debtors',
        date: '2024-03-01',
        invoiceNumber: 'F0007',
        relationCode: 'R0002',
        relationName: 'Acme BV',
        total: 121,
        paid: 21.5,
        outstanding: 99.5,
      },
    ]);
    const creditors = await collect(soap.listOpenItems('creditors'));
    expect(creditors.items[0]!.side).toBe('creditors');
    const opSoorts = fake.calls
      .filter((c) => c.operation === 'GetOpenPosten')
      .map((c) => c.fields.find(([n]) => n === 'OpSoort')![1]);
    expect(opSoorts).toEqual(['Debiteuren', 'Crediteuren']);
  });
});

describe('invoices (cFactuurList)', () => {
  const factuur = (number: string, relatiecode = '<Relatiecode xsi:type="xsd:string">R0002</Relatiecode>') =>
    `<cFactuurList><Factuurnummer>${number}</Factuurnummer>${relatiecode}<Datum>2024-03-01T00:00:00</Datum><Betalingstermijn>14</Betalingstermijn>` +
    `<TotaalExclBTW>950</TotaalExclBTW><TotaalBTW>199.5</TotaalBTW><TotaalInclBTW>1149.5</TotaalInclBTW><TotaalOpenstaand>1149.5</TotaalOpenstaand>` +
    `<URLPDFBestand>https://secure.e-boekhouden.nl/f.pdf</URLPDFBestand><Regels><cFactuurRegel><Aantal>10</Aantal><Eenheid>uur</Eenheid><Code>ADV</Code>` +
    `<Omschrijving>Advies</Omschrijving><PrijsPerEenheid>95</PrijsPerEenheid><BTWCode>HOOG_VERK_21</BTWCode><TegenrekeningCode>8000</TegenrekeningCode>` +
    `<KostenplaatsID>0</KostenplaatsID></cFactuurRegel></Regels></cFactuurList>`;

  it('finds an invoice by number, with its lines, and sends the number in the filter', async () => {
    const fake = fakeSoap((call) =>
      call.operation === 'GetFacturen' ? `<Facturen>${factuur('F00012')}</Facturen>` : undefined,
    );
    const soap = createSoapTransport(options(fake.fetch));
    expect(await soap.findInvoice('F00012')).toEqual({
      number: 'F00012',
      relationCode: 'R0002',
      date: '2024-03-01',
      termOfPayment: 14,
      totalExcl: 950,
      totalVat: 199.5,
      totalIncl: 1149.5,
      outstanding: 1149.5,
      pdfUrl: 'https://secure.e-boekhouden.nl/f.pdf',
      lines: [
        {
          code: 'ADV',
          description: 'Advies',
          quantity: 10,
          unit: 'uur',
          pricePerUnit: 95,
          vatCode: 'HOOG_VERK_21',
          ledgerCode: '8000',
        },
      ],
    });
    const request = fake.calls.find((c) => c.operation === 'GetFacturen')!;
    expect(request.fields.find(([n]) => n === 'cFilter')![1]).toEqual([
      ['Factuurnummer', 'F00012'],
      ['Relatiecode', ''],
      ['DatumVan', '1980-01-01'],
      ['DatumTm', '2049-12-31'],
    ]);
  });

  it('returns null when no invoice has exactly that number (absent list, or only others)', async () => {
    expect(await transportAnswering('GetFacturen', '').findInvoice('F1')).toBeNull();
    expect(await transportAnswering('GetFacturen', '<Facturen />').findInvoice('F1')).toBeNull();
    expect(
      await transportAnswering('GetFacturen', `<Facturen>${factuur('F10')}</Facturen>`).findInvoice('F1'),
    ).toBeNull();
  });

  it('reads an untyped empty Relatiecode and an invoice without lines', async () => {
    const soap = transportAnswering(
      'GetFacturen',
      `<Facturen>${factuur('F2', '<Relatiecode />').replace(/<Regels>.*<\/Regels>/, '')}</Facturen>`,
    );
    expect(await soap.findInvoice('F2')).toMatchObject({ number: 'F2', relationCode: '', lines: [] });
  });
});

describe('administrations (cAdministratie)', () => {
  it('maps administrations', async () => {
    const soap = transportAnswering(
      'GetAdministraties',
      `<Administraties><cAdministratie><Bedrijf>Demo BV</Bedrijf><Plaats>Zwolle</Plaats><Guid>AAAA-1</Guid><StartBoekjaar>2019</StartBoekjaar></cAdministratie>` +
        `<cAdministratie><Bedrijf>Twee</Bedrijf><Plaats /><Guid>BBBB-2</Guid><StartBoekjaar /></cAdministratie></Administraties>`,
    );
    expect(await soap.listAdministrations()).toEqual([
      { guid: 'AAAA-1', company: 'Demo BV', city: 'Zwolle', startYear: '2019' },
      { guid: 'BBBB-2', company: 'Twee' },
    ]);
  });
});

describe('mutations (cMutatieList)', () => {
  it('maps a mutation with its lines, type by name, date without time, and its total', async () => {
    const mutatie =
      `<cMutatieList><MutatieNr>77</MutatieNr><Soort>FactuurVerstuurd</Soort><Datum>2023-04-01T00:00:00</Datum><Rekening>1300</Rekening>` +
      `<RelatieCode>R0002</RelatieCode><Factuurnummer>F00007</Factuurnummer><Boekstuk /><Omschrijving>Factuur F00007</Omschrijving>` +
      `<Betalingstermijn>14</Betalingstermijn><InExBTW>IN</InExBTW><MutatieRegels>` +
      `<cMutatieListRegel><BedragInvoer>121.00</BedragInvoer><BedragExclBTW>100.00</BedragExclBTW><BedragBTW>21.00</BedragBTW><BedragInclBTW>121.00</BedragInclBTW>` +
      `<BTWCode>HOOG_VERK_21</BTWCode><BTWPercentage>21.00</BTWPercentage><Factuurnummer>F00007</Factuurnummer><TegenrekeningCode>8140</TegenrekeningCode><KostenplaatsID>0</KostenplaatsID></cMutatieListRegel>` +
      `<cMutatieListRegel><BedragInvoer>10.90</BedragInvoer><BedragExclBTW>10.00</BedragExclBTW><BedragBTW>0.90</BedragBTW><BedragInclBTW>10.90</BedragInclBTW>` +
      `<BTWCode>LAAG_VERK_9</BTWCode><BTWPercentage>9</BTWPercentage><Factuurnummer /><TegenrekeningCode>8100</TegenrekeningCode><KostenplaatsID>3</KostenplaatsID></cMutatieListRegel>` +
      `</MutatieRegels></cMutatieList>`;
    const soap = transportAnswering('GetMutaties', `<Mutaties>${mutatie}</Mutaties>`);
    const { items } = await collect(soap.listMutations());
    expect(items).toEqual([
      {
        id: 77,
        type: 2,
        date: '2023-04-01',
        ledgerCode: '1300',
        relationCode: 'R0002',
        invoiceNumber: 'F00007',
        description: 'Factuur F00007',
        termOfPayment: 14,
        inExVat: 'IN',
        amount: 131.9,
        lines: [
          {
            ledgerCode: '8140',
            vatCode: 'HOOG_VERK_21',
            amount: 121,
            amountExcl: 100,
            vatAmount: 21,
            amountIncl: 121,
            vatPercentage: 21,
            invoiceNumber: 'F00007',
          },
          {
            ledgerCode: '8100',
            vatCode: 'LAAG_VERK_9',
            amount: 10.9,
            amountExcl: 10,
            vatAmount: 0.9,
            amountIncl: 10.9,
            vatPercentage: 9,
            costCenterId: 3,
          },
        ],
      },
    ]);
  });

  it('reads a memoriaal without relation, term or lines, and rejects an unknown Soort', async () => {
    const soap = transportAnswering(
      'GetMutaties',
      `<Mutaties><cMutatieList><MutatieNr>5</MutatieNr><Soort>Memoriaal</Soort><Datum>2023-01-02</Datum><Rekening>1000</Rekening><Betalingstermijn /><InExBTW /></cMutatieList>` +
        `<cMutatieList><MutatieNr>6</MutatieNr><Soort>Onbekend</Soort><Datum>2023-01-02</Datum></cMutatieList></Mutaties>`,
    );
    const pages = [];
    for await (const p of soap.listMutations()) pages.push(p);
    expect(pages.flatMap((p) => p.items)).toEqual([
      { id: 5, type: 7, date: '2023-01-02', ledgerCode: '1000', lines: [] },
    ]);
    expect(pages.flatMap((p) => p.rejected ?? [])).toEqual([{ id: 6, message: expect.stringMatching(/^Soort: /) }]);
  });
});
