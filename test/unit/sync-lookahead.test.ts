import { describe, expect, it } from 'vitest';
import { WorkspaceDb } from '../../lib/db';
import type { Page } from '../../lib/eboekhouden/types';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { IMPORT_STEPS, runSync, saveSettings } from '../../lib/sync/index';
import { forEachPage, trailingWrites } from '../../lib/sync/imports/common';
import { FakeEBoekhouden, fakeData } from '../helpers/sync-fake-api';

function deferred<T = void>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

/** A listing of `count` one-item pages that records when each request starts and whether it was closed. */
function listing(count: number, o: { failAt?: number } = {}) {
  const state = { started: [] as number[], closed: false };
  async function* pages(): AsyncGenerator<Page<number>> {
    try {
      for (let n = 1; n <= count; n++) {
        state.started.push(n);
        await tick();
        if (n === o.failAt) throw new Error(`page ${n} failed`);
        yield { items: [n], received: n };
      }
    } finally {
      state.closed = true;
    }
  }
  return { pages: pages(), state };
}

describe('forEachPage: one page of look-ahead', () => {
  it('requests page N+1 while page N is being stored, and no further, storing in order', async () => {
    const { pages, state } = listing(4);
    const stored: number[] = [];
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const storing: number[] = [];
    const walk = forEachPage(pages, new AbortController().signal, async (page) => {
      storing.push(page.items[0]);
      await gates[page.items[0] - 1].promise;
      stored.push(page.items[0]);
    });
    for (let n = 1; n <= 4; n++) {
      await tick();
      await tick();
      // Page n is being stored (not finished), page n+1 has been asked for, page n+2 not yet.
      expect(storing.at(-1)).toBe(n);
      expect(stored).toEqual(Array.from({ length: n - 1 }, (_, i) => i + 1));
      expect(state.started).toEqual(Array.from({ length: Math.min(n + 1, 4) }, (_, i) => i + 1));
      gates[n - 1].resolve();
    }
    await walk;
    expect(stored).toEqual([1, 2, 3, 4]);
  });

  it('throws a failed look-ahead request once the page before it is stored, without losing it', async () => {
    const { pages } = listing(5, { failAt: 3 });
    const stored: number[] = [];
    const gate = deferred();
    const walk = forEachPage(pages, new AbortController().signal, async (page) => {
      if (page.items[0] === 2) await gate.promise; // page 3 fails while page 2 is still being written
      stored.push(page.items[0]);
    });
    const outcome = walk.then(
      () => 'resolved',
      (e: Error) => e.message,
    );
    await tick();
    await tick();
    await tick();
    expect(stored).toEqual([1]);
    gate.resolve();
    expect(await outcome).toBe('page 3 failed');
    expect(stored).toEqual([1, 2]);
  });

  it("throws the store's own error first, and closes the listing", async () => {
    const { pages, state } = listing(5, { failAt: 2 });
    const walk = forEachPage(pages, new AbortController().signal, async () => {
      await tick();
      await tick();
      throw new Error('write failed');
    });
    await expect(walk).rejects.toThrow('write failed');
    // The request fetched ahead has finished and the listing is closed: nothing outlives the step.
    expect(state.started).toEqual([1, 2]);
    expect(state.closed).toBe(true);
  });

  it('on cancel finishes the page being stored, drops the one fetched ahead, and closes the listing before returning', async () => {
    const { pages, state } = listing(5);
    const cancel = new AbortController();
    const stored: number[] = [];
    const walk = forEachPage(pages, cancel.signal, async (page) => {
      if (page.items[0] === 2) cancel.abort();
      await tick();
      stored.push(page.items[0]);
    });
    await expect(walk).rejects.toMatchObject({ name: 'AbortError' });
    expect(stored).toEqual([1, 2]);
    expect(state.started).toEqual([1, 2, 3]);
    expect(state.closed).toBe(true);
  });
});

describe('trailingWrites: page N is written while page N+1 is read', () => {
  it('starts a held write only at the next flush, one at a time and in order', async () => {
    const writes = trailingWrites();
    const events: string[] = [];
    const gate = deferred();
    writes.hold(async () => {
      events.push('write 1 start');
      await gate.promise;
      events.push('write 1 end');
    });
    await tick();
    expect(events).toEqual([]); // held, not started
    await writes.flush();
    expect(events).toEqual(['write 1 start']); // started, not waited for
    writes.hold(async () => {
      events.push('write 2 start');
    });
    const second = writes.flush(); // waits for write 1 before starting write 2
    await tick();
    expect(events).toEqual(['write 1 start']);
    gate.resolve();
    await second;
    await writes.drain();
    expect(events).toEqual(['write 1 start', 'write 1 end', 'write 2 start']);
  });

  it('throws a failed write at the next flush and does not start the one after it', async () => {
    const writes = trailingWrites();
    let secondStarted = false;
    writes.hold(async () => {
      await tick();
      throw new Error('write 1 failed');
    });
    await writes.flush();
    writes.hold(async () => {
      secondStarted = true;
    });
    await expect(writes.flush()).rejects.toThrow('write 1 failed');
    await writes.settle(); // a failing step still settles without throwing
    expect(secondStarted).toBe(false);
  });

  it('on settle (a cancel) still writes the page that was read in full', async () => {
    const writes = trailingWrites();
    let written = false;
    writes.hold(async () => {
      await tick();
      written = true;
    });
    await writes.settle();
    expect(written).toBe(true);
  });
});

describe('the imports overlap fetching and writing', () => {
  let dbCount = 0;
  const newDb = () => new WorkspaceDb(`sync-lookahead-${process.pid}-${Date.now()}-${dbCount++}`);

  async function tokenWorkspace(): Promise<WorkspaceDb> {
    const db = newDb();
    const saved = await saveSettings(db, {
      ...DEFAULT_SETTINGS,
      connection: { kind: 'token', apiToken: 'token-for-tests' },
    });
    expect(saved.ok).toBe(true);
    return db;
  }

  /** 300 relations in pages of 100; each detail read adds "read <page>" to `events`. */
  function relationsReadByPage() {
    const api = new FakeEBoekhouden(fakeData({ relations: 300 }), { pageSize: 100 });
    const events: string[] = [];
    const getRelation = api.getRelation.bind(api);
    api.getRelation = (id: number) => {
      events.push(`read ${id - 1000 < 100 ? 1 : id - 1000 < 200 ? 2 : 3}`);
      return getRelation(id);
    };
    return { api, events };
  }

  it('asks for the next page before the previous one is written, and still stores every page once', async () => {
    const db = await tokenWorkspace();
    const api = new FakeEBoekhouden(fakeData({ mutations: 500 }), { pageSize: 100 });
    // What the cursor says is stored when each page's request starts. IndexedDB runs transactions
    // in the order they were made, so this read sees the page before only if it was written first.
    const storedWhenAsked: (number | undefined)[] = [];
    api.beforeRequest = async (op) => {
      if (op === 'listMutations')
        storedWhenAsked.push(
          ((await db.cursors.get('transactions'))?.value as { afterId?: number } | undefined)?.afterId,
        );
    };
    const r = await runSync({ db, trigger: 'manual', createApi: () => api, steps: IMPORT_STEPS });
    expect(r.result).toBe('ok');
    // Request n+1 starts while page n is still being written: the cursor is one page behind.
    expect(storedWhenAsked).toEqual([undefined, undefined, 100, 200, 300, 400]);
    expect(await db.transactions.count()).toBe(500);
    expect(r.steps.find((s) => s.step === 'transactions')).toMatchObject({ fetched: 500, created: 500 });
  });

  it("reads the next page's relations in full while the previous page is written, storing each once", async () => {
    const db = await tokenWorkspace();
    const { api, events } = relationsReadByPage();
    const bulkPut = db.customers.bulkPut.bind(db.customers);
    let writesDone = 0;
    db.customers.bulkPut = ((...a: Parameters<typeof bulkPut>) =>
      bulkPut(...a).then((r) => {
        events.push(`written ${++writesDone}`);
        return r;
      })) as typeof bulkPut;
    const r = await runSync({ db, trigger: 'manual', createApi: () => api, steps: IMPORT_STEPS });
    expect(r.result).toBe('ok');
    // Page 2's detail reads begin before page 1's write is done, page 3's before page 2's.
    expect(events.indexOf('read 2')).toBeLessThan(events.indexOf('written 1'));
    expect(events.indexOf('read 3')).toBeLessThan(events.indexOf('written 2'));
    // Writes stay in page order: page n is written after its own reads.
    expect(events.lastIndexOf('read 1')).toBeLessThan(events.indexOf('written 1'));
    expect(events.lastIndexOf('read 3')).toBeLessThan(events.indexOf('written 3'));
    expect(await db.customers.count()).toBe(300);
    expect(r.steps.find((s) => s.step === 'customers')).toMatchObject({ fetched: 300, created: 300, failed: 0 });
  });

  it("reads the next page's stored relations while this page's details are read, not after them", async () => {
    const db = await tokenWorkspace();
    const { api, events } = relationsReadByPage();
    const where = db.customers.where.bind(db.customers);
    db.customers.where = ((index: string) => {
      if (index === 'remoteId') events.push('stored rows');
      return where(index);
    }) as typeof where;
    const r = await runSync({ db, trigger: 'manual', createApi: () => api, steps: IMPORT_STEPS });
    expect(r.result).toBe('ok');
    // Page 1's stored rows, then page 2's while page 1's details are still being read.
    const second = events.indexOf('stored rows', events.indexOf('stored rows') + 1);
    expect(second).toBeGreaterThan(events.indexOf('read 1'));
    expect(second).toBeLessThan(events.lastIndexOf('read 1'));
    expect(await db.customers.count()).toBe(300);
    expect(r.steps.find((s) => s.step === 'customers')).toMatchObject({ fetched: 300, created: 300, failed: 0 });
  });
});
