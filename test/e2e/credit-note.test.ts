/**
 * In real Chromium: a work order with a discounted hour line is completed and synced; opened
 * again, "Maak een creditnota" (behind a confirm dialog) makes the credit note, which the next
 * sync exports: e-Boekhouden (the sandbox) then holds the invoice and its credit note, whose
 * totals are the invoice's negated to the cent. Screenshots go to /tmp/shots/money-credit/.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  chooseFirstTemplate,
  connectedExtension,
  eventually,
  openOptions,
  seriousViolations,
  syncAndWait,
  useBackendsAndExtension,
} from './harness';

const env = useBackendsAndExtension({ launch: connectedExtension });
const SHOTS = '/tmp/shots/money-credit';

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

describe('a credit note', () => {
  it('is made from an exported work order and exported once, its totals negated to the cent', async () => {
    const store = env.backends.sandbox.ctx.store;
    await chooseFirstTemplate(env.ext);
    const customer = [...store.relations.values()].find((r) => !r.inactive)!;

    const page = await openOptions(env.ext, 'workOrders');
    await page.getByTestId('new-work-order').click();
    await page.locator('#wo-customer-search').fill(customer.code);
    await page.locator('#wo-customer').selectOption({ index: 1 });
    await page.locator('#wo-description').fill('Onderhoud met korting');
    await page.getByTestId('add-hour-line').click();
    const hourRow = page.getByTestId('hour-line').first();
    await hourRow.locator('select').first().selectOption({ index: 1 });
    await hourRow.getByLabel('Uren 1').fill('2');
    // The discount, by keyboard-reachable labelled controls.
    await hourRow.getByLabel('Soort korting 1').selectOption('percentage');
    await hourRow.getByLabel('Korting % 1').fill('10');
    await page.getByTestId('total-incl').waitFor();
    await shot(page, 'work-order-discount-nl');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('complete-work-order').click();
    await page.locator('.editor .notice.ok').waitFor();
    expect(await syncAndWait(page)).toContain('gelukt');
    let state = await env.backends.sandbox.state();
    expect(state.created.invoices).toHaveLength(1);
    const invoice = state.created.invoices[0];
    expect(invoice.items[0]).toMatchObject({ quantity: 2, discountPercentage: 10 });

    await page.getByTestId('nav-workOrders').click();
    await eventually('the export state to show', async () => {
      const row = await page.locator('tbody tr', { hasText: 'WO-0001' }).first().textContent();
      return row?.includes(invoice.invoiceNumber);
    });
    await page.getByRole('button', { name: 'Bewerken WO-0001' }).click();
    await page.getByTestId('make-credit-note').click();
    const dialog = page.getByRole('dialog', { name: `Creditnota maken voor ${invoice.invoiceNumber}?` });
    await dialog.waitFor();
    await shot(page, 'credit-note-confirm-nl');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Creditnota maken' }).click();
    await page.locator('.editor .notice.ok', { hasText: 'Creditnota' }).waitFor();
    await page.getByTestId('credited-by').waitFor();
    // A second click is not offered: the work order now says which note credits it.
    expect(await page.getByTestId('make-credit-note').count()).toBe(0);
    await shot(page, 'credit-note-made-nl');

    expect(await syncAndWait(page)).toContain('gelukt');
    state = await env.backends.sandbox.state();
    expect(state.created.invoices).toHaveLength(2);
    const note = state.created.invoices[1];
    expect(note.invoiceNumber).not.toBe(invoice.invoiceNumber);
    expect(note.items[0]).toMatchObject({ quantity: -2, discountPercentage: 10 });
    expect(Math.round(note.totalAmount * 100)).toBe(-Math.round(invoice.totalAmount * 100));
    expect(Math.round(note.totalExcl * 100)).toBe(-Math.round(invoice.totalExcl * 100));

    // The note is listed as exported among the invoices.
    await page.getByTestId('nav-invoices').click();
    await eventually('the credit note to show as exported', async () => {
      const row = await page.locator('tbody tr', { hasText: note.invoiceNumber }).first().textContent();
      return row?.includes('in e-Boekhouden');
    });
    await shot(page, 'invoices-with-credit-note-nl');

    // In English: the credit note says which invoice it credits; the work order which note credits it.
    await page.locator('#options-language').selectOption('en');
    await page.getByRole('button', { name: `Edit ${note.invoiceNumber}` }).click();
    await page.getByTestId('credit-note-of').getByText(invoice.invoiceNumber).waitFor();
    await shot(page, 'credit-note-en');
    await page.getByTestId('nav-workOrders').click();
    await page.getByRole('button', { name: 'Edit WO-0001' }).click();
    await page.getByTestId('credited-by').getByText(note.invoiceNumber).waitFor();
    await shot(page, 'work-order-credited-en');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
