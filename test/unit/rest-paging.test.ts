import { describe, expect, it } from 'vitest';
import { collect } from '../../lib/eboekhouden/api';
import { EBoekhoudenError } from '../../lib/eboekhouden/errors';
import type { Page, RelationListItem } from '../../lib/eboekhouden/types';
import { caught, harness, json, lookupRoutes, paged } from '../helpers/rest-fake';

const relations = (n: number) => Array.from({ length: n }, (_, i) => ({ id: 1000 + i, type: 'B', code: `R${i + 1}` }));

describe('REST paging', () => {
  it('asks pages of 2,000 by default and stops at the first short page', async () => {
    const { transport, fake } = harness({ 'GET /v1/relation': paged(relations(4500)) });
    const pages: Page<RelationListItem>[] = [];
    for await (const page of transport.listRelations()) pages.push(page);
    expect(pages.map((p) => [p.items.length, p.received])).toEqual([
      [2000, 2000],
      [2000, 4000],
      [500, 4500],
    ]);
    const calls = fake.callsTo('GET /v1/relation');
    expect(calls.map((c) => [c.query.get('limit'), c.query.get('offset')])).toEqual([
      ['2000', '0'],
      ['2000', '2000'],
      ['2000', '4000'],
    ]);
    expect(new Set(pages.flatMap((p) => p.items.map((r) => r.id))).size).toBe(4500);
  });

  it('an exact multiple of the page size needs one more (empty) request, and yields no empty page', async () => {
    const { transport, fake } = harness({ 'GET /v1/relation': paged(relations(6)) }, { pageSize: 3 });
    const pages: Page<RelationListItem>[] = [];
    for await (const page of transport.listRelations()) pages.push(page);
    expect(pages.map((p) => p.items.length)).toEqual([3, 3]);
    expect(fake.callsTo('GET /v1/relation').map((c) => c.query.get('offset'))).toEqual(['0', '3', '6']);
  });

  it('yields each page before the next is asked (progress as data arrives)', async () => {
    const { transport, fake } = harness({ 'GET /v1/relation': paged(relations(5)) }, { pageSize: 2 });
    const seen: number[] = [];
    for await (const page of transport.listRelations()) {
      seen.push(fake.callsTo('GET /v1/relation').length);
      expect(page.items.length).toBeGreaterThan(0);
    }
    expect(seen).toEqual([1, 2, 3]);
  });

  it('rejects a page size outside 1–2000 before sending anything', () => {
    expect(() => harness({}, { pageSize: 2001 })).toThrow(RangeError);
    expect(() => harness({}, { pageSize: 0 })).toThrow(RangeError);
  });

  it('leaves out an invalid item and reports it with its id/code and "field: reason"; the rest survive', async () => {
    const { transport } = harness({
      'GET /v1/relation': paged([
        { id: 1, type: 'B', code: 'A1' },
        { id: 2, type: 'X', code: 'A2' },
        { id: 3, type: 'B' },
        'not an object',
        { id: 5, type: 'P', code: 'A5' },
      ]),
    });
    const pages: Page<RelationListItem>[] = [];
    for await (const page of transport.listRelations()) pages.push(page);
    expect(pages).toHaveLength(1);
    expect(pages[0].items.map((r) => r.code)).toEqual(['A1', 'A5']);
    expect(pages[0].received).toBe(2);
    expect(pages[0].rejected).toHaveLength(3);
    const [bad, missing, junk] = pages[0].rejected!;
    expect(bad).toMatchObject({ id: 2, code: 'A2' });
    expect(bad.message).toMatch(/^type: /);
    expect(missing).toMatchObject({ id: 3 });
    expect(missing.code).toBeUndefined();
    expect(missing.message).toMatch(/^code: expected string/);
    expect(junk.id).toBeUndefined();
    expect(junk.message).toMatch(/expected object/);
  });

  it('a full page that holds a rejected item still counts toward the page length, so paging continues', async () => {
    const items = [...relations(2), { id: 99, type: 'B', code: '' }, ...relations(5).slice(2)];
    const { transport, fake } = harness({ 'GET /v1/relation': paged(items) }, { pageSize: 3 });
    const { items: got } = await collect(transport.listRelations());
    expect(got.map((r) => r.code)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
    expect(fake.callsTo('GET /v1/relation').map((c) => c.query.get('offset'))).toEqual(['0', '3', '6']);
  });

  it('rejects a mutation whose ledger id is unknown, naming ledgerId', async () => {
    const { transport } = harness({
      ...lookupRoutes(),
      'GET /v1/mutation': paged([
        { id: 1, type: 7, date: '2024-01-02', ledgerId: 22206001 },
        { id: 2, type: 7, date: '2024-01-02', ledgerId: 12345 },
        { id: 3, type: 9, date: '2024-01-02', ledgerId: 22206001 },
        { id: 4, type: 7, date: '02-01-2024', ledgerId: 22206001 },
      ]),
    });
    const pages: Page<unknown>[] = [];
    for await (const page of transport.listMutations()) pages.push(page);
    expect(pages[0].items).toHaveLength(1);
    expect(pages[0].rejected!.map((r) => [r.id, r.message.split(':')[0]])).toEqual([
      [2, 'ledgerId'],
      [3, 'type'],
      [4, 'date'],
    ]);
  });

  it('a malformed envelope is an upstream error naming the operation and the field', async () => {
    const cases: [unknown, string][] = [
      [{ count: 1 }, 'items'],
      [{ items: 'nope', count: 0 }, 'items'],
      [{ items: [], count: 'x' }, 'count'],
    ];
    for (const [body, field] of cases) {
      const { transport } = harness({ 'GET /v1/relation': () => json(200, body) });
      const error = await caught(collect(transport.listRelations()));
      expect(error).toBeInstanceOf(EBoekhoudenError);
      expect(error).toMatchObject({ kind: 'upstream', operation: 'GET /v1/relation', field });
      expect((error as Error).message).toContain('GET /v1/relation');
      expect((error as Error).message).toContain(field);
    }
  });

  it('a body that is not JSON is an upstream error, not a crash', async () => {
    const { transport } = harness({ 'GET /v1/ledger': () => new Response('<html>oops</html>', { status: 200 }) });
    const error = await caught(collect(transport.listLedgerAccounts()));
    expect(error).toMatchObject({ kind: 'upstream', operation: 'GET /v1/ledger' });
  });

  it('a malformed single record is an upstream error naming the field', async () => {
    const { transport } = harness({
      ...lookupRoutes(),
      'GET /v1/product/{id}': () => json(200, { id: 1, code: 'X', description: 'd', unitId: 'uur', active: true }),
    });
    const error = await caught(transport.getProduct(1));
    expect(error).toMatchObject({ kind: 'upstream', operation: 'GET /v1/product/{id}', field: 'unitId' });
  });
});

describe('REST product groups (the document lists no paging parameters)', () => {
  const groups = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: 1 + i, code: `G${i + 1}`, description: 'g' }));
  /** Like the live service: parameters it does not list are ignored, so every answer is the whole list. */
  const wholeList = (items: readonly unknown[]) => () => json(200, { items, count: items.length });
  /** GET /v1/product/{id}: product n is in group n. */
  const productInGroupOfItsId = (call: { path: string }) => {
    const id = Number(call.path.split('/').pop());
    return json(200, { id, code: `P${id}`, description: 'd', active: true, groupId: id });
  };

  it('reads 2,500 groups in one request without limit/offset, each group once', async () => {
    const { transport, fake } = harness({
      ...lookupRoutes(),
      'GET /v1/product/groups': wholeList(groups(2500)),
      'GET /v1/product/{id}': productInGroupOfItsId,
    });
    const codes = [];
    for (const id of [1, 2000, 2001, 2500]) codes.push((await transport.getProduct(id)).groupCode);
    expect(codes).toEqual(['G1', 'G2000', 'G2001', 'G2500']);
    const calls = fake.callsTo('GET /v1/product/groups');
    expect(calls).toHaveLength(1);
    expect([calls[0].query.has('limit'), calls[0].query.has('offset')]).toEqual([false, false]);
  });

  it('keeps a group the answer lists twice once, and the first of the two', async () => {
    const { transport, fake } = harness({
      ...lookupRoutes(),
      'GET /v1/product/groups': wholeList([...groups(3), { id: 2, code: 'LATER', description: 'g' }]),
      'GET /v1/product/{id}': productInGroupOfItsId,
    });
    expect((await transport.getProduct(2)).groupCode).toBe('G2');
    expect((await transport.getProduct(3)).groupCode).toBe('G3');
    expect(fake.callsTo('GET /v1/product/groups')).toHaveLength(1);
  });
});
