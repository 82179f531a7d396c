/**
 * Imports against the sandbox over real HTTP, through the real transports (createEBoekhouden),
 * with the demo seed and both connection kinds.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  IMPORT_STEPS,
  isHourUnit,
  getConnectionState,
  autoSyncAllowed,
  runSync,
  saveSettings,
  testConnection,
} from '../../lib/sync/index';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import { createEBoekhouden, type EBoekhouden } from '../../lib/eboekhouden/index';
import { transportOptions } from '../../lib/settings';
import { connect, expectSameAsSandbox, expected, newDb, settingsFor, type Kind } from '../helpers/sync-import';
import { say } from '../../lib/i18n/translate';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ seed: 'demo' });
});
afterAll(async () => {
  await sb?.close();
});
beforeEach(async () => {
  await sb.reset('demo');
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
      expect(table, `${p.code} (${e.unitOf(p.unitId)})`).toBe(
        isHourUnit(e.unitOf(p.unitId)) ? 'hourTypes' : 'materials',
      );
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
    for (const s of second.steps)
      expect({ step: s.step, changed: s.created + s.updated }).toEqual({ step: s.step, changed: 0 });
    await expectSameAsSandbox(db, sb, { templates: kind === 'token' });
  });

  it('logs a product corrupted upstream and imports the rest', async () => {
    const db = newDb(`ci-corrupt-${kind}`);
    await connect(db, sb, kind);
    const victim = [...sb.ctx.store.products.values()][2];
    await sb.corrupt('product', victim.id, 'priceExcl', 'not-a-number');
    const run = await runSync({ db, trigger: 'manual', steps: IMPORT_STEPS });
    expect(run.result).toBe('warning');
    const products = run.problems.filter((p) => p.step === 'products');
    expect(products).toHaveLength(1);
    expect(say('nl', products[0]).length).toBeGreaterThan(20);
    expect(say('en', products[0]).length).toBeGreaterThan(20);
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

describe.each(KINDS)('a run cancelled at many points with %s, then completed', (kind) => {
  it('loses nothing and doubles nothing', async () => {
    const db = newDb(`ci-cancel-${kind}`);
    await connect(db, sb, kind);
    let random = 7;
    const nextRandom = () => (random = (random * 48271) % 2147483647) / 2147483647;
    // Requests a full demo import makes: REST reads each relation and product; SOAP lists carry them.
    const requestsInFullRun = kind === 'token' ? 80 : 7;
    let cancelled = 0;
    for (let attempt = 0; attempt < 6; attempt++) {
      const cancel = new AbortController();
      const stopAt = 1 + Math.floor(nextRandom() * requestsInFullRun);
      let calls = 0;
      const tick = () => {
        if (++calls === stopAt) cancel.abort();
      };
      const run = await runSync({
        db,
        trigger: 'manual',
        steps: IMPORT_STEPS,
        signal: cancel.signal,
        // Small REST pages, so the abort lands between pages of one listing too.
        createApi: (s) => countingApi(createEBoekhouden({ ...transportOptions(s), pageSize: 50 }), tick),
      });
      expect(['cancelled', 'ok']).toContain(run.result);
      if (run.result === 'cancelled') cancelled++;
    }
    expect(cancelled).toBeGreaterThanOrEqual(4);
    const last = await runSync({ db, trigger: 'manual', steps: IMPORT_STEPS });
    expect(last.result).toBe('ok');
    await expectSameAsSandbox(db, sb, { templates: kind === 'token' });
    const created = (await db.syncLog.toArray())
      .flatMap((r) => r.steps)
      .filter((st) => st.step === 'transactions')
      .reduce((n, st) => n + st.created, 0);
    expect(created).toBe(expected(sb).mutations);
  });
});

/** Calls `tick` before every request-like call: each method call and each page of a listing. */
function countingApi(inner: EBoekhouden, tick: () => void): EBoekhouden {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || prop === 'open' || prop === 'close') return value;
      return (...args: unknown[]) => {
        const out = value.apply(target, args);
        if (out && typeof out === 'object' && Symbol.asyncIterator in out) {
          return (async function* () {
            for await (const page of out as AsyncIterable<unknown>) {
              tick();
              yield page;
            }
          })();
        }
        tick();
        return out;
      };
    },
  });
}

describe.each(KINDS)('an accountant connected with %s', (kind) => {
  it('gets the administrations imported; others are not asked again the same day', async () => {
    await sb.reset('demo', { accountant: true });
    const db = newDb(`ci-accountant-${kind}`);
    await connect(db, sb, kind);
    expect((await runSync({ db, trigger: 'manual', steps: IMPORT_STEPS })).result).toBe('ok');
    const expectedGuids = sb.ctx.store.administrations.map((a) => a.guid).sort();
    expect(expectedGuids.length).toBeGreaterThan(0);
    expect((await db.administrations.toCollection().primaryKeys()).sort()).toEqual(expectedGuids);

    await sb.reset('demo', { accountant: false });
    const other = newDb(`ci-not-accountant-${kind}`);
    await connect(other, sb, kind);
    const run = await runSync({ db: other, trigger: 'manual', steps: IMPORT_STEPS });
    expect(run.result).toBe('ok');
    expect(run.problems).toEqual([]);
    await sb.resetStats();
    await runSync({ db: other, trigger: 'alarm', steps: IMPORT_STEPS });
    const ops = Object.keys((await sb.stats()).byOperation);
    if (kind === 'token') {
      // EP_001 on /v1/administration is not an error: /v1/administration/linked answers everyone, and its list is kept.
      expect((await other.administrations.toCollection().primaryKeys()).sort()).toEqual(expectedGuids);
      expect(ops).toContain('GET /v1/administration/linked');
    } else {
      // SOAP has no such list: "only for accountants" (E002.5) is remembered for the day.
      expect(await other.administrations.count()).toBe(0);
      expect(ops.some((op) => /administrati/i.test(op))).toBe(false);
    }
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
