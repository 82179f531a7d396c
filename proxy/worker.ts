/**
 * The proxy on a Cloudflare Worker (or any host with the module-worker `fetch(request, env)`
 * signature): `npx wrangler deploy` with wrangler.toml. Configuration comes from the Worker's
 * variables and secrets (`wrangler secret put PROXY_TOKEN`), read once per isolate.
 * A configuration error answers every request with JSON that names the variable to fix.
 */
import { createProxyApp, type ProxyApp } from './app';
import { loadProxyConfig, ProxyConfigError, type Env } from './config';

let app: ProxyApp | undefined;
let configError: string | undefined;

function configurationFailure(message: string): Response {
  return new Response(JSON.stringify({ error: 'proxy_misconfigured', message }), {
    status: 500,
    headers: { 'content-type': 'application/json; charset=UTF-8' },
  });
}

export default {
  fetch(request: Request, env: Env): Response | Promise<Response> {
    if (!app && configError === undefined) {
      try {
        // PORT and HOST mean nothing on a Worker: the host decides where it listens.
        app = createProxyApp(loadProxyConfig(stringsOnly(env)));
      } catch (error) {
        if (!(error instanceof ProxyConfigError)) throw error;
        configError = `Configuration error: ${error.message}`;
      }
    }
    if (configError !== undefined) return configurationFailure(configError);
    return app!.fetch(request);
  },
};

/** Worker bindings may hold KV namespaces and the like; only text variables configure the proxy. */
function stringsOnly(env: Record<string, unknown>): Env {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === 'string')) as Env;
}
