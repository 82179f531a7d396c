/**
 * A new user with an API token: save, test the connection, sync with visible progress, and the
 * options page shows as many customers, materials and hour types as the sandbox holds.
 */
import { describe, expect, it } from 'vitest';
import {
  badgeText,
  eventually,
  screenshot,
  openOptions,
  openPopup,
  saveTokenInPopup,
  SANDBOX,
  useBackendsAndExtension,
} from './harness';

const env = useBackendsAndExtension();

describe('a new user with an API token', () => {
  it('saves, tests the connection, syncs with progress, and sees every record', async () => {
    const popup = await openPopup(env.ext);
    // Nothing configured yet: saving an empty token is refused inline, in Dutch.
    await popup.getByTestId('save').click();
    await popup.locator('#popup-apiToken-error').getByText('Vul je API-token in.', { exact: false }).waitFor();
    expect(await popup.locator('#popup-apiToken').getAttribute('aria-invalid')).toBe('true');
    await screenshot(popup, 'popup-new-user-nl');

    // Tested before saving: a successful save gives way to the glance.
    await popup.getByRole('textbox', { name: /API.token/ }).fill(SANDBOX.apiToken);
    await popup.getByTestId('test-connection').click();
    await popup.getByTestId('form-result').getByText('Verbonden met', { exact: false }).waitFor();
    await saveTokenInPopup(popup, SANDBOX.apiToken);

    await popup.getByTestId('sync-now').click();
    // Progress is visible while it runs (the bar and the step text), then success.
    await popup.locator('progress').waitFor({ timeout: 10_000 });
    const result = popup.getByTestId('sync-result');
    await result.waitFor({ timeout: 90_000 });
    expect(await result.textContent()).toContain('Synchronisatie gelukt');
    expect(await popup.getByTestId('last-sync').textContent()).toContain('gelukt');
    expect(await popup.getByTestId('live').textContent()).toContain('Synchronisatie gelukt');
    await eventually('the badge to say fine', async () => (await badgeText(env.ext)) === '✓');

    const state = await env.backends.sandbox.state();
    const products = env.backends.sandbox.ctx.store.products.size;
    expect(products).toBe(state.counts.products);

    const options = await openOptions(env.ext, 'data/customers');
    const count = options.getByTestId('row-count');
    await eventually(
      'customers to be listed',
      async () => Number(await count.getAttribute('data-count')) === state.counts.relations,
    );
    await options.getByTestId('kind-materials').click();
    const materials = await eventually(
      'materials to be listed',
      async () => Number(await count.getAttribute('data-count')) || undefined,
    );
    await options.getByTestId('kind-hourTypes').click();
    const hourTypes = await eventually('hour types to be listed', async () => {
      const n = Number(await count.getAttribute('data-count'));
      return n !== materials && n > 0 ? n : undefined;
    });
    expect(materials + hourTypes).toBe(state.counts.products);

    // Search narrows the virtualised table; only a window of rows is in the DOM.
    await options.getByTestId('kind-customers').click();
    await eventually(
      'customers again',
      async () => Number(await count.getAttribute('data-count')) === state.counts.relations,
    );
    const firstName = [...env.backends.sandbox.ctx.store.relations.values()][0].name;
    await options.getByLabel(/Zoek in klanten/).fill(firstName);
    await eventually(
      'search to narrow the table',
      async () =>
        (await options.getByTestId('rows-shown').textContent())?.startsWith(`1 van`) ||
        (await options.locator('tbody tr:not(.pad)').count()) < state.counts.relations,
    );
    expect(await options.locator('tbody tr:not(.pad)').first().textContent()).toContain(firstName);

    // The open table's column headers follow a change of language.
    const headers = options.locator('thead');
    expect(await headers.textContent()).toContain('Naam');
    await options.locator('#options-language').selectOption('en');
    await eventually('the headers in English', async () => {
      const text = (await headers.textContent()) ?? '';
      return text.includes('Name') && !text.includes('Naam');
    });
    await options.locator('#options-language').selectOption('nl');
    await eventually('the headers in Dutch', async () => (await headers.textContent())?.includes('Naam'));

    // Disconnect asks first; cancelling keeps everything, confirming forgets credentials and data.
    await options.getByTestId('nav-connection').click();
    await options.getByTestId('disconnect').click();
    const dialog = options.getByRole('dialog', { name: 'Verbinding verbreken?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await badgeText(env.ext)).toBe('✓');
    await options.getByTestId('disconnect').click();
    await dialog.getByTestId('confirm').click();
    await options.getByText('Verbinding verbroken. Alle lokale gegevens zijn verwijderd.').waitFor();
    await eventually('the badge to clear', async () => (await badgeText(env.ext)) === '');
    await options.getByTestId('nav-data').click();
    await options.getByText('Nog geen gegevens. Synchroniseer eerst.').waitFor();
    await options.getByTestId('nav-connection').click();
    expect(await options.locator('#options-apiToken').inputValue()).toBe('');
    await options.getByText('Nog niet verbonden', { exact: false }).first().waitFor();
  });
});
