/**
 * The sandbox's network profile (sandbox/network.ts): the cap on concurrent requests holds and
 * the rest queue in order; every request waits at least the latency. Asserted as concurrency and
 * order, and as lower bounds on time (a busy machine only adds to them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import { defaultConfig } from '../../sandbox/config';
import { recordsIn } from '../../sandbox/network';

let sb: TestSandbox;
let token: string;
beforeAll(async () => {
  sb = await startTestSandbox({ seed: 'demo' });
});
afterAll(() => sb.close());

const network = async () =>
  (await (await fetch(`${sb.url}/__sandbox/network`)).json()) as { peakInFlight: number; queued: number };

async function timedList(i: number, finished: number[]): Promise<{ start: number; end: number }> {
  const start = performance.now();
  const res = await fetch(`${sb.url}/v1/relation?limit=5&offset=${i}`, { headers: { Authorization: token } });
  expect(res.status).toBe(200);
  await res.arrayBuffer();
  finished.push(i);
  return { start, end: performance.now() };
}

describe('network profile', () => {
  it('serves at most maxConcurrent requests at once, queues the rest, and delays each by the latency', async () => {
    await sb.reset('demo', { maxConcurrent: 2, latencyMs: 80 });
    token = await sb.restToken();
    await sb.resetStats();
    const finished: number[] = [];
    const t0 = performance.now();
    const times = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => timedList(i, finished)));
    const elapsed = performance.now() - t0;
    const n = await network();
    expect(n.peakInFlight).toBe(2);
    expect(n.queued).toBe(4);
    // Six requests two at a time are three rounds of at least 80 ms.
    expect(elapsed).toBeGreaterThanOrEqual(3 * 80 - 5);
    for (const t of times) expect(t.end - t.start).toBeGreaterThanOrEqual(80 - 5);
    expect(finished).toHaveLength(6);
  });

  it('is off by default and can be switched off through the control API', async () => {
    await sb.reset('demo', { maxConcurrent: 1, latencyMs: 50 });
    token = await sb.restToken();
    await sb.config({ maxConcurrent: 0, latencyMs: 0 });
    await sb.resetStats();
    await Promise.all([0, 1, 2, 3].map((i) => timedList(i, [])));
    const n = await network();
    expect(n.queued).toBe(0);
    // Negative values are refused (the old value stays); the defaults are no profile at all.
    await sb.config({ latencyMs: -5 });
    expect(sb.ctx.config.latencyMs).toBe(0);
    expect(defaultConfig({})).toMatchObject({ latencyMs: 0, latencyPerRecordMs: 0, maxConcurrent: 0 });
    expect(defaultConfig({ SANDBOX_LATENCY_MS: '30', SANDBOX_MAX_CONCURRENT: '6' })).toMatchObject({
      latencyMs: 30,
      maxConcurrent: 6,
    });
    expect(() => defaultConfig({ SANDBOX_LATENCY_MS: 'fast' })).toThrow(/SANDBOX_LATENCY_MS/);
  });

  it('counts the records of an answer for the per-record cost: REST items, SOAP records without their lines', async () => {
    const json = (body: unknown) =>
      new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
    expect(await recordsIn(json({ items: [1, 2, 3], count: 3 }))).toBe(3);
    expect(await recordsIn(json({ id: 1 }))).toBe(1);
    const xml = new Response(
      '<r><cMutatieList><MutatieRegels><cMutatieListRegel/></MutatieRegels></cMutatieList><cRelatie></cRelatie></r>'.replace(
        '<cMutatieListRegel/>',
        '<cMutatieListRegel></cMutatieListRegel>',
      ),
      { headers: { 'Content-Type': 'text/xml' } },
    );
    expect(await recordsIn(xml)).toBe(2);
  });
});
