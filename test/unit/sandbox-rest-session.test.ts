import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ seed: 'empty' });
});
afterAll(() => sb.close());
beforeEach(() => sb.reset('empty'));

function openSession(body: unknown) {
  return fetch(`${sb.url}/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}
const ledgers = (authorization?: string) =>
  fetch(`${sb.url}/v1/ledger`, { headers: authorization === undefined ? {} : { Authorization: authorization } });

describe('REST sessions', () => {
  it('gives a session token and expiresIn from config; the token works raw and with Bearer', async () => {
    await sb.config({ restSessionTtlSeconds: 1234 });
    const res = await openSession({ accessToken: 'sandbox-token', source: 'Companion' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; expiresIn: number };
    expect(body.expiresIn).toBe(1234);
    expect(body.token).toMatch(/^\S{16,}$/);
    expect((await ledgers(body.token)).status).toBe(200);
    expect((await ledgers(`Bearer ${body.token}`)).status).toBe(200);
  });

  it.each([
    [{ accessToken: 'sandbox-token' }, 'API_SESSION_001'],
    [{ accessToken: 'sandbox-token', source: '' }, 'API_SESSION_001'],
    [{ accessToken: 'sandbox-token', source: 'my-app' }, 'API_SESSION_002'],
    [{ accessToken: 'sandbox-token', source: 'elevenchars' }, 'API_SESSION_002'],
    [{ source: 'app' }, 'API_SESSION_003'],
    [{ accessToken: '  ', source: 'app' }, 'API_SESSION_003'],
  ])('rejects %j with %s', async (body, code) => {
    const res = await openSession(body);
    expect(res.status).toBe(400);
    const error = (await res.json()) as {
      code: string;
      type: string;
      title: string;
      status: number;
      propertyName: string;
    };
    expect(error).toMatchObject({ code, type: 'validation', status: 400 });
    expect(error.title.length).toBeGreaterThan(0);
  });

  it('accepts an underscore and spaces in source', async () => {
    expect((await openSession({ accessToken: 'sandbox-token', source: 'my_app 1' })).status).toBe(200);
  });

  it('rejects a wrong API token as a security error without echoing it', async () => {
    const res = await openSession({ accessToken: 'not-the-token', source: 'app' });
    expect(res.status).toBe(403);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ type: 'security', code: 'API_SESSION_004' });
    expect(text).not.toContain('not-the-token');
  });

  it('honours a configured API token', async () => {
    await sb.reset('empty', { apiToken: 'other-token' });
    expect((await openSession({ accessToken: 'sandbox-token', source: 'app' })).status).toBe(403);
    expect((await openSession({ accessToken: 'other-token', source: 'app' })).status).toBe(200);
  });

  it('answers 401 SECURITY_010 without, with an unknown and with an expired token', async () => {
    for (const auth of [undefined, 'unknown-token', 'Bearer unknown-token']) {
      const res = await ledgers(auth);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ code: 'SECURITY_010', status: 401 });
    }
    const token = await sb.restToken();
    expect(await sb.expireSessions()).toBe(1);
    const res = await ledgers(token);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'SECURITY_010' });
    // A new session works again.
    expect((await ledgers(await sb.restToken())).status).toBe(200);
  });

  it('expires a session after its TTL', async () => {
    await sb.config({ restSessionTtlSeconds: 60 });
    const token = await sb.restToken();
    expect((await ledgers(token)).status).toBe(200);
    const realNow = sb.ctx.sessions.now;
    sb.ctx.sessions.now = () => realNow() + 61_000;
    try {
      expect((await ledgers(token)).status).toBe(401);
    } finally {
      sb.ctx.sessions.now = realNow;
    }
  });

  it('DELETE /v1/session ends the session', async () => {
    const token = await sb.restToken();
    const res = await fetch(`${sb.url}/v1/session`, { method: 'DELETE', headers: { Authorization: token } });
    expect(res.status).toBe(204);
    expect((await ledgers(token)).status).toBe(401);
    const again = await fetch(`${sb.url}/v1/session`, { method: 'DELETE', headers: { Authorization: token } });
    expect(again.status).toBe(401);
  });

  it('a reset drops every session', async () => {
    const token = await sb.restToken();
    await sb.reset('empty');
    expect((await ledgers(token)).status).toBe(401);
  });

  it('counts session creation in stats', async () => {
    await sb.restToken();
    await openSession({ accessToken: 'x', source: 'a-b' });
    const stats = await sb.stats();
    expect(stats.byOperation['POST /v1/session']).toBe(2);
  });
});
