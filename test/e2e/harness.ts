/**
 * Real-browser harness: the extension in Debian's Chromium via playwright-core, with the sandbox
 * (ephemeral port) behind the proxy on a free port of this run. global-setup.ts chose the port and
 * built the extension for it: that proxy is its default and the only host it may reach without
 * asking, as 127.0.0.1:8787 is for a person's build.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import { startProxyServer, type RunningProxy } from '../../proxy/server';
import { CHROMIUM, EXTENSION_DIR, launchWithExtension } from './launch';

export { CHROMIUM, EXTENSION_DIR, launchWithExtension };

/** The proxy's port for this run (chosen free by global-setup.ts; never 8787). */
export const PROXY_PORT = inject('e2eProxyPort');
/** The extension built for that proxy (the product build stays in EXTENSION_DIR). */
const E2E_EXTENSION_DIR = inject('e2eExtensionDir');
export const SCREENSHOTS = resolve('test-results/screenshots');

export const SANDBOX = {
  apiToken: 'sandbox-token',
  username: 'demo',
  securityCode1: '0123456789abcdef0123456789abcdef',
  securityCode2: '1A2B3C4D-0000-1111-2222-333344445555',
};

export interface Backends {
  sandbox: TestSandbox;
  proxy: RunningProxy;
  close(): Promise<void>;
}

/**
 * The proxy must listen on PROXY_PORT: it is the only host the test build grants without a prompt,
 * and a headless browser cannot answer a permission prompt. The port was free when chosen and lies
 * outside the kernel's ephemeral range; the previous test file's proxy may still be letting it go,
 * so wait a few seconds, then say plainly what is wrong.
 */
async function startProxyOnItsPort(upstream: string, waitMs = 10_000): Promise<RunningProxy> {
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      return await startProxyServer({
        soapUrl: upstream,
        restUrl: upstream,
        allowedExtensionIds: [],
        upstreamTimeoutMs: 30_000,
        bodyLimitBytes: 1024 * 1024,
        port: PROXY_PORT,
        host: '127.0.0.1',
        logger: () => undefined,
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
      if (Date.now() > until)
        throw new Error(
          `Port ${PROXY_PORT}, chosen free for this e2e run, was taken by another process meanwhile; run the e2e tests again.`,
          { cause: e },
        );
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

export async function startBackends(): Promise<Backends> {
  const sandbox = await startTestSandbox({ seed: 'demo' });
  const proxy = await startProxyOnItsPort(sandbox.url);
  return {
    sandbox,
    proxy,
    async close() {
      await proxy.close(500);
      await sandbox.close();
    },
  };
}

export interface Extension {
  context: BrowserContext;
  worker: Worker;
  id: string;
  close(): Promise<void>;
}

export async function launchExtension(): Promise<Extension> {
  if (!existsSync(join(E2E_EXTENSION_DIR, 'manifest.json')))
    throw new Error(`The e2e build is missing (${E2E_EXTENSION_DIR}); global-setup.ts makes it.`);
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium).`);
  const profile = mkdtempSync(join(tmpdir(), 'bc-e2e-'));
  const { context, worker, id } = await launchWithExtension(E2E_EXTENSION_DIR, profile, { width: 1280, height: 900 });
  return {
    context,
    worker,
    id,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface TestEnvironment {
  readonly backends: Backends;
  readonly ext: Extension;
}

/**
 * The backends and an extension for the tests of one file: started before them (after
 * `prepare`, which may reset the sandbox), closed after them. Read the fields inside tests.
 */
export function useBackendsAndExtension(
  options: {
    launch?: () => Promise<Extension>;
    prepare?: (backends: Backends) => Promise<unknown>;
  } = {},
): TestEnvironment {
  const { launch = launchExtension, prepare } = options;
  const env = {} as { backends: Backends; ext: Extension };
  beforeAll(async () => {
    env.backends = await startBackends();
    await prepare?.(env.backends);
    env.ext = await launch();
  });
  afterAll(async () => {
    await env.ext?.close();
    await env.backends?.close();
  });
  return env;
}

/** The service worker currently running (it may have been restarted). */
export function currentWorker(ext: Extension): Worker {
  return ext.context.serviceWorkers().find((w) => w.url().includes(ext.id)) ?? ext.worker;
}

export async function openPopup(ext: Extension): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 380, height: 760 });
  await page.goto(`chrome-extension://${ext.id}/popup.html`);
  // Connected: the glance with Sync now; not connected yet: the connection form first.
  await page.locator('[data-testid=sync-now], #popup-connection').first().waitFor();
  return page;
}

export async function openOptions(ext: Extension, hash = 'connection'): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.id}/options.html#${hash}`);
  await page.locator('h2.section-heading').waitFor();
  return page;
}

export async function badgeText(ext: Extension): Promise<string> {
  return currentWorker(ext).evaluate(() =>
    (
      globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
    ).chrome.action.getBadgeText({}),
  );
}

/** Waits until `check` returns a truthy value (polling), or fails with `what`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
  everyMs = 200,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Fills in the token in the popup and saves; returns the popup page. */
export async function saveTokenInPopup(page: Page, token: string): Promise<void> {
  // Once connected, the form is behind "Change connection" (open already when a reconnect is needed).
  if (!(await page.locator('#popup-connection').isVisible())) await page.getByTestId('change-connection').click();
  await page.getByRole('radio', { name: /API.token/ }).check();
  await page.getByRole('textbox', { name: /API.token/ }).fill(token);
  await page.getByTestId('save').click();
  try {
    await page.getByTestId('form-result').locator('.notice.ok').waitFor({ timeout: 15_000 });
  } catch (e) {
    await screenshot(page, `failure-save-${Date.now()}`);
    const fields = await page.locator('form[data-error-fields]').getAttribute('data-error-fields');
    const typed = await page.getByRole('textbox', { name: /API.token/ }).inputValue();
    throw new Error(
      `saving did not succeed; the form says: ${await page.getByTestId('form-result').textContent()} (fields: ${fields}; typed ${typed.length} chars)`,
      { cause: e },
    );
  }
}

/** Clicks "Sync now" and waits for the outcome notice; returns its text. */
export async function syncAndWait(page: Page, timeoutMs = 90_000): Promise<string> {
  await page.getByTestId('sync-now').click();
  const result = page.getByTestId('sync-result');
  await result.waitFor({ timeout: timeoutMs });
  return (await result.textContent()) ?? '';
}

let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page; returns serious and critical violations only. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Extension pages forbid inline scripts (CSP), so axe is evaluated through the debugger protocol.
  axeSource ??= readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(`${axeSource}\n;void 0;`);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A fresh extension connected with the sandbox token and synced once. */
export async function connectedExtension(): Promise<Extension> {
  const ext = await launchExtension();
  const popup = await openPopup(ext);
  await saveTokenInPopup(popup, SANDBOX.apiToken);
  const outcome = await syncAndWait(popup);
  if (!outcome.includes('gelukt')) throw new Error(`first sync did not succeed: ${outcome}`);
  await popup.close();
  return ext;
}

/** Sets up the stored settings the way a person would on the options page (template, …). */
export async function chooseFirstTemplate(ext: Extension): Promise<string> {
  const page = await openOptions(ext, 'settings');
  const select = page.locator('select#settings-template');
  await select.waitFor();
  const name = await select.locator('option').nth(1).getAttribute('value');
  if (!name) throw new Error('no invoice template was imported');
  await select.selectOption(name);
  await page.getByTestId('save-settings').click();
  await page.locator('.notice.ok').waitFor();
  await page.close();
  return name;
}

export interface WorkOrderChoice {
  customerCode: string;
  hourTypeCode: string;
  materialCode: string;
  hours: number;
  quantity: number;
}

/** Creates and completes a work order with one hour line and one material line in the options page. */
export async function completeWorkOrder(
  page: Page,
  c: Omit<WorkOrderChoice, 'hourTypeCode' | 'materialCode'>,
): Promise<WorkOrderChoice> {
  await page.goto(page.url().replace(/#.*$/, '#workOrders'));
  await page.getByTestId('new-work-order').click();
  await page.locator('#wo-customer-search').fill(c.customerCode);
  await page.locator('#wo-customer').selectOption({ index: 1 });
  await page.locator('#wo-description').fill('Onderhoud cv-ketel');
  await page.getByTestId('add-hour-line').click();
  const hourRow = page.getByTestId('hour-line').first();
  // the first select is the item; the row also has the discount's kind
  await hourRow.locator('select').first().selectOption({ index: 1 });
  await hourRow.locator('input[type=number]').first().fill(String(c.hours));
  await page.getByTestId('add-material-line').click();
  const materialRow = page.getByTestId('material-line').first();
  await materialRow.locator('select').first().selectOption({ index: 1 });
  await materialRow.locator('input[type=number]').first().fill(String(c.quantity));
  const code = async (row: typeof hourRow) =>
    ((await row.locator('select').first().locator('option:checked').textContent()) ?? '').split(' – ')[0].trim();
  const choice = { ...c, hourTypeCode: await code(hourRow), materialCode: await code(materialRow) };
  await page.getByTestId('complete-work-order').click();
  await page.locator('.editor .notice.ok').waitFor();
  return choice;
}
