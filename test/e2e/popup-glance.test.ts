/**
 * The popup at a glance (Chromium): not connected, the form comes first; connected, a glance that
 * fits in Chrome's 600 px popup at its width (with the `demo` data, and with a long Dutch error),
 * the form behind "Change connection"; a reconnect opens it with the reason. Keyboard, axe, and
 * screenshots in both languages (test-results/screenshots/popup-*).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  openPopup,
  saveTokenInPopup,
  SANDBOX,
  screenshot,
  seriousViolations,
  syncAndWait,
  useBackendsAndExtension,
} from './harness';
import { failLastRun, LONG_DUTCH_ERROR } from '../helpers/failed-run';

const env = useBackendsAndExtension();

/** Chrome caps a toolbar popup at 600 px high; the popup's own width is its body's. */
const POPUP_MAX_HEIGHT = 600;

async function popupSize(page: Page): Promise<{ width: number; height: number; scrollWidth: number }> {
  return page.evaluate(() => {
    const app = document.querySelector('#app')!.getBoundingClientRect();
    const margin = parseFloat(getComputedStyle(document.body).marginBottom) || 0;
    return {
      width: document.body.getBoundingClientRect().width,
      height: Math.ceil(app.bottom + margin),
      scrollWidth: document.documentElement.scrollWidth,
    };
  });
}

async function inLanguage(page: Page, lang: 'nl' | 'en'): Promise<void> {
  if ((await page.locator('#popup-language').inputValue()) !== lang)
    await page.locator('#popup-language').selectOption(lang);
  await page.locator(`html[lang="${lang}"]`).waitFor();
}

async function noSeriousViolation(page: Page, state: string): Promise<void> {
  const found = (await seriousViolations(page)).map((v) => `${state}: ${v.id} ${v.help}`);
  expect(found).toEqual([]);
}

/** Which element the next Tab from the top of the page reaches. */
async function firstTabStop(page: Page): Promise<string> {
  // As on a fresh opening: the sequential focus starts before everything on the page.
  await page.evaluate(() => {
    const start = document.createElement('span');
    start.id = 'tab-start';
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus();
  });
  await page.keyboard.press('Tab');
  await page.evaluate(() => document.getElementById('tab-start')?.remove());
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement;
    return e.dataset.testid ?? e.id ?? e.tagName;
  });
}

describe('the popup at a glance', () => {
  it('shows the connection form first when not connected, "what syncs" collapsed with its defaults', async () => {
    const popup = await openPopup(env.ext);
    await expect(popup.locator('#popup-connection').isVisible()).resolves.toBe(true);
    expect(await popup.getByTestId('glance').count()).toBe(0);
    expect(await popup.locator('details.choices').getAttribute('open')).toBeNull();
    expect(await popup.getByTestId('choices-defaults').textContent()).toMatch(/Standaard/);
    expect(await popup.locator('#popup-proxyUrl').count()).toBe(1);
    await firstTabStop(popup);
    expect(await popup.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('radio');
    for (const lang of ['nl', 'en'] as const) {
      await inLanguage(popup, lang);
      await noSeriousViolation(popup, `not connected (${lang})`);
      await screenshot(popup, `popup-not-connected-${lang}`);
    }
    await inLanguage(popup, 'nl');
    await popup.close();
  });

  it('after connecting and syncing shows a glance that fits in 600 px, in both languages', async () => {
    const popup = await openPopup(env.ext);
    await saveTokenInPopup(popup, SANDBOX.apiToken);
    // The form closed with the save; the focus went to Sync now, not to the page.
    expect(await popup.locator('#popup-connection').count()).toBe(0);
    expect(await popup.evaluate(() => (document.activeElement as HTMLElement).dataset.testid)).toBe('sync-now');
    expect(await syncAndWait(popup)).toContain('gelukt');
    await popup.close();

    const again = await openPopup(env.ext);
    await again.getByTestId('last-sync').getByText('gelukt').waitFor();
    for (const lang of ['nl', 'en'] as const) {
      await inLanguage(again, lang);
      expect(await again.getByTestId('health').textContent()).toContain(lang === 'nl' ? 'Alles in orde' : 'All fine');
      const size = await popupSize(again);
      expect(size.height).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
      expect(size.scrollWidth).toBeLessThanOrEqual(size.width);
      expect(await again.locator('#popup-connection').count()).toBe(0);
      expect(await again.locator('#popup-proxyUrl, details.choices').count()).toBe(0);
      expect(await firstTabStop(again)).toBe('sync-now');
      await noSeriousViolation(again, `glance (${lang})`);
      await screenshot(again, `popup-glance-${lang}`);
    }
    await inLanguage(again, 'nl');
    await again.close();
  });

  it('opens the connection form in place and closes it with Escape, the focus kept', async () => {
    const popup = await openPopup(env.ext);
    const toggle = popup.getByTestId('change-connection');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.focus();
    await popup.keyboard.press('Enter');
    await popup.locator('#popup-connection').waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await popup.evaluate(() => document.activeElement?.closest('#popup-connection') !== null)).toBe(true);
    // The proxy and "what syncs" are on the options page now.
    expect(await popup.locator('#popup-proxyUrl, details.choices').count()).toBe(0);
    await noSeriousViolation(popup, 'change connection');
    await screenshot(popup, 'popup-change-connection-nl');
    await popup.keyboard.press('Escape');
    await popup.locator('#popup-connection').waitFor({ state: 'detached' });
    expect(await popup.evaluate(() => (document.activeElement as HTMLElement).dataset.testid)).toBe(
      'change-connection',
    );
    await popup.close();
  });

  it('fits in 600 px with a long Dutch error, its fix and the way to the log', async () => {
    const popup = await openPopup(env.ext);
    await popup.evaluate(failLastRun, LONG_DUTCH_ERROR);
    await popup.close();

    const again = await openPopup(env.ext);
    await again.getByTestId('last-problem').getByText('Het proxyadres klopt niet').waitFor();
    expect(await again.getByTestId('health').textContent()).toContain('Vraagt aandacht');
    const href = await again.getByTestId('open-log').getAttribute('href');
    expect(href).toMatch(/options\.html#log$/);
    const size = await popupSize(again);
    expect(size.height).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
    expect(size.scrollWidth).toBeLessThanOrEqual(size.width);
    await noSeriousViolation(again, 'long error');
    await screenshot(again, 'popup-long-error-nl');
    await again.close();
  });

  it('opens the form at once with the reason when e-Boekhouden asks to reconnect', async () => {
    const popup = await openPopup(env.ext);
    await saveTokenInPopup(popup, 'not-the-right-token');
    expect(await syncAndWait(popup)).toContain('mislukt');
    await popup.getByTestId('reconnect-reason').waitFor();
    await popup.close();

    for (const lang of ['nl', 'en'] as const) {
      const again = await openPopup(env.ext);
      await inLanguage(again, lang);
      await again.locator('#popup-connection').waitFor();
      const reason = (await again.getByTestId('reconnect-reason').textContent()) ?? '';
      expect(reason).toMatch(lang === 'nl' ? /token|inloggegevens/i : /token|credentials/i);
      expect(await again.getByTestId('health').textContent()).toContain(
        lang === 'nl' ? 'Opnieuw verbinden nodig' : 'Reconnect needed',
      );
      // The person is put where they fix it.
      expect(await again.evaluate(() => document.activeElement?.closest('#popup-connection') !== null)).toBe(true);
      await noSeriousViolation(again, `reconnect (${lang})`);
      await screenshot(again, `popup-reconnect-${lang}`);
      if (lang === 'nl') await inLanguage(again, 'nl');
      await again.close();
    }
    const last = await openPopup(env.ext);
    await inLanguage(last, 'nl');
    await last.close();
  });
});
