/**
 * Firefox ESR: another proxy address (http://localhost:<port>, the same e2e proxy by another name)
 * saved from the popup and from the options page, its host permission granted by the save click.
 * Each test has a fresh profile, so each save asks for the permission itself.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { eventually, SANDBOX, SCREENSHOTS, startBackends, type Backends } from './harness';
import {
  launchFirefoxExtension,
  openFirefoxPage,
  saveToken,
  syncNow,
  textOf,
  typeProxyUrl,
  type FirefoxExtension,
} from './firefox';

let backends: Backends;
let ext: FirefoxExtension | undefined;

beforeAll(async () => {
  backends = await startBackends();
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});
afterAll(async () => {
  await backends?.close();
});

type Permissions = { browser: { permissions: { contains(p: object): Promise<boolean> } } };

/** Launches Firefox with optional permissions granted on request (see FirefoxLaunchOptions). */
async function launch(): Promise<FirefoxExtension> {
  ext = await launchFirefoxExtension({ grantOptionalPermissions: true });
  return ext;
}

/** What a page opened afresh shows for the stored settings, once the status has loaded. */
async function storedProxy(e: FirefoxExtension, path: string, idPrefix: 'popup' | 'options') {
  const page = await openFirefoxPage(e, path, 1280, 900);
  await page.waitForSelector('[data-testid=health]');
  await page.click('details.proxy > summary');
  const url = await page.$eval(`#${idPrefix}-proxyUrl`, (el) => (el as HTMLInputElement).value);
  const accessMissing = (await page.$('[data-testid=proxy-access]')) !== null;
  const granted = await page.evaluate(() =>
    (globalThis as unknown as Permissions).browser.permissions.contains({ origins: ['http://localhost/*'] }),
  );
  return { page, url, accessMissing, granted };
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `firefox-${name}.png`), fullPage: true });
}

describe('Firefox: another proxy address with its permission granted', () => {
  it('is saved from the popup, reachable, and syncs', async () => {
    const other = `http://localhost:${backends.proxy.port}`;
    const e = await launch();
    const popup = await openFirefoxPage(e, 'popup.html');
    // Not connected yet: the popup's first form has the proxy too.
    await popup.waitForSelector('#popup-connection');
    await typeProxyUrl(popup, 'popup', other);
    // The ok notice says the permission was granted too (else: "saved without access").
    await saveToken(popup, 'popup', SANDBOX.apiToken);
    expect(await textOf(popup, '[data-testid=form-result]')).toContain('Instellingen opgeslagen');

    // Once connected the popup shows no proxy field (it is on the options page), so that is where it is read.
    const again = await storedProxy(e, 'options.html#connection', 'options');
    expect(again.url).toBe(other);
    expect(again.granted).toBe(true);
    expect(again.accessMissing).toBe(false);
    const glance = await openFirefoxPage(e, 'popup.html');
    await glance.waitForSelector('[data-testid=sync-now]');
    expect(await glance.$('#popup-proxyUrl, [data-testid=proxy-access]')).toBeNull();
    await backends.sandbox.resetStats();
    expect(await syncNow(glance)).toContain('Synchronisatie gelukt');
    expect((await backends.sandbox.stats()).total).toBeGreaterThan(0);
  });

  it('is saved from the options page, reachable, and syncs (Dutch and English)', async () => {
    const other = `http://localhost:${backends.proxy.port}`;
    const e = await launch();
    const options = await openFirefoxPage(e, 'options.html#connection', 1280, 900);
    await options.waitForSelector('#options-apiToken');
    await typeProxyUrl(options, 'options', other);
    await saveToken(options, 'options', SANDBOX.apiToken);
    expect(await textOf(options, '[data-testid=form-result]')).toContain('Instellingen opgeslagen');

    const again = await storedProxy(e, 'options.html#connection', 'options');
    expect(again.url).toBe(other);
    expect(again.granted).toBe(true);
    expect(again.accessMissing).toBe(false);
    await backends.sandbox.resetStats();
    expect(await syncNow(again.page)).toContain('Synchronisatie gelukt');
    expect((await backends.sandbox.stats()).total).toBeGreaterThan(0);
    await shot(again.page, 'options-other-proxy-nl');

    await again.page.select('#options-language', 'en');
    await eventually('the page to read English', async () =>
      /Sync succeeded/.test(await textOf(again.page, '[data-testid=sync-result]')),
    );
    expect(await again.page.$('[data-testid=proxy-access]')).toBeNull();
    await shot(again.page, 'options-other-proxy-en');
  });
});
