/**
 * readEnvelope cuts an answer at its list items and parses each item only when it is read
 * (lib/eboekhouden/soap/xml-split.ts). Whatever the answer looks like, the items read must be the
 * ones the whole-text parse (parseEnvelope) gives, and odd answers must get its result or error.
 */
import { describe, expect, it } from 'vitest';
import { eachListItem, listItems, parseEnvelope, readEnvelope } from '../../lib/eboekhouden/soap/xml';
import { ListItemTexts, UnreadableItem } from '../../lib/eboekhouden/soap/xml-split';
import { items } from '../../lib/eboekhouden/soap/pages';
import { relatieSchema } from '../../lib/eboekhouden/soap/wire';
import { envelope, fault, ok } from '../helpers/soap-fake';

/** The parsed answer with every ListItemTexts read into the array the whole parse has; counts how many there were. */
function materialized(value: unknown, found = { lists: 0 }): unknown {
  if (value instanceof ListItemTexts) {
    found.lists++;
    return [...value];
  }
  if (Array.isArray(value)) return value.map((v) => materialized(v, found));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, materialized(v, found)]));
  return value;
}

function bothWays(xml: string, operation: string) {
  const found = { lists: 0 };
  const split = materialized(readEnvelope(xml, operation), found);
  return { split, whole: parseEnvelope(xml, operation), lists: found.lists };
}

const relation = (code: string, extra = '') => `<cRelatie><ID>1</ID><Code>${code}</Code>${extra}<BP>B</BP></cRelatie>`;

describe('readEnvelope', () => {
  const answers: [string, string, string][] = [
    ['plain relations', 'GetRelaties', ok('GetRelaties', `<Relaties>${relation('A')}${relation('B')}</Relaties>`)],
    ['one relation', 'GetRelaties', ok('GetRelaties', `<Relaties>${relation('A')}</Relaties>`)],
    [
      'prefixes on every element, declared on the response',
      'GetRelaties',
      envelope(
        '<e:GetRelatiesResponse xmlns:e="http://www.e-boekhouden.nl/soap"><e:GetRelatiesResult><e:ErrorMsg><e:LastErrorCode/></e:ErrorMsg>' +
          '<e:Relaties><e:cRelatie><e:ID>7</e:ID><e:Code>P</e:Code></e:cRelatie><e:cRelatie><e:ID>8</e:ID><e:Code>Q</e:Code></e:cRelatie></e:Relaties>' +
          '</e:GetRelatiesResult></e:GetRelatiesResponse>',
      ),
    ],
    [
      'odd whitespace inside and between tags, pretty-printed',
      'GetRelaties',
      ok(
        'GetRelaties',
        '\n  <Relaties>\n    <cRelatie\n      >\n      <ID>\n 1 </ID>\r\n\t<Code>A</Code  >\n    </cRelatie\n  >\n    <cRelatie\txmlns:q="urn:x"  ><Code>B</Code></cRelatie>\n  </Relaties>\n',
      ),
    ],
    [
      'attributes with quoted > and /> in them, xsi:type on values',
      'GetRelaties',
      ok(
        'GetRelaties',
        `<Relaties><cRelatie a="x>y" b='/>'><Code xsi:type="xsd:string">A</Code></cRelatie><cRelatie c="1"/></Relaties>`,
      ),
    ],
    [
      'CDATA and comments holding markup that looks like the item end',
      'GetRelaties',
      ok(
        'GetRelaties',
        '<Relaties><!-- <cRelatie><Code>NOT</Code></cRelatie> --><cRelatie><Code><![CDATA[A</cRelatie><Code>]]></Code>' +
          '<Adres><!-- </cRelatie> -->Kerkstraat 1</Adres></cRelatie><?pi </cRelatie>?>' +
          relation('B') +
          '</Relaties>',
      ),
    ],
    [
      'entities, named and numeric',
      'GetRelaties',
      ok(
        'GetRelaties',
        `<Relaties>${relation('A&amp;B', '<Bedrijf>Caf&#233; &lt;1&gt; &#x263A;</Bedrijf>')}</Relaties>`,
      ),
    ],
    [
      'empty elements, nil items, an empty item',
      'GetRelaties',
      ok(
        'GetRelaties',
        `<Relaties><cRelatie xsi:nil="true"/>${relation('A', '<Adres/><Plaats></Plaats><Email xsi:nil="true" />')}<cRelatie></cRelatie><cRelatie /></Relaties>`,
      ),
    ],
    [
      'mutations with one line and with many (nested lists stay arrays)',
      'GetMutaties',
      ok(
        'GetMutaties',
        '<Mutaties><cMutatieList><MutatieNr>1</MutatieNr><MutatieRegels><cMutatieListRegel><BedragInvoer>1</BedragInvoer></cMutatieListRegel></MutatieRegels></cMutatieList>' +
          '<cMutatieList><MutatieNr>2</MutatieNr><MutatieRegels><cMutatieListRegel><BedragInvoer>2</BedragInvoer></cMutatieListRegel>' +
          '<cMutatieListRegel><BedragInvoer>3</BedragInvoer></cMutatieListRegel></MutatieRegels></cMutatieList>' +
          '<cMutatieList><MutatieNr>3</MutatieNr><MutatieRegels/></cMutatieList></Mutaties>',
      ),
    ],
  ];

  it.each(answers)('%s: reads the same items as the whole parse, one item at a time', (_name, operation, xml) => {
    const { split, whole, lists } = bothWays(xml, operation);
    expect(lists).toBe(1);
    expect(split).toEqual(whole);
  });

  it('reads the items of each answer in order, nil items dropped, as listItems of the whole parse does', () => {
    const xml = answers.find(([n]) => n.startsWith('empty elements'))![2];
    const split = readEnvelope(xml, 'GetRelaties') as { response: Record<string, any> };
    const whole = parseEnvelope(xml, 'GetRelaties') as { response: Record<string, any> };
    const wrapper = split.response.GetRelatiesResult.Relaties;
    expect([...eachListItem(wrapper, 'cRelatie')!]).toEqual(
      listItems(whole.response.GetRelatiesResult.Relaties, 'cRelatie'),
    );
    expect(listItems(wrapper, 'cRelatie')).toHaveLength(1);
  });

  it('gives the same answer as the whole parse for faults, empty lists and answers it does not cut', () => {
    const same = [
      [fault('Server was unable to read request.'), 'GetRelaties'],
      [ok('GetRelaties', '<Relaties/>'), 'GetRelaties'],
      [ok('GetRelaties', '<Relaties>\n </Relaties>'), 'GetRelaties'],
      [envelope('<CloseSessionResponse xmlns="http://www.e-boekhouden.nl/soap" />'), 'CloseSession'],
      [ok('GetArtikelen', `<Relaties>${relation('A')}</Relaties>`), 'GetRelaties'],
    ] as const;
    for (const [xml, operation] of same) {
      const { split, whole } = bothWays(xml, operation);
      expect(split).toEqual(whole);
    }
    expect(readEnvelope(fault('Boom'), 'GetRelaties')).toMatchObject({ kind: 'fault', message: 'Boom' });
  });

  it('leaves answers it cannot cut safely to the whole parse: DOCTYPE, mismatched or unclosed tags, cut off', () => {
    const good = ok('GetRelaties', `<Relaties>${relation('A')}${relation('B')}</Relaties>`);
    const odd = [
      good.replace('<soap:Envelope', '<!DOCTYPE x [<!ENTITY e "E">]><soap:Envelope'),
      // fast-xml-parser is lenient here; whatever it makes of them, readEnvelope makes the same
      good.replace('<Code>A</Code>', '<Code>A</Code><Unclosed>'),
      good.replace('</Code>', '</Cod>'),
      good.replace('<Relaties>', '<Relaties><!-- never closed'),
      good.replace('</Relaties>', '</Relaties><Relaties>' + relation('C') + '</Relaties>'),
      good.slice(0, good.indexOf('</cRelatie>')),
    ];
    for (const xml of odd) {
      const { split, whole, lists } = bothWays(xml, 'GetRelaties');
      expect(lists).toBe(0);
      expect(split).toEqual(whole);
    }
    expect(readEnvelope(odd.at(-1)!, 'GetRelaties')).toMatchObject({ kind: 'unreadable', reason: /complete/ });
  });

  it('reports an item that turns out unreadable when it is read as bad XML of that list, not a crash', () => {
    const result = {
      Relaties: {
        cRelatie: new ListItemTexts('<cRelatie><Code>A</Code></cRelatie>', [0, 35, 0, 35], (slice) => {
          if (slice.length > 0) throw new UnreadableItem();
          return '';
        }),
      },
    };
    expect(() => items('GetRelaties', result, 'Relaties', 'cRelatie', relatieSchema, (r) => r)).toThrow(
      expect.objectContaining({
        kind: 'upstream',
        field: 'Relaties',
        message: expect.stringMatching(/GetRelaties.*Relaties: the response is not well-formed XML/),
      }),
    );
  });

  it('validates items one by one: a bad one is a rejection, the others are kept', () => {
    const xml = ok(
      'GetRelaties',
      `<Relaties>${relation('A')}<cRelatie><ID>x</ID><Code>B</Code></cRelatie>${relation('C')}</Relaties>`,
    );
    const parsed = readEnvelope(xml, 'GetRelaties') as { response: Record<string, any> };
    const got = items(
      'GetRelaties',
      parsed.response.GetRelatiesResult,
      'Relaties',
      'cRelatie',
      relatieSchema,
      (r) => r.Code,
    );
    expect(got.items).toEqual(['A', 'C']);
    expect(got.received).toBe(3);
    expect(got.rejected).toEqual([expect.objectContaining({ code: 'B', message: expect.stringContaining('ID') })]);
  });
});
