/**
 * `/v1/administration` answers EP_001 to anyone who is not an accountant, `/v1/administration/linked`
 * works for everyone: the connection test and the administrations import over the REST transport
 * take the list from the one that answers, and never show EP_001 to an ordinary user.
 */
import { describe, expect, it } from 'vitest';
import { WorkspaceDb } from '../../lib/db';
import { createRestTransport } from '../../lib/eboekhouden/rest';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { testConnection } from '../../lib/sync/connection';
import { runSync, saveSettings } from '../../lib/sync/index';
import { importAdministrations } from '../../lib/sync/imports/index';
import { API_TOKEN, createFake, json, paged, type Fake } from '../helpers/rest-fake';

const settings: Settings = { ...DEFAULT_SETTINGS, connection: { kind: 'token', apiToken: API_TOKEN } };

const ep001 = () =>
  json(400, {
    type: 'validation',
    code: 'EP_001',
    title: 'This endpoint is only available to accountants.',
    status: 400,
  });

function api(fake: Fake) {
  return () =>
    createRestTransport({
      baseUrl: 'http://eb.test',
      credentials: { kind: 'token', apiToken: API_TOKEN },
      fetch: fake.fetch,
      sleep: async () => undefined,
      random: () => 0.5,
    });
}

let dbCount = 0;

describe('administrations for everyone', () => {
  it('the connection test of an ordinary user succeeds with the linked administration', async () => {
    const fake = createFake({
      'GET /v1/administration': ep001,
      'GET /v1/administration/linked': paged([{ guid: 'g-own', company: 'Eigen Bedrijf BV' }]),
    });
    const result = await testConnection(settings, { createApi: api(fake) });
    expect(result).toEqual({ ok: true, administrations: [{ guid: 'g-own', company: 'Eigen Bedrijf BV' }] });
  });

  it('the connection test succeeds with no administrations when neither list answers', async () => {
    const fake = createFake({ 'GET /v1/administration': ep001 });
    expect(await testConnection(settings, { createApi: api(fake) })).toEqual({ ok: true, administrations: [] });
  });

  it('the administrations import stores the linked list, with no problem logged', async () => {
    const db = new WorkspaceDb(`rest-admins-${process.pid}-${Date.now()}-${dbCount++}`);
    expect((await saveSettings(db, settings)).ok).toBe(true);
    const fake = createFake({
      'GET /v1/administration': ep001,
      'GET /v1/administration/linked': paged([{ guid: 'g-own', company: 'Eigen Bedrijf BV' }]),
    });
    const run = await runSync({ db, trigger: 'manual', steps: [importAdministrations], createApi: api(fake) });
    expect(run.result).toBe('ok');
    expect(run.problems).toEqual([]);
    expect(await db.administrations.toArray()).toEqual([{ guid: 'g-own', company: 'Eigen Bedrijf BV' }]);
  });
});
