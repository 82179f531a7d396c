/** An accountant's token sees several administrations: the options page offers a picker and syncs the chosen one. */
import { describe, expect, it } from 'vitest';
import {
  eventually,
  openOptions,
  openPopup,
  saveTokenInPopup,
  SANDBOX,
  syncAndWait,
  useBackendsAndExtension,
} from './harness';

const env = useBackendsAndExtension({ prepare: (backends) => backends.sandbox.reset('demo', { accountant: true }) });

describe('an accountant', () => {
  it('picks the administration to sync', async () => {
    const popup = await openPopup(env.ext);
    await saveTokenInPopup(popup, SANDBOX.apiToken);
    expect(await syncAndWait(popup)).toContain('gelukt');
    await popup.close();

    const administrations = env.backends.sandbox.ctx.store.administrations;
    expect(administrations.length).toBeGreaterThan(1);
    const page = await openOptions(env.ext, 'connection');
    const picker = page.locator('#options-administration');
    await picker.waitFor();
    // "the administration of these credentials" plus one option per administration
    await eventually(
      'every administration in the picker',
      async () => (await picker.locator('option').count()) === administrations.length + 1,
    );
    const chosen = administrations[1];
    await picker.selectOption(chosen.guid);
    await page.getByTestId('save').click();
    await page.locator('.notice.ok').getByText('Instellingen opgeslagen').waitFor();

    await page.getByTestId('sync-now').click();
    await page.getByTestId('sync-result').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('sync-result').textContent()).toMatch(/gelukt/);
    const saved = await page.evaluate(async () => {
      const reply = await (
        globalThis as unknown as {
          chrome: {
            runtime: { sendMessage(m: object): Promise<{ data: { settings: { administrationGuid: string } } }> };
          };
        }
      ).chrome.runtime.sendMessage({ type: 'status' });
      return reply.data.settings.administrationGuid;
    });
    expect(saved).toBe(chosen.guid);
  });
});
