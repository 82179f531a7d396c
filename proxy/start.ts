/**
 * `npm start` (after `npm run build`): the sandbox in this process as the upstream, unless
 * EB_UPSTREAM / EB_SOAP_URL / EB_REST_URL say otherwise, and the proxy on 127.0.0.1:8787.
 * Then it prints what to do next.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSandbox, type RunningSandbox } from '../sandbox/server';
import { defaultConfig as sandboxDefaults } from '../sandbox/config';
import { loadProxyConfig } from './config';
import { wantsSandbox } from './start-options';
import { startProxyServer } from './server';
import { describeProxy, exitOnSignal, failAndExit, stdoutRequestLog } from './cli';

/** Sandbox credentials to print: the demo defaults as they are; values set in the environment are not echoed. */
export function sandboxCredentialLines(sandbox: RunningSandbox): string[] {
  const demo = sandboxDefaults({});
  const actual = sandbox.ctx.config;
  const show = (value: string, fallback: string, envName: string) =>
    value === fallback ? value : `(as set in ${envName})`;
  return [
    'Sandbox credentials (demo values, sandbox only):',
    `  API token:        ${show(actual.apiToken, demo.apiToken, 'SANDBOX_API_TOKEN')}`,
    '  or, the legacy way:',
    `  Username:         ${show(actual.username, demo.username, 'SANDBOX_USERNAME')}`,
    `  Security Code 1:  ${show(actual.securityCode1, demo.securityCode1, 'SANDBOX_SECURITY_CODE1')}`,
    `  Security Code 2:  ${show(actual.securityCode2, demo.securityCode2, 'SANDBOX_SECURITY_CODE2')}`,
  ];
}

export function nextStepsLines(extensionDir: string, built: boolean, proxyUrl: string): string[] {
  return [
    '',
    'Boekhoud Companion is ready.',
    '',
    built
      ? `Extension (Chrome/Chromium): ${extensionDir}`
      : `Extension not built yet: run \`npm run build\` (expected at ${extensionDir}).`,
    '  Load it: open chrome://extensions, turn on Developer mode, click "Load unpacked", choose that folder.',
    '  Firefox: run `npm run build:firefox`, open about:debugging → This Firefox → "Load Temporary Add-on",',
    '  and pick manifest.json in .output/firefox-mv2.',
    '',
    `Proxy URL (enter it in the extension's settings): ${proxyUrl}`,
    '',
  ];
}

async function main(): Promise<void> {
  let sandbox: RunningSandbox | undefined;
  if (wantsSandbox(process.env)) sandbox = await startSandbox({ port: 0, host: '127.0.0.1', seed: 'demo' });
  const config = loadProxyConfig(process.env, sandbox ? { soapUrl: sandbox.url, restUrl: sandbox.url } : undefined);
  const proxy = await startProxyServer({ ...config, logger: stdoutRequestLog().log }).catch(async (error: unknown) => {
    await sandbox?.close();
    throw error;
  });

  const extensionDir = resolve('.output/chrome-mv3');
  const lines = [
    ...nextStepsLines(extensionDir, existsSync(resolve(extensionDir, 'manifest.json')), proxy.url),
    ...describeProxy(proxy.url, config),
    sandbox
      ? `  (the upstream is the sandbox at ${sandbox.url}, an in-memory administration that resets on restart)`
      : '  (the upstream is not the sandbox)',
    '',
    ...(sandbox ? [...sandboxCredentialLines(sandbox), ''] : []),
    'Stop with Ctrl+C.',
  ];
  for (const line of lines) console.log(line);
  exitOnSignal(proxy, () => sandbox?.close() ?? Promise.resolve());
}

main().catch(failAndExit);
