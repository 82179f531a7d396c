/**
 * The REST transport against the sandbox over real HTTP (ephemeral port): every operation,
 * every error kind, paging across 2,000-record pages, session expiry mid-listing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import { collect, type TransportOptions } from '../../lib/eboekhouden/api';
import { createRestTransport } from '../../lib/eboekhouden/rest';
import { EBoekhoudenError, isDuplicate } from '../../lib/eboekhouden/errors';
import type { NewInvoice, Page } from '../../lib/eboekhouden/types';
import { Recorder, type Exchange } from '../helpers/openapi-recorder';

/** Every exchange the transport has with the sandbox, checked against openapi-v1.json at the end. */
const recorder = new Recorder();
beforeEach(() => {
  recorder.label = expect.getState().currentTestName ?? '';
});

const API_TOKEN = 'sandbox-token';

const stats = async (sb: TestSandbox): Promise<Record<string, number>> => (await sb.stats()).byOperation;

function transportFor(sb: TestSandbox, options: Partial<TransportOptions> = {}) {
  const sleeps: number[] = [];
  const transport = createRestTransport({
    baseUrl: sb.url,
    credentials: { kind: 'token', apiToken: API_TOKEN },
    retryBaseMs: 1,
    timeoutMs: 5_000,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    fetch: recorder.fetch((request) => fetch(request)),
    ...options,
  });
  return { transport, sleeps };
}

async function caught(promise: Promise<unknown>): Promise<EBoekhoudenError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(EBoekhoudenError);
    return e as EBoekhoudenError;
  }
  throw new Error('expected a rejection');
}

describe('REST transport against the sandbox (demo)', () => {
  let sb: TestSandbox;
  beforeAll(async () => {
    sb = await startTestSandbox({ seed: 'demo' });
  });
  afterAll(async () => {
    await sb.close();
  });
  beforeEach(async () => {
    await sb.reset('demo');
  });

  it('reads relations, products, ledgers, templates, mutations and open items', async () => {
    const { transport } = transportFor(sb);

    const relations = await collect(transport.listRelations());
    expect(relations.items.length).toBeGreaterThanOrEqual(30);
    const first = relations.items[0];
    const relation = await transport.getRelation(first.id);
    expect(relation).toMatchObject({ id: first.id, code: first.code, type: first.type });
    expect(relation.name.length).toBeGreaterThan(0);
    expect(await transport.findRelationByCode(first.code)).toEqual(relation);
    expect(await transport.findRelationByCode('GEEN-ZO-CODE')).toBeNull();

    const products = await collect(transport.listProducts());
    expect(products.items.length).toBeGreaterThanOrEqual(20);
    const hourly = products.items.filter((p) => p.unit.toLowerCase() === 'uur');
    expect(hourly.length).toBeGreaterThanOrEqual(2);
    const product = await transport.getProduct(hourly[0].id);
    expect(product).toMatchObject({ id: hourly[0].id, code: hourly[0].code, unit: hourly[0].unit });
    expect(product.vatCode).toMatch(/^[A-Z_0-9]+$/);
    expect(product.groupCode).toMatch(/\S/);

    const ledgers = await collect(transport.listLedgerAccounts());
    const codes = ledgers.items.map((l) => l.code);
    for (const code of ['1000', '1100', '1300', '1600', '4000', '8000', '8100']) expect(codes).toContain(code);
    expect(codes).toContain(product.ledgerCode);
    expect(ledgers.items.find((l) => l.code === '1300')?.category).toBe('DEB');

    const templates = await collect(transport.listInvoiceTemplates());
    expect(templates.items.map((t) => t.name)).toContain('Standaard');

    const mutations = await collect(transport.listMutations());
    expect(mutations.items.length).toBeGreaterThanOrEqual(100);
    expect(new Set(mutations.items.map((m) => m.type)).size).toBeGreaterThanOrEqual(5);
    expect(mutations.items.every((m) => m.lines === undefined && codes.includes(m.ledgerCode))).toBe(true);
    const ids = mutations.items.map((m) => m.id);
    const cursor = ids[Math.floor(ids.length / 2)];
    const since = await collect(transport.listMutations({ afterId: cursor }));
    expect(since.items.length).toBe(ids.filter((id) => id > cursor).length);
    expect(since.items.every((m) => m.id > cursor)).toBe(true);
    const dates = mutations.items.map((m) => m.date).sort();
    const from = dates[Math.floor(dates.length / 4)];
    const to = dates[Math.floor((dates.length * 3) / 4)];
    const ranged = await collect(transport.listMutations({ from, to }));
    expect(ranged.items.length).toBe(dates.filter((d) => d >= from && d <= to).length);

    const debtors = await collect(transport.listOpenItems('debtors'));
    const creditors = await collect(transport.listOpenItems('creditors'));
    expect(debtors.items.length).toBeGreaterThan(0);
    expect(creditors.items.length).toBeGreaterThan(0);
    expect(debtors.items.every((o) => o.side === 'debtors' && o.outstanding > 0)).toBe(true);
    expect(creditors.items.every((o) => o.side === 'creditors')).toBe(true);

    // A seeded invoice found by number carries its lines and the relation's code.
    const open = debtors.items[0];
    const invoice = await transport.findInvoice(open.invoiceNumber!);
    expect(invoice).not.toBeNull();
    expect(invoice!.relationCode).toBe(open.relationCode);
    expect(invoice!.lines!.length).toBeGreaterThan(0);
    expect(invoice!.totalIncl).toBeCloseTo(open.total, 2);
    expect(await transport.findInvoice('NIET-BESTAAND-999')).toBeNull();
    await transport.close();
  });

  it('an unknown id is a validation error with the code the service sends', async () => {
    const { transport } = transportFor(sb);
    expect(await caught(transport.getRelation(1))).toMatchObject({ kind: 'validation', code: 'REL_055', status: 404 });
    expect(await caught(transport.getProduct(1))).toMatchObject({ kind: 'validation', code: 'ART_001', status: 404 });
  });

  it('administrations: a non-accountant gets the /linked list after EP_001, an accountant the full list', async () => {
    const { transport } = transportFor(sb);
    await sb.resetStats();
    const linked = await transport.listAdministrations();
    expect(linked.map((a) => a.guid).sort()).toEqual(sb.ctx.store.administrations.map((a) => a.guid).sort());
    const asked = await stats(sb);
    expect(asked['GET /v1/administration']).toBe(1);
    expect(asked['GET /v1/administration/linked']).toBe(1);
    await sb.config({ accountant: true });
    const admins = await transport.listAdministrations();
    expect(admins.length).toBeGreaterThanOrEqual(1);
    expect(admins[0].guid).toMatch(/^[0-9A-F-]{36}$/i);
  });

  it('a wrong API token is an auth error, asked once, with no secret in it', async () => {
    const { transport } = transportFor(sb, { credentials: { kind: 'token', apiToken: 'wrong-token-123456' } });
    const error = await caught(collect(transport.listRelations()));
    expect(error.kind).toBe('auth');
    expect(JSON.stringify(error.toJSON())).not.toContain('wrong-token-123456');
    expect((await stats(sb))['POST /v1/session']).toBe(1);
  });

  it('a session that expires in the middle of a listing is renewed and the listing arrives whole', async () => {
    const { transport } = transportFor(sb, { pageSize: 10 });
    const expected = (await collect(transportFor(sb).transport.listRelations())).items.map((r) => r.id);
    await sb.resetStats();
    const got: number[] = [];
    let pages = 0;
    for await (const page of transport.listRelations()) {
      got.push(...page.items.map((r) => r.id));
      if (++pages === 2) await sb.expireSessions();
    }
    expect(got).toEqual(expected);
    expect((await stats(sb))['POST /v1/session']).toBe(2);
  });

  describe('writes', () => {
    const baseInvoice = (relationCode: string, number: string): NewInvoice => ({
      number,
      relationCode,
      date: '2026-03-02',
      termOfPayment: 14,
      template: 'Standaard',
      bookInAccounts: true,
      bookingDescription: `Werkbon bij ${number}`,
      lines: [
        {
          code: 'ARB',
          description: 'Arbeid monteur',
          quantity: 2.5,
          unit: 'uur',
          pricePerUnit: 62.5,
          vatCode: 'HOOG_VERK_21',
          ledgerCode: '8000',
        },
        {
          code: 'MAT',
          description: 'Materiaal',
          quantity: 1,
          pricePerUnit: 10.1,
          vatCode: 'LAAG_VERK_9',
          ledgerCode: '8100',
        },
      ],
    });

    it('create + find round trips for a relation and an invoice', async () => {
      const { transport } = transportFor(sb);
      const created = await transport.createRelation({
        code: 'RT001',
        type: 'B',
        name: 'Round Trip BV',
        contact: 'Sanne',
        email: 'sanne@roundtrip.nl',
        city: 'Delft',
        termOfPayment: 21,
        cocNumber: '12345678',
      });
      expect(created.code).toBe('RT001');
      const relation = await transport.findRelationByCode('RT001');
      expect(relation).toMatchObject({
        id: created.id,
        code: 'RT001',
        type: 'B',
        name: 'Round Trip BV',
        contact: 'Sanne',
        email: 'sanne@roundtrip.nl',
        city: 'Delft',
        termOfPayment: 21,
        cocNumber: '12345678',
        inactive: false,
      });

      const result = await transport.createInvoice(baseInvoice('RT001', 'RT2026-001'));
      expect(result.number).toBe('RT2026-001');
      expect(result.id).toEqual(expect.any(Number));
      const found = await transport.findInvoice('RT2026-001');
      expect(found).toMatchObject({
        number: 'RT2026-001',
        relationCode: 'RT001',
        date: '2026-03-02',
        termOfPayment: 14,
      });
      expect(found!.lines).toEqual([
        expect.objectContaining({
          code: 'ARB',
          description: 'Arbeid monteur',
          quantity: 2.5,
          pricePerUnit: 62.5,
          vatCode: 'HOOG_VERK_21',
          ledgerCode: '8000',
        }),
        expect.objectContaining({
          code: 'MAT',
          quantity: 1,
          pricePerUnit: 10.1,
          vatCode: 'LAAG_VERK_9',
          ledgerCode: '8100',
        }),
      ]);
      expect(found!.totalExcl).toBeCloseTo(156.25 + 10.1, 2);

      // Booked on the debtors ledger: it is now an open item.
      const open = await collect(transport.listOpenItems('debtors'));
      expect(open.items.find((o) => o.invoiceNumber === 'RT2026-001')).toMatchObject({
        relationCode: 'RT001',
        paid: 0,
      });

      const state = await sb.state();
      expect(state.created.relations.map((r) => r.code)).toContain('RT001');
      expect(state.created.invoices.map((i) => i.invoiceNumber)).toContain('RT2026-001');
    });

    it('a duplicate invoice number is refused with FACT_101 and recognised as a duplicate', async () => {
      const { transport } = transportFor(sb);
      const code = (await collect(transport.listRelations())).items[0].code;
      await transport.createInvoice(baseInvoice(code, 'DUP-2026-1'));
      const error = await caught(transport.createInvoice(baseInvoice(code, 'DUP-2026-1')));
      expect(error).toMatchObject({ kind: 'validation', code: 'FACT_101', field: 'invoiceNumber' });
      expect(isDuplicate(error)).toBe(true);
    });

    it('the service refuses a bad invoice: validation errors with the documented codes', async () => {
      const { transport } = transportFor(sb);
      const code = (await collect(transport.listRelations())).items[0].code;
      const outOfRange = await caught(transport.createInvoice({ ...baseInvoice(code, 'BAD-1'), date: '1999-12-31' }));
      expect(outOfRange).toMatchObject({ kind: 'validation', code: 'FACT_013', field: 'date', status: 400 });

      const before = (await stats(sb))['POST /v1/invoice'] ?? 0;
      const unknownRelation = await caught(transport.createInvoice(baseInvoice('ONBEKEND1', 'BAD-2')));
      expect(unknownRelation).toMatchObject({ kind: 'validation', code: 'FACT_002' });
      const unknownTemplate = await caught(
        transport.createInvoice({ ...baseInvoice(code, 'BAD-3'), template: 'Bestaat niet' }),
      );
      expect(unknownTemplate).toMatchObject({ kind: 'validation', code: 'FACT_018' });
      expect((await stats(sb))['POST /v1/invoice'] ?? 0).toBe(before);

      const duplicateRelation = await caught(transport.createRelation({ code, type: 'B', name: 'Dubbel' }));
      expect(duplicateRelation).toMatchObject({ kind: 'validation', code: 'REL_049' });
      expect(isDuplicate(duplicateRelation)).toBe(true);
    });

    it('a dropped connection after the write committed: outcomeUnknown, not retried, and findable', async () => {
      const { transport } = transportFor(sb);
      const code = (await collect(transport.listRelations())).items[0].code;
      await transport.open();
      await sb.faults({ rate: 1, kinds: ['drop'], operations: ['POST /v1/invoice'] });
      const error = await caught(transport.createInvoice(baseInvoice(code, 'DROP-2026-1')));
      expect(error).toMatchObject({ kind: 'network', outcomeUnknown: true });
      await sb.faults(null);
      expect((await stats(sb))['POST /v1/invoice']).toBe(1);
      expect(await transport.findInvoice('DROP-2026-1')).toMatchObject({ number: 'DROP-2026-1', relationCode: code });
    });
  });

  it('a timed-out write is not retried (outcomeUnknown); a timed-out read is retried a bounded number of times', async () => {
    const { transport, sleeps } = transportFor(sb, { timeoutMs: 150, retries: 2 });
    const code = (await collect(transport.listRelations())).items[0].code;
    await collect(transport.listLedgerAccounts());
    await collect(transport.listInvoiceTemplates());
    await sb.resetStats();
    await sb.faults({ rate: 1, kinds: ['timeout'], operations: ['POST /v1/invoice', 'GET /v1/mutation'] });
    const write = await caught(
      transport.createInvoice({
        number: 'TIME-2026-1',
        relationCode: code,
        date: '2026-03-02',
        termOfPayment: 14,
        template: 'Standaard',
        bookInAccounts: false,
        lines: [
          {
            code: 'A',
            description: 'Arbeid',
            quantity: 1,
            pricePerUnit: 10,
            vatCode: 'HOOG_VERK_21',
            ledgerCode: '8000',
          },
        ],
      }),
    );
    expect(write).toMatchObject({ kind: 'network', outcomeUnknown: true, operation: 'POST /v1/invoice' });
    expect(sleeps).toEqual([]);
    const read = await caught(collect(transport.listMutations()));
    expect(read).toMatchObject({ kind: 'network', outcomeUnknown: false });
    expect(sleeps).toHaveLength(2);
    const s = await stats(sb);
    expect(s['POST /v1/invoice']).toBe(1);
    expect(s['GET /v1/mutation']).toBe(3);
  });

  it('429 from the service is honoured: the transport waits Retry-After and carries on', async () => {
    const harness: ReturnType<typeof transportFor> = transportFor(sb, {
      sleep: async (ms) => {
        harness.sleeps.push(ms);
        await sb.faults(null);
      },
    });
    await harness.transport.open();
    await sb.faults({ rate: 1, kinds: ['rateLimit'], operations: ['GET /v1/ledger'] });
    const ledgers = await collect(harness.transport.listLedgerAccounts());
    expect(ledgers.items.length).toBeGreaterThan(20);
    expect(harness.sleeps).toEqual([1000]);
    expect((await stats(sb))['GET /v1/ledger']).toBe(2);
  });

  it('an HTTP 500 from the service is an upstream error', async () => {
    const { transport } = transportFor(sb);
    await transport.open();
    await sb.faults({ rate: 1, kinds: ['http500'], operations: ['GET /v1/relation'] });
    const error = await caught(collect(transport.listRelations()));
    expect(error).toMatchObject({ kind: 'upstream', status: 500, operation: 'GET /v1/relation' });
  });

  it('a record the service holds in a bad shape is reported as rejected; the rest arrive', async () => {
    const { transport } = transportFor(sb);
    const all = (await collect(transport.listRelations())).items;
    await sb.corrupt('relation', all[3].id, 'type', 'X');
    const rejected: NonNullable<Page<unknown>['rejected']> = [];
    let count = 0;
    for await (const page of transport.listRelations()) {
      count += page.items.length;
      rejected.push(...(page.rejected ?? []));
    }
    expect(count).toBe(all.length - 1);
    expect(rejected).toEqual([{ id: all[3].id, code: all[3].code, message: expect.stringMatching(/^type: /) }]);
  });

  it('close() ends the session at the service; the next call opens a new one', async () => {
    const { transport } = transportFor(sb);
    await transport.open();
    await transport.close();
    await transport.close();
    await collect(transport.listInvoiceTemplates());
    const s = await stats(sb);
    expect(s['DELETE /v1/session']).toBe(1);
    expect(s['POST /v1/session']).toBe(2);
  });
});

describe('REST transport against the sandbox (large)', () => {
  let sb: TestSandbox;
  beforeAll(async () => {
    sb = await startTestSandbox({ seed: 'large' });
  });
  afterAll(async () => {
    await sb.close();
  });

  it('10,000 relations and 60,000 mutations arrive whole in pages of 2,000', async () => {
    const { transport } = transportFor(sb);
    await sb.resetStats();

    const relationPages: number[] = [];
    const relationIds = new Set<number>();
    for await (const page of transport.listRelations()) {
      relationPages.push(page.items.length);
      for (const r of page.items) relationIds.add(r.id);
      expect(page.received).toBe(relationIds.size);
    }
    const { counts } = await sb.state();
    expect(counts).toMatchObject({ relations: 10_000, mutations: 60_000 });
    expect(relationIds.size).toBe(10_000);
    expect(relationPages).toEqual([2000, 2000, 2000, 2000, 2000]);

    const mutationIds = new Set<number>();
    let pages = 0;
    for await (const page of transport.listMutations()) {
      pages++;
      expect(page.rejected).toBeUndefined();
      for (const m of page.items) mutationIds.add(m.id);
    }
    expect(mutationIds.size).toBe(60_000);
    expect(pages).toBe(30);

    const s = await stats(sb);
    // An exact multiple of 2,000 needs one more, empty page to know the list has ended.
    expect(s['GET /v1/relation']).toBe(6);
    expect(s['GET /v1/mutation']).toBe(31);
    expect(s['POST /v1/session']).toBe(1);
  });
});

/**
 * Tests that provoke what the document does not describe (injected faults, a corrupted record) or
 * send a refused request on purpose; their other exchanges are checked all the same.
 */
const PROVOKED = [/dropped connection/, /timed-out/, /429/, /HTTP 500/, /bad shape/, /refuses a bad invoice/];
const provoked = (e: Exchange) => PROVOKED.some((re) => re.test(e.label));

describe('REST product groups against the sandbox (more than one page of 2,000)', () => {
  let sb: TestSandbox;
  beforeAll(async () => {
    sb = await startTestSandbox({ seed: 'demo' });
  });
  afterAll(async () => {
    await sb.close();
  });

  it('2,500 groups arrive in one request, none repeated or missing, each product with its own group', async () => {
    const { store } = sb.ctx;
    const added = Array.from({ length: 2500 }, (_, i) =>
      store.addProductGroup({ code: `GRP${i + 1}`, description: `Groep ${i + 1}` }),
    );
    const products = store.sorted(store.products).slice(0, 3);
    const groupOf = new Map(products.map((p, i) => [p.id, added[[0, 2000, 2499][i]]]));
    for (const p of products) p.groupId = groupOf.get(p.id)?.id ?? 0;
    await sb.resetStats();

    const { transport } = transportFor(sb);
    for (const p of products) {
      expect((await transport.getProduct(p.id)).groupCode).toBe(groupOf.get(p.id)?.code);
    }
    expect((await stats(sb))['GET /v1/product/groups']).toBe(1);
    // The request itself carries no limit/offset: the check of every exchange below says so.
  });
});

describe('every exchange above, against openapi-v1.json', () => {
  it('every answer the sandbox gave the client is one the document allows', () => {
    expect(recorder.exchanges.length).toBeGreaterThan(100);
    expect(recorder.responseProblems((e) => !provoked(e))).toEqual([]);
  });

  it('every request the client sent is one the document allows', () => {
    expect(recorder.requestProblems((e) => !provoked(e))).toEqual([]);
  });
});
