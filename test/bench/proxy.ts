/**
 * Proxy benchmark: the same request mix (SOAP GetRelaties + REST GET /v1/ledger, each with a
 * session) sent directly to the sandbox and through the proxy, in one run, with autocannon.
 *
 * The sandbox (`sandbox/main.ts`) and the proxy (`proxy/main.ts`, as `npm run proxy` runs it,
 * request log on) each run in their own process, as client, proxy and e-Boekhouden do for real.
 * With the sandbox in the load generator's process the direct path would never cross a process
 * boundary while the proxied path crosses two, which on a busy machine measures the scheduler.
 *
 * Beside them, in the same interleaved rounds, a bare node:http pipe to the same upstream (PIPE):
 * the least any Node hop costs on this machine, so the real ceiling of a proxy on 2 cores.
 * Targets: through the proxy ≥ 0.9× the pipe's throughput, ≥ 0.85× direct where the machine
 * allows it, and < 1 ms added p50 latency.
 * Run: `npx tsx test/bench/proxy.ts [durationSec] [connections]`; with BENCH_PROXY_PROFILE=<dir>
 * the sandbox, the proxy and the pipe each write a CPU profile there. BENCH_PROXY_OTHER=<path of
 * another checkout's proxy/main.ts> adds that proxy to the same rounds (an A/B of a change).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../../sandbox/config';

/** The part of autocannon's API used here (the package ships no types). */
interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
type Autocannon = (
  opts: { url: string; connections: number; duration: number; requests: LoadRequest[] },
  done: (error: Error | null, result: AutocannonResult) => void,
) => unknown;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface LoadFigures {
  /** Requests per second (mean). */
  throughput: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export interface ProxyBenchResult {
  direct: LoadFigures;
  proxied: LoadFigures;
  /** proxied.throughput / direct.throughput */
  throughputRatio: number;
  /** proxied.throughput / pipe.throughput (NaN without the pipe) */
  pipeRatio: number;
  /** Added p50 latency of the proxy hop, from the unloaded probe (ms, sub-millisecond resolution). */
  addedP50Ms: number;
  /** p50 of the unloaded probe, one request at a time (ms). */
  unloaded: { directP50Ms: number; proxiedP50Ms: number };
  /** CPU time per request (ms) of the sandbox when hit directly and of the proxy process; NaN off Linux. */
  cpuPerRequestMs: { sandbox: number; proxy: number };
  /** The bare pipe (PIPE) in the same run: what any extra hop costs on this machine; throughputRatio is pipe / direct. */
  floor?: LoadFigures & { throughputRatio: number; cpuPerRequestMs: number };
  /** BENCH_PROXY_OTHER's proxy in the same rounds, with its ratio to the pipe. */
  other?: LoadFigures & { pipeRatio: number; cpuPerRequestMs: number };
  /** The targets from the issue: ≥ 0.9× the pipe, added p50 < 1 ms, no errors (≥ 0.85× direct is `meetsDirectTarget`). */
  meetsTarget: boolean;
  meetsDirectTarget: boolean;
  connections: number;
  durationSec: number;
}

const proxyPath = fileURLToPath(new URL('../../proxy/main.ts', import.meta.url));
const sandboxPath = fileURLToPath(new URL('../../sandbox/main.ts', import.meta.url));

function soapEnvelope(op: string, inner: string): string {
  return `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><${op} xmlns="http://www.e-boekhouden.nl/soap">${inner}</${op}></soap:Body></soap:Envelope>`;
}

const soapHeaders = (op: string) => ({
  'content-type': 'text/xml; charset=utf-8',
  soapaction: `"http://www.e-boekhouden.nl/soap/${op}"`,
});

async function openSessions(
  base: string,
): Promise<{ restToken: string; soapSessionId: string; securityCode2: string }> {
  const creds = defaultConfig({});
  const rest = await fetch(`${base}/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accessToken: creds.apiToken, source: 'Bench' }),
  });
  if (!rest.ok) throw new Error(`REST session failed: HTTP ${rest.status}`);
  const { token } = (await rest.json()) as { token: string };

  const soap = await fetch(`${base}/soap.asmx`, {
    method: 'POST',
    headers: soapHeaders('OpenSession'),
    body: soapEnvelope(
      'OpenSession',
      `<Username>${creds.username}</Username><SecurityCode1>${creds.securityCode1}</SecurityCode1><SecurityCode2>${creds.securityCode2}</SecurityCode2><Source>Bench</Source>`,
    ),
  });
  const sessionId = /<SessionID>([^<]+)<\/SessionID>/.exec(await soap.text())?.[1];
  if (!sessionId) throw new Error(`SOAP OpenSession failed: HTTP ${soap.status}`);
  return { restToken: token, soapSessionId: sessionId, securityCode2: creds.securityCode2 };
}

/**
 * The pipe: the least a Node proxy can do. node:http server, each request buffered and sent to the
 * same upstream with node:http over a keep-alive agent, the answer piped back; no checks, no log.
 * Measured in the same run, it shows how much of the gap to "direct" is the extra hop on this
 * machine and how much is this proxy.
 */
const PIPE = `
import http from 'node:http';
const up = new URL(process.env.UPSTREAM);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const headers = { ...req.headers, host: up.host, 'content-length': String(body.length) };
    const u = http.request({ host: up.hostname, port: up.port, path: req.url, method: req.method, headers, agent }, (ur) => {
      res.writeHead(ur.statusCode, ur.headers);
      ur.pipe(res);
    });
    u.on('error', () => res.destroy());
    u.end(body);
  });
});
server.listen(0, '127.0.0.1', () => console.log('Floor proxy listening on http://127.0.0.1:' + server.address().port));
process.on('SIGTERM', () => process.exit(0));
`;

interface Child {
  url: string;
  child: ChildProcess;
}

/**
 * Starts a Node entry under tsx and waits for the line that names its URL. Its stdout (the
 * proxy's request log) goes to a file, as it would on a server: a pipe that this busy process
 * drains late would block the child's synchronous writes and measure this process instead.
 */
async function startChild(
  entry: string | { script: string },
  env: Record<string, string>,
  ready: RegExp,
): Promise<Child> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-proxy-'));
  const logPath = join(dir, 'stdout.log');
  const out = openSync(logPath, 'w');
  // BENCH_PROXY_PROFILE=<dir>: a CPU profile of each child (node --cpu-prof), written when it exits.
  const profile = process.env.BENCH_PROXY_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROXY_PROFILE}`]
    : [];
  const script = typeof entry === 'string' ? ['--import', 'tsx', entry] : ['--input-type=module', '-e', entry.script];
  const args = [...profile, ...script];
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', out, 'pipe'] });
  closeSync(out);
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  child.once('exit', cleanup);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const output = readFileSync(logPath, 'utf8');
    const match = ready.exec(output);
    if (match) return { url: match[1], child };
    if (child.exitCode !== null || Date.now() > deadline) {
      if (child.exitCode === null) child.kill('SIGKILL');
      throw new Error(`${typeof entry === 'string' ? entry : 'the pipe'} did not start:\n${output}${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** CPU time (user + system, ms) a child has used so far; undefined off Linux. */
function cpuMs(c: Child): number | undefined {
  try {
    const stat = readFileSync(`/proc/${c.child.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the full line, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

async function stopChild(c: Child | undefined): Promise<void> {
  if (!c || c.child.exitCode !== null) return;
  const exited = new Promise((r) => c.child.once('exit', r));
  c.child.kill('SIGTERM');
  await exited;
}

function load(
  url: string,
  requests: LoadRequest[],
  connections: number,
  durationSec: number,
): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: durationSec, requests }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

/** Rounds of one target, combined: throughput over the total time, latency as the median round. */
function combine(rounds: AutocannonResult[]): LoadFigures {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const total = rounds.reduce((n, r) => n + r.requests.total, 0);
  const seconds = rounds.reduce((n, r) => n + r.duration, 0);
  return {
    throughput: seconds > 0 ? total / seconds : 0,
    p50Ms: median(rounds.map((r) => r.latency.p50)),
    p99Ms: median(rounds.map((r) => r.latency.p99)),
    requests: total,
    non2xx: rounds.reduce((n, r) => n + r.non2xx, 0),
    errors: rounds.reduce((n, r) => n + r.errors + r.timeouts, 0),
  };
}

/**
 * Unloaded latency: one keep-alive connection per target, the mix sent in turn to the sandbox and
 * to the proxy, timed to the last response byte. autocannon's latencies are whole milliseconds
 * and include queueing under load, too coarse for "added p50 < 1 ms".
 */
async function latencyProbe(
  directUrl: string,
  proxyUrl: string,
  mix: LoadRequest[],
  iterations: number,
): Promise<{ directP50Ms: number; proxiedP50Ms: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const once = (base: string, r: LoadRequest) =>
    new Promise<number>((resolve, reject) => {
      const target = new URL(base);
      const started = process.hrtime.bigint();
      const req = httpRequest(
        { host: target.hostname, port: target.port, path: r.path, method: r.method, headers: r.headers, agent },
        (res) => {
          res.on('data', () => {});
          res.on('end', () => resolve(Number(process.hrtime.bigint() - started) / 1e6));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(r.body);
    });
  const direct: number[] = [];
  const proxied: number[] = [];
  try {
    for (let i = 0; i < iterations; i++) {
      for (const r of mix) {
        direct.push(await once(directUrl, r));
        proxied.push(await once(proxyUrl, r));
      }
    }
  } finally {
    agent.destroy();
  }
  const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { directP50Ms: p50(direct), proxiedP50Ms: p50(proxied) };
}

export async function benchProxy(
  opts: { durationSec?: number; connections?: number; floor?: boolean } = {},
): Promise<ProxyBenchResult> {
  const durationSec = opts.durationSec ?? 6;
  const connections = opts.connections ?? 10;
  const withFloor = opts.floor ?? true;
  let sandbox: Child | undefined;
  let proxy: Child | undefined;
  let floorProxy: Child | undefined;
  let otherProxy: Child | undefined;
  try {
    sandbox = await startChild(
      sandboxPath,
      { SANDBOX_PORT: '0', SANDBOX_HOST: '127.0.0.1', SANDBOX_SEED: 'demo' },
      /listening on (http:\/\/\S+)/,
    );
    proxy = await startChild(
      proxyPath,
      { PORT: '0', HOST: '127.0.0.1', EB_SOAP_URL: sandbox.url, EB_REST_URL: sandbox.url },
      /Proxy listening on (http:\/\/\S+)/,
    );
    if (withFloor)
      floorProxy = await startChild({ script: PIPE }, { UPSTREAM: sandbox.url }, /listening on (http:\/\/\S+)/);
    const otherPath = process.env.BENCH_PROXY_OTHER;
    if (otherPath)
      otherProxy = await startChild(
        otherPath,
        { PORT: '0', HOST: '127.0.0.1', EB_SOAP_URL: sandbox.url, EB_REST_URL: sandbox.url },
        /Proxy listening on (http:\/\/\S+)/,
      );
    const s = await openSessions(sandbox.url);
    const mix: LoadRequest[] = [
      {
        method: 'POST',
        path: '/soap.asmx',
        headers: soapHeaders('GetRelaties'),
        body: soapEnvelope(
          'GetRelaties',
          `<SessionID>${s.soapSessionId}</SessionID><SecurityCode2>${s.securityCode2}</SecurityCode2><cFilter><Trefwoord></Trefwoord><Code></Code><ID>0</ID></cFilter>`,
        ),
      },
      { method: 'GET', path: '/v1/ledger?limit=100&offset=0', headers: { authorization: s.restToken } },
    ];

    const targets = [sandbox, proxy, ...(floorProxy ? [floorProxy] : []), ...(otherProxy ? [otherProxy] : [])];
    // Warm every path (JIT, connection pools) before measuring.
    for (const t of targets) await load(t.url, mix, connections, 1);

    // Interleaved rounds, so a change in machine load hits every side alike.
    const rounds = 3;
    const roundSec = Math.max(1, Math.round(durationSec / rounds));
    const results = new Map<Child, AutocannonResult[]>(targets.map((t) => [t, []]));
    const cpu = new Map<Child, number>(targets.map((t) => [t, 0]));
    for (let i = 0; i < rounds; i++) {
      for (const t of targets) {
        const before = cpuMs(t) ?? NaN;
        results.get(t)!.push(await load(t.url, mix, connections, roundSec));
        cpu.set(t, cpu.get(t)! + ((cpuMs(t) ?? NaN) - before));
      }
    }
    const direct = combine(results.get(sandbox)!);
    const proxied = combine(results.get(proxy)!);
    const cpuPerRequestMs = { sandbox: cpu.get(sandbox)! / direct.requests, proxy: cpu.get(proxy)! / proxied.requests };
    let floor: ProxyBenchResult['floor'];
    if (floorProxy) {
      const f = combine(results.get(floorProxy)!);
      floor = {
        ...f,
        throughputRatio: direct.throughput > 0 ? f.throughput / direct.throughput : 0,
        cpuPerRequestMs: cpu.get(floorProxy)! / f.requests,
      };
    }
    let other: ProxyBenchResult['other'];
    if (otherProxy) {
      const o = combine(results.get(otherProxy)!);
      other = {
        ...o,
        pipeRatio: floor && floor.throughput > 0 ? o.throughput / floor.throughput : NaN,
        cpuPerRequestMs: cpu.get(otherProxy)! / o.requests,
      };
    }
    const probe = await latencyProbe(sandbox.url, proxy.url, mix, 150);

    const throughputRatio = direct.throughput > 0 ? proxied.throughput / direct.throughput : 0;
    const pipeRatio = floor && floor.throughput > 0 ? proxied.throughput / floor.throughput : NaN;
    const addedP50Ms = probe.proxiedP50Ms - probe.directP50Ms;
    const clean = addedP50Ms < 1 && proxied.errors === 0 && proxied.non2xx === 0;
    return {
      direct,
      proxied,
      throughputRatio,
      pipeRatio,
      addedP50Ms,
      unloaded: probe,
      cpuPerRequestMs,
      floor,
      other,
      meetsTarget: pipeRatio >= 0.9 && clean,
      meetsDirectTarget: throughputRatio >= 0.85 && clean,
      connections,
      durationSec: rounds * roundSec,
    };
  } finally {
    await stopChild(otherProxy);
    await stopChild(floorProxy);
    await stopChild(proxy);
    await stopChild(sandbox);
  }
}

export function formatProxyBench(r: ProxyBenchResult): string {
  const row = (name: string, f: LoadFigures) =>
    `  ${name.padEnd(8)} ${f.throughput.toFixed(0).padStart(7)} req/s   p50 ${f.p50Ms.toFixed(2).padStart(6)} ms   p99 ${f.p99Ms.toFixed(2).padStart(6)} ms   (${f.requests} requests, ${f.non2xx} non-2xx, ${f.errors} errors)`;
  return [
    `Proxy: SOAP GetRelaties + REST GET /v1/ledger, ${r.connections} connections, ${r.durationSec} s each side (interleaved rounds)`,
    row('direct', r.direct),
    row('proxied', r.proxied),
    ...(r.floor
      ? [
          row('pipe', r.floor),
          `  pipe = a bare node:http proxy: ${r.floor.throughputRatio.toFixed(2)}× direct, ${r.floor.cpuPerRequestMs.toFixed(3)} ms CPU per request`,
        ]
      : []),
    ...(r.other
      ? [
          row('other', r.other),
          `  other = BENCH_PROXY_OTHER: ${r.other.pipeRatio.toFixed(2)}× pipe, ${r.other.cpuPerRequestMs.toFixed(3)} ms CPU per request`,
        ]
      : []),
    `  unloaded p50: direct ${r.unloaded.directP50Ms.toFixed(3)} ms, proxied ${r.unloaded.proxiedP50Ms.toFixed(3)} ms`,
    `  CPU per request: sandbox ${r.cpuPerRequestMs.sandbox.toFixed(3)} ms, proxy ${r.cpuPerRequestMs.proxy.toFixed(3)} ms`,
    `  proxied/pipe ${r.pipeRatio.toFixed(2)}× (target ≥ 0.9×): ${r.meetsTarget ? 'met' : 'NOT met'}; proxied/direct ${r.throughputRatio.toFixed(2)}× (target ≥ 0.85×): ${r.meetsDirectTarget ? 'met' : 'NOT met'}; added p50 ${r.addedP50Ms.toFixed(2)} ms (target < 1 ms)`,
  ].join('\n');
}

async function main(): Promise<void> {
  const [durationSec, connections] = process.argv.slice(2).map(Number);
  const result = await benchProxy({ durationSec: durationSec || undefined, connections: connections || undefined });
  console.log(formatProxyBench(result));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
