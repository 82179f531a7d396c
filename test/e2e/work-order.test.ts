/**
 * A work order with an hour line and a material line, completed in the options page and synced:
 * the sandbox then holds that invoice with the right lines, VAT codes and counter accounts.
 */
import { describe, expect, it } from 'vitest';
import {
  chooseFirstTemplate,
  completeWorkOrder,
  connectedExtension,
  eventually,
  openOptions,
  useBackendsAndExtension,
} from './harness';

const env = useBackendsAndExtension({ launch: connectedExtension });

describe('a completed work order', () => {
  it('becomes exactly that invoice in e-Boekhouden', async () => {
    const store = env.backends.sandbox.ctx.store;
    const template = await chooseFirstTemplate(env.ext);
    const customer = [...store.relations.values()].find((r) => !r.inactive)!;

    const page = await openOptions(env.ext, 'workOrders');
    const choice = await completeWorkOrder(page, { customerCode: customer.code, hours: 2.5, quantity: 3 });
    // Totals with VAT are shown before anything is sent.
    expect(await page.getByTestId('total-incl').textContent()).toMatch(/€/);

    // The preview says what the next sync sends.
    await page.getByTestId('nav-invoices').click();
    await page
      .getByTestId('export-preview')
      .getByText(/WO-0001 → BC\d{4}-0001/)
      .waitFor();

    await page.getByTestId('sync-now').click();
    await page.getByTestId('sync-result').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('sync-result').textContent()).toContain('gelukt');

    const state = await env.backends.sandbox.state();
    expect(state.created.invoices).toHaveLength(1);
    const invoice = state.created.invoices[0];
    expect(store.relations.get(invoice.relationId)?.code).toBe(customer.code);
    expect(store.templates.get(invoice.templateId)?.name).toBe(template);

    const product = (code: string) => [...store.products.values()].find((p) => p.code === code)!;
    const ledgerCode = (id: number) => store.ledgers.get(id)?.code;
    const hourProduct = product(choice.hourTypeCode);
    const materialProduct = product(choice.materialCode);
    expect(invoice.items).toHaveLength(2);
    const [hourItem, materialItem] = [
      invoice.items.find((i) => i.code === hourProduct.code)!,
      invoice.items.find((i) => i.code === materialProduct.code)!,
    ];
    expect(hourItem).toMatchObject({
      quantity: 2.5,
      pricePerUnit: hourProduct.priceExcl,
      vatCode: hourProduct.vat || 'HOOG_VERK_21',
    });
    expect(ledgerCode(hourItem.ledgerId)).toBe(hourProduct.ledgerId ? ledgerCode(hourProduct.ledgerId) : '8000');
    expect(materialItem).toMatchObject({
      quantity: 3,
      pricePerUnit: materialProduct.priceExcl,
      vatCode: materialProduct.vat,
    });
    expect(ledgerCode(materialItem.ledgerId)).toBe(ledgerCode(materialProduct.ledgerId));

    // The work order shows that it is in e-Boekhouden, with the invoice number there.
    await page.getByTestId('nav-workOrders').click();
    await eventually('the export state to show', async () => {
      const row = await page.locator('tbody tr', { hasText: 'WO-0001' }).first().textContent();
      return row?.includes('in e-Boekhouden') && row.includes(invoice.invoiceNumber);
    });

    // Opened, it offers e-Boekhouden's PDF of that invoice in a new tab, reachable by keyboard.
    await page.getByRole('button', { name: 'Bewerken WO-0001' }).click();
    const pdf = page.getByRole('link', {
      name: `Open de PDF van factuur ${invoice.invoiceNumber} (opent in een nieuw tabblad)`,
    });
    await pdf.waitFor();
    expect(await pdf.getAttribute('href')).toMatch(new RegExp(`^https?://.+/__sandbox/invoice/${invoice.id}/pdf$`));
    expect(await pdf.getAttribute('target')).toBe('_blank');
    expect(await pdf.getAttribute('rel')).toBe('noopener');
    await pdf.focus();
    expect(await pdf.evaluate((el) => el === document.activeElement)).toBe(true);
  });
});
