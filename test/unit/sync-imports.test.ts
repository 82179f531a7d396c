import { describe, expect, it } from 'vitest';
import { WorkspaceDb } from '../../lib/db';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { IMPORT_STEPS, isHourUnit, runSync, saveSettings } from '../../lib/sync/index';
import { FakeEBoekhouden, fakeData } from '../helpers/sync-fake-api';
import { say } from '../../lib/i18n/translate';

let dbCount = 0;
function newDb() {
  return new WorkspaceDb(`sync-imports-${process.pid}-${Date.now()}-${dbCount++}`);
}

async function connect(db: WorkspaceDb, refreshDays = 7) {
  const r = await saveSettings(db, {
    ...DEFAULT_SETTINGS,
    refreshDays,
    connection: { kind: 'token', apiToken: 'token-for-tests' },
  });
  expect(r.ok).toBe(true);
}

const DAY = 24 * 60 * 60 * 1000;

function run(db: WorkspaceDb, api: FakeEBoekhouden, extra: Partial<Parameters<typeof runSync>[0]> = {}) {
  return runSync({ db, trigger: 'manual', createApi: () => api, steps: IMPORT_STEPS, ...extra });
}

describe('the hour-unit rule', () => {
  it('knows uur, uren, hour, hours and u in any case, and nothing else', () => {
    for (const u of ['uur', 'UUR', 'Uren', 'hour', 'Hours', 'u', 'U', ' uur ']) expect(isHourUnit(u), u).toBe(true);
    for (const u of ['', 'stuk', 'uurtje', 'min', 'dag', 'm', 'us', undefined])
      expect(isHourUnit(u), String(u)).toBe(false);
  });

  for (const kind of ['rest', 'soap'] as const) {
    it(`splits products into hour types and materials, keeping VAT code and counter account (${kind})`, async () => {
      const db = newDb();
      await connect(db);
      const data = fakeData({ products: 18 });
      await run(db, new FakeEBoekhouden(data, { kind }));
      const hourTypes = await db.hourTypes.toArray();
      const materials = await db.materials.toArray();
      expect(hourTypes.map((h) => h.unit).sort()).toEqual(
        data.products
          .filter((p) => isHourUnit(p.unit))
          .map((p) => p.unit)
          .sort(),
      );
      expect(materials).toHaveLength(data.products.length - hourTypes.length);
      expect(materials.some((m) => m.unit === 'uurtje')).toBe(true);
      for (const row of [...hourTypes, ...materials]) {
        const p = data.products.find((x) => x.id === row.remoteId)!;
        expect(row.vatCode).toBe(p.vatCode);
        expect(row.ledgerCode).toBe(p.ledgerCode);
        expect(row.priceExcl).toBe(p.priceExcl);
        expect(row.code).toBe(p.code);
      }
    });
  }

  it('moves a product whose unit changes instead of keeping two copies', async () => {
    const db = newDb();
    await connect(db);
    const data = fakeData({ products: 4 });
    data.products[0].unit = 'stuk';
    const api = new FakeEBoekhouden(data);
    await run(db, api);
    expect(await db.materials.where('remoteId').equals(data.products[0].id).count()).toBe(1);

    data.products[0].unit = 'Uren';
    data.products[0].vatCode = 'LAAG_VERK_9';
    const r = await run(db, api);
    expect(await db.materials.where('remoteId').equals(data.products[0].id).count()).toBe(0);
    const moved = await db.hourTypes.where('remoteId').equals(data.products[0].id).first();
    expect(moved?.vatCode).toBe('LAAG_VERK_9');
    expect((await db.materials.count()) + (await db.hourTypes.count())).toBe(4);
    expect(r.steps.find((s) => s.step === 'products')?.updated).toBe(1);
  });
});

describe('imports keep records that vanish or turn inactive', () => {
  it('marks vanished relations and products gone and inactive ones inactive, never deleting', async () => {
    const db = newDb();
    await connect(db);
    const data = fakeData({ relations: 10, products: 6 });
    const api = new FakeEBoekhouden(data, { kind: 'soap' });
    await run(db, api);
    const goneRelation = data.relations.pop()!;
    const goneProduct = data.products.pop()!;
    data.relations[0].inactive = true;
    data.products[0].active = false;
    await run(db, api);
    expect(await db.customers.count()).toBe(10);
    expect((await db.customers.where('remoteId').equals(goneRelation.id).first())?.status).toBe('gone');
    expect((await db.customers.where('remoteId').equals(data.relations[0].id).first())?.status).toBe('inactive');
    const products = [...(await db.materials.toArray()), ...(await db.hourTypes.toArray())];
    expect(products).toHaveLength(6);
    expect(products.find((p) => p.remoteId === goneProduct.id)?.status).toBe('gone');
    expect(products.find((p) => p.remoteId === data.products[0].id)?.status).toBe('inactive');

    // Back again upstream: active again.
    data.relations.push(goneRelation);
    await run(db, api);
    expect((await db.customers.where('remoteId').equals(goneRelation.id).first())?.status).toBe('active');
  });

  it('closes open items that are no longer listed and updates changed ones', async () => {
    const db = newDb();
    await connect(db);
    const data = fakeData({ openItems: 6 });
    const api = new FakeEBoekhouden(data);
    await run(db, api);
    const paid = data.openItems.shift()!;
    data.openItems[0].paid = 21;
    data.openItems[0].outstanding = 100;
    const r = await run(db, api);
    const rows = await db.openItems.toArray();
    expect(rows).toHaveLength(6);
    expect(rows.filter((i) => !i.open).map((i) => i.invoiceNumber)).toEqual([paid.invoiceNumber]);
    expect(
      rows.find((i) => i.invoiceNumber === data.openItems[0].invoiceNumber && i.side === data.openItems[0].side)
        ?.outstanding,
    ).toBe(100);
    expect(r.steps.find((s) => s.step === 'openItems')).toMatchObject({ updated: 2, unchanged: 4 });
  });

  it('re-reads open items on alarm runs only after new mutations or an hour, and always when asked', async () => {
    const db = newDb();
    await connect(db);
    const data = fakeData({ openItems: 4, mutations: 10 });
    const api = new FakeEBoekhouden(data);
    let t = Date.UTC(2026, 1, 2, 9);
    const now = () => t;
    await run(db, api, { now });
    const openItemReads = async (trigger: 'alarm' | 'manual') => {
      api.calls = {};
      await run(db, api, { now, trigger });
      return api.calls.listOpenItems ?? 0;
    };
    t += 15 * 60 * 1000;
    expect(await openItemReads('alarm')).toBe(0);
    expect(await openItemReads('manual')).toBe(2);
    data.mutations.push({ id: 11, type: 3, date: '2026-02-02', ledgerCode: '1100', invoiceNumber: 'F1', amount: 121 });
    data.openItems.shift();
    t += 15 * 60 * 1000;
    expect(await openItemReads('alarm')).toBe(2);
    expect(await db.openItems.filter((i) => !i.open).count()).toBe(1);
    t += 15 * 60 * 1000;
    expect(await openItemReads('alarm')).toBe(0);
    t += 60 * 60 * 1000;
    expect(await openItemReads('alarm')).toBe(2);
  });

  it('links a workspace customer that was exported to its relation by code instead of failing', async () => {
    const db = newDb();
    await connect(db);
    const data = fakeData({ relations: 3 });
    await db.customers.add({
      code: data.relations[1].code,
      type: 'B',
      name: 'Lokaal',
      status: 'active',
      origin: 'workspace',
      updatedAt: 1,
    });
    const r = await run(db, new FakeEBoekhouden(data));
    expect(r.result).toBe('ok');
    const linked = await db.customers.where('code').equals(data.relations[1].code).toArray();
    expect(linked).toHaveLength(1);
    expect(linked[0].remoteId).toBe(data.relations[1].id);
    expect(linked[0].origin).toBe('workspace');
  });

  // 40 others whose codes sort between the page's lowest and highest: the lookup reads code by code then.
  for (const others of [0, 40]) {
    it(`refuses a relation whose code another imported customer holds, storing it once (${others} other codes in between)`, async () => {
      const db = newDb();
      await connect(db);
      const data = fakeData({ relations: 3 });
      const held = data.relations[1].code;
      const base = { type: 'B' as const, status: 'active' as const, origin: 'eboekhouden' as const, updatedAt: 1 };
      await db.customers.add({ ...base, code: held, name: 'Ander', remoteId: 999_999 });
      for (let i = 0; i < others; i++)
        await db.customers.add({ ...base, code: `${data.relations[0].code}-${i}`, name: `Tussen ${i}` });
      const r = await run(db, new FakeEBoekhouden(data));
      const step = r.steps.find((s) => s.step === 'customers')!;
      expect(r.problems.filter((p) => p.code === 'CODE_IN_USE').map((p) => p.record)).toEqual([held]);
      expect(step.failed).toBe(1);
      expect(step.created).toBe(2);
      expect((await db.customers.where('code').equals(held).toArray()).map((c) => c.remoteId)).toEqual([999_999]);
      expect(await db.customers.where('remoteId').equals(data.relations[1].id).count()).toBe(0);
      expect(await db.customers.count()).toBe(1 + others + 2);
    });
  }
});

describe('bad data from upstream', () => {
  it('logs a product failing validation (REST detail) and imports the rest', async () => {
    const db = newDb();
    await connect(db);
    const data = fakeData({ products: 10 });
    const api = new FakeEBoekhouden(data);
    api.corruptProducts.add(data.products[3].id);
    const r = await run(db, api);
    expect(r.result).toBe('warning');
    expect((await db.materials.count()) + (await db.hourTypes.count())).toBe(9);
    const problem = r.problems.find((p) => p.step === 'products')!;
    expect(problem.record).toBe(String(data.products[3].id));
    expect(problem).toMatchObject({ key: 'import.rejected' });
    expect(say('nl', problem)).toMatch(/overgeslagen/);
    expect(say('en', problem)).toMatch(/skipped/);
    expect(r.steps.find((s) => s.step === 'products')?.failed).toBe(1);
  });

  it('logs a product rejected from a SOAP list and imports the rest', async () => {
    const db = newDb();
    await connect(db);
    const data = fakeData({ products: 10 });
    const api = new FakeEBoekhouden(data, { kind: 'soap' });
    api.corruptProducts.add(data.products[5].id);
    const r = await run(db, api);
    expect(r.result).toBe('warning');
    expect((await db.materials.count()) + (await db.hourTypes.count())).toBe(9);
    expect(r.problems.filter((p) => p.code === 'REJECTED')).toHaveLength(1);
  });

  it('reports a SOAP list cut short with the count and the advice to use an API token, and marks nothing gone', async () => {
    const db = newDb();
    await connect(db);
    const data = fakeData({ relations: 30 });
    const full = new FakeEBoekhouden(data, { kind: 'soap', soapCap: 100 });
    await run(db, full);
    const capped = new FakeEBoekhouden(data, { kind: 'soap', soapCap: 20 });
    const r = await run(db, capped);
    expect(r.result).toBe('warning');
    const p = r.problems.find((x) => x.code === 'TRUNCATED')!;
    expect(p.step).toBe('customers');
    expect(p).toMatchObject({ key: 'import.truncated', params: { what: { key: 'import.what.relations' } } });
    expect(say('en', p)).toContain('20');
    expect(say('en', p)).toMatch(/API token/);
    expect(say('nl', p)).toMatch(/API-token/);
    expect(await db.customers.where('status').equals('gone').count()).toBe(0);
  });
});

describe('the refresh rotation (REST)', () => {
  it('re-reads known records in proportion to elapsed time, so each is refreshed within refreshDays', async () => {
    const db = newDb();
    await connect(db, 7);
    const data = fakeData({ relations: 70, products: 0 });
    const api = new FakeEBoekhouden(data);
    let t = Date.UTC(2026, 0, 5, 8);
    const now = () => t;
    await run(db, api, { now });

    // Changes that the thin REST list cannot show.
    for (const r of data.relations) r.city = 'Amersfoort';
    const readsPerDay: number[] = [];
    for (let day = 1; day <= 7; day++) {
      t += DAY;
      api.calls = {};
      await run(db, api, { now });
      readsPerDay.push(api.calls.getRelation ?? 0);
    }
    expect(readsPerDay.every((n) => n === 10)).toBe(true);
    expect(await db.customers.where('city').equals('Amersfoort').count()).toBe(70);

    // A run soon after another re-reads (next to) nothing.
    t += 15 * 60 * 1000;
    api.calls = {};
    await run(db, api, { now });
    expect(api.calls.getRelation ?? 0).toBeLessThanOrEqual(1);
  });

  it("re-reads everything on the 'refresh' trigger", async () => {
    const db = newDb();
    await connect(db);
    const data = fakeData({ relations: 25, products: 9 });
    const api = new FakeEBoekhouden(data);
    await run(db, api);
    data.products[2].vatCode = 'VERL_VERK';
    api.calls = {};
    const r = await run(db, api, { trigger: 'refresh' });
    expect(api.calls.getRelation).toBe(25);
    expect(api.calls.getProduct).toBe(9);
    expect(r.steps.find((s) => s.step === 'products')?.updated).toBe(1);
    const row =
      (await db.materials.where('remoteId').equals(data.products[2].id).first()) ??
      (await db.hourTypes.where('remoteId').equals(data.products[2].id).first());
    expect(row?.vatCode).toBe('VERL_VERK');
  });

  it('reads details again when the list shows a change (code, unit, active)', async () => {
    const db = newDb();
    await connect(db);
    const data = fakeData({ relations: 5, products: 5 });
    const api = new FakeEBoekhouden(data);
    await run(db, api);
    data.relations[2].code = 'NIEUW1';
    data.relations[2].name = 'Nieuwe naam';
    api.calls = {};
    await run(db, api);
    expect(api.calls.getRelation).toBe(1);
    expect((await db.customers.where('remoteId').equals(data.relations[2].id).first())?.name).toBe('Nieuwe naam');
  });
});
