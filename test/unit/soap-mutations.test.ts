/**
 * The GetMutaties window walk against a fake that behaves like e-Boekhouden: filter by
 * MutatieNrVan/MutatieNrTm and DatumVan/DatumTm (inclusive), then return only the LAST 500 matching.
 */
import { describe, expect, it } from 'vitest';
import { EBoekhoudenError } from '../../lib/eboekhouden/errors';
import { createSoapTransport } from '../../lib/eboekhouden/soap';
import type { Mutation, Page } from '../../lib/eboekhouden/types';
import { fakeSoap, field, options, type Answer, type Pairs } from '../helpers/soap-fake';

interface Row {
  nr: number;
  date: string;
}

function mutatieXml(row: Row): string {
  return (
    `<cMutatieList><MutatieNr>${row.nr}</MutatieNr><Soort>GeldOntvangen</Soort><Datum>${row.date}T00:00:00</Datum><Rekening>1000</Rekening>` +
    `<Omschrijving>m${row.nr}</Omschrijving><InExBTW>EX</InExBTW><MutatieRegels><cMutatieListRegel><BedragInvoer>10.00</BedragInvoer>` +
    `<BedragExclBTW>10.00</BedragExclBTW><BedragBTW>0.00</BedragBTW><BedragInclBTW>10.00</BedragInclBTW><BTWCode>GEEN</BTWCode>` +
    `<BTWPercentage>0</BTWPercentage><TegenrekeningCode>8000</TegenrekeningCode><KostenplaatsID>0</KostenplaatsID></cMutatieListRegel></MutatieRegels></cMutatieList>`
  );
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const rowsFor = (numbers: number[], date = (nr: number) => `2023-${String((nr % 12) + 1).padStart(2, '0')}-15`) =>
  numbers.map((nr) => ({ nr, date: date(nr) }));

/** e-Boekhouden's GetMutaties over `rows`, newest first in the answer (order must not matter). */
function mutationServer(rows: Row[], tweak?: (call: { van: number; tm: number; n: number }) => Answer | undefined) {
  const windows: { van: number; tm: number; from: string; to: string; returned: number }[] = [];
  const fake = fakeSoap((call, n) => {
    if (call.operation !== 'GetMutaties') return undefined;
    const filter = field(call.fields, 'cFilter') as Pairs;
    const get = (name: string) => String(field(filter, name) ?? '');
    const van = Number(get('MutatieNrVan') || 0);
    const tm = Number(get('MutatieNrTm') || 0);
    const from = get('DatumVan').slice(0, 10);
    const to = get('DatumTm').slice(0, 10);
    const special = tweak?.({ van, tm, n });
    if (special !== undefined) return special;
    const matching = rows
      .filter((r) => (van === 0 || r.nr >= van) && (tm === 0 || r.nr <= tm) && r.date >= from && r.date <= to)
      .sort((a, b) => b.nr - a.nr)
      .slice(0, 500);
    windows.push({ van, tm, from, to, returned: matching.length });
    return matching.length ? `<Mutaties>${matching.map(mutatieXml).join('')}</Mutaties>` : '<Mutaties />';
  });
  return { ...fake, windows };
}

async function pagesOf(it: AsyncIterable<Page<Mutation>>): Promise<Page<Mutation>[]> {
  const pages: Page<Mutation>[] = [];
  for await (const p of it) pages.push(p);
  return pages;
}

function expectOldestFirstOnce(pages: Page<Mutation>[], expected: number[]) {
  const ids = pages.flatMap((p) => p.items.map((m) => m.id));
  expect(ids).toEqual([...expected].sort((a, b) => a - b));
  for (const p of pages) expect(p.items.length).toBeLessThanOrEqual(500);
  // received counts up across pages
  let total = 0;
  for (const p of pages) {
    total += p.items.length + (p.rejected?.length ?? 0);
    expect(p.received).toBe(total);
  }
}

describe('listMutations: MutatieNr windows', () => {
  it.each([0, 1, 499, 500, 501, 1000, 1001, 2500])(
    '%i consecutive mutations all arrive once, oldest first',
    async (count) => {
      const server = mutationServer(rowsFor(range(1, count)));
      const soap = createSoapTransport(options(server.fetch));
      const pages = await pagesOf(soap.listMutations());
      expectOldestFirstOnce(pages, range(1, count));
      // no window may have been cut short by the 500 limit without being walked below
      const calls = server.windows.length;
      expect(calls).toBeLessThanOrEqual(Math.ceil(count / 500) + 1);
    },
  );

  it('sends the filter in WSDL order with the required dates, a wide range when no dates are asked', async () => {
    const server = mutationServer(rowsFor(range(1, 3)));
    await pagesOf(createSoapTransport(options(server.fetch)).listMutations());
    const request = server.calls.find((c) => c.operation === 'GetMutaties')!;
    const filter = field(request.fields, 'cFilter') as Pairs;
    expect(filter.map(([n]) => n)).toEqual([
      'MutatieNr',
      'MutatieNrVan',
      'MutatieNrTm',
      'Factuurnummer',
      'DatumVan',
      'DatumTm',
    ]);
    expect(field(filter, 'MutatieNr')).toBe('0');
    expect(field(filter, 'MutatieNrVan')).toBe('1');
    expect(field(filter, 'DatumVan')).toBe('1980-01-01');
    expect(field(filter, 'DatumTm')).toBe('2049-12-31');
  });

  it('starts after the cursor, on exact 500 boundaries', async () => {
    const server = mutationServer(rowsFor(range(1, 1500)));
    const soap = createSoapTransport(options(server.fetch));
    const pages = await pagesOf(soap.listMutations({ afterId: 500 }));
    expectOldestFirstOnce(pages, range(501, 1500));
    expect(server.windows[0]!.van).toBe(501);
    for (const w of server.windows) expect(w.van).toBeGreaterThan(500);
    expect(await pagesOf(soap.listMutations({ afterId: 1500 }))).toEqual([]);
  });

  it('walks across gaps in the numbering, widening windows where they come back sparse', async () => {
    const numbers = [...range(1, 300), ...range(10_000, 10_700), ...range(52_000, 52_010), 1_000_000];
    const server = mutationServer(rowsFor(numbers));
    const pages = await pagesOf(createSoapTransport(options(server.fetch)).listMutations());
    expectOldestFirstOnce(pages, numbers);
    // far fewer calls than 500-number windows over 1,000,000 numbers (2,000)
    expect(server.windows.length).toBeLessThan(40);
    // every answer that hit 500 came from a window of at most 500 numbers, or had the rest walked below it
    const full = server.windows.filter((w) => w.returned === 500 && w.tm - w.van + 1 > 500);
    for (const w of full) expect(server.windows.some((o) => o.van === w.van && o.tm < w.tm)).toBe(true);
  });

  it('finds every mutation in a date range when matches are sparse among many numbers', async () => {
    const rows = rowsFor(range(1, 20_000), (nr) => (nr % 97 === 0 ? '2024-06-01' : '2023-01-01'));
    const server = mutationServer(rows);
    const pages = await pagesOf(
      createSoapTransport(options(server.fetch)).listMutations({ from: '2024-01-01', to: '2024-12-31' }),
    );
    expectOldestFirstOnce(
      pages,
      range(1, 20_000).filter((nr) => nr % 97 === 0),
    );
    expect(server.windows.every((w) => w.from === '2024-01-01' && w.to === '2024-12-31')).toBe(true);
  });

  it('finds all of a dense date range that holds more than 500', async () => {
    const rows = rowsFor(range(1, 3000), (nr) => (nr > 1000 && nr <= 2200 ? '2024-06-01' : '2023-01-01'));
    const server = mutationServer(rows);
    const pages = await pagesOf(
      createSoapTransport(options(server.fetch)).listMutations({ from: '2024-06-01', to: '2024-06-30' }),
    );
    expectOldestFirstOnce(pages, range(1001, 2200));
  });

  it('yields the first page before the walk has finished, so a caller can write as data arrives', async () => {
    const server = mutationServer(rowsFor(range(1, 2500)));
    const soap = createSoapTransport(options(server.fetch));
    let callsAtFirstPage = -1;
    for await (const page of soap.listMutations()) {
      if (callsAtFirstPage < 0) {
        callsAtFirstPage = server.windows.length;
        expect(page.items[0]!.id).toBe(1);
      }
    }
    expect(callsAtFirstPage).toBeLessThan(server.windows.length);
  });

  it('renews an expired session in the middle of the walk and still delivers everything once', async () => {
    const server = mutationServer(rowsFor(range(1, 1700)), ({ n }) => (n === 3 ? { error: 'E002.3' } : undefined));
    const pages = await pagesOf(createSoapTransport(options(server.fetch)).listMutations());
    expectOldestFirstOnce(pages, range(1, 1700));
    expect(server.ops().filter((o) => o === 'OpenSession')).toHaveLength(2);
  });

  it('refuses an answer with more than 500 mutations or one outside the window', async () => {
    const tooMany = mutationServer([], () => `<Mutaties>${rowsFor(range(1, 501)).map(mutatieXml).join('')}</Mutaties>`);
    const e1 = await pagesOf(createSoapTransport(options(tooMany.fetch)).listMutations()).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(EBoekhoudenError);
    expect(e1).toMatchObject({ kind: 'upstream', operation: 'GetMutaties' });

    const outside = mutationServer(
      [],
      ({ van }) => `<Mutaties>${mutatieXml({ nr: van - 1, date: '2023-01-01' })}</Mutaties>`,
    );
    const e2 = await pagesOf(createSoapTransport(options(outside.fetch)).listMutations({ afterId: 10 })).catch(
      (e: unknown) => e,
    );
    expect(e2).toMatchObject({ kind: 'upstream', field: 'MutatieNr' });
  });

  it('passes a bad mutation on as rejected without losing its neighbours or the walk', async () => {
    const server = mutationServer(rowsFor(range(1, 600)), ({ van, tm }) =>
      van === 1 && tm < 1000
        ? `<Mutaties>${rowsFor(range(1, 100))
            .map((r) => (r.nr === 50 ? mutatieXml(r).replace('<Soort>GeldOntvangen', '<Soort>Kapot') : mutatieXml(r)))
            .join('')}</Mutaties>`
        : undefined,
    );
    const pages = await pagesOf(createSoapTransport(options(server.fetch)).listMutations());
    const ids = pages.flatMap((p) => p.items.map((m) => m.id));
    expect(ids).toEqual(range(1, 600).filter((n) => n !== 50));
    expect(pages.flatMap((p) => p.rejected ?? [])).toEqual([{ id: 50, message: expect.stringMatching(/^Soort/) }]);
  });
});
