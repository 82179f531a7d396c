import { describe, expect, it } from 'vitest';
import { KV, WorkspaceDb, type ConnectionState } from '../../lib/db';
import { EBoekhoudenError } from '../../lib/eboekhouden/errors';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { describeError, disconnect, loadSettings, saveSettings, testConnection } from '../../lib/sync/index';
import { FakeEBoekhouden, fakeData } from '../helpers/sync-fake-api';
import { say } from '../../lib/i18n/translate';

let n = 0;
const newDb = () => new WorkspaceDb(`sync-connection-${process.pid}-${Date.now()}-${n++}`);

describe('settings', () => {
  it('gives the defaults when nothing is stored, and fills fields added later', async () => {
    const db = newDb();
    expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
    const { refreshDays: _dropped, ...older } = { ...DEFAULT_SETTINGS, autoSync: false };
    await db.kv.put({ key: KV.settings, value: older });
    const loaded = await loadSettings(db);
    expect(loaded.autoSync).toBe(false);
    expect(loaded.refreshDays).toBe(DEFAULT_SETTINGS.refreshDays);
  });

  it('refuses invalid settings with a message per field and stores nothing', async () => {
    const db = newDb();
    const r = await saveSettings(db, {
      ...DEFAULT_SETTINGS,
      proxyUrl: 'ftp://x',
      connection: { kind: 'securityCodes', username: '', securityCode1: 'xyz', securityCode2: 'nope' },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual([
      'connection.securityCode1',
      'connection.securityCode2',
      'connection.username',
      'proxyUrl',
    ]);
    expect(await db.kv.get(KV.settings)).toBeUndefined();
  });

  it('marks the connection configured when credentials are saved and not configured when removed', async () => {
    const db = newDb();
    await saveSettings(db, { ...DEFAULT_SETTINGS, connection: { kind: 'token', apiToken: 'abc-token' } });
    expect(((await db.kv.get(KV.connection))?.value as ConnectionState).status).toBe('ok');
    await saveSettings(db, { ...DEFAULT_SETTINGS, connection: null });
    expect(((await db.kv.get(KV.connection))?.value as ConnectionState).status).toBe('notConfigured');
  });

  it('disconnect forgets credentials and every record', async () => {
    const db = newDb();
    await saveSettings(db, { ...DEFAULT_SETTINGS, connection: { kind: 'token', apiToken: 'abc-token' } });
    await db.customers.add({ code: 'K1', type: 'B', name: 'x', status: 'active', origin: 'workspace', updatedAt: 1 });
    await disconnect(db);
    expect(await db.customers.count()).toBe(0);
    expect((await loadSettings(db)).connection).toBeNull();
  });
});

describe('testConnection', () => {
  it('is ok with accepted credentials and lists administrations for accountants', async () => {
    const data = fakeData();
    const settings = { ...DEFAULT_SETTINGS, connection: { kind: 'token' as const, apiToken: 't' } };
    expect(await testConnection(settings, { createApi: () => new FakeEBoekhouden(data) })).toEqual({
      ok: true,
      administrations: [],
    });
    data.administrations = [{ guid: 'g-1', company: 'Kantoor' }];
    expect(await testConnection(settings, { createApi: () => new FakeEBoekhouden(data) })).toEqual({
      ok: true,
      administrations: data.administrations,
    });
  });

  it('explains refused credentials in Dutch and English', async () => {
    const api = new FakeEBoekhouden(fakeData(), { kind: 'soap' });
    api.rejectCredentials = true;
    const r = await testConnection(
      { ...DEFAULT_SETTINGS, connection: { kind: 'token', apiToken: 't' } },
      { createApi: () => api },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ kind: 'auth', code: 'E001.1' });
    expect(r.error).toMatchObject({ key: 'error.code.E001.1' });
    expect(say('nl', r.error)).toMatch(/Beveiligingscode 1/);
    expect(say('en', r.error)).toMatch(/Security Code 1/);
  });
});

describe('describeError', () => {
  it('gives the fix per kind and code, and never repeats a secret', () => {
    const expired = describeError(
      new EBoekhoudenError('token expired', { kind: 'auth', code: 'API_SESSION_004', operation: 'POST /v1/session' }),
    );
    expect(say('en', expired)).toMatch(/new token/);
    const network = describeError(
      new EBoekhoudenError('Could not reach', { kind: 'network', operation: 'GET /v1/relation' }),
    );
    expect(say('nl', network)).toMatch(/proxy/);
    const leaky = describeError(
      new EBoekhoudenError('refused <SecurityCode2>1A2B3C4D-0000-1111-2222-333344445555</SecurityCode2>', {
        kind: 'validation',
        operation: 'AddFactuur',
      }),
    );
    expect(say('en', leaky)).not.toContain('1A2B3C4D-0000-1111-2222-333344445555');
    expect(describeError(new Error('x'))).toMatchObject({ kind: 'unknown' });
  });

  it("explains the proxy's own refusals in Dutch too, without an English aside", async () => {
    const { createHttp } = await import('../../lib/eboekhouden/http');
    // The proxy's error names (proxy/app.ts); test/unit/http-proxy.test.ts runs the real proxy.
    const proxyError: Record<number, string> = {
      401: 'proxy_token_required',
      403: 'origin_not_allowed',
      404: 'not_found',
      413: 'body_too_large',
    };
    const refusals: Array<[number, string]> = [
      [401, 'proxytoken'],
      [403, 'ALLOWED_EXTENSION_IDS'],
      [404, 'proxyadres'],
      [413, 'te groot'],
    ];
    for (const [status, dutch] of refusals) {
      const http = createHttp({
        baseUrl: 'http://proxy.test',
        credentials: { kind: 'token', apiToken: 't' },
        retries: 0,
        fetch: async () =>
          new Response(JSON.stringify({ error: proxyError[status], message: 'refused' }), {
            status,
            headers: { 'Content-Type': 'application/json' },
          }),
      });
      const error = await http
        .send({
          operation: 'POST /v1/invoice',
          url: 'http://proxy.test/v1/invoice',
          method: 'POST',
          body: '{}',
          write: true,
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      const text = describeError(error);
      expect(say('nl', text), `HTTP ${status}`).toContain(dutch);
      expect(say('nl', text), `HTTP ${status}`).not.toMatch(/nothing was sent|The proxy/);
    }
  });
});
