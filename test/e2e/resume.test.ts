/**
 * A run survives the service worker being stopped: the worker is stopped in the middle of a
 * sync (made slow by the sandbox answering 429 now and then); the next start resumes from the
 * saved cursors and the run finishes with every record, none twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeText, eventually, launchExtension, openOptions, openPopup, saveTokenInPopup, SANDBOX, startBackends, type Backends, type Extension } from './harness';

let backends: Backends;
let ext: Extension;

beforeAll(async () => {
  backends = await startBackends();
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
  await backends?.close();
});

describe('a long run', () => {
  it('resumes after the worker was stopped in the middle', async () => {
    const popup = await openPopup(ext);
    await saveTokenInPopup(popup, SANDBOX.apiToken);
    await backends.sandbox.faults({ rate: 0.35, kinds: ['rateLimit'], seed: 7 });
    await popup.getByTestId('sync-now').click();
    await popup.locator('progress').waitFor({ timeout: 10_000 });
    await eventually('some records to arrive', async () => (await backends.sandbox.stats()).total > 10, 20_000, 100);

    // Stop every service worker, as Chrome does after 30 s idle or under memory pressure.
    const cdp = await ext.context.newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await popup.close();
    await backends.sandbox.faults(null);

    // Any event starts the worker again; opening the popup sends it a message.
    const again = await openPopup(ext);
    await eventually('the resumed run to finish', async () => (await again.getByTestId('last-sync').textContent())?.includes('gelukt'), 150_000, 500);
    await eventually('the badge to say fine', async () => (await badgeText(ext)) === '✓');

    const state = await backends.sandbox.state();
    const options = await openOptions(ext, 'data/customers');
    await eventually('every customer, once', async () => Number(await options.getByTestId('row-count').getAttribute('data-count')) === state.counts.relations);
    await options.getByTestId('nav-log').click();
    await options.getByTestId('sync-runs').locator('li').first().getByText('hervat').waitFor();
  });
});
