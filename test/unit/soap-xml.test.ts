import { describe, expect, it } from 'vitest';
import { buildEnvelope, decimal2, listItems, parseEnvelope, quantity } from '../../lib/eboekhouden/soap/xml';
import { envelope, fault, field, ok, parseRequest } from '../helpers/soap-fake';

describe('buildEnvelope', () => {
  it('writes a SOAP 1.1 envelope with the operation in the e-Boekhouden namespace, children in the given order', () => {
    const xml = buildEnvelope('GetRelaties', [
      ['SessionID', 's'],
      ['SecurityCode2', 'c'],
      [
        'cFilter',
        [
          ['Trefwoord', ''],
          ['Code', 'R1'],
          ['ID', '0'],
        ],
      ],
    ]);
    expect(xml).toContain('xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"');
    expect(xml).toMatch(/<soap:Body><GetRelaties xmlns="http:\/\/www\.e-boekhouden\.nl\/soap">/);
    const { operation, fields } = parseRequest(xml);
    expect(operation).toBe('GetRelaties');
    expect(fields.map(([n]) => n)).toEqual(['SessionID', 'SecurityCode2', 'cFilter']);
    expect((field(fields, 'cFilter') as [string, unknown][]).map(([n]) => n)).toEqual(['Trefwoord', 'Code', 'ID']);
    // an empty value is still an element
    expect(xml).toMatch(/<Trefwoord\s*(\/>|><\/Trefwoord>)/);
  });

  it('escapes text so markup in a value cannot change the document', () => {
    const nasty = `Smit & Zn <b>"quoted"</b> 'x' ]]> </Code><ID>9</ID>`;
    const xml = buildEnvelope('GetRelaties', [
      [
        'cFilter',
        [
          ['Trefwoord', nasty],
          ['Code', ''],
          ['ID', '0'],
        ],
      ],
    ]);
    expect(xml).not.toContain('<b>');
    expect(xml).not.toContain('</Code><ID>9');
    const { fields } = parseRequest(xml);
    expect(field(fields, 'cFilter/Trefwoord')).toBe(nasty);
    expect(field(fields, 'cFilter/ID')).toBe('0');
  });
});

describe('number formats', () => {
  it('writes decimals with a dot and exactly 2 places', () => {
    expect(decimal2(1234.5)).toBe('1234.50');
    expect(decimal2(95)).toBe('95.00');
    expect(decimal2(0.1 + 0.2)).toBe('0.30');
    expect(decimal2(-0.001)).toBe('0.00');
    expect(decimal2(1.005)).toBe('1.01');
    expect(decimal2(1234567.891)).toBe('1234567.89');
  });

  it('writes quantities with 2 places unless they need up to 4', () => {
    expect(quantity(10)).toBe('10.00');
    expect(quantity(1.5)).toBe('1.50');
    expect(quantity(0.125)).toBe('0.125');
    expect(quantity(2.3333)).toBe('2.3333');
  });
});

describe('parseEnvelope', () => {
  it('returns the response element, keeping values as strings and dropping namespace prefixes and attributes', () => {
    const xml = envelope(
      '<x:GetFacturenResponse xmlns:x="http://www.e-boekhouden.nl/soap"><x:GetFacturenResult><x:ErrorMsg><x:LastErrorCode/></x:ErrorMsg>' +
        '<x:Facturen><x:cFactuurList><x:Factuurnummer>0001</x:Factuurnummer><x:Relatiecode xsi:type="xsd:string">00042</x:Relatiecode>' +
        '<x:URLPDFBestand>https://x/?a=1&amp;b=&#233;</x:URLPDFBestand></x:cFactuurList></x:Facturen></x:GetFacturenResult></x:GetFacturenResponse>',
    );
    const parsed = parseEnvelope(xml, 'GetFacturen');
    expect(parsed.kind).toBe('result');
    const result = (parsed as { response: Record<string, any> }).response.GetFacturenResult;
    const invoice = result.Facturen.cFactuurList[0];
    expect(invoice.Factuurnummer).toBe('0001');
    expect(invoice.Relatiecode).toBe('00042');
    expect(invoice.URLPDFBestand).toBe('https://x/?a=1&b=é');
  });

  it('reads a SOAP 1.1 fault and a SOAP 1.2 fault', () => {
    expect(parseEnvelope(fault('Server was unable to read request.'), 'GetRelaties')).toEqual({
      kind: 'fault',
      code: 'soap:Client',
      message: 'Server was unable to read request.',
    });
    const soap12 =
      '<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body><soap:Fault>' +
      '<soap:Code><soap:Value>soap:Receiver</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en">Boom</soap:Text></soap:Reason>' +
      '</soap:Fault></soap:Body></soap:Envelope>';
    expect(parseEnvelope(soap12, 'GetRelaties')).toMatchObject({ kind: 'fault', message: 'Boom' });
  });

  it('calls a non-XML body, a missing Body and the wrong response element unreadable', () => {
    expect(parseEnvelope('<html><body>502 Bad Gateway', 'GetRelaties').kind).toBe('unreadable');
    expect(parseEnvelope('{"json":true}', 'GetRelaties').kind).toBe('unreadable');
    expect(parseEnvelope('<soap:Envelope xmlns:soap="x"></soap:Envelope>', 'GetRelaties').kind).toBe('unreadable');
    expect(parseEnvelope(ok('GetArtikelen', ''), 'GetRelaties')).toMatchObject({
      kind: 'unreadable',
      reason: expect.stringContaining('GetRelatiesResponse'),
    });
  });

  it('calls a cut-off answer unreadable instead of reading it as a shorter list', () => {
    const full = ok('GetRelaties', `<Relaties>${'<cRelatie><Code>A</Code></cRelatie>'.repeat(3)}</Relaties>`);
    expect(parseEnvelope(full, 'GetRelaties').kind).toBe('result');
    const cut = full.slice(0, full.indexOf('</cRelatie>') + '</cRelatie>'.length);
    expect(parseEnvelope(cut, 'GetRelaties')).toMatchObject({
      kind: 'unreadable',
      reason: expect.stringMatching(/complete/),
    });
    expect(parseEnvelope(`${full}\n`, 'GetRelaties').kind).toBe('result');
  });

  it('reads an empty response element (CloseSession)', () => {
    expect(
      parseEnvelope(envelope('<CloseSessionResponse xmlns="http://www.e-boekhouden.nl/soap" />'), 'CloseSession'),
    ).toEqual({
      kind: 'result',
      response: '',
    });
  });
});

describe('listItems', () => {
  const relaties = (inner: string) => {
    const parsed = parseEnvelope(ok('GetRelaties', inner), 'GetRelaties') as { response: Record<string, any> };
    return parsed.response.GetRelatiesResult.Relaties;
  };

  it('accepts an absent wrapper, an empty one, a pretty-printed empty one, one item and many', () => {
    expect(listItems(relaties(''), 'cRelatie')).toEqual([]);
    expect(listItems(relaties('<Relaties/>'), 'cRelatie')).toEqual([]);
    expect(listItems(relaties('<Relaties>\n   </Relaties>'), 'cRelatie')).toEqual([]);
    expect(listItems(relaties('<Relaties><cRelatie><Code>A</Code></cRelatie></Relaties>'), 'cRelatie')).toEqual([
      { Code: 'A' },
    ]);
    expect(
      listItems(
        relaties('<Relaties><cRelatie><Code>A</Code></cRelatie><cRelatie><Code>B</Code></cRelatie></Relaties>'),
        'cRelatie',
      ),
    ).toHaveLength(2);
  });

  it('drops nil items and refuses a wrapper that is not a list', () => {
    expect(
      listItems(
        relaties('<Relaties><cRelatie xsi:nil="true"/><cRelatie><Code>B</Code></cRelatie></Relaties>'),
        'cRelatie',
      ),
    ).toEqual([{ Code: 'B' }]);
    expect(listItems('some text', 'cRelatie')).toBeUndefined();
    expect(listItems({ cRelatie: 'x' }, 'cRelatie')).toBeUndefined();
  });
});
