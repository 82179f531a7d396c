import { describe, expect, it } from 'vitest';
import { collect } from '../../lib/eboekhouden/api';
import { EBoekhoudenError, isDuplicate } from '../../lib/eboekhouden/errors';
import type { NewInvoice } from '../../lib/eboekhouden/types';
import { API_TOKEN, caught, harness, json, lookupRoutes, paged, SESSION_TOKEN } from '../helpers/rest-fake';

const invoice: NewInvoice = {
  number: 'F2024-0001',
  relationCode: 'KL001',
  date: '2024-05-01',
  termOfPayment: 14,
  template: 'Standaard',
  bookInAccounts: true,
  lines: [
    { code: 'ARB', description: 'Arbeid', quantity: 2, pricePerUnit: 50, vatCode: 'HOOG_VERK_21', ledgerCode: '8000' },
  ],
};

const invoiceRoutes = () => ({
  ...lookupRoutes(),
  'GET /v1/relation': paged([{ id: 901, type: 'B', code: 'KL001' }]),
});

const networkDown = () => {
  throw new TypeError('fetch failed');
};

describe('REST errors', () => {
  it('a 400 Error body is a validation error with its code, propertyName as field and its message', async () => {
    const { transport } = harness({
      'POST /v1/relation': () =>
        json(400, {
          type: 'validation',
          code: 'REL_002',
          title: 'Validation failed',
          message: 'Name is mandatory.',
          propertyName: 'name',
          status: 400,
        }),
    });
    const error = await caught(transport.createRelation({ code: 'X1', type: 'B', name: 'Valid here' }));
    expect(error).toBeInstanceOf(EBoekhoudenError);
    expect(error).toMatchObject({
      kind: 'validation',
      code: 'REL_002',
      field: 'name',
      status: 400,
      operation: 'POST /v1/relation',
    });
    expect((error as Error).message).toContain('Name is mandatory.');
  });

  it('PAGE_* and EP_001 are validation errors with their code', async () => {
    const page = harness({
      'GET /v1/relation': () =>
        json(400, { type: 'validation', code: 'PAGE_001', title: 'Limit must be between 1 and 2000.', status: 400 }),
    });
    expect(await caught(collect(page.transport.listRelations()))).toMatchObject({
      kind: 'validation',
      code: 'PAGE_001',
    });

    const ep = harness({
      'GET /v1/administration': () =>
        json(400, {
          type: 'validation',
          code: 'EP_001',
          title: 'This endpoint is only available to accountants.',
          status: 400,
        }),
    });
    const error = await caught(ep.transport.listAdministrations());
    expect(error).toMatchObject({ kind: 'validation', code: 'EP_001', operation: 'GET /v1/administration' });
    expect((error as Error).message).toContain('only available to accountants');
  });

  it('a 404 is a validation error with the code as sent', async () => {
    const { transport } = harness({
      'GET /v1/relation/{id}': () =>
        json(404, { type: 'notfound', code: 'REL_055', title: 'Relation not found.', status: 404 }),
    });
    expect(await caught(transport.getRelation(77))).toMatchObject({ kind: 'validation', code: 'REL_055', status: 404 });
  });

  it('a 500 is an upstream error and a read is not retried for it; a write gets outcomeUnknown', async () => {
    const read = harness({
      'GET /v1/relation': () =>
        json(500, { type: 'error', code: 'ERR_001', title: 'Something went wrong.', status: 500 }),
    });
    expect(await caught(collect(read.transport.listRelations()))).toMatchObject({
      kind: 'upstream',
      code: 'ERR_001',
      status: 500,
    });
    expect(read.fake.callsTo('GET /v1/relation')).toHaveLength(1);

    const write = harness({
      ...invoiceRoutes(),
      'POST /v1/invoice': () => new Response('Internal Server Error', { status: 500 }),
    });
    const error = await caught(write.transport.createInvoice(invoice));
    expect(error).toMatchObject({ kind: 'upstream', status: 500, outcomeUnknown: true });
    expect(write.fake.callsTo('POST /v1/invoice')).toHaveLength(1);
  });

  it('429 + Retry-After is honoured for reads and writes (the injected sleep records the wait)', async () => {
    const { transport, fake, sleeps } = harness({
      ...invoiceRoutes(),
      'GET /v1/ledger': (call, nth) =>
        nth === 0 ? json(429, { title: 'Too many requests' }, { 'Retry-After': '3' }) : paged([])(call, nth),
      'POST /v1/invoice': (_call, nth) =>
        nth === 0
          ? json(429, { title: 'Too many requests' }, { 'Retry-After': '2' })
          : json(201, { id: 5, invoiceNumber: 'F2024-0001', inExVat: 'EX' }),
    });
    await collect(transport.listLedgerAccounts());
    expect(sleeps).toEqual([3000]);
    // The lookups for the invoice need ledgers: serve them now.
    fake.on(
      'GET /v1/ledger',
      paged([
        { id: 1, code: '8000', description: 'Omzet', category: 'VW' },
        { id: 2, code: '1300', description: 'Deb', category: 'DEB' },
      ]),
    );
    expect(await transport.createInvoice(invoice)).toEqual({ number: 'F2024-0001', id: 5 });
    expect(sleeps).toEqual([3000, 2000]);
    expect(fake.callsTo('POST /v1/invoice')).toHaveLength(2);
  });

  it('429 that does not stop becomes a limit error after the bounded retries', async () => {
    const { transport, fake, sleeps } = harness(
      { 'GET /v1/relation': () => json(429, {}, { 'Retry-After': '1' }) },
      { retries: 2 },
    );
    const error = await caught(collect(transport.listRelations()));
    expect(error).toMatchObject({ kind: 'limit', status: 429, retryAfterMs: 1000 });
    expect(fake.callsTo('GET /v1/relation')).toHaveLength(3);
    expect(sleeps).toEqual([1000, 1000]);
  });

  it('network failures on reads are retried a bounded number of times with jittered backoff', async () => {
    const randoms = [0, 1, 0.25];
    const { transport, fake, sleeps } = harness(
      { 'GET /v1/relation': networkDown },
      { retries: 3, retryBaseMs: 100, random: () => randoms.shift() ?? 0.5 },
    );
    const error = await caught(collect(transport.listRelations()));
    expect(error).toMatchObject({ kind: 'network', outcomeUnknown: false, operation: 'GET /v1/relation' });
    expect(fake.callsTo('GET /v1/relation')).toHaveLength(4);
    // base·2^attempt·(0.5 + random): jitter spreads the waits, the exponent grows them.
    expect(sleeps).toEqual([50, 300, 300]);
  });

  it('a read that fails once and then answers succeeds', async () => {
    const serve = paged([{ id: 1, type: 'B', code: 'A' }]);
    const { transport } = harness({
      'GET /v1/relation': (call, nth) => (nth === 0 ? networkDown() : serve(call, nth)),
    });
    expect((await collect(transport.listRelations())).items).toHaveLength(1);
  });

  it('a write is never retried after a network failure: outcomeUnknown, one attempt, no wait', async () => {
    const { transport, fake, sleeps } = harness({ ...invoiceRoutes(), 'POST /v1/invoice': networkDown });
    const error = await caught(transport.createInvoice(invoice));
    expect(error).toMatchObject({ kind: 'network', outcomeUnknown: true, operation: 'POST /v1/invoice' });
    expect(fake.callsTo('POST /v1/invoice')).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('a duplicate invoice number (FACT_101) is recognised as a duplicate', async () => {
    const { transport } = harness({
      ...invoiceRoutes(),
      'POST /v1/invoice': () =>
        json(400, {
          type: 'validation',
          code: 'FACT_101',
          title: 'Invoice number is in use.',
          propertyName: 'invoiceNumber',
          status: 400,
        }),
    });
    const error = await caught(transport.createInvoice(invoice));
    expect(error).toMatchObject({ kind: 'validation', code: 'FACT_101', field: 'invoiceNumber' });
    expect(isDuplicate(error)).toBe(true);
  });

  it('no secret appears in any error message or toJSON(), even when the service echoes one', async () => {
    const echo = (status: number) => () =>
      json(status, {
        type: 'validation',
        code: 'ERR_002',
        title: 'Bad',
        message: `Rejected ${API_TOKEN} with Authorization: ${SESSION_TOKEN}`,
        status,
      });
    const scenarios: (() => Promise<unknown>)[] = [
      () => harness({ 'POST /v1/session': echo(400) }).transport.open(),
      () => harness({ 'POST /v1/session': echo(403) }).transport.open(),
      () => harness({ 'POST /v1/session': networkDown }, { retries: 0 }).transport.open(),
      () => collect(harness({ 'GET /v1/relation': echo(400) }).transport.listRelations()),
      () => collect(harness({ 'GET /v1/relation': echo(500) }).transport.listRelations()),
      () => collect(harness({ 'GET /v1/relation': networkDown }, { retries: 0 }).transport.listRelations()),
      () => collect(harness({ 'GET /v1/relation': () => json(401, {}) }).transport.listRelations()),
      () => harness({ ...invoiceRoutes(), 'POST /v1/invoice': echo(400) }).transport.createInvoice(invoice),
      () => harness({ ...invoiceRoutes(), 'POST /v1/invoice': networkDown }).transport.createInvoice(invoice),
      () => harness({ 'POST /v1/session': () => json(200, { token: 42, expiresIn: 1 }) }).transport.open(),
    ];
    for (const run of scenarios) {
      const error = (await caught(run())) as EBoekhoudenError;
      expect(error).toBeInstanceOf(EBoekhoudenError);
      for (const text of [error.message, JSON.stringify(error.toJSON()), String(error)]) {
        expect(text).not.toContain(API_TOKEN);
        expect(text).not.toContain(SESSION_TOKEN);
      }
    }
  });
});
