/**
 * The proxy on Node: the Hono app on a real port, with a close() that drains requests in
 * flight before it lets go (SIGTERM in proxy/main.ts and proxy/start.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createProxyApp } from './app';
import { createNodeFetch } from './node-fetch';
import { createNodeHandler } from './node-handler';
import type { ProxyServerConfig } from './config';

export interface RunningProxy {
  url: string;
  port: number;
  /** Stops accepting, waits for requests in flight (at most `graceMs`), then closes what is left. */
  close(graceMs?: number): Promise<void>;
}

export function startProxyServer(config: ProxyServerConfig): Promise<RunningProxy> {
  const app = createProxyApp({ ...config, fetch: config.fetch ?? createNodeFetch() });
  const viaHono = getRequestListener(app.fetch, { hostname: config.host });
  // With the default upstream access, plain requests skip Hono (proxy/node-handler.ts); a given fetch is always used.
  const server = createServer(config.fetch ? viaHono : createNodeHandler(config, viaHono));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      const info = server.address() as AddressInfo;
      const host = info.address.includes(':') ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: (graceMs) => drain(server, graceMs ?? 10_000),
      });
    });
  });
}

function drain(server: Server, graceMs: number): Promise<void> {
  return new Promise<void>((done) => {
    let finished = false;
    // Keep-alive sockets become idle once their response is sent; close them as they do.
    const sweep = setInterval(() => server.closeIdleConnections(), 25);
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      if (finished) return;
      finished = true;
      clearInterval(sweep);
      clearTimeout(force);
      done();
    });
    server.closeIdleConnections();
  });
}
