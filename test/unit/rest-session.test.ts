import { afterEach, describe, expect, it, vi } from 'vitest';
import { collect } from '../../lib/eboekhouden/api';
import { API_TOKEN, caught, harness, json, lookupRoutes, paged, SESSION_TOKEN } from '../helpers/rest-fake';

const relations = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1, type: 'B', code: `R${i + 1}` }));

afterEach(() => {
  vi.useRealTimers();
});

describe('REST session', () => {
  it('starts a session with the API token and default source, then sends the session token raw', async () => {
    const { transport, fake } = harness(lookupRoutes());
    await collect(transport.listLedgerAccounts());
    const [start, list] = fake.calls;
    expect(start).toMatchObject({
      method: 'POST',
      path: '/v1/session',
      body: { accessToken: API_TOKEN, source: 'BoekhoudC' },
    });
    expect(start.headers.authorization).toBeUndefined();
    expect(list.headers.authorization).toBe(SESSION_TOKEN);
  });

  it('uses the configured source, and refuses one the service would refuse without sending anything', async () => {
    const ok = harness(lookupRoutes(), { source: 'My_App 1' });
    await ok.transport.open();
    expect(ok.fake.calls[0].body).toMatchObject({ source: 'My_App 1' });

    for (const source of ['Boekhoud-C', 'ElevenChars', '']) {
      const bad = harness(lookupRoutes(), { source });
      const error = await caught(bad.transport.open());
      expect(error).toMatchObject({ kind: 'validation', code: 'API_SESSION_002', field: 'source' });
      expect(bad.fake.calls).toHaveLength(0);
    }
  });

  it('reuses one session for many calls, also when they start at the same time', async () => {
    const { transport, fake } = harness(lookupRoutes());
    await Promise.all([
      collect(transport.listLedgerAccounts()),
      collect(transport.listInvoiceTemplates()),
      transport.open(),
    ]);
    await collect(transport.listLedgerAccounts());
    expect(fake.callsTo('POST /v1/session')).toHaveLength(1);
  });

  it('renews the session shortly before it expires, not after', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T10:00:00Z'));
    let n = 0;
    const { transport, fake } = harness({
      ...lookupRoutes(),
      'POST /v1/session': () => json(200, { token: `session-${++n}`, expiresIn: 3600 }),
    });
    await transport.open();
    vi.setSystemTime(new Date('2026-01-01T10:58:00Z')); // 2 min left: still fine
    await collect(transport.listLedgerAccounts());
    vi.setSystemTime(new Date('2026-01-01T10:59:30Z')); // 30 s left: renew first
    await collect(transport.listLedgerAccounts());
    expect(fake.callsTo('POST /v1/session')).toHaveLength(2);
    expect(fake.callsTo('GET /v1/ledger').map((c) => c.headers.authorization)).toEqual(['session-1', 'session-2']);
  });

  it('a 401 in the middle of a listing renews the session once and the listing completes whole', async () => {
    let n = 0;
    const serve = paged(relations(5));
    const { transport, fake } = harness(
      {
        'POST /v1/session': () => json(200, { token: `session-${++n}`, expiresIn: 3600 }),
        'GET /v1/relation': (call, nth) =>
          nth === 1
            ? json(401, { type: 'security', code: 'SECURITY_010', title: 'Not authenticated.', status: 401 })
            : serve(call, nth),
      },
      { pageSize: 2 },
    );
    const { items } = await collect(transport.listRelations());
    expect(items.map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
    expect(fake.callsTo('POST /v1/session')).toHaveLength(2);
    expect(fake.callsTo('GET /v1/relation').map((c) => [c.query.get('offset'), c.headers.authorization])).toEqual([
      ['0', 'session-1'],
      ['2', 'session-1'],
      ['2', 'session-2'],
      ['4', 'session-2'],
    ]);
  });

  it('a second 401 right after renewing is a session error: one renewal, one retry, no loop', async () => {
    const { transport, fake } = harness({
      'GET /v1/relation': () =>
        json(401, { type: 'security', code: 'SECURITY_010', title: 'Not authenticated.', status: 401 }),
    });
    const error = await caught(collect(transport.listRelations()));
    expect(error).toMatchObject({ kind: 'session', code: 'SECURITY_010', status: 401, operation: 'GET /v1/relation' });
    expect(fake.callsTo('POST /v1/session')).toHaveLength(2);
    expect(fake.callsTo('GET /v1/relation')).toHaveLength(2);
  });

  it.each([
    [400, 'API_SESSION_004', 'Access token has expired.'],
    [400, 'API_SESSION_003', 'Access token is missing or empty.'],
    [403, undefined, 'Forbidden'],
    [401, 'SECURITY_010', 'Not authenticated.'],
  ])('a refused token (HTTP %i %s) is an auth error and is never retried', async (status, code, title) => {
    const { transport, fake, sleeps } = harness({
      'POST /v1/session': () => json(status, { type: 'security', code, title, status }),
    });
    const error = await caught(collect(transport.listRelations()));
    expect(error).toMatchObject({ kind: 'auth', operation: 'POST /v1/session', status });
    if (code) expect(error).toMatchObject({ code });
    expect(fake.calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect((error as Error).message).toMatch(/reconnect/);
  });

  it('a refused source is a validation error naming the field, and a wrong base URL is not blamed on the token', async () => {
    const source = harness({
      'POST /v1/session': () =>
        json(400, {
          type: 'validation',
          code: 'API_SESSION_002',
          title: 'Source does not match pattern.',
          propertyName: 'source',
          status: 400,
        }),
    });
    expect(await caught(source.transport.open())).toMatchObject({
      kind: 'validation',
      code: 'API_SESSION_002',
      field: 'source',
    });

    const nowhere = harness({ 'POST /v1/session': () => json(404, { title: 'Not Found', status: 404 }) });
    const error = await caught(nowhere.transport.open());
    expect(error).toMatchObject({ kind: 'upstream', status: 404 });
  });

  it('a 403 on a call is an auth error, not retried and no new session', async () => {
    const { transport, fake } = harness({
      'GET /v1/relation/{id}': () =>
        json(403, {
          type: 'security',
          code: 'SECURITY_003',
          title: 'No access to the requested administration.',
          status: 403,
          securityType: 1,
        }),
    });
    const error = await caught(transport.getRelation(1));
    expect(error).toMatchObject({ kind: 'auth', code: 'SECURITY_003', status: 403 });
    expect(fake.callsTo('GET /v1/relation/{id}')).toHaveLength(1);
    expect(fake.callsTo('POST /v1/session')).toHaveLength(1);
  });

  it('a session answer without a token is an upstream error naming the field', async () => {
    const { transport } = harness({ 'POST /v1/session': () => json(200, { expiresIn: 3600 }) });
    expect(await caught(transport.open())).toMatchObject({
      kind: 'upstream',
      operation: 'POST /v1/session',
      field: 'token',
    });
  });

  it('close() ends the session with DELETE and the token; a later call opens a new one', async () => {
    const { transport, fake } = harness(lookupRoutes());
    await transport.open();
    await transport.close();
    const del = fake.callsTo('DELETE /v1/session');
    expect(del).toHaveLength(1);
    expect(del[0].headers.authorization).toBe(SESSION_TOKEN);
    await collect(transport.listLedgerAccounts());
    expect(fake.callsTo('POST /v1/session')).toHaveLength(2);
  });

  it('close() never throws: not opened, a failing DELETE, an unreachable service', async () => {
    const idle = harness();
    await expect(idle.transport.close()).resolves.toBeUndefined();
    expect(idle.fake.calls).toHaveLength(0);

    const failing = harness({ 'DELETE /v1/session': () => json(500, { title: 'boom', status: 500 }) });
    await failing.transport.open();
    await expect(failing.transport.close()).resolves.toBeUndefined();

    const down = harness({
      'DELETE /v1/session': () => {
        throw new TypeError('fetch failed');
      },
    });
    await down.transport.open();
    await expect(down.transport.close()).resolves.toBeUndefined();
    expect(down.fake.callsTo('DELETE /v1/session')).toHaveLength(1);
  });
});
