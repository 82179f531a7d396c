import { defineConfig } from 'wxt';
import { LOCAL_PROXY_URL } from './lib/default-proxy';

// The default proxy is the only host the extension may reach out of the box;
// another proxy URL is requested as an optional host permission when it is saved.
const ANY_PROXY = ['https://*/*', 'http://*/*'];

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
  modules: ['@wxt-dev/module-vue'],
  // Explicit imports everywhere: lib/ runs unchanged in Node tests and the proxy.
  imports: false,
  // BC_OUT_DIR: a build of its own (the e2e tests' and the bench's, for their proxy port).
  ...(process.env.BC_OUT_DIR ? { outDir: process.env.BC_OUT_DIR } : {}),
  vite: () => ({ define: { __BC_PROXY_URL__: JSON.stringify(DEFAULT_PROXY) } }),
  // The store's source package: the code, not test artefacts or benchmark output.
  zip: { excludeSources: ['test-results/**', 'bench/**', '**/*.log', 'stats.html'] },
  manifest: ({ manifestVersion, browser }) => ({
    name: 'Boekhoud Companion',
    description: '__MSG_extDescription__',
    default_locale: 'nl',
    permissions: ['alarms'],
    host_permissions: [`${DEFAULT_PROXY}/*`],
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
