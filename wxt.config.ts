import { defineConfig } from 'wxt';

// The default local proxy is the only host the extension may reach out of the box;
// another proxy URL is requested as an optional host permission when it is saved.
const ANY_PROXY = ['https://*/*', 'http://*/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-vue'],
  // Explicit imports everywhere: lib/ runs unchanged in Node tests and the proxy.
  imports: false,
  // The store's source package: the code, not test artefacts or benchmark output.
  zip: { excludeSources: ['test-results/**', 'bench/**', '**/*.log', 'stats.html'] },
  manifest: ({ manifestVersion, browser }) => ({
    name: 'Boekhoud Companion',
    description: '__MSG_extDescription__',
    default_locale: 'nl',
    permissions: ['alarms'],
    host_permissions: ['http://127.0.0.1:8787/*'],
    // MV2 (Firefox) has no optional_host_permissions: optional origins go in optional_permissions.
    ...(manifestVersion === 2 ? { optional_permissions: ANY_PROXY } : { optional_host_permissions: ANY_PROXY }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'boekhoud-companion@companion.invalid', strict_min_version: '115.0' },
          },
        }
      : {}),
  }),
});
