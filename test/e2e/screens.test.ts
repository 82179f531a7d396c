/**
 * Accessibility and looks: after a real sync (so the tables have data, and a work order and an
 * invoice exist), axe-core finds no serious or critical violation on the popup or any options
 * section, in Dutch and in English; screenshots of each go to test-results/screenshots/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  chooseFirstTemplate,
  completeWorkOrder,
  connectedExtension,
  openOptions,
  openPopup,
  screenshot,
  seriousViolations,
  useBackendsAndExtension,
} from './harness';

const env = useBackendsAndExtension({ launch: connectedExtension });

beforeAll(async () => {
  // Something in every section: a completed work order with lines, and an invoice made from it.
  await chooseFirstTemplate(env.ext);
  const page = await openOptions(env.ext, 'workOrders');
  const customer = [...env.backends.sandbox.ctx.store.relations.values()].find((r) => !r.inactive)!;
  await completeWorkOrder(page, { customerCode: customer.code, hours: 3, quantity: 2 });
  await page.getByTestId('nav-invoices').click();
  await page.locator('#inv-from-wo').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Factuur maken' }).click();
  await page.locator('#inv-editor-heading').waitFor();
  // Made final, so the preview of the next sync has something to show.
  await page.getByTestId('finalize-invoice').click();
  await page.locator('.editor .notice.ok').waitFor();
  await page.close();
});

const SECTIONS = [
  'overview',
  'connection',
  'settings',
  'data',
  'data/openItems',
  'data/transactions',
  'workOrders',
  'workOrders/1',
  'invoices',
  'invoices/1',
  'collect',
  'log',
  'privacy',
];

async function checkPage(page: Page, name: string): Promise<string[]> {
  await page.waitForTimeout(300);
  await screenshot(page, name);
  const violations = await seriousViolations(page);
  return violations.map(
    (v) => `${name}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

describe('every page, in Dutch and in English', () => {
  it('uses an accessibility check that does find problems', async () => {
    const page = await openOptions(env.ext, 'connection');
    await page.evaluate(() =>
      document.body.insertAdjacentHTML('beforeend', '<input id="unlabelled" type="text"><button></button>'),
    );
    const ids = (await seriousViolations(page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['label', 'button-name']));
    await page.close();
  });

  for (const lang of ['nl', 'en'] as const) {
    it(`has no serious or critical axe violation (${lang})`, async () => {
      const problems: string[] = [];
      const popup = await openPopup(env.ext);
      if ((await popup.locator('#popup-language').inputValue()) !== lang) {
        await popup.locator('#popup-language').selectOption(lang);
      }
      await popup.locator(`html[lang="${lang}"]`).waitFor();
      expect(await popup.getByTestId('sync-now').textContent()).toContain(
        lang === 'nl' ? 'Nu synchroniseren' : 'Sync now',
      );
      problems.push(...(await checkPage(popup, `popup-${lang}`)));
      await popup.close();

      const options = await openOptions(env.ext, 'connection');
      await options.locator(`html[lang="${lang}"]`).waitFor();
      for (const section of SECTIONS) {
        await options.goto(`chrome-extension://${env.ext.id}/options.html#${section}`);
        await options.reload();
        await options.locator('h2.section-heading').waitFor();
        problems.push(...(await checkPage(options, `options-${section.replace('/', '-')}-${lang}`)));
      }
      await options.close();
      expect(problems).toEqual([]);
    });
  }
});
