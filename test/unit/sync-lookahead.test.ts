import { describe, expect, it } from 'vitest';
import { WorkspaceDb } from '../../lib/db';
import type { Page } from '../../lib/eboekhouden/types';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { IMPORT_STEPS, runSync, saveSettings } from '../../lib/sync/index';
import { forEachPage } from '../../lib/sync/imports/common';
import { FakeEBoekhouden, fakeData } from './sync-fake-api';

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
    await tick();
    expect(state.closed).toBe(true);
  });

  it('on cancel finishes the page being stored, drops the one fetched ahead, and closes the listing', async () => {
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
    await tick();
    await tick();
    expect(state.closed).toBe(true);
  });
});

describe('the transactions import overlaps fetching and writing', () => {
  let dbCount = 0;
  const newDb = () => new WorkspaceDb(`sync-lookahead-${process.pid}-${Date.now()}-${dbCount++}`);

  it('asks for the next page before the previous one is written, and still stores every page once', async () => {
    const db = newDb();
    const saved = await saveSettings(db, { ...DEFAULT_SETTINGS, connection: { kind: 'token', apiToken: 'token-for-tests' } });
    expect(saved.ok).toBe(true);
    const api = new FakeEBoekhouden(fakeData({ mutations: 500 }), { pageSize: 100 });
    // What the cursor says is stored when each page's request starts. IndexedDB runs transactions
    // in the order they were made, so this read sees the page before only if it was written first.
    const storedWhenAsked: (number | undefined)[] = [];
    api.beforeRequest = async (op) => {
      if (op === 'listMutations') storedWhenAsked.push(((await db.cursors.get('transactions'))?.value as { afterId?: number } | undefined)?.afterId);
    };
    const r = await runSync({ db, trigger: 'manual', createApi: () => api, steps: IMPORT_STEPS });
    expect(r.result).toBe('ok');
    // Request n+1 starts while page n is still being written: the cursor is one page behind.
    expect(storedWhenAsked).toEqual([undefined, undefined, 100, 200, 300, 400]);
    expect(await db.transactions.count()).toBe(500);
    expect(r.steps.find((s) => s.step === 'transactions')).toMatchObject({ fetched: 500, created: 500 });
  });
});
