import { defineConfig } from 'wxt';
import { LOCAL_PROXY_URL } from './lib/default-proxy';
import { zodWithoutEval } from './scripts/zod-without-eval';

// The default proxy is the only host the extension may reach out of the box. Another proxy is
// asked for as an optional host permission when it is saved: https anywhere, plain http only on this
// computer (lib/settings.ts refuses http elsewhere, so credentials never travel unencrypted).
const OTHER_PROXIES = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*', 'http://[::1]/*'];

/** addons.mozilla.org: the add-on's id for good (updates and the store listing follow it). */
export const FIREFOX_ADDON_ID = '{5b0c8a3e-4f1d-4d6b-9a7e-2c9e6f1b8d04}';

/**
 * The default proxy of this build: LOCAL_PROXY_URL (where `npm start` runs it), or BC_PROXY_URL
 * when set. The e2e tests and the bench set it to a proxy on a free port, so they never depend
 * on 8787 being free; the extension then reaches that proxy just as a person's build reaches 8787.
 */
function defaultProxyOrigin(fromEnv: string | undefined): string {
  if (!fromEnv) return new URL(LOCAL_PROXY_URL).origin;
  const url = new URL(fromEnv);
  if (!/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash)
    throw new Error(`BC_PROXY_URL must be a proxy's own address (http://host:port), not ${fromEnv}`);
  return url.origin;
}
const DEFAULT_PROXY = defaultProxyOrigin(process.env.BC_PROXY_URL);

export default defineConfig({
  modules: ['@wxt-dev/module-vue', '@wxt-dev/auto-icons'],
  // One source image; 16, 32, 48 and 128 px are made from it at build.
  autoIcons: { baseIconPath: 'assets/icon.svg', developmentIndicator: false },
  // Explicit imports everywhere: lib/ runs unchanged in Node tests and the proxy.
  imports: false,
  // BC_OUT_DIR: a build of its own (the e2e tests' and the bench's, for their proxy port).
  ...(process.env.BC_OUT_DIR ? { outDir: process.env.BC_OUT_DIR } : {}),
  vite: () => ({ plugins: [zodWithoutEval()], define: { __BC_PROXY_URL__: JSON.stringify(DEFAULT_PROXY) } }),
  // The sources package for addons.mozilla.org is made from git (npm run zip:sources), so only what is committed goes in.
  zip: { zipSources: false },
  manifest: ({ manifestVersion, browser }) => ({
    name: 'Boekhoud Companion',
    description: '__MSG_extDescription__',
    default_locale: 'nl',
    permissions: ['alarms'],
    host_permissions: [`${DEFAULT_PROXY}/*`],
    // MV2 (Firefox) has no optional_host_permissions: optional origins go in optional_permissions.
    ...(manifestVersion === 2 ? { optional_permissions: OTHER_PROXIES } : { optional_host_permissions: OTHER_PROXIES }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: FIREFOX_ADDON_ID,
              // data_collection_permissions exists from Firefox 140 on.
              strict_min_version: '140.0',
              // The truth: credentials, the books and customers' details go to the proxy the person chose,
              // and through it to their own e-Boekhouden administration; to nobody else.
              data_collection_permissions: {
                required: ['authenticationInfo', 'financialAndPaymentInfo', 'personallyIdentifyingInfo'],
              },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
