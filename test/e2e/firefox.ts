/**
 * Debian's Firefox ESR with the built add-on (.output/firefox-mv2), driven by puppeteer-core over
 * WebDriver BiDi: the add-on is installed as a temporary add-on, and its moz-extension:// UUID is
 * fixed up front (profile pref) so that its pages can be opened by address.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { inject } from 'vitest';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The add-on built for this e2e run's proxy (test/e2e/global-setup.ts). */
const FIREFOX_EXTENSION_DIR = inject('e2eFirefoxDir');
/** The moz-extension:// host of the add-on in the test profile. */
export const FIREFOX_UUID = '6d1f0c3a-2b7e-4f59-8a61-0e9b4c7d2f35';

export interface FirefoxExtension {
  browser: Browser;
  base: string;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  /**
   * Optional permissions asked for with `permissions.request` (from a click) are granted at once.
   * The prompt Firefox would show is browser chrome, outside any page, and WebDriver BiDi cannot
   * click it; this profile pref is Firefox's own switch for granting without it.
   */
  grantOptionalPermissions?: boolean;
}

export async function launchFirefoxExtension(options: FirefoxLaunchOptions = {}): Promise<FirefoxExtension> {
  const manifestPath = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No Firefox build in ${FIREFOX_EXTENSION_DIR}.`);
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX} (apt-get install firefox-esr).`);
  const geckoId = JSON.parse(readFileSync(manifestPath, 'utf8')).browser_specific_settings.gecko.id as string;
  const profile = mkdtempSync(join(tmpdir(), 'bc-ff-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    // Extension pages are privileged: WebDriver BiDi reaches them only with system access allowed.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_UUID }),
      // A closed network: nothing to update, report or check.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'extensions.getAddons.cache.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      ...(options.grantOptionalPermissions ? { 'extensions.webextOptionalPermissionPrompts': false } : {}),
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  return {
    browser,
    base: `moz-extension://${FIREFOX_UUID}`,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function openFirefoxPage(ext: FirefoxExtension, path: string, width = 380, height = 760): Promise<Page> {
  const page = await ext.browser.newPage();
  await page.setViewport({ width, height });
  await goToExtensionPage(page, `${ext.base}/${path}`);
  return page;
}

/** The text of the first element that matches, or '' while there is none. */
export async function textOf(page: Page, selector: string): Promise<string> {
  return (await page.$eval(selector, (e) => e.textContent ?? '').catch(() => '')) as string;
}

/** Chooses the API token, types it into the connection form (`popup` or `options`) and saves. */
export async function saveToken(page: Page, idPrefix: 'popup' | 'options', token: string): Promise<void> {
  await page.click('input[type=radio][value=token]');
  await page.type(`#${idPrefix}-apiToken`, token);
  await page.click('[data-testid=save]');
  try {
    await page.waitForSelector('[data-testid=form-result] .notice.ok', { timeout: 15_000 });
  } catch (e) {
    throw new Error(`saving did not succeed; the form says: ${await textOf(page, '[data-testid=form-result]')}`, {
      cause: e,
    });
  }
}

/** Replaces the proxy address in the connection form's proxy fields (opened first). */
export async function typeProxyUrl(page: Page, idPrefix: 'popup' | 'options', url: string): Promise<void> {
  await page.click('details.proxy > summary');
  const field = await page.waitForSelector(`#${idPrefix}-proxyUrl`);
  await field!.click({ count: 3 });
  await field!.type(url);
}

/** Clicks "Sync now" and returns the outcome notice's text. */
export async function syncNow(page: Page): Promise<string> {
  await page.click('[data-testid=sync-now]');
  await page.waitForSelector('[data-testid=sync-result]', { timeout: 90_000 });
  return textOf(page, '[data-testid=sync-result]');
}

/**
 * Firefox loads a moz-extension:// page in the extension process, and puppeteer's BiDi navigation
 * tracking never sees it finish (the load happens, `goto` times out). So: start the navigation,
 * then wait for the document itself.
 */
export async function goToExtensionPage(page: Page, url: string): Promise<void> {
  void page.goto(url, { timeout: 60_000 }).catch(() => undefined);
  // Polled by hand: an evaluation that meets the old document going away fails with a protocol
  // error (seen now and then), which waitForFunction does not survive.
  const until = Date.now() + 30_000;
  for (;;) {
    const seen = await page
      .evaluate(() => `${location.href} ${document.readyState}`)
      .catch((e: unknown) => `(${String(e)})`);
    if (seen === `${url} complete`) return;
    if (Date.now() > until) throw new Error(`${url} did not load in Firefox; the page is at ${seen}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
