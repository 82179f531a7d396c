/**
 * The contract validator itself: it must refuse what openapi-v1.json refuses, name the operation,
 * status and field, and adjust only what OPENAPI-NOTES.md says the document gets wrong.
 */
import { describe, expect, it } from 'vitest';
import { contract } from '../helpers/openapi';

const response = (method: string, path: string, status: number, body: unknown) =>
  contract().checkResponse({ method, path, status, body });

describe('openapi-v1.json as a validator', () => {
  it('knows every operation and matches literal segments before {id}', () => {
    expect(contract().operations.filter((o) => o.template.startsWith('/v1/'))).toHaveLength(39);
    expect(contract().find('GET', '/v1/ledger/balances?from=2026-01-01')?.name).toBe('GET /v1/ledger/balances');
    expect(contract().find('GET', '/v1/product/groups')?.name).toBe('GET /v1/product/groups');
    expect(contract().find('GET', '/v1/product/17')?.name).toBe('GET /v1/product/{id}');
  });

  it('refuses a field the document does not name, naming operation, status and field', () => {
    expect(response('GET', '/v1/invoice/5', 200, { id: 5, print: false })).toEqual([
      'GET /v1/invoice/{id} → 200: /: "print" is not in the document',
    ]);
    expect(response('GET', '/v1/mutation/5', 200, { id: 5, rows: [{ amount: 'ten' }] })).toEqual([
      'GET /v1/mutation/{id} → 200: /rows/0/amount: must be number',
    ]);
  });

  it('refuses an undocumented status and a 204 with a body', () => {
    expect(response('POST', '/v1/relation', 200, { id: 1 })[0]).toMatch(/status 200 is not documented/);
    expect(response('PATCH', '/v1/relation/1', 204, { id: 1 })).toEqual([
      'PATCH /v1/relation/{id} → 204: a 204 answer has a body',
    ]);
  });

  it('dangling list items: any object, but only the keys of the example (camelCase)', () => {
    expect(response('GET', '/v1/unit', 200, { items: [{ id: 1, singular: 'uur', plural: 'uren' }], count: 1 })).toEqual(
      [],
    );
    expect(response('GET', '/v1/unit', 200, { items: [{ id: 1, abbreviation: 'u' }], count: '1' })).toEqual([
      `GET /v1/unit → 200: /items/0/abbreviation: "abbreviation" is not in the example's list item`,
    ]);
    expect(response('GET', '/v1/unit', 200, { items: null, count: 0 })).toEqual([]);
    expect(response('GET', '/v1/unit', 200, { items: [], count: 'many' })).not.toEqual([]);
  });

  it('digit-string enums take the numbers the live service sends; other values stay refused', () => {
    expect(response('GET', '/v1/mutation/5', 200, { id: 5, type: 2 })).toEqual([]);
    expect(response('GET', '/v1/mutation/5', 200, { id: 5, type: '2' })).toEqual([]);
    expect(response('GET', '/v1/mutation/5', 200, { id: 5, type: 9 })).not.toEqual([]);
  });

  it('dates typed object (an open point) take a date string, nothing else', () => {
    expect(response('GET', '/v1/invoice/5', 200, { id: 5, date: '2026-08-29' })).toEqual([]);
    expect(response('GET', '/v1/invoice/5', 200, { id: 5, date: '29-08-2026' })).not.toEqual([]);
    expect(response('GET', '/v1/relation/5', 200, { id: 5, mandateSignedDate: null })).toEqual([]);
  });

  it('requests: the body against requestBody, query names against the parameters', () => {
    const ok = {
      relationId: 1,
      termOfPayment: 14,
      templateId: 2,
      items: [{ description: 'a', vatCode: 'HOOG_VERK_21', ledgerId: 3 }],
    };
    expect(contract().checkRequest({ method: 'POST', path: '/v1/invoice', body: ok })).toEqual([]);
    expect(
      contract().checkRequest({
        method: 'POST',
        path: '/v1/invoice',
        body: { ...ok, items: Array(501).fill(ok.items[0]) },
      }),
    ).toEqual(['POST /v1/invoice request: /items: must NOT have more than 500 items']);
    expect(
      contract().checkRequest({ method: 'POST', path: '/v1/session', body: { accessToken: 't', source: 'my-app' } }),
    ).toEqual(['POST /v1/session request: /source: must match pattern "^[\\w_ ]{1,10}$"']);
    expect(contract().checkRequest({ method: 'GET', path: '/v1/mutation?id[gt]=5&limit=10', body: undefined })).toEqual(
      [],
    );
    expect(contract().checkRequest({ method: 'GET', path: '/v1/product?active=true', body: undefined })).toEqual([
      'GET /v1/product request: query parameter "active" is not documented (ignored live)',
    ]);
  });
});
