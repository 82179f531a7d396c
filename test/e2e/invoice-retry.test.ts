/**
 * An invoice made from scratch and made final, refused by e-Boekhouden (a counter account it
 * does not know): the sync log shows the failed export, the badge asks for attention; the
 * person corrects the invoice and retries, and the next sync sends it — once.
 */
import { describe, expect, it } from 'vitest';
import {
  badgeText,
  chooseFirstTemplate,
  connectedExtension,
  eventually,
  openOptions,
  useBackendsAndExtension,
} from './harness';

const env = useBackendsAndExtension({ launch: connectedExtension });

describe('a refused invoice', () => {
  it('is shown as failed, corrected, retried and then sent once', async () => {
    await chooseFirstTemplate(env.ext);
    const store = env.backends.sandbox.ctx.store;
    const customer = [...store.relations.values()].find((r) => !r.inactive)!;
    const page = await openOptions(env.ext, 'invoices');

    await page.getByTestId('new-invoice').click();
    await page.locator('#inv-customer-search').fill(customer.code);
    await page.locator('#inv-customer').selectOption({ index: 1 });
    await page.getByLabel('Code 1', { exact: true }).fill('ADV');
    await page.getByLabel('Omschrijving 1', { exact: true }).fill('Advieswerk');
    await page.getByLabel('Aantal 1', { exact: true }).fill('2');
    await page.getByLabel('Prijs excl. btw 1', { exact: true }).fill('95');
    await page.getByLabel('Tegenrekening 1', { exact: true }).fill('9999');
    await page.getByTestId('finalize-invoice').click();
    await page.locator('.editor .notice.ok').getByText('is definitief').waitFor();

    await page.getByTestId('sync-now').click();
    await page.getByTestId('sync-result').waitFor({ timeout: 90_000 });
    await eventually('the badge to ask for attention', async () => (await badgeText(env.ext)) === '!');
    expect((await env.backends.sandbox.state()).created.invoices).toHaveLength(0);

    await page.getByTestId('nav-log').click();
    const failed = page.getByTestId('failed-exports').locator('li').first();
    await failed.waitFor();
    expect(await page.getByTestId('sync-runs').locator('li').first().textContent()).toMatch(/Meldingen \(\d+\)/);

    // Correct the counter account; a final invoice that failed may still be changed.
    await page.getByTestId('nav-invoices').click();
    await page
      .getByRole('button', { name: /^Bewerken / })
      .first()
      .click();
    await page.getByLabel('Tegenrekening 1', { exact: true }).fill('8000');
    await page.getByTestId('save-invoice').click();
    await page.locator('.editor .notice.ok').waitFor();

    await page.getByTestId('nav-log').click();
    await failed.getByRole('button', { name: /opnieuw proberen/i }).click();
    await page.getByText('wordt bij de volgende synchronisatie opnieuw verstuurd').waitFor();
    await page.getByTestId('sync-now').click();
    await eventually(
      'the invoice to reach e-Boekhouden',
      async () => (await env.backends.sandbox.state()).created.invoices.length === 1,
      60_000,
    );
    await eventually('the badge to say fine', async () => (await badgeText(env.ext)) === '✓', 30_000);
    await page.getByText('Geen mislukte exports.').waitFor();

    const [invoice] = (await env.backends.sandbox.state()).created.invoices;
    expect(store.relations.get(invoice.relationId)?.code).toBe(customer.code);
    expect(invoice.items).toHaveLength(1);
    expect(invoice.items[0]).toMatchObject({ code: 'ADV', quantity: 2, pricePerUnit: 95, vatCode: 'HOOG_VERK_21' });
    expect(store.ledgers.get(invoice.items[0].ledgerId)?.code).toBe('8000');
    // One more sync sends nothing twice.
    const runs = page.getByTestId('sync-runs').locator(':scope > li');
    const before = await runs.count();
    await page.getByTestId('sync-now').click();
    await eventually(
      'one more finished run',
      async () => (await runs.count()) === before + 1 && !(await runs.first().textContent())?.includes('bezig'),
      60_000,
    );
    expect((await env.backends.sandbox.state()).created.invoices).toHaveLength(1);
  });
});
