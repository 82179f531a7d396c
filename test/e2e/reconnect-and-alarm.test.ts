/**
 * A wrong token: a clear message, auto-sync paused (the alarm does not call e-Boekhouden), the
 * badge shows it; the right token resumes. Then the alarm fires with no page open and syncs.
 */
import { describe, expect, it } from 'vitest';
import type { Worker } from 'playwright-core';
import {
  badgeText,
  currentWorker,
  screenshot,
  eventually,
  openOptions,
  openPopup,
  saveTokenInPopup,
  SANDBOX,
  syncAndWait,
  useBackendsAndExtension,
} from './harness';

const env = useBackendsAndExtension();

type Chrome = {
  chrome: {
    alarms: {
      create(n: string, o: object): Promise<void>;
      get(n: string): Promise<{ periodInMinutes?: number } | undefined>;
    };
  };
};

function fireSyncAlarm(worker: Worker): Promise<void> {
  return worker.evaluate(() => (globalThis as unknown as Chrome).chrome.alarms.create('sync', { when: Date.now() }));
}

describe('credentials and the alarm', () => {
  it('pauses on a wrong token with a clear message and resumes with the right one', async () => {
    const popup = await openPopup(env.ext);
    await saveTokenInPopup(popup, 'not-the-right-token');
    const outcome = await syncAndWait(popup);
    expect(outcome).toContain('mislukt');
    // Plain words with the fix, never a bare code: the form opened by itself with the reason.
    const message = (await popup.getByTestId('reconnect-reason').textContent()) ?? '';
    expect(message).toMatch(/token|inloggegevens/i);
    expect(message.length).toBeGreaterThan(30);
    await popup.getByTestId('next-sync').getByText('Gepauzeerd').waitFor();
    expect(await popup.getByTestId('health').textContent()).toContain('Opnieuw verbinden nodig');
    await eventually('the badge to ask for attention', async () => (await badgeText(env.ext)) === '!');
    await screenshot(popup, 'popup-reconnect-nl');

    // The alarm does not try again while the credentials are rejected.
    await env.backends.sandbox.resetStats();
    await fireSyncAlarm(currentWorker(env.ext));
    await new Promise((r) => setTimeout(r, 2500));
    expect((await env.backends.sandbox.stats()).total).toBe(0);

    // The right token resumes.
    await saveTokenInPopup(popup, SANDBOX.apiToken);
    await popup.getByTestId('next-sync').getByText('Gepauzeerd').waitFor({ state: 'detached' });
    expect(await syncAndWait(popup)).toContain('gelukt');
    await eventually('the badge to say fine', async () => (await badgeText(env.ext)) === '✓');
    await popup.close();
  });

  it('syncs when the alarm fires with no page open', async () => {
    const store = env.backends.sandbox.ctx.store;
    const template = [...store.relations.values()][0];
    store.addRelation({
      ...template,
      code: 'NIEUW1',
      name: 'Nieuwe Klant via e-Boekhouden',
      createdVia: 'rest',
    } as Parameters<typeof store.addRelation>[0]);
    const relations = store.relations.size;

    // Wake the worker (a page sends it a message), then close every page.
    const popup = await openPopup(env.ext);
    await popup.close();
    for (const p of env.ext.context.pages()) await p.close();
    await env.backends.sandbox.resetStats();

    const worker = currentWorker(env.ext);
    await fireSyncAlarm(worker);
    await eventually(
      'the alarm run to reach e-Boekhouden',
      async () => (await env.backends.sandbox.stats()).total > 0,
      20_000,
    );
    await eventually('the run to finish', async () => (await badgeText(env.ext)) === '✓', 60_000);
    // The 15-minute schedule survives the one-off alarm.
    const alarm = await currentWorker(env.ext).evaluate(() =>
      (globalThis as unknown as Chrome).chrome.alarms.get('sync'),
    );
    expect(alarm?.periodInMinutes).toBe(15);

    const options = await openOptions(env.ext, 'data/customers');
    await eventually(
      'the new relation to be imported',
      async () => Number(await options.getByTestId('row-count').getAttribute('data-count')) === relations,
    );
    await options.getByLabel(/Zoek in klanten/).fill('NIEUW1');
    await options.locator('tbody tr', { hasText: 'Nieuwe Klant via e-Boekhouden' }).waitFor();
    await options.getByTestId('nav-log').click();
    await options.getByTestId('sync-runs').locator('li').first().getByText('automatisch').waitFor();
  });
});
