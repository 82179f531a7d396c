/**
 * A run survives the service worker being stopped: the worker is stopped in the middle of a
 * sync (made slow by the sandbox answering 429 now and then); the next start resumes from the
 * saved cursors and the run finishes with every record, none twice.
 */
import { describe, it } from 'vitest';
import {
  badgeText,
  eventually,
  openOptions,
  openPopup,
  saveTokenInPopup,
  SANDBOX,
  useBackendsAndExtension,
} from './harness';

const env = useBackendsAndExtension();

describe('a long run', () => {
  it('resumes after the worker was stopped in the middle', async () => {
    const popup = await openPopup(env.ext);
    await saveTokenInPopup(popup, SANDBOX.apiToken);
    await env.backends.sandbox.faults({ rate: 0.35, kinds: ['rateLimit'], seed: 7 });
    await popup.getByTestId('sync-now').click();
    await popup.locator('progress').waitFor({ timeout: 10_000 });
    await eventually(
      'some records to arrive',
      async () => (await env.backends.sandbox.stats()).total > 10,
      20_000,
      100,
    );

    // Stop every service worker, as Chrome does after 30 s idle or under memory pressure.
    const cdp = await env.ext.context.newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await popup.close();
    await env.backends.sandbox.faults(null);

    // Any event starts the worker again; opening the popup sends it a message.
    const again = await openPopup(env.ext);
    await eventually(
      'the resumed run to finish',
      async () => (await again.getByTestId('last-sync').textContent())?.includes('gelukt'),
      150_000,
      500,
    );
    await eventually('the badge to say fine', async () => (await badgeText(env.ext)) === '✓');

    const state = await env.backends.sandbox.state();
    const options = await openOptions(env.ext, 'data/customers');
    await eventually(
      'every customer, once',
      async () => Number(await options.getByTestId('row-count').getAttribute('data-count')) === state.counts.relations,
    );
    await options.getByTestId('nav-log').click();
    await options.getByTestId('sync-runs').locator('li').first().getByText('hervat').waitFor();
  });
});
