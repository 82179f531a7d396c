import { defineConfig } from 'wxt';
import { zodWithoutEval } from './scripts/zod-without-eval';

// The default local proxy is the only host the extension may reach out of the box. Another proxy is
// asked for as an optional host permission when it is saved: https anywhere, plain http only on this
// computer (lib/settings.ts refuses http elsewhere, so credentials never travel unencrypted).
const OTHER_PROXIES = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*', 'http://[::1]/*'];

/** addons.mozilla.org: the add-on's id for good (updates and the store listing follow it). */
export const FIREFOX_ADDON_ID = '{5b0c8a3e-4f1d-4d6b-9a7e-2c9e6f1b8d04}';

export default defineConfig({
  modules: ['@wxt-dev/module-vue', '@wxt-dev/auto-icons'],
  // One source image; 16, 32, 48 and 128 px are made from it at build.
  autoIcons: { baseIconPath: 'assets/icon.svg', developmentIndicator: false },
  // Explicit imports everywhere: lib/ runs unchanged in Node tests and the proxy.
  imports: false,
  // The sources package for addons.mozilla.org is made from git (npm run zip:sources), so only what is committed goes in.
  zip: { zipSources: false },
  vite: () => ({ plugins: [zodWithoutEval()] }),
  manifest: ({ manifestVersion, browser }) => ({
    name: 'Boekhoud Companion',
    description: '__MSG_extDescription__',
    default_locale: 'nl',
    permissions: ['alarms'],
    host_permissions: ['http://127.0.0.1:8787/*'],
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
