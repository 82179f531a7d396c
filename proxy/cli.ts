/**
 * What the Node entries (proxy/main.ts, proxy/start.ts) share: the startup summary, the
 * drain-on-signal exit, and a clear message when startup fails.
 */
import { isLoopbackHost, ProxyConfigError } from './config';
import type { RunningProxy } from './server';
import { bufferedLogger, type BufferedLogger } from './log';

export function describeProxy(
  url: string,
  config: { host: string; soapUrl: string; restUrl: string; proxyToken?: string; allowedExtensionIds: string[] },
): string[] {
  const open = !config.proxyToken && !isLoopbackHost(config.host);
  return [
    ...(open
      ? [
          `Warning: listening on ${config.host}, beyond this machine, without PROXY_TOKEN: anyone who can reach it can use it.`,
          '  Set PROXY_TOKEN (at least 16 characters) and enter the same token in the extension.',
        ]
      : []),
    `Proxy listening on ${url}`,
    `  SOAP upstream: ${config.soapUrl}/soap.asmx`,
    `  REST upstream: ${config.restUrl}/v1/`,
    `  Proxy token:   ${config.proxyToken ? 'required (X-Proxy-Token)' : 'not required (set PROXY_TOKEN to require one)'}`,
    `  Extensions:    ${config.allowedExtensionIds.length ? config.allowedExtensionIds.join(', ') : 'any chrome-extension:// or moz-extension:// origin'}`,
  ];
}

/** The request log on stdout, written in batches; flushed before the process exits. */
export function stdoutRequestLog(): BufferedLogger {
  const logger = bufferedLogger((text) => process.stdout.write(text));
  process.once('exit', () => logger.flush());
  return logger;
}

/** Drains on SIGTERM/SIGINT, runs `after` (closing what else the process started), then exits. */
export function exitOnSignal(proxy: RunningProxy, after?: () => Promise<void>): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests in flight, then stopping.`);
    void proxy
      .close()
      .then(() => after?.())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

export function failAndExit(error: unknown): never {
  if (error instanceof ProxyConfigError) console.error(`Configuration error: ${error.message}`);
  else if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    const { address, port } = error as NodeJS.ErrnoException & { address?: string; port?: number };
    const where = port === undefined ? 'its port' : `${address ?? ''}:${port}`.replace(/^:/, 'port ');
    console.error(
      `Could not start: ${where} is in use by another program (another \`npm start\` or proxy?). Stop it, or set PORT to another port.`,
    );
  } else console.error(`Could not start the proxy: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
