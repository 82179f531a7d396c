/**
 * `npm run proxy` and `npm run sandbox` as a process manager runs them: SIGTERM goes to the npm
 * process, and afterwards nothing may still hold the port (no shell or tsx wrapper left behind).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

async function runUntilListening(script: string, env: Record<string, string>, listening: RegExp) {
  const child = spawn('npm', ['run', '--silent', script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run ${script} did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = listening.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
  return { child, port, exited };
}

describe('npm scripts stop on SIGTERM sent to npm', () => {
  it.each([
    [
      'proxy',
      { PORT: '0', EB_SOAP_URL: 'http://127.0.0.1:9', EB_REST_URL: 'http://127.0.0.1:9' },
      /listening on http:\/\/127\.0\.0\.1:(\d+)/,
    ],
    ['sandbox', { SANDBOX_PORT: '0' }, /listening on http:\/\/127\.0\.0\.1:(\d+)/],
  ] as const)('npm run %s frees its port', async (script, env, listening) => {
    const { child, port, exited } = await runUntilListening(script, env, listening);
    try {
      expect(await portIsFree(port)).toBe(false);
      child.kill('SIGTERM');
      await exited;
      expect(await portIsFree(port)).toBe(true);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('every script that starts a server runs it in place of the shell (exec), so the signal reaches it', () => {
    const { scripts } = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { scripts: Record<string, string> };
    for (const name of ['start', 'proxy', 'sandbox']) {
      const server = scripts[name].split('&&').at(-1)!.trim();
      expect(server, `scripts.${name}`).toMatch(/^exec node --import tsx (proxy|sandbox)\/\w+\.ts$/);
    }
  });
});
