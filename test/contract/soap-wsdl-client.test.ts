/**
 * Every SOAP request the client sends, checked against soap.wsdl: each element (recursively)
 * exists in its WSDL type and appears in the WSDL's order, and the elements the WSDL requires
 * (minOccurs ≥ 1) are present. The requests are captured from the real transport over a fake fetch.
 */
import { describe, expect, it } from 'vitest';
import { collect } from '../../lib/eboekhouden/api';
import { createSoapTransport } from '../../lib/eboekhouden/soap';
import { wsdlChildren, wsdlEnum, wsdlMissing, wsdlViolations } from '../helpers/wsdl';
import { fakeSoap, field, options, type SoapCall } from '../helpers/soap-fake';

async function captureAllRequests(): Promise<SoapCall[]> {
  const fake = fakeSoap((call) => {
    switch (call.operation) {
      case 'AddFactuur':
        return '<Factuurnummer>F1</Factuurnummer>';
      case 'AddRelatie':
        return '<Rel_ID>9</Rel_ID>';
      default:
        return call.operation.startsWith('Get') ? '' : undefined;
    }
  });
  const soap = createSoapTransport(options(fake.fetch));
  await soap.listAdministrations();
  await collect(soap.listRelations());
  await soap.getRelation(1).catch(() => undefined);
  await soap.findRelationByCode('R1');
  await soap.createRelation({ code: 'K1', type: 'B', name: 'Naam & Zn', email: 'a@b.nl', iban: 'NL91ABNA0417164300' });
  await collect(soap.listProducts());
  await soap.getProduct(1).catch(() => undefined);
  await collect(soap.listLedgerAccounts());
  await collect(soap.listMutations({ afterId: 10, from: '2024-01-01', to: '2024-12-31' }));
  await collect(soap.listOpenItems('debtors'));
  await collect(soap.listOpenItems('creditors'));
  await soap.periodBalances({ from: '2024-01-01', to: '2024-01-31' });
  await soap.periodBalances({ to: '2023-12-31' });
  await soap.findInvoice('F1');
  await soap.createInvoice({
    number: 'F1',
    relationCode: 'R1',
    date: '2024-03-01',
    termOfPayment: 14,
    template: 'Standaard',
    bookInAccounts: true,
    email: { subject: 's', body: 'b', fromAddress: 'x@y.nl' },
    lines: [{ code: 'A', description: 'd', quantity: 1, pricePerUnit: 1, vatCode: 'HOOG_VERK_21', ledgerCode: '8000' }],
  });
  await soap.close();
  const sub = fakeSoap(() => undefined);
  await createSoapTransport(options(sub.fetch, { administrationGuid: 'G' })).open();
  return [...fake.calls, ...sub.calls];
}

describe('SOAP requests match soap.wsdl', async () => {
  const calls = await captureAllRequests();
  const operations = [...new Set(calls.map((c) => c.operation))];

  it('covers every operation the client uses', () => {
    expect(operations.sort()).toEqual(
      [
        'AddFactuur',
        'AddRelatie',
        'CloseSession',
        'GetAdministraties',
        'GetArtikelen',
        'GetFacturen',
        'GetGrootboekrekeningen',
        'GetMutaties',
        'GetOpenPosten',
        'GetRelaties',
        'GetSaldi',
        'OpenSession',
        'OpenSessionSub',
      ].sort(),
    );
  });

  it.each(operations)('%s: elements exist in the WSDL type, in its order, required ones present', (operation) => {
    for (const call of calls.filter((c) => c.operation === operation)) {
      expect(wsdlViolations(call.body, operation)).toEqual([]);
      expect(wsdlMissing(call.body)).toEqual([]);
      expect(call.soapAction).toBe(`"http://www.e-boekhouden.nl/soap/${operation}"`);
    }
  });

  it('every call after OpenSession starts with SessionID then SecurityCode2, as the WSDL declares', () => {
    for (const call of calls.filter((c) => !c.operation.startsWith('OpenSession') && c.operation !== 'CloseSession')) {
      expect(call.fields.slice(0, 2).map(([n]) => n)).toEqual(['SessionID', 'SecurityCode2']);
      expect(
        wsdlChildren(call.operation)
          .slice(0, 2)
          .map((c) => c.name),
      ).toEqual(['SessionID', 'SecurityCode2']);
    }
  });

  it('sends every element of cRelatie and cFactuur ("all tags must be present")', () => {
    const oRel = field(calls.find((c) => c.operation === 'AddRelatie')!.fields, 'oRel') as [string, unknown][];
    expect(oRel.map(([n]) => n)).toEqual(wsdlChildren('cRelatie').map((c) => c.name));
    const oFact = field(calls.find((c) => c.operation === 'AddFactuur')!.fields, 'oFact') as [string, unknown][];
    expect(oFact.map(([n]) => n)).toEqual(wsdlChildren('cFactuur').map((c) => c.name));
    const regel = (field(oFact as never, 'Regels') as [string, [string, unknown][]][])[0]![1];
    expect(regel.map(([n]) => n)).toEqual(wsdlChildren('cFactuurRegel').map((c) => c.name));
  });

  it('uses only values the WSDL enumerations allow', () => {
    const opSoorts = calls.filter((c) => c.operation === 'GetOpenPosten').map((c) => field(c.fields, 'OpSoort'));
    for (const s of opSoorts) expect(wsdlEnum('enOpenpostenSoort')).toContain(s);
  });

  it('writes numbers, booleans and dates the way their WSDL types need', () => {
    const check = (pairs: [string, unknown][], type: string) => {
      const children = wsdlChildren(type);
      for (const [name, value] of pairs) {
        const child = children.find((c) => c.name === name)!;
        if (typeof value !== 'string') {
          // an ArrayOfX: check each item against the item type
          const itemType = wsdlChildren(child.type)[0]!.type;
          for (const [, inner] of value as [string, [string, unknown][]][]) check(inner, itemType);
          continue;
        }
        if (child.type === 'long') expect(value, name).toMatch(/^-?\d+$/);
        if (child.type === 'double' || child.type === 'decimal') expect(value, name).toMatch(/^-?\d+\.\d{2,4}$/);
        if (child.type === 'boolean') expect(value, name).toMatch(/^(true|false)$/);
        if (child.type === 'dateTime') expect(value, name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    };
    check(field(calls.find((c) => c.operation === 'AddFactuur')!.fields, 'oFact') as [string, unknown][], 'cFactuur');
    check(field(calls.find((c) => c.operation === 'AddRelatie')!.fields, 'oRel') as [string, unknown][], 'cRelatie');
    check(
      field(calls.find((c) => c.operation === 'GetMutaties')!.fields, 'cFilter') as [string, unknown][],
      'cMutatieFilter',
    );
  });
});
