/** A new user with username + Security Code 1 and 2 (SOAP): save, test, sync, and see the data. */
import { describe, expect, it } from 'vitest';
import {
  badgeText,
  eventually,
  screenshot,
  openOptions,
  openPopup,
  SANDBOX,
  syncAndWait,
  useBackendsAndExtension,
} from './harness';

const env = useBackendsAndExtension();

describe('a new user with security codes', () => {
  it('saves, tests the connection, syncs, and sees every customer and product', async () => {
    const popup = await openPopup(env.ext);
    await popup.getByRole('radio', { name: /beveiligingscodes/ }).check();
    await popup.getByLabel('Gebruikersnaam', { exact: true }).fill(SANDBOX.username);
    // A malformed code is refused inline with the fix.
    await popup.getByLabel('Beveiligingscode 1').fill('not-hex');
    await popup.getByLabel('Beveiligingscode 2').fill(SANDBOX.securityCode2);
    await popup.getByTestId('save').click();
    await popup.locator('#popup-securityCode1-error').getByText('32 tekens').waitFor();
    await screenshot(popup, 'popup-security-codes-nl');

    await popup.getByLabel('Beveiligingscode 1').fill(SANDBOX.securityCode1);
    // Tested before saving: a successful save gives way to the glance.
    await popup.getByTestId('test-connection').click();
    await popup.getByTestId('form-result').getByText('Verbonden met', { exact: false }).waitFor();
    await popup.getByTestId('save').click();
    await popup.getByTestId('form-result').locator('.notice.ok').waitFor();

    expect(await syncAndWait(popup)).toMatch(/gelukt|klaar/);
    await eventually('the badge to settle', async () => ['✓', '!'].includes(await badgeText(env.ext)));

    const state = await env.backends.sandbox.state();
    const soapCalls = (await env.backends.sandbox.stats()).byOperation;
    expect(soapCalls.OpenSession ?? 0).toBeGreaterThan(0);

    const options = await openOptions(env.ext, 'data/customers');
    const count = options.getByTestId('row-count');
    await eventually(
      'customers',
      async () => Number(await count.getAttribute('data-count')) === state.counts.relations,
    );
    await options.getByTestId('kind-materials').click();
    const materials = await eventually(
      'materials',
      async () => Number(await count.getAttribute('data-count')) || undefined,
    );
    await options.getByTestId('kind-hourTypes').click();
    const hourTypes = await eventually('hour types', async () => {
      const n = Number(await count.getAttribute('data-count'));
      return n !== materials && n > 0 ? n : undefined;
    });
    expect(materials + hourTypes).toBe(state.counts.products);
  });
});
