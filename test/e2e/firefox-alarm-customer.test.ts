/**
 * Firefox ESR, after the token is saved: the `sync` alarm starts a sync with no page doing
 * anything (and the 15-minute schedule survives a one-off alarm), and a customer made on the
 * options page reaches e-Boekhouden as exactly one relation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { eventually, SANDBOX, SCREENSHOTS, startBackends, type Backends } from './harness';
import { launchFirefoxExtension, openFirefoxPage, saveToken, syncNow, textOf, type FirefoxExtension } from './firefox';

let backends: Backends;
let ext: FirefoxExtension;

beforeAll(async () => {
  backends = await startBackends();
  ext = await launchFirefoxExtension();
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await ext?.close();
  await backends?.close();
});

type Alarms = {
  browser: {
    alarms: {
      create(name: string, o: object): Promise<void>;
      get(name: string): Promise<{ periodInMinutes?: number } | undefined>;
    };
  };
};

async function rowCount(page: Page): Promise<number> {
  return Number(await page.$eval('[data-testid=row-count]', (e) => e.getAttribute('data-count')).catch(() => -1));
}

describe('Firefox: the alarm and a new customer', () => {
  it('syncs when the sync alarm fires with no page doing anything', async () => {
    const popup = await openFirefoxPage(ext, 'popup.html');
    await popup.waitForSelector('#popup-connection');
    await saveToken(popup, 'popup', SANDBOX.apiToken);
    await popup.close();

    // A relation made in e-Boekhouden meanwhile: only a run can bring it here.
    const store = backends.sandbox.ctx.store;
    const template = [...store.relations.values()][0];
    store.addRelation({
      ...template,
      code: 'FFALARM1',
      name: 'Klant via het alarm',
      createdVia: 'rest',
    } as Parameters<typeof store.addRelation>[0]);
    const relations = store.relations.size;
    await backends.sandbox.resetStats();

    // The background cannot be evaluated in from here; an extension page sets the alarm and closes.
    const page = await openFirefoxPage(ext, 'options.html#connection', 1280, 900);
    await page.evaluate(() =>
      (globalThis as unknown as Alarms).browser.alarms.create('sync', { when: Date.now() + 500 }),
    );
    await page.close();

    await eventually(
      'the alarm run to reach e-Boekhouden',
      async () => (await backends.sandbox.stats()).total > 0,
      20_000,
    );

    const options = await openFirefoxPage(ext, 'options.html#log', 1280, 900);
    await eventually(
      'the log to show a finished automatic run',
      async () => {
        const latest = await textOf(options, '[data-testid=sync-runs] > li:first-child summary');
        return latest.includes('automatisch') && /gelukt/.test(latest);
      },
      60_000,
    );
    expect(await textOf(options, '[data-testid=sync-runs] > li:first-child summary')).not.toMatch(/mislukt/);
    // The one-off alarm did not end the 15-minute schedule.
    const alarm = await options.evaluate(() => (globalThis as unknown as Alarms).browser.alarms.get('sync'));
    expect(alarm?.periodInMinutes).toBe(15);

    await options.close();
    const customers = await openFirefoxPage(ext, 'options.html#data/customers', 1280, 900);
    await eventually('the new relation to be imported', async () => (await rowCount(customers)) === relations);
    await customers.close();
  });

  it('exports a customer made on the options page as exactly one relation', async () => {
    const name = 'Firefox Installatietechniek BV';
    const options = await openFirefoxPage(ext, 'options.html#data/customers', 1280, 900);
    await options.waitForSelector('[data-testid=row-count]');
    const before = await rowCount(options);

    await options.click('details.card > summary');
    await options.waitForSelector('#customer-name', { visible: true });
    await options.type('#customer-name', name);
    await options.type('#customer-email', 'info@firefox-installatie.example');
    await options.type('#customer-city', 'Utrecht');
    await options.click('details.card form button[type=submit]');
    await options.waitForSelector('details.card .notice.ok');
    const created = await textOf(options, 'details.card .notice.ok');
    const code = /Klant (\S+) /.exec(created)?.[1];
    expect(code, created).toBeTruthy();
    await eventually('the new customer to be listed', async () => (await rowCount(options)) === before + 1);
    await options.screenshot({ path: join(SCREENSHOTS, 'firefox-options-new-customer-nl.png'), fullPage: true });

    expect(await syncNow(options)).toContain('Synchronisatie gelukt');
    const named = () => [...backends.sandbox.ctx.store.relations.values()].filter((r) => r.name === name);
    expect(named()).toHaveLength(1);
    expect(named()[0].code).toBe(code);

    // A second run sends it no more.
    const again = await openFirefoxPage(ext, 'options.html#data/customers', 1280, 900);
    expect(await syncNow(again)).toContain('Synchronisatie gelukt');
    expect(named()).toHaveLength(1);
  });
});
