/**
 * Headless Chromium with the built extension loaded: shared by the e2e harness and the bench,
 * and free of test-runner imports so the bench can run it under plain tsx.
 */
import { resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The Chromium flags that load one unpacked extension and keep the browser quiet. */
function extensionArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/**
 * Headless Chromium with the unpacked extension in `extensionDir` and a profile in `userDataDir`;
 * resolves once its service worker runs. No `viewport`: Playwright's default.
 */
export async function launchWithExtension(
  extensionDir: string,
  userDataDir: string,
  viewport?: { width: number; height: number },
): Promise<{ context: BrowserContext; worker: Worker; id: string }> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    ...(viewport ? { viewport } : {}),
    args: extensionArgs(extensionDir),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  return { context, worker, id: new URL(worker.url()).host };
}
