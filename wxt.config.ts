import { defineConfig } from 'wxt';

// The default local proxy is the only host the extension may reach out of the box;
// another proxy URL is requested as an optional host permission when it is saved.
export default defineConfig({
  modules: ['@wxt-dev/module-vue'],
  // Explicit imports everywhere: lib/ runs unchanged in Node tests and the proxy.
  imports: false,
  manifest: {
    name: 'Boekhoud Companion',
    description: '__MSG_extDescription__',
    default_locale: 'nl',
    permissions: ['alarms'],
    host_permissions: ['http://127.0.0.1:8787/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
  },
});
