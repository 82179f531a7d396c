/**
 * Imports against the sandbox over real HTTP, through the real transports (createEBoekhouden),
 * with the demo seed and both connection kinds.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IMPORT_STEPS, isHourUnit, getConnectionState, autoSyncAllowed, runSync, saveSettings, testConnection } from '../../lib/sync/index';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { connect, control, expectSameAsSandbox, expected, newDb, settingsFor, type Kind } from './sync-import-helpers';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ seed: 'demo' });
});
afterAll(async () => {
  await sb?.close();
});
beforeEach(async () => {
  await control(sb, 'reset', { seed: 'demo' });
});

const KINDS: Kind[] = ['token', 'securityCodes'];

describe.each(KINDS)('import of the demo administration with %s', (kind) => {
  it('imports every record, with the hour rule and the free fields', async () => {
    const db = newDb(`ci-demo-${kind}`);
    await connect(db, sb, kind);
    const run = await runSync({ db, trigger: 'manual', steps: IMPORT_STEPS });
    expect(run.error).toBeUndefined();
    expect(run.result).toBe('ok');
    await expectSameAsSandbox(db, sb, { templates: kind === 'token' });

    // Every product with an hour unit is an hour type, with the product's VAT code and counter account.
    const e = expected(sb);
    expect(e.hourProducts).toBeGreaterThan(0);
    const ledgerCode = (id: number) => sb.ctx.store.ledgers.get(id)?.code;
    for (const p of sb.ctx.store.products.values()) {
      const table = (await db.hourTypes.where('remoteId').equals(p.id).first()) ? 'hourTypes' : 'materials';
      const row = (await db[table].where('remoteId').equals(p.id).first())!;
      expect(table, `${p.code} (${e.unitOf(p.unitId)})`).toBe(isHourUnit(e.unitOf(p.unitId)) ? 'hourTypes' : 'materials');
      expect(row.vatCode).toBe(p.vat || undefined);
      expect(row.ledgerCode).toBe(ledgerCode(p.ledgerId));
      expect(row.unit).toBe(e.unitOf(p.unitId));
    }
    // Customers carry their details, also with REST's thin lists.
    const sample = [...sb.ctx.store.relations.values()][3];
    const c = (await db.customers.where('remoteId').equals(sample.id).first())!;
    expect(c).toMatchObject({ code: sample.code, name: sample.name, origin: 'eboekhouden' });
    expect(c.city ?? '').toBe(sample.city);
  });

  it('a second run with nothing changed creates and updates nothing', async () => {
    const db = newDb(`ci-demo-again-${kind}`);
    await connect(db, sb, kind);
    await runSync({ db, trigger: 'manual', steps: IMPORT_STEPS });
    const second = await runSync({ db, trigger: 'manual', steps: IMPORT_STEPS });
    expect(second.result).toBe('ok');
    for (const s of second.steps) expect({ step: s.step, changed: s.created + s.updated }).toEqual({ step: s.step, changed: 0 });
    await expectSameAsSandbox(db, sb, { templates: kind === 'token' });
  });

  it('logs a product corrupted upstream and imports the rest', async () => {
    const db = newDb(`ci-corrupt-${kind}`);
    await connect(db, sb, kind);
    const victim = [...sb.ctx.store.products.values()][2];
    await control(sb, 'corrupt', { entity: 'product', id: victim.id, field: 'priceExcl', value: 'not-a-number' });
    const run = await runSync({ db, trigger: 'manual', steps: IMPORT_STEPS });
    expect(run.result).toBe('warning');
    const products = run.problems.filter((p) => p.step === 'products');
    expect(products).toHaveLength(1);
    expect(products[0].nl.length).toBeGreaterThan(20);
    expect(products[0].en.length).toBeGreaterThan(20);
    const e = expected(sb);
    expect((await db.materials.count()) + (await db.hourTypes.count())).toBe(e.products - 1);
    expect(await db.customers.count()).toBe(e.relations);
    expect(await db.transactions.count()).toBe(e.mutations);
  });

  it('wrong credentials: needs reconnect, auto-sync paused; new credentials resume', async () => {
    const db = newDb(`ci-auth-${kind}`);
    const good = settingsFor(sb, kind);
    const bad =
      good.connection!.kind === 'token'
        ? { ...good, connection: { kind: 'token' as const, apiToken: 'not-the-token' } }
        : { ...good, connection: { ...good.connection!, securityCode1: 'ffffffffffffffffffffffffffffffff' } };
    expect((await saveSettings(db, bad)).ok).toBe(true);
    const failed = await runSync({ db, trigger: 'alarm', steps: IMPORT_STEPS });
    expect(failed.result).toBe('failed');
    expect(failed.error?.kind).toBe('auth');
    expect((await getConnectionState(db)).status).toBe('needsReconnect');
    expect(await autoSyncAllowed(db)).toBe(false);
    expect(JSON.stringify(failed)).not.toContain(sb.ctx.config.securityCode2);

    const tested = await testConnection(bad as never);
    expect(tested.ok).toBe(false);

    expect((await saveSettings(db, good)).ok).toBe(true);
    expect(await autoSyncAllowed(db)).toBe(true);
    const ok = await runSync({ db, trigger: 'alarm', steps: IMPORT_STEPS });
    expect(ok.result).toBe('ok');
    expect(await db.customers.count()).toBe(expected(sb).relations);
  });
});

describe('testConnection', () => {
  it('accepts the sandbox credentials of both kinds', async () => {
    for (const kind of KINDS) {
      const r = await testConnection(settingsFor(sb, kind));
      expect(r.ok, kind).toBe(true);
    }
  });
});
