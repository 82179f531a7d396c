/**
 * The port the e2e tests and the bench take for their proxy (test/e2e/proxy-build.ts), and the
 * default proxy of a build made without BC_PROXY_URL (lib/default-proxy.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort, portIsFree } from '../e2e/proxy-build';
import { DEFAULT_PROXY_URL, LOCAL_PROXY_URL } from '../../lib/default-proxy';

const RANGE = '/proc/sys/net/ipv4/ip_local_port_range';

describe('the free port for the tests’ proxy', () => {
  it('can be listened on, lies below the kernel’s ephemeral range, and is never 8787 or 8788', async () => {
    const low = existsSync(RANGE) ? Number(readFileSync(RANGE, 'utf8').trim().split(/\s+/)[0]) : 49152;
    for (let i = 0; i < 5; i++) {
      const port = await freePort();
      expect(port).toBeGreaterThanOrEqual(1024);
      expect(port).toBeLessThan(low);
      expect([8787, 8788]).not.toContain(port);
      expect(await portIsFree(port)).toBe(true);
    }
  });

  it('is not a port another server listens on', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      expect(await portIsFree((server.address() as AddressInfo).port)).toBe(false);
    } finally {
      server.close();
    }
  });
});

describe('the default proxy', () => {
  it('is 127.0.0.1:8787, where npm start runs it, unless a build says otherwise', () => {
    expect(LOCAL_PROXY_URL).toBe('http://127.0.0.1:8787');
    expect(DEFAULT_PROXY_URL).toBe(LOCAL_PROXY_URL);
  });
});
