/**
 * The overview after a sync of the demo administration: the figures on the screen are the sandbox's
 * (computed here from its REST answers and its state), the revenue drill-down works by keyboard, and
 * the page has no serious axe violation, in Dutch and English. Screenshots go to /tmp/shots/overview/.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ledgerKind } from '../../lib/workspace/ledger-kinds';
import { firstDay, lastDay, monthAt, monthsUpTo } from '../../lib/workspace/months';
import {
  eventually,
  openOptions,
  openPopup,
  saveTokenInPopup,
  SANDBOX,
  seriousViolations,
  syncAndWait,
  useBackendsAndExtension,
} from './harness';

const SHOTS = '/tmp/shots/overview';
const env = useBackendsAndExtension();

type Balance = { code: string; type: string; balance: number };

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const money = (lang: 'nl' | 'en', cents: number) =>
  new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);

describe('the overview', () => {
  it('shows the sandbox figures after a sync, drills down, in Dutch and English', async () => {
    const popup = await openPopup(env.ext);
    await saveTokenInPopup(popup, SANDBOX.apiToken);
    expect(await syncAndWait(popup)).toContain('gelukt');

    // Expected: per month, from the sandbox's own REST answers (the change over each month).
    const sb = env.backends.sandbox;
    const token = await sb.restToken();
    const months = monthsUpTo(monthAt(Date.now()), 12);
    const expected = new Map<string, { revenue: number; costs: number }>();
    for (const month of months) {
      const res = await fetch(`${sb.url}/v1/ledger/balances?from=${firstDay(month)}&to=${lastDay(month)}`, {
        headers: { Authorization: token },
      });
      const items = ((await res.json()) as { items: Balance[] }).items;
      let revenue = 0;
      let costs = 0;
      for (const b of items) {
        const kind = ledgerKind(b.type, b.code);
        if (kind === 'revenue') revenue -= Math.round(b.balance * 100);
        if (kind === 'cost') costs += Math.round(b.balance * 100);
      }
      expected.set(month, { revenue, costs });
    }
    const now = await fetch(`${sb.url}/v1/ledger/balances?to=${lastDay(months.at(-1)!)}`, {
      headers: { Authorization: token },
    });
    const cashAndBank = { cash: 0, bank: 0 };
    for (const b of ((await now.json()) as { items: Balance[] }).items) {
      const kind = ledgerKind(b.type, b.code);
      if (kind === 'cash' || kind === 'bank') cashAndBank[kind] += Math.round(b.balance * 100);
    }
    const debtors = sb.ctx.store.openItems('D').reduce((s, o) => s + Math.round(o.outstandingAmount * 100), 0);
    expect([...expected.values()].filter((e) => e.revenue !== 0).length).toBeGreaterThan(6);

    const page = await openOptions(env.ext, 'overview');
    await page.setViewportSize({ width: 1400, height: 1000 });
    const table = page.getByTestId('results-table');
    await table.waitFor({ timeout: 30_000 });
    for (const lang of ['nl', 'en'] as const) {
      if ((await page.locator('#options-language').inputValue()) !== lang)
        await page.locator('#options-language').selectOption(lang);
      await page.locator(`html[lang="${lang}"]`).waitFor();
      for (const [month, e] of expected) {
        const row = table.locator(`tr[data-month="${month}"]`);
        const cells = await row.locator('td').allTextContents();
        expect(cells[0].trim(), `${month} revenue`).toBe(money(lang, e.revenue));
        expect(cells[1].trim(), `${month} costs`).toBe(money(lang, e.costs));
        expect(cells[2].trim(), `${month} result`).toBe(money(lang, e.revenue - e.costs));
      }
      const moneyNow = (await page.getByTestId('money-now').textContent()) ?? '';
      expect(moneyNow).toContain(money(lang, cashAndBank.cash));
      expect(moneyNow).toContain(money(lang, cashAndBank.bank));
      expect((await page.getByTestId('debtors-total').textContent())?.trim()).toBe(money(lang, debtors));
      expect(await page.getByTestId('results-updated').textContent()).toMatch(
        lang === 'nl' ? /bijgewerkt om \d\d:\d\d/ : /updated at \d\d:\d\d/,
      );
      expect(await page.getByTestId('vat-due').textContent()).toMatch(
        lang === 'nl' ? /Aangifte uiterlijk/ : /Return due by/,
      );
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, `overview-${lang}`);
    }

    // The cash and bank table behind its disclosure: the month-end balances, the last one today's.
    const moneyCard = page.locator('section[aria-labelledby="overview-money"]');
    await moneyCard.locator('summary').click();
    const lastMonthEnd = await page
      .getByTestId('money-table')
      .locator('tbody tr')
      .last()
      .locator('td')
      .allTextContents();
    expect(lastMonthEnd.map((c) => c.trim())).toEqual([money('en', cashAndBank.cash), money('en', cashAndBank.bank)]);
    await moneyCard.screenshot({ path: `${SHOTS}/overview-money-en.png` });
    await moneyCard.locator('summary').click();

    // Drill-down by keyboard: focus the revenue of the month with most revenue, Enter.
    const [month, e] = [...expected].sort((a, b) => b[1].revenue - a[1].revenue)[0];
    const button = table.locator(`tr[data-month="${month}"]`).getByTestId('drill-revenue');
    await button.focus();
    await page.keyboard.press('Enter');
    const drill = page.getByTestId('drill-down');
    await drill.waitFor();
    // The accounts come at once, the bookings after one pass over the transactions (aria-busy until then).
    await page.locator('[data-testid=drill-down]:not([aria-busy="true"]) [data-testid=drill-transactions]').waitFor();
    const ledgerCells = await drill.getByTestId('drill-ledgers').locator('td').allTextContents();
    const sum = ledgerCells.reduce((s, c) => s + Math.round(Number(c.replace(/[^\d.-]/g, '')) * 100), 0);
    expect(sum).toBe(e.revenue);
    expect(await drill.getByTestId('drill-transactions').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await drill.scrollIntoViewIfNeeded();
    await shot(page, 'overview-drill-en');
    await page.keyboard.press('Escape');
    await eventually('the drill-down to close', async () => (await drill.count()) === 0);
    await eventually('focus back on the revenue', async () => button.evaluate((el) => el === document.activeElement));
    await page.locator('#options-language').selectOption('nl');
    await page.locator('html[lang="nl"]').waitFor();
    await button.click();
    await drill.waitFor();
    await shot(page, 'overview-drill-nl');
  });

  it('re-reads all months when asked, and shows a friendly empty state for an empty administration', async () => {
    await env.backends.sandbox.reset('empty');
    const page = await openOptions(env.ext, 'overview');
    await page.getByTestId('overview-reread').click();
    await page.getByTestId('overview-empty').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('overview-empty').textContent()).toContain('Nog niets te tonen');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'overview-empty-nl');
  });
});
