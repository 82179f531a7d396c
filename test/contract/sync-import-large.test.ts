/**
 * The large seed (10,000 relations, 3,000 products, 60,000 mutations) over real HTTP:
 * everything arrives with an API token; with security codes the capped lists are reported;
 * and the 15-minute run with nothing changed stays cheap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_STEPS, runSync } from '../../lib/sync/index';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import { connect, expectSameAsSandbox, expected, newDb } from '../helpers/sync-import';
import { say } from '../../lib/i18n/translate';

/** The bound stated in docs/sync.md: an incremental REST run on `large` with nothing changed. */
const MAX_REQUESTS_UNCHANGED = 40;
/** A full import of `large` reads 10,000 relations and 3,000 products one by one over HTTP. */
const FULL_IMPORT_TIMEOUT = 240_000;

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ seed: 'large' });
});
afterAll(async () => {
  await sb?.close();
});

describe('import of the large administration', () => {
  it(
    'with an API token: every record arrives; the next run with nothing changed is cheap',
    async () => {
      await sb.reset('large');
      const db = newDb('ci-large-rest');
      await connect(db, sb, 'token');
      const first = await runSync({ db, trigger: 'manual', steps: IMPORT_STEPS });
      expect(first.error).toBeUndefined();
      expect(first.result).toBe('ok');
      await expectSameAsSandbox(db, sb, { templates: true });
      expect(expected(sb).relations).toBe(10_000);

      // Fifteen minutes later, nothing changed upstream: the whole alarm run, exports included.
      await sb.resetStats();
      const t0 = Date.now();
      const second = await runSync({ db, trigger: 'alarm', now: () => Date.now() + 15 * 60 * 1000 });
      expect(second.steps.map((s) => s.step)).toContain('exportInvoices');
      const ms = Date.now() - t0;
      const stats = await sb.stats();
      expect(second.result).toBe('ok');
      for (const s of second.steps) expect(s.created + s.updated, s.step).toBe(0);
      expect(stats.total).toBeLessThanOrEqual(MAX_REQUESTS_UNCHANGED);
      console.log(
        `[sync] large, REST, nothing changed: ${stats.total} requests, ${ms} ms`,
        JSON.stringify(stats.byOperation),
      );
    },
    FULL_IMPORT_TIMEOUT,
  );

  it(
    'with security codes: the 2,000 cap is reported with the count and the advice; the rest arrives whole',
    async () => {
      await sb.reset('large');
      const db = newDb('ci-large-soap');
      await connect(db, sb, 'securityCodes');
      const run = await runSync({ db, trigger: 'manual', steps: IMPORT_STEPS });
      expect(run.error).toBeUndefined();
      expect(run.result).toBe('warning');
      const cap = sb.ctx.config.soapListCap;
      await expectSameAsSandbox(db, sb, { cap, templates: false });
      const truncated = run.problems.filter((p) => p.code === 'TRUNCATED');
      expect(truncated.map((p) => p.step).sort()).toEqual(['customers', 'products']);
      for (const p of truncated) {
        expect(say('en', p)).toContain(String(cap));
        expect(say('en', p)).toMatch(/API token/);
        expect(say('nl', p)).toMatch(/API-token/);
      }
    },
    FULL_IMPORT_TIMEOUT,
  );
});
