/**
 * `npm run sandbox`: the e-Boekhouden sandbox on 127.0.0.1:8788.
 * Env: SANDBOX_PORT, SANDBOX_HOST, SANDBOX_SEED (demo | large | empty), and the credential overrides in config.ts.
 */
import { startSandbox } from './server';
import { SEED_NAMES, type SeedName } from './store';

async function main(): Promise<void> {
  const port = Number(process.env.SANDBOX_PORT || 8788);
  const host = process.env.SANDBOX_HOST || '127.0.0.1';
  const seed = (process.env.SANDBOX_SEED || 'demo') as SeedName;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`SANDBOX_PORT must be a port number, got "${process.env.SANDBOX_PORT}"`);
  if (!SEED_NAMES.includes(seed))
    throw new Error(`SANDBOX_SEED must be one of ${SEED_NAMES.join(', ')}, got "${seed}"`);

  const sandbox = await startSandbox({ port, host, seed });
  const { config } = sandbox.ctx;
  // These are the sandbox's own, publicly documented test credentials, not secrets.
  console.log(`e-Boekhouden sandbox (seed "${seed}") listening on ${sandbox.url}`);
  console.log(`  REST v1    ${sandbox.url}/v1        API token: ${config.apiToken}`);
  console.log(`  SOAP       ${sandbox.url}/soap.asmx Username: ${config.username}`);
  console.log(`             SecurityCode1: ${config.securityCode1}`);
  console.log(`             SecurityCode2: ${config.securityCode2}`);
  console.log(`  Control    ${sandbox.url}/__sandbox (reset, faults, stats, state)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the sandbox`);
    await sandbox.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
