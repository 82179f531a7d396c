/** The sandbox's SOAP read operations against the store they read, over real HTTP. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { errorCode, items, openSession, soap } from '../helpers/sandbox-soap';

let sb: RunningSandbox;
let auth: string;

const config = (patch: object) => fetch(`${sb.url}/__sandbox/config`, { method: 'POST', body: JSON.stringify(patch) });
const dateTime = (d: string) => `${d}T00:00:00`;

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

describe('GetRelaties', () => {
  const relaties = async (filter: string) => {
    const answer = await soap(sb.url, 'GetRelaties', `${auth}<cFilter>${filter}</cFilter>`);
    expect(errorCode(answer.result)).toBe('');
    return items(answer.result, 'Relaties', 'cRelatie');
  };

  it('returns every relation, in id order, mapped to cRelatie', async () => {
    const all = await relaties('<Trefwoord /><Code /><ID>0</ID>');
    const store = sb.ctx.store.sorted(sb.ctx.store.relations);
    expect(all.map((r) => Number(r.ID))).toEqual(store.map((r) => r.id));
    const first = store[0];
    expect(all[0]).toMatchObject({
      Code: first.code,
      Bedrijf: first.name,
      Plaats: first.city,
      Postcode: first.postalCode,
      Email: first.emailAddress,
      BP: first.type,
      IBAN: first.iban,
      AddDatum: dateTime(first.date),
      Gb_ID: String(first.ledgerId),
      LA: '0',
    });
  });

  it('filters on Code, ID and Trefwoord', async () => {
    const target = sb.ctx.store.sorted(sb.ctx.store.relations)[7];
    expect((await relaties(`<Code>${target.code}</Code><ID>0</ID>`)).map((r) => r.Code)).toEqual([target.code]);
    expect((await relaties(`<ID>${target.id}</ID>`)).map((r) => r.Code)).toEqual([target.code]);

    const keyword = target.city.toUpperCase();
    const found = await relaties(`<Trefwoord>${keyword}</Trefwoord><ID>0</ID>`);
    expect(found.map((r) => r.Code)).toContain(target.code);
    expect(found.length).toBeLessThan(sb.ctx.store.relations.size);
    for (const r of found) {
      expect(
        [r.Code, r.Bedrijf, r.Plaats, r.Contactpersoon ?? '', r.Email ?? '', r.BP].join('|').toLowerCase(),
      ).toContain(keyword.toLowerCase());
    }
    expect(await relaties('<Code>NO-SUCH</Code><ID>0</ID>')).toEqual([]);
  });

  it('returns at most soapListCap relations: the rest is simply not returned', async () => {
    await config({ soapListCap: 5 });
    const capped = await relaties('<ID>0</ID>');
    expect(capped.map((r) => Number(r.ID))).toEqual(
      sb.ctx.store
        .sorted(sb.ctx.store.relations)
        .slice(0, 5)
        .map((r) => r.id),
    );
  });

  it('renders an empty list per soapEmptyList', async () => {
    const absent = await soap(sb.url, 'GetRelaties', `${auth}<cFilter><Code>NO-SUCH</Code><ID>0</ID></cFilter>`);
    expect(absent.text).not.toContain('<Relaties');
    await config({ soapEmptyList: 'empty' });
    const empty = await soap(sb.url, 'GetRelaties', `${auth}<cFilter><Code>NO-SUCH</Code><ID>0</ID></cFilter>`);
    expect(empty.text).toContain('<Relaties />');
    expect(errorCode(empty.result)).toBe('');
  });
});

describe('GetArtikelen', () => {
  it('gives the unit by name, the VAT percentage and the counter account code', async () => {
    const answer = await soap(sb.url, 'GetArtikelen', `${auth}<cFilter><ArtikelID>0</ArtikelID></cFilter>`);
    const list = items(answer.result, 'Artikelen', 'cArtikel');
    expect(list).toHaveLength(sb.ctx.store.products.size);
    for (const a of list) {
      const p = sb.ctx.store.products.get(Number(a.ArtikelID))!;
      expect(a.ArtikelCode).toBe(p.code);
      expect(a.Eenheid ?? '').toBe(sb.ctx.store.units.get(p.unitId)?.singular ?? '');
      expect(Number(a.BtwPercentage)).toBe(sb.ctx.store.vatPercentage(p.vat));
      expect(a.TegenrekeningCode).toBe(sb.ctx.store.ledgers.get(p.ledgerId)!.code);
      expect(Number(a.VerkoopprijsExclBTW)).toBe(p.priceExcl);
      expect(a.Actief).toBe(p.active ? 'true' : 'false');
    }
    expect(list.some((a) => a.Eenheid === 'uur')).toBe(true);
  });

  it('filters on ArtikelCode and group, and caps at soapListCap', async () => {
    const product = [...sb.ctx.store.products.values()][3];
    const byCode = await soap(
      sb.url,
      'GetArtikelen',
      `${auth}<cFilter><ArtikelID>0</ArtikelID><ArtikelCode>${product.code}</ArtikelCode></cFilter>`,
    );
    expect(items(byCode.result, 'Artikelen', 'cArtikel').map((a) => Number(a.ArtikelID))).toEqual([product.id]);

    const group = sb.ctx.store.productGroups.get(product.groupId)!;
    const byGroup = items(
      (await soap(sb.url, 'GetArtikelen', `${auth}<cFilter><GroepCode>${group.code}</GroepCode></cFilter>`)).result,
      'Artikelen',
      'cArtikel',
    );
    expect(byGroup.length).toBe([...sb.ctx.store.products.values()].filter((p) => p.groupId === group.id).length);

    await config({ soapListCap: 3 });
    expect(items((await soap(sb.url, 'GetArtikelen', auth)).result, 'Artikelen', 'cArtikel')).toHaveLength(3);
  });
});

describe('GetGrootboekrekeningen and GetKostenplaatsen', () => {
  it('lists ledgers by code and filters on Code and Categorie', async () => {
    const all = items(
      (await soap(sb.url, 'GetGrootboekrekeningen', `${auth}<cFilter><ID>0</ID></cFilter>`)).result,
      'Rekeningen',
      'cGrootboekrekening',
    );
    expect(all).toHaveLength(sb.ctx.store.ledgers.size);
    const debtors = items(
      (await soap(sb.url, 'GetGrootboekrekeningen', `${auth}<cFilter><ID>0</ID><Code>1300</Code></cFilter>`)).result,
      'Rekeningen',
      'cGrootboekrekening',
    );
    expect(debtors).toEqual([
      expect.objectContaining({ Code: '1300', Categorie: 'DEB', ID: String(sb.ctx.store.ledgerByCode('1300')!.id) }),
    ]);
    const vw = items(
      (await soap(sb.url, 'GetGrootboekrekeningen', `${auth}<cFilter><ID>0</ID><Categorie>VW</Categorie></cFilter>`))
        .result,
      'Rekeningen',
      'cGrootboekrekening',
    );
    expect(vw.length).toBeGreaterThan(0);
    expect(vw.every((l) => l.Categorie === 'VW')).toBe(true);
  });

  it('lists cost centres with KostenplaatsId / KostenplaatsParentId and filters on the parent', async () => {
    const all = items(
      (
        await soap(
          sb.url,
          'GetKostenplaatsen',
          `${auth}<cFilter><KostenplaatsID>0</KostenplaatsID><KostenplaatsParentID>0</KostenplaatsParentID></cFilter>`,
        )
      ).result,
      'Kostenplaatsen',
      'cKostenplaats',
    );
    expect(all).toHaveLength(sb.ctx.store.costCenters.size);
    const child = [...sb.ctx.store.costCenters.values()].find((c) => c.parentId)!;
    const children = items(
      (
        await soap(
          sb.url,
          'GetKostenplaatsen',
          `${auth}<cFilter><KostenplaatsParentID>${child.parentId}</KostenplaatsParentID></cFilter>`,
        )
      ).result,
      'Kostenplaatsen',
      'cKostenplaats',
    );
    expect(children.map((c) => Number(c.KostenplaatsId))).toEqual([child.id]);
    expect(children[0].KostenplaatsParentId).toBe(String(child.parentId));
  });
});

describe('GetMutaties', () => {
  const mutaties = async (filter: string) => {
    const answer = await soap(sb.url, 'GetMutaties', `${auth}<cFilter>${filter}</cFilter>`);
    expect(errorCode(answer.result)).toBe('');
    return items(answer.result, 'Mutaties', 'cMutatieList');
  };
  const ids = () => sb.ctx.store.sorted(sb.ctx.store.mutations).map((m) => m.id);

  it('Betalingstermijn is 0, never empty, where the mutation has no payment term', async () => {
    const zero = sb.ctx.store.sorted(sb.ctx.store.mutations).find((m) => m.termOfPayment === 0)!;
    const [record] = await mutaties(`<MutatieNr>${zero.id}</MutatieNr>`);
    expect(record.Betalingstermijn).toBe('0');
  });

  it('returns only the last soapMutationCap matching (highest MutatieNr), in ascending order', async () => {
    await config({ soapMutationCap: 50 });
    const list = await mutaties('<MutatieNr>0</MutatieNr>');
    expect(list.map((m) => Number(m.MutatieNr))).toEqual(ids().slice(-50));

    // Within a window the same rule applies: the window's last 50.
    const window = await mutaties(
      '<MutatieNr>0</MutatieNr><MutatieNrVan>1</MutatieNrVan><MutatieNrTm>120</MutatieNrTm>',
    );
    expect(window.map((m) => Number(m.MutatieNr))).toEqual(
      ids()
        .filter((id) => id <= 120)
        .slice(-50),
    );
  });

  it('filters on MutatieNr, MutatieNrVan/MutatieNrTm (inclusive), Factuurnummer and DatumVan/DatumTm (inclusive)', async () => {
    expect((await mutaties('<MutatieNr>7</MutatieNr>')).map((m) => Number(m.MutatieNr))).toEqual([7]);
    expect(
      (await mutaties('<MutatieNr>0</MutatieNr><MutatieNrVan>10</MutatieNrVan><MutatieNrTm>20</MutatieNrTm>')).map(
        (m) => Number(m.MutatieNr),
      ),
    ).toEqual(ids().filter((id) => id >= 10 && id <= 20));

    const invoice = [...sb.ctx.store.invoices.values()].find((i) => i.mutationId)!;
    const byNumber = await mutaties(`<MutatieNr>0</MutatieNr><Factuurnummer>${invoice.invoiceNumber}</Factuurnummer>`);
    expect(byNumber.length).toBeGreaterThanOrEqual(1);
    expect(byNumber.every((m) => m.Factuurnummer === invoice.invoiceNumber)).toBe(true);
    expect(byNumber.map((m) => Number(m.MutatieNr))).toContain(invoice.mutationId);

    const day = sb.ctx.store.mutations.get(invoice.mutationId)!.date;
    const byDate = await mutaties(`<MutatieNr>0</MutatieNr><DatumVan>${day}</DatumVan><DatumTm>${day}</DatumTm>`);
    const expected = [...sb.ctx.store.mutations.values()].filter((m) => m.date === day).map((m) => m.id);
    expect(byDate.map((m) => Number(m.MutatieNr))).toEqual(expected);
  });

  it('maps a mutation to cMutatieList with its lines', async () => {
    const invoice = [...sb.ctx.store.invoices.values()].find((i) => i.mutationId)!;
    const m = sb.ctx.store.mutations.get(invoice.mutationId)!;
    const [record] = await mutaties(`<MutatieNr>${m.id}</MutatieNr>`);
    expect(record).toMatchObject({
      Soort: 'FactuurVerstuurd',
      Datum: dateTime(m.date),
      Rekening: sb.ctx.store.ledgers.get(m.ledgerId)!.code,
      RelatieCode: sb.ctx.store.relations.get(m.relationId)!.code,
      Factuurnummer: m.invoiceNumber,
      InExBTW: m.inExVat,
    });
    const rows = items(record, 'MutatieRegels', 'cMutatieListRegel');
    expect(rows).toHaveLength(m.rows.length);
    expect(Number(rows[0].BedragInclBTW)).toBe(m.rows[0].amountIncl);
    expect(rows[0].TegenrekeningCode).toBe(sb.ctx.store.ledgers.get(m.rows[0].ledgerId)!.code);
    expect(rows[0].BTWCode).toBe(m.rows[0].vatCode);
  });

  it('answers E003.1 once the month’s call quota is used up', async () => {
    await config({ soapMutationCallsPerMonth: 3 });
    for (let i = 0; i < 3; i++)
      expect(
        errorCode((await soap(sb.url, 'GetMutaties', `${auth}<cFilter><MutatieNr>1</MutatieNr></cFilter>`)).result),
      ).toBe('');
    const over = await soap(sb.url, 'GetMutaties', `${auth}<cFilter><MutatieNr>1</MutatieNr></cFilter>`);
    expect(over.status).toBe(200);
    expect(errorCode(over.result)).toBe('E003.1');
    expect(over.result?.Mutaties).toBeUndefined();
  });
});

describe('GetOpenPosten and GetFacturen', () => {
  it('lists open items per side as Openposten > cOpenPost with RelCode and RelBedrijf', async () => {
    for (const [soort, side] of [
      ['Debiteuren', 'D'],
      ['Crediteuren', 'C'],
    ] as const) {
      const list = items(
        (await soap(sb.url, 'GetOpenPosten', `${auth}<OpSoort>${soort}</OpSoort>`)).result,
        'Openposten',
        'cOpenPost',
      );
      const expected = sb.ctx.store.openItems(side);
      expect(list).toHaveLength(expected.length);
      expect(list[0]).toMatchObject({
        MutFactuur: expected[0].invoiceNumber,
        RelCode: expected[0].relationCode,
        RelBedrijf: expected[0].company,
        Openstaand: String(expected[0].outstandingAmount),
        MutDatum: dateTime(expected[0].date),
      });
    }
    const bad = await soap(sb.url, 'GetOpenPosten', `${auth}<OpSoort>Iedereen</OpSoort>`);
    expect(bad.status).toBe(500);
  });

  it('finds invoices by number, relation and date, with their lines', async () => {
    const invoice = [...sb.ctx.store.invoices.values()][2];
    const relation = sb.ctx.store.relations.get(invoice.relationId)!;
    const [found, ...rest] = items(
      (
        await soap(
          sb.url,
          'GetFacturen',
          `${auth}<cFilter><Factuurnummer>${invoice.invoiceNumber}</Factuurnummer><DatumVan>1980-01-01</DatumVan><DatumTm>2049-12-31</DatumTm></cFilter>`,
        )
      ).result,
      'Facturen',
      'cFactuurList',
    );
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      Factuurnummer: invoice.invoiceNumber,
      Datum: dateTime(invoice.date),
      TotaalInclBTW: String(invoice.totalAmount),
    });
    expect(found.Relatiecode['#text']).toBe(relation.code);
    expect(items(found, 'Regels', 'cFactuurRegel')).toHaveLength(invoice.items.length);

    const byRelation = items(
      (await soap(sb.url, 'GetFacturen', `${auth}<cFilter><Relatiecode>${relation.code}</Relatiecode></cFilter>`))
        .result,
      'Facturen',
      'cFactuurList',
    );
    expect(byRelation.length).toBe(
      [...sb.ctx.store.invoices.values()].filter((i) => i.relationId === relation.id).length,
    );

    const byDate = items(
      (
        await soap(
          sb.url,
          'GetFacturen',
          `${auth}<cFilter><DatumVan>${invoice.date}</DatumVan><DatumTm>${invoice.date}</DatumTm></cFilter>`,
        )
      ).result,
      'Facturen',
      'cFactuurList',
    );
    expect(byDate.map((f) => f.Factuurnummer)).toEqual(
      [...sb.ctx.store.invoices.values()].filter((i) => i.date === invoice.date).map((i) => i.invoiceNumber),
    );
  });

  it('reports what is still open on an invoice', async () => {
    const open = sb.ctx.store.openItems('D')[0];
    const [found] = items(
      (
        await soap(
          sb.url,
          'GetFacturen',
          `${auth}<cFilter><Factuurnummer>${open.invoiceNumber}</Factuurnummer></cFilter>`,
        )
      ).result,
      'Facturen',
      'cFactuurList',
    );
    expect(Number(found.TotaalOpenstaand)).toBe(open.outstandingAmount);
  });
});

describe('GetSaldi and GetSaldo', () => {
  it('gives ledger balances from the store, per category and per ledger', async () => {
    const balances = sb.ctx.store.balances();
    const saldi = items(
      (
        await soap(
          sb.url,
          'GetSaldi',
          `${auth}<cFilter><KostenPlaatsId>0</KostenPlaatsId><DatumVan xsi:nil="true" /><DatumTot xsi:nil="true" /><Categorie>FIN</Categorie></cFilter>`,
        )
      ).result,
      'Saldi',
      'cSaldo',
    );
    expect(saldi.length).toBe([...sb.ctx.store.ledgers.values()].filter((l) => l.category === 'FIN').length);
    for (const s of saldi) expect(Number(s.Saldo)).toBe(balances.get(Number(s.ID)) ?? 0);

    const bank = sb.ctx.store.ledgerByCode('1100')!;
    const saldo = await soap(
      sb.url,
      'GetSaldo',
      `${auth}<cFilter><GbCode>1100</GbCode><KostenPlaatsId>0</KostenPlaatsId><DatumVan>1980-01-01</DatumVan><DatumTot>2049-12-31</DatumTot></cFilter>`,
    );
    expect(errorCode(saldo.result)).toBe('');
    expect(Number(saldo.result?.Saldo)).toBe(balances.get(bank.id));
    expect(balances.get(bank.id)).not.toBe(0);
  });
});

describe('the large seed', () => {
  it('caps relations and products at 2,000 and mutations at the last 500 of 60,000', async () => {
    const large = await startSandbox({ port: 0, seed: 'large' });
    try {
      const { auth: a } = await openSession(large.url);
      const relations = items(
        (await soap(large.url, 'GetRelaties', `${a}<cFilter><ID>0</ID></cFilter>`)).result,
        'Relaties',
        'cRelatie',
      );
      expect(large.ctx.store.relations.size).toBeGreaterThan(2000);
      expect(relations).toHaveLength(2000);
      const products = items((await soap(large.url, 'GetArtikelen', a)).result, 'Artikelen', 'cArtikel');
      expect(large.ctx.store.products.size).toBeGreaterThan(2000);
      expect(products).toHaveLength(2000);
      const mutations = items(
        (await soap(large.url, 'GetMutaties', `${a}<cFilter><MutatieNr>0</MutatieNr></cFilter>`)).result,
        'Mutaties',
        'cMutatieList',
      );
      const ids = large.ctx.store.sorted(large.ctx.store.mutations).map((m) => m.id);
      expect(mutations.map((m) => Number(m.MutatieNr))).toEqual(ids.slice(-500));
      const window = items(
        (
          await soap(
            large.url,
            'GetMutaties',
            `${a}<cFilter><MutatieNr>0</MutatieNr><MutatieNrVan>1001</MutatieNrVan><MutatieNrTm>1500</MutatieNrTm></cFilter>`,
          )
        ).result,
        'Mutaties',
        'cMutatieList',
      );
      expect(window.map((m) => Number(m.MutatieNr))).toEqual(ids.filter((id) => id >= 1001 && id <= 1500));
    } finally {
      await large.close();
    }
  });
});
