/**
 * A build of the extension for a proxy on a port of the tests' own: its default proxy URL and its
 * one host permission are that proxy (BC_PROXY_URL, read by wxt.config.ts), so the e2e tests and
 * the bench never need 127.0.0.1:8787, which `npm start` or another run may hold. Shared by the
 * e2e harness and the bench, and free of test-runner imports so the bench can run it under tsx.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

/** Whether a server can listen on `host:port` right now. */
export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, host, () => server.close(() => done(true)));
  });
}

/** The kernel's ephemeral port range (the ports `listen(0)` and outgoing connections take). */
function ephemeralRange(): [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (low > 0 && high >= low) return [low, high];
  } catch {
    /* not Linux: the IANA dynamic range */
  }
  return [49152, 65535];
}

/**
 * A port that is free now, below the ephemeral range: the kernel never hands it to another socket
 * by itself, so it stays free between the choice and the proxy's listen (and between test files,
 * when each starts its own proxy on it). Never 8787 or 8788 (`npm start`, `npm run sandbox`).
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const [low] = ephemeralRange();
  const from = Math.max(10_000, low - 20_000);
  const to = Math.max(from + 1_000, low);
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = from + Math.floor(Math.random() * (to - from));
    if (port === 8787 || port === 8788) continue;
    if (await portIsFree(port, host)) return port;
  }
  throw new Error(`no free port found on ${host} between ${from} and ${to}`);
}

/** The origin the built extension in `extensionDir` may reach without asking (its host permission). */
export function grantedProxyOrigin(extensionDir: string): string | undefined {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    host_permissions?: string[];
    permissions?: string[];
  };
  // MV3 (Chromium) lists hosts apart; MV2 (Firefox) among the permissions.
  const hosts = manifest.host_permissions ?? manifest.permissions?.filter((p) => p.includes('://'));
  return hosts?.[0]?.replace(/\/\*$/, '');
}

/**
 * Builds the extension (`wxt build`, as `npm run build` / `npm run build:firefox` do) with `proxyUrl`
 * as its default proxy and host permission, into `outDir`; returns the build's folder.
 */
export function buildExtensionFor(proxyUrl: string, outDir: string, browser: 'chrome' | 'firefox' = 'chrome'): string {
  const extensionDir = join(outDir, browser === 'chrome' ? 'chrome-mv3' : 'firefox-mv2');
  const origin = new URL(proxyUrl).origin;
  const built = spawnSync(resolve('node_modules/.bin/wxt'), ['build', '-b', browser], {
    env: { ...process.env, BC_PROXY_URL: origin, BC_OUT_DIR: outDir },
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (built.status !== 0)
    throw new Error(`building the extension for ${origin} failed:\n${built.stdout}\n${built.stderr}`, {
      cause: built.error,
    });
  const granted = grantedProxyOrigin(extensionDir);
  if (granted !== origin) throw new Error(`the build in ${extensionDir} grants ${granted}, not ${origin}`);
  return extensionDir;
}
