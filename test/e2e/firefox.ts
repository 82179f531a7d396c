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

export async function launchFirefoxExtension(): Promise<FirefoxExtension> {
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

/**
 * Firefox loads a moz-extension:// page in the extension process, and puppeteer's BiDi navigation
 * tracking never sees it finish (the load happens, `goto` times out). So: start the navigation,
 * then wait for the document itself.
 */
export async function goToExtensionPage(page: Page, url: string): Promise<void> {
  void page.goto(url, { timeout: 60_000 }).catch(() => undefined);
  await page.waitForFunction(
    (target: string) => location.href === target && document.readyState === 'complete',
    { timeout: 30_000, polling: 100 },
    url,
  );
}
