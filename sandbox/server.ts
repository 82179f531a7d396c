/**
 * The sandbox as one Hono app: REST v1 under /v1, SOAP at POST /soap.asmx, control API under /__sandbox.
 */
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { defaultConfig, mergeConfig, type SandboxConfig } from './config';
import { Faults, Stats, type SandboxContext } from './faults';
import { Sessions } from './sessions';
import { Network } from './network';
import type { SeedName } from './store';
import { seededStore } from './seeds';
import { restRoutes } from './rest';
import { controlRoutes } from './control';
import { soapRoute } from './soap';
import { wsdlResponse } from './soap/wsdl';
import { invoicePdfRoute } from './invoice-pdf';

export function createContext(opts: { seed?: SeedName; config?: Partial<SandboxConfig> } = {}): SandboxContext {
  const ctx: SandboxContext = {
    store: seededStore(opts.seed ?? 'demo'),
    config: mergeConfig(defaultConfig(), opts.config),
    faults: new Faults(),
    stats: new Stats(),
    sessions: new Sessions(),
    network: new Network(() => ctx.config),
  };
  return ctx;
}

export function createSandboxApp(ctx: SandboxContext): Hono {
  const app = new Hono();
  // The network profile holds API requests only, never the control API.
  app.use('/v1/*', ctx.network.middleware());
  app.use('/soap.asmx', ctx.network.middleware());
  app.route('/v1', restRoutes(ctx));
  app.post('/soap.asmx', soapRoute(ctx));
  app.get('/soap.asmx', (c) => wsdlResponse(c) ?? c.notFound());
  // Where `urlPdfFile` points (REST invoices).
  app.get('/__sandbox/invoice/:id{[0-9]+}/pdf', invoicePdfRoute(ctx));
  app.route('/__sandbox', controlRoutes(ctx));
  app.notFound((c) => c.json({ type: 'notFound', title: 'Not Found', status: 404 }, 404));
  app.onError((err, c) => {
    console.error('[sandbox] unhandled error:', err instanceof Error ? err.message : String(err));
    return c.json(
      { type: 'error', code: 'ERR_001', title: 'Something went wrong.', message: 'Something went wrong.', status: 500 },
      500,
    );
  });
  return app;
}

export interface RunningSandbox {
  url: string;
  port: number;
  ctx: SandboxContext;
  close(): Promise<void>;
}

/** Starts the sandbox on a real port. port 0 = ephemeral; host default 127.0.0.1; seed default 'demo'. */
export function startSandbox(
  opts: { port?: number; host?: string; seed?: SeedName; config?: Partial<SandboxConfig> } = {},
): Promise<RunningSandbox> {
  const ctx = createContext({ seed: opts.seed, config: opts.config });
  const app = createSandboxApp(ctx);
  const host = opts.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: opts.port ?? 0, hostname: host }, (info: AddressInfo) => {
      const urlHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${urlHost}:${info.port}`,
        port: info.port,
        ctx,
        close: () =>
          new Promise<void>((done) => {
            const http = server as unknown as Server;
            http.close(() => done());
            // Hanging (timeout-fault) requests and keep-alive sockets would hold close() open.
            http.closeAllConnections?.();
          }),
      });
    }) as unknown as Server;
    server.once('error', reject);
  });
}
