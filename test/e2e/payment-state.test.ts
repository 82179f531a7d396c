/**
 * The way back in real Chromium: a work order exported through the sync, a payment booked in the
 * sandbox (POST /v1/mutation, type 3 "Invoice payment received"), a sync, and the work order says
 * "Betaald"; the To collect view shows every outstanding debtor item with the right total, in Dutch
 * and English (screenshots under /tmp/shots/money-state/ when SHOTS_DIR is set).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { lowestCodeOf } from '../../sandbox/store/ledgers';
import {
  chooseFirstTemplate,
  completeWorkOrder,
  connectedExtension,
  openOptions,
  openPopup,
  seriousViolations,
  syncAndWait,
  useBackendsAndExtension,
} from './harness';

const env = useBackendsAndExtension({ launch: connectedExtension });
const text = async (page: Page, id: string) => ((await page.getByTestId(id).textContent()) ?? '').replace(/\s+/g, ' ');
const euro = (cents: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100).replace(/\s+/g, ' ');

async function bookPayment(invoiceNumber: string, cents: number): Promise<void> {
  const sb = env.backends.sandbox;
  const store = sb.ctx.store;
  const invoice = store.invoiceByNumber(invoiceNumber)!;
  const response = await fetch(`${sb.url}/v1/mutation`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await sb.restToken()}` },
    body: JSON.stringify({
      type: 3,
      date: invoice.date,
      ledgerId: lowestCodeOf(store.ledgers.values(), 'FIN')!.id,
      relationId: invoice.relationId,
      rows: [
        {
          ledgerId: lowestCodeOf(store.ledgers.values(), 'DEB')!.id,
          vatCode: 'GEEN',
          amount: cents / 100,
          invoiceNumber,
        },
      ],
    }),
  });
  expect(response.status).toBe(201);
}

describe('payment state', () => {
  it('shows "paid" on the work order after a payment, and To collect adds up', async () => {
    const store = env.backends.sandbox.ctx.store;
    await chooseFirstTemplate(env.ext);
    const customer = [...store.relations.values()].find((r) => !r.inactive)!;
    const page = await openOptions(env.ext, 'workOrders');
    await completeWorkOrder(page, { customerCode: customer.code, hours: 2, quantity: 1 });
    expect(await syncAndWait(page)).toContain('gelukt');
    const invoice = (await env.backends.sandbox.state()).created.invoices[0]!;
    const cents = Math.round(invoice.totalAmount * 100);

    // The next sync sees it outstanding: open, and in To collect.
    expect(await syncAndWait(page)).toContain('gelukt');
    await page.getByRole('button', { name: 'Bewerken WO-0001' }).click();
    await page.getByTestId('payment-state-name').getByText('Open').waitFor();

    await bookPayment(invoice.invoiceNumber, cents);
    expect(await syncAndWait(page)).toContain('gelukt');
    await page.getByTestId('payment-state-name').getByText('Betaald').waitFor();
    expect(await text(page, 'payment-state')).toContain(`${euro(cents, 'nl-NL')} ontvangen`);
    await shot(page, 'work-order-paid-nl');

    // The sync log says it, with the amount.
    await page.getByTestId('nav-log').click();
    await page.getByTestId('sync-notes').first().getByText(`${invoice.invoiceNumber} betaald`).waitFor();

    // To collect: every debtor item the sandbox still lists (all made elsewhere here), the paid invoice not.
    const open = store.openItems('D');
    const totalCents = open.reduce((s, i) => s + Math.round(i.outstandingAmount * 100), 0);
    expect(open.some((i) => i.invoiceNumber === invoice.invoiceNumber)).toBe(false);
    await page.getByTestId('nav-collect').click();
    await page.getByTestId('collect-total').waitFor();
    expect(await text(page, 'collect-total')).toContain(euro(totalCents, 'nl-NL'));
    expect(await text(page, 'collect-total')).toContain(`${open.length} facturen`);
    expect(await page.getByTestId('collect-rows').textContent()).not.toContain(invoice.invoiceNumber);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'collect-nl');

    // One customer: its open amount and its invoices with their states.
    const first = open[0]!;
    await page.locator('#collect-customer').selectOption(first.relationCode.toLowerCase());
    await page.getByTestId('collect-customer-card').waitFor();
    const mine = open.filter((i) => i.relationCode === first.relationCode);
    const mineCents = mine.reduce((s, i) => s + Math.round(i.outstandingAmount * 100), 0);
    expect(await text(page, 'collect-customer-card')).toContain(euro(mineCents, 'nl-NL'));
    await shot(page, 'collect-customer-nl');
    await page.locator('#collect-customer').selectOption('');

    // The data section's customers link to that view, one customer at a time.
    await page.getByTestId('nav-data').click();
    await page.locator('#search-customers').fill(first.relationCode);
    await page.getByRole('link', { name: `Te innen bij ${first.company}` }).click();
    await page.getByTestId('collect-customer-card').getByText(euro(mineCents, 'nl-NL')).waitFor();
    expect(page.url()).toMatch(/#collect\/.+/);
    await page.getByTestId('nav-collect').click();
    await page.locator('#collect-customer').selectOption('');

    await page.locator('#options-language').selectOption('en');
    expect(await text(page, 'collect-total')).toContain(euro(totalCents, 'en-GB'));
    expect(await text(page, 'collect-total')).toContain(`${open.length} invoices`);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'collect-en');
    await page.locator('#options-language').selectOption('nl');

    // The popup: one line with the overdue invoices (the seed has long-overdue items) and their amount, linking there.
    const popup = await openPopup(env.ext);
    const line = popup.getByTestId('overdue-line');
    await line.waitFor();
    expect((await line.textContent())?.replace(/\s+/g, ' ')).toMatch(/^\d+ facturen te laat, € [\d.]+,\d\d$/);
    expect(await line.getAttribute('href')).toMatch(/\/options\.html#collect$/);
    await shot(popup, 'popup-overdue-nl');
    await popup.close();
  });
});

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
