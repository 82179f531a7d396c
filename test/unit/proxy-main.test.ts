import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEchoUpstream, type EchoUpstream } from '../helpers/proxy';

const mainPath = fileURLToPath(new URL('../../proxy/main.ts', import.meta.url));

let upstream: EchoUpstream;
beforeAll(async () => {
  upstream = await startEchoUpstream('rest');
});
afterAll(() => upstream?.close());

function startMain(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', mainPath], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`proxy/main.ts did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Proxy listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => output, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`proxy/main.ts exited with ${code}:\n${output}`));
    });
  });
}

describe('npm run proxy (proxy/main.ts)', () => {
  it('on SIGTERM finishes the request in flight, refuses new ones, and exits 0', async () => {
    const { child, url, output, exited } = await startMain({ EB_SOAP_URL: upstream.url, EB_REST_URL: upstream.url });
    try {
      const inFlight = fetch(`${url}/v1/slow/400`).then(async (r) => ({ status: r.status, text: await r.text() }));
      await new Promise((r) => setTimeout(r, 100));
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 50));
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
      expect(await inFlight).toEqual({ status: 200, text: 'slow rest' });
      expect(await exited).toBe(0);
      expect(output()).toMatch(/GET \/v1\/slow\/400 200 /);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('exits 1 with a clear message on a bad configuration', async () => {
    await expect(startMain({ PORT: 'eighty' })).rejects.toThrow(/exited with 1[\s\S]*PORT must be a whole number/);
  });
});
