/**
 * The benchmarks' upstream side in its own process: the sandbox (ephemeral port) behind the
 * proxy (BENCH_PROXY_PORT, default 0: any free port; run.ts builds the extension for it). Kept out of the
 * measuring process so its memory and CPU do not count as the client's.
 * Prints one JSON line `{ "sandbox": url, "proxy": url }` when ready; SIGTERM stops it.
 */
import { startSandbox } from '../../sandbox/server';
import type { SeedName } from '../../sandbox/store';
import { startProxyServer } from '../../proxy/server';

async function main(): Promise<void> {
  const seed = (process.env.BENCH_SEED ?? 'large') as SeedName;
  const sandbox = await startSandbox({ port: 0, host: '127.0.0.1', seed });
  const proxy = await startProxyServer({
    soapUrl: sandbox.url,
    restUrl: sandbox.url,
    allowedExtensionIds: [],
    upstreamTimeoutMs: 60_000,
    bodyLimitBytes: 1024 * 1024,
    port: Number(process.env.BENCH_PROXY_PORT ?? 0),
    host: '127.0.0.1',
    logger: () => undefined,
  });
  process.stdout.write(`${JSON.stringify({ sandbox: sandbox.url, proxy: proxy.url })}\n`);
  const stop = async () => {
    await proxy.close(200);
    await sandbox.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
