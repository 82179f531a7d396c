/**
 * `npm run proxy`: the proxy alone on Node, configured from the environment (see proxy/config.ts
 * and docs/proxy.md). SIGTERM and SIGINT drain requests in flight, then exit.
 */
import { loadProxyConfig } from './config';
import { startProxyServer } from './server';
import { describeProxy, exitOnSignal, failAndExit, stdoutRequestLog } from './cli';

async function main(): Promise<void> {
  const config = loadProxyConfig(process.env);
  const proxy = await startProxyServer({ ...config, logger: stdoutRequestLog().log });
  for (const line of describeProxy(proxy.url, config)) console.log(line);
  exitOnSignal(proxy);
}

main().catch(failAndExit);
