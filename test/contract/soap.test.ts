/**
 * The SOAP transport against the sandbox over real HTTP (ephemeral port): every operation, every
 * error kind, the 2,000 cap on the large seed, all 60,000 mutations through MutatieNr windows,
 * and a session that expires in the middle of a listing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, type TransportOptions } from '../../lib/eboekhouden/api';
import { EBoekhoudenError, isDuplicate } from '../../lib/eboekhouden/errors';
import { createSoapTransport } from '../../lib/eboekhouden/soap';
import type { NewInvoice } from '../../lib/eboekhouden/types';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { wsdlViolations } from '../helpers/wsdl';

const SOAP_CREDENTIALS = {
  kind: 'securityCodes' as const,
  username: 'demo',
  securityCode1: '0123456789abcdef0123456789abcdef',
  securityCode2: '1A2B3C4D-0000-1111-2222-333344445555',
};

let sandbox: RunningSandbox;

async function control(path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${sandbox.url}/__sandbox/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.ok, `${path}: HTTP ${res.status}`).toBe(true);
  return res.json();
}

/** SOAP answers seen by `soap({ record: true })` clients, checked against the WSDL at the end. */
const answers: { operation: string; body: string }[] = [];

const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const action = new Headers(init?.headers).get('SOAPAction') ?? '';
  const operation = action.replace(/^"?http:\/\/www\.e-boekhouden\.nl\/soap\//, '').replace(/"$/, '');
  answers.push({ operation, body: await response.clone().text() });
  return response;
};

function soap(extra: Partial<TransportOptions> & { record?: boolean } = {}) {
  const { record, ...rest } = extra;
  return createSoapTransport({
    baseUrl: sandbox.url,
    credentials: SOAP_CREDENTIALS,
    retries: 1,
    retryBaseMs: 1,
    timeoutMs: 10_000,
    ...(record ? { fetch: recordingFetch } : {}),
    ...rest,
  });
}

async function caught(work: Promise<unknown>): Promise<EBoekhoudenError> {
  const e = await work.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(EBoekhoudenError);
  return e as EBoekhoudenError;
}

function invoice(over: Partial<NewInvoice> = {}): NewInvoice {
  return {
    number: `T${Date.now() % 1_000_000}${Math.floor(Math.random() * 1000)}`,
    relationCode: '',
    date: '2024-05-01',
    termOfPayment: 14,
    template: 'Standaard',
    bookInAccounts: true,
    bookingDescription: 'Werkbon contracttest',
    lines: [
      {
        code: 'ARB',
        description: 'Montage & afstellen',
        quantity: 2.5,
        unit: 'uur',
        pricePerUnit: 65,
        vatCode: 'HOOG_VERK_21',
        ledgerCode: '8000',
      },
      {
        code: 'MAT',
        description: 'Kabel <3x2,5>',
        quantity: 10,
        unit: 'm',
        pricePerUnit: 1.95,
        vatCode: 'HOOG_VERK_21',
        ledgerCode: '8000',
      },
    ],
    ...over,
  };
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo' });
});
afterAll(async () => {
  await sandbox?.close();
});

describe('SOAP against the sandbox (demo seed)', () => {
  beforeAll(async () => {
    await control('reset', { seed: 'demo' });
  });

  it('lists relations with their details, finds one by code and by id', async () => {
    const client = soap({ record: true });
    const { items, truncated } = await collect(client.listRelations());
    expect(items.length).toBeGreaterThanOrEqual(30);
    expect(truncated).toBeUndefined();
    for (const item of items) expect(item.relation).toMatchObject({ id: item.id, code: item.code, type: item.type });
    const pick = items[Math.floor(items.length / 2)]!;
    expect(await client.findRelationByCode(pick.code)).toEqual(pick.relation);
    expect(await client.getRelation(pick.id)).toEqual(pick.relation);
    expect(await client.findRelationByCode('GEEN-RELATIE-X')).toBeNull();
    expect(await caught(client.getRelation(987_654_321))).toMatchObject({ kind: 'validation', code: 'NOT_FOUND' });
    await client.close();
  });

  it('lists products with unit names (several "uur") and gets one by id', async () => {
    const client = soap({ record: true });
    const { items, truncated } = await collect(client.listProducts());
    expect(items.length).toBeGreaterThanOrEqual(20);
    expect(truncated).toBeUndefined();
    expect(items.filter((p) => p.unit.toLowerCase() === 'uur').length).toBeGreaterThanOrEqual(2);
    const withPrice = items.find((p) => p.product?.priceExcl !== undefined)!;
    expect(await client.getProduct(withPrice.id)).toEqual(withPrice.product);
    await client.close();
  });

  it('lists the chart of accounts with the usual codes', async () => {
    const { items } = await collect(soap({ record: true }).listLedgerAccounts());
    const codes = items.map((a) => a.code);
    for (const code of ['1000', '1100', '1300', '1600', '4000', '8000', '8100']) expect(codes).toContain(code);
  });

  it('lists every mutation once, oldest first, with lines; the cursor and date range narrow it', async () => {
    const state = await control('state');
    const client = soap({ record: true });
    const all = await collect(client.listMutations());
    expect(all.items.length).toBe(state.counts.mutations);
    const ids = all.items.map((m) => m.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    expect(all.items.every((m) => Array.isArray(m.lines) && /^\d{4}-\d{2}-\d{2}$/.test(m.date))).toBe(true);
    expect(new Set(all.items.map((m) => m.type)).size).toBeGreaterThanOrEqual(5);

    const cursor = ids[Math.floor(ids.length / 2)]!;
    const after = await collect(client.listMutations({ afterId: cursor }));
    expect(after.items.map((m) => m.id)).toEqual(ids.filter((id) => id > cursor));

    const dates = all.items.map((m) => m.date).sort();
    const from = dates[Math.floor(dates.length / 4)]!;
    const to = dates[Math.floor((dates.length * 3) / 4)]!;
    const ranged = await collect(client.listMutations({ from, to }));
    expect(ranged.items.map((m) => m.id)).toEqual(
      all.items.filter((m) => m.date >= from && m.date <= to).map((m) => m.id),
    );
    await client.close();
  });

  it('lists open items for debtors and for creditors', async () => {
    const client = soap({ record: true });
    const debtors = await collect(client.listOpenItems('debtors'));
    const creditors = await collect(client.listOpenItems('creditors'));
    expect(debtors.items.length).toBeGreaterThan(0);
    expect(creditors.items.length).toBeGreaterThan(0);
    for (const item of debtors.items) {
      expect(item.side).toBe('debtors');
      expect(item.outstanding).toBeCloseTo(item.total - item.paid, 2);
    }
    expect(creditors.items.every((i) => i.side === 'creditors')).toBe(true);
  });

  it('cannot list invoice templates (typed by name with security codes)', async () => {
    const e = await caught(collect(soap({ record: true }).listInvoiceTemplates()));
    expect(e).toMatchObject({ kind: 'validation', code: 'NOT_SUPPORTED' });
  });

  it('creates a relation and finds it back; the same code again is refused', async () => {
    const client = soap({ record: true });
    const code = `K${Date.now() % 100_000}`;
    const created = await client.createRelation({
      code,
      type: 'B',
      name: 'Smit & Zonen <Installatie>',
      city: "'s-Hertogenbosch",
      email: 'info@smit.example',
    });
    expect(created.code).toBe(code);
    expect(created.id).toBeGreaterThan(0);
    const found = await client.findRelationByCode(code);
    expect(found).toMatchObject({
      id: created.id,
      code,
      name: 'Smit & Zonen <Installatie>',
      city: "'s-Hertogenbosch",
      email: 'info@smit.example',
      type: 'B',
    });
    const again = await caught(client.createRelation({ code, type: 'B', name: 'Dubbel' }));
    expect(again.kind).toBe('validation');
    expect(again.code).toBeTruthy();
    const state = await control('state');
    expect(JSON.stringify(state)).toContain(code);
    await client.close();
  });

  it('creates an invoice, finds it by number with its lines, and refuses the same number (CFACT026)', async () => {
    const client = soap({ record: true });
    const { items } = await collect(client.listRelations());
    const relationCode = items[0]!.code;
    const draft = invoice({ relationCode });
    expect(await client.createInvoice(draft)).toEqual({ number: draft.number });
    const found = await client.findInvoice(draft.number);
    expect(found).toMatchObject({ number: draft.number, relationCode, date: '2024-05-01', termOfPayment: 14 });
    expect(found!.totalExcl).toBeCloseTo(2.5 * 65 + 10 * 1.95, 2);
    expect(found!.totalIncl).toBeCloseTo(found!.totalExcl + found!.totalVat, 2);
    expect(found!.lines?.map((l) => [l.code, l.description, l.quantity])).toEqual([
      ['ARB', 'Montage & afstellen', 2.5],
      ['MAT', 'Kabel <3x2,5>', 10],
    ]);

    const duplicate = await caught(client.createInvoice(draft));
    expect(duplicate).toMatchObject({ kind: 'validation', code: 'CFACT026' });
    expect(isDuplicate(duplicate)).toBe(true);
    expect(await client.findInvoice('F-BESTAAT-NIET-1')).toBeNull();
    await client.close();
  });

  it('refuses an invoice for an unknown relation or template with the CFACT code', async () => {
    const client = soap({ record: true });
    expect(await caught(client.createInvoice(invoice({ relationCode: 'ONBEKEND9' })))).toMatchObject({
      kind: 'validation',
      code: 'CFACT025',
    });
    const { items } = await collect(client.listRelations());
    expect(
      await caught(client.createInvoice(invoice({ relationCode: items[0]!.code, template: 'Bestaat niet' }))),
    ).toMatchObject({
      kind: 'validation',
      code: 'CFACT028',
    });
  });

  it('every answer the client read is valid against soap.wsdl (names, order, nesting)', () => {
    const operations = new Set(answers.map((a) => a.operation));
    for (const op of [
      'OpenSession',
      'GetRelaties',
      'GetArtikelen',
      'GetGrootboekrekeningen',
      'GetMutaties',
      'GetOpenPosten',
      'GetFacturen',
      'AddFactuur',
      'AddRelatie',
    ]) {
      expect(operations).toContain(op);
    }
    for (const { operation, body } of answers)
      expect(wsdlViolations(body, `${operation}Response`), operation).toEqual([]);
  });
});

describe('SOAP errors against the sandbox', () => {
  beforeAll(async () => {
    await control('reset', { seed: 'demo' });
  });

  it('wrong security codes are auth (E001.x), not retried, and no secret is in the error', async () => {
    const wrong = { ...SOAP_CREDENTIALS, securityCode1: 'ffffffffffffffffffffffffffffffff' };
    await control('stats/reset', {});
    const e = await caught(soap({ credentials: wrong }).open());
    expect(e.kind).toBe('auth');
    expect(e.code).toMatch(/^E001\./);
    const stats = await control('stats');
    expect(stats.byOperation.OpenSession).toBe(1);
    const text = `${e.message} ${JSON.stringify(e)}`;
    for (const secret of [wrong.securityCode1, wrong.securityCode2]) expect(text).not.toContain(secret);

    const wrongCode2 = { ...SOAP_CREDENTIALS, securityCode2: 'FFFFFFFF-0000-1111-2222-333344445555' };
    expect((await caught(soap({ credentials: wrongCode2 }).open())).kind).toBe('auth');
  });

  it('an administration list for a non-accountant is auth (E002.5); an accountant gets them and can open one', async () => {
    expect(await caught(soap().listAdministrations())).toMatchObject({ kind: 'auth', code: 'E002.5' });
    await control('reset', { seed: 'demo', config: { accountant: true } });
    const administrations = await soap().listAdministrations();
    expect(administrations.length).toBeGreaterThan(0);
    const sub = soap({ administrationGuid: administrations[0]!.guid });
    const { items } = await collect(sub.listLedgerAccounts());
    expect(items.length).toBeGreaterThan(0);
    await sub.close();
    await control('reset', { seed: 'demo' });
  });

  it('an injected HTTP 500 is upstream; an expired session is renewed once', async () => {
    const client = soap({ retries: 0 });
    await client.open();
    await control('faults', { rate: 1, kinds: ['http500'], operations: ['GetGrootboekrekeningen'] });
    const e = await caught(collect(client.listLedgerAccounts()));
    expect(e).toMatchObject({ kind: 'upstream', operation: 'GetGrootboekrekeningen' });
    await control('faults', { rate: 0 });

    await control('expire-sessions', {});
    await control('stats/reset', {});
    const { items } = await collect(client.listLedgerAccounts());
    expect(items.length).toBeGreaterThan(0);
    const stats = await control('stats');
    expect(stats.byOperation.OpenSession).toBe(1);
    expect(stats.byOperation.GetGrootboekrekeningen).toBe(2);
    await client.close();
  });

  it('a write whose connection drops is a network error with an unknown outcome, sent once', async () => {
    const client = soap({ retries: 3 });
    const { items } = await collect(client.listRelations());
    await control('faults', { rate: 1, kinds: ['drop'], operations: ['AddFactuur'] });
    await control('stats/reset', {});
    const draft = invoice({ relationCode: items[0]!.code });
    const e = await caught(client.createInvoice(draft));
    expect(e).toMatchObject({ kind: 'network', outcomeUnknown: true, operation: 'AddFactuur' });
    const stats = await control('stats');
    expect(stats.byOperation.AddFactuur).toBe(1);
    await control('faults', { rate: 0 });
    // the drop happened after the commit: looking the number up tells the outcome
    expect((await client.findInvoice(draft.number))?.number).toBe(draft.number);
  });

  it('the monthly GetMutaties quota is a limit error (E003.1)', async () => {
    await control('reset', { seed: 'demo', config: { soapMutationCallsPerMonth: 1 } });
    const client = soap();
    await collect(client.listMutations({ afterId: 1_000_000_000 }));
    expect(await caught(collect(client.listMutations()))).toMatchObject({ kind: 'limit', code: 'E003.1' });
    await control('reset', { seed: 'demo' });
  });

  it('an unreachable service is a network error', async () => {
    const e = await caught(soap({ baseUrl: 'http://127.0.0.1:9', retries: 1, retryBaseMs: 1 }).open());
    expect(e).toMatchObject({ kind: 'network' });
  });
});

describe('SOAP against the large seed', () => {
  beforeAll(async () => {
    await control('reset', { seed: 'large' });
  }, 60_000);

  it('reports the 2,000 cap on relations and products, recommending an API token', async () => {
    const client = soap();
    const relations = await collect(client.listRelations());
    expect(relations.items).toHaveLength(2000);
    expect(relations.truncated).toMatchObject({
      operation: 'GetRelaties',
      received: 2000,
      limit: 2000,
      message: expect.stringMatching(/API token/),
    });
    const products = await collect(client.listProducts());
    expect(products.items).toHaveLength(2000);
    expect(products.truncated).toMatchObject({ operation: 'GetArtikelen', received: 2000, limit: 2000 });
    await client.close();
  });

  it('delivers all 60,000 mutations through windows, surviving a session expiry between pages', async () => {
    const state = await control('state');
    expect(state.counts.mutations).toBe(60_000);
    await control('stats/reset', {});
    const client = soap();
    let count = 0;
    let last = 0;
    let pages = 0;
    let outOfOrder = 0;
    for await (const page of client.listMutations()) {
      pages++;
      for (const m of page.items) {
        if (m.id <= last) outOfOrder++;
        last = m.id;
      }
      count += page.items.length;
      expect(page.rejected ?? []).toEqual([]);
      if (pages === 3) await control('expire-sessions', {});
    }
    expect(count).toBe(60_000);
    expect(outOfOrder).toBe(0);
    const stats = await control('stats');
    expect(stats.byOperation.OpenSession).toBe(2);
    const calls: number = stats.byOperation.GetMutaties;
    // 120 windows of 500, plus the first open-ended request and the one repeated after renewal
    expect(calls).toBeLessThanOrEqual(123);
    await client.close();
  }, 120_000);
});
