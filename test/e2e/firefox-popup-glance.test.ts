/**
 * The popup at a glance in Debian's Firefox ESR: not connected, the form first; connected, a glance
 * no taller than 600 px at the popup's width (with the `demo` data and with a long Dutch error);
 * "Change connection" opens the form in place and Escape closes it; a reconnect opens it at once
 * with the reason. axe in each state; screenshots in both languages (firefox-popup-*).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { eventually, SANDBOX, SCREENSHOTS, startBackends, type Backends } from './harness';
import { failLastRun, LONG_DUTCH_ERROR } from '../helpers/failed-run';
import { launchFirefoxExtension, openFirefoxPage, saveToken, syncNow, textOf, type FirefoxExtension } from './firefox';

let backends: Backends;
let ext: FirefoxExtension;

beforeAll(async () => {
  backends = await startBackends();
  ext = await launchFirefoxExtension();
});
afterAll(async () => {
  await ext?.close();
  await backends?.close();
});

const POPUP_MAX_HEIGHT = 600;

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `firefox-popup-${name}.png`), fullPage: true });
}

async function height(page: Page): Promise<number> {
  return page.evaluate(() => {
    const app = document.querySelector('#app')!.getBoundingClientRect();
    return Math.ceil(app.bottom + (parseFloat(getComputedStyle(document.body).marginBottom) || 0));
  });
}

async function language(page: Page, lang: 'nl' | 'en'): Promise<void> {
  await page.select('#popup-language', lang);
  await page.waitForSelector(`html[lang="${lang}"]`);
}

let axeSource: string | undefined;
/** axe-core's serious and critical violations, by rule. */
async function serious(page: Page): Promise<string[]> {
  axeSource ??= readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(`${axeSource}\n;void 0;`);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(d: Document, o: object): Promise<{ violations: { id: string; impact: string | null }[] }> };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  });
}

async function activeTestId(page: Page): Promise<string> {
  return page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? '');
}

describe('Firefox: the popup at a glance', () => {
  it('shows the form first, then a glance that fits in 600 px, in both languages', async () => {
    const popup = await openFirefoxPage(ext, 'popup.html');
    await popup.waitForSelector('#popup-connection');
    expect(await popup.$('[data-testid=glance]')).toBeNull();
    expect(await popup.$eval('details.choices', (e) => (e as HTMLDetailsElement).open)).toBe(false);
    expect(await serious(popup)).toEqual([]);
    await shot(popup, 'not-connected-nl');

    await saveToken(popup, 'popup', SANDBOX.apiToken);
    await popup.waitForSelector('[data-testid=glance]');
    expect(await activeTestId(popup)).toBe('sync-now');
    expect(await syncNow(popup)).toContain('Synchronisatie gelukt');

    const again = await openFirefoxPage(ext, 'popup.html');
    await eventually('the last sync to show', async () =>
      (await textOf(again, '[data-testid=last-sync]')).includes('gelukt'),
    );
    for (const lang of ['nl', 'en'] as const) {
      await language(again, lang);
      await shot(again, `glance-${lang}`);
      expect(await height(again)).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
      expect(await again.$('#popup-connection')).toBeNull();
      expect(await serious(again)).toEqual([]);
    }
    // The first Tab from the top reaches Sync now.
    await again.evaluate(() => {
      const start = document.createElement('span');
      start.id = 'tab-start';
      start.tabIndex = -1;
      document.body.prepend(start);
      start.focus();
    });
    await again.keyboard.press('Tab');
    expect(await activeTestId(again)).toBe('sync-now');

    // Change connection opens the form in place; Escape closes it and the focus goes back.
    await again.focus('[data-testid=change-connection]');
    await again.keyboard.press('Enter');
    await again.waitForSelector('#popup-connection');
    expect(await again.evaluate(() => document.activeElement?.closest('#popup-connection') !== null)).toBe(true);
    expect(await serious(again)).toEqual([]);
    await shot(again, 'change-connection-en');
    await again.keyboard.press('Escape');
    await eventually('the form to close', async () => (await again.$('#popup-connection')) === null);
    expect(await activeTestId(again)).toBe('change-connection');
    await language(again, 'nl');
  });

  it('fits in 600 px with a long Dutch error', async () => {
    const popup = await openFirefoxPage(ext, 'popup.html');
    await popup.waitForSelector('[data-testid=glance]');
    await popup.evaluate(failLastRun, LONG_DUTCH_ERROR);
    const again = await openFirefoxPage(ext, 'popup.html');
    await eventually('the long error to show', async () =>
      (await textOf(again, '[data-testid=last-problem]')).includes('Het proxyadres klopt niet'),
    );
    await shot(again, 'long-error-nl');
    expect(await height(again)).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
    expect(await serious(again)).toEqual([]);
  });

  it('opens the form at once with the reason when a reconnect is needed', async () => {
    const popup = await openFirefoxPage(ext, 'popup.html');
    await popup.waitForSelector('[data-testid=change-connection]');
    await popup.click('[data-testid=change-connection]');
    await popup.waitForSelector('#popup-apiToken');
    await popup.click('#popup-apiToken', { count: 3 });
    await saveToken(popup, 'popup', 'not-the-right-token');
    expect(await syncNow(popup)).toContain('mislukt');

    for (const lang of ['nl', 'en'] as const) {
      const again = await openFirefoxPage(ext, 'popup.html');
      await again.waitForSelector('[data-testid=reconnect-reason]');
      await language(again, lang);
      expect(await textOf(again, '[data-testid=reconnect-reason]')).toMatch(/token/i);
      expect(await textOf(again, '[data-testid=health]')).toContain(
        lang === 'nl' ? 'Opnieuw verbinden nodig' : 'Reconnect needed',
      );
      expect(await serious(again)).toEqual([]);
      await shot(again, `reconnect-${lang}`);
    }
  });
});
