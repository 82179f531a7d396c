/** Shared by the load tests: autocannon's typed surface, a forced GC, and a tiny configurable upstream. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface LoadRequest {
  method: 'GET' | 'POST' | 'OPTIONS';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}
export interface AutocannonResult {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '1xx': number;
  '2xx': number;
  '3xx': number;
  '4xx': number;
  '5xx': number;
  statusCodeStats: Record<string, { count: number }>;
}
type Autocannon = (
  opts: { url: string; connections: number; duration: number; requests: LoadRequest[]; timeout?: number },
  done: (error: Error | null, result: AutocannonResult) => void,
) => unknown;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export function load(
  url: string,
  requests: LoadRequest[],
  connections: number,
  durationSec: number,
): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: durationSec, requests, timeout: 10 }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

let gcFn: (() => void) | undefined;
export function gc(): void {
  if (!gcFn) {
    setFlagsFromString('--expose-gc');
    gcFn = runInNewContext('gc') as () => void;
  }
  gcFn();
}

/** Heap in use after full collections (MB), once things in flight have settled. */
export async function settledHeapMB(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 100));
    gc();
  }
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

export type Handler = (req: IncomingMessage, body: Buffer, res: ServerResponse) => void | Promise<void>;

export interface FakeUpstream {
  url: string;
  requests: number;
  handler: Handler;
  close(): Promise<void>;
}

/** A tiny upstream whose answers a test decides (`handler` may be swapped at any time). */
export function startFakeUpstream(handler: Handler): Promise<FakeUpstream> {
  const up = { url: '', requests: 0, handler } as FakeUpstream;
  const server: Server = createServer((req, res) => {
    up.requests++;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      Promise.resolve(up.handler(req, Buffer.concat(chunks), res)).catch(() => res.destroy());
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      up.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      up.close = () =>
        new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
      resolve(up);
    });
  });
}
