/**
 * Fault injection and request counting, shared by every REST and SOAP handler.
 * Deterministic: the same plan and seed give the same faults for the same request sequence.
 */
import type { Context } from 'hono';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxConfig } from './config';
import type { Store } from './store';
import type { Sessions } from './sessions';
import { prng } from './prng';
import type { Network } from './network';

export type FaultKind = 'http500' | 'timeout' | 'drop' | 'rateLimit' | 'sessionExpired';
export const FAULT_KINDS: readonly FaultKind[] = ['http500', 'timeout', 'drop', 'rateLimit', 'sessionExpired'];

export interface FaultPlan {
  /** 0–1: share of matching requests that get a fault. */
  rate: number;
  kinds: FaultKind[];
  seed?: number;
  /** Only these operations (stats names); all when absent. */
  operations?: string[];
  /** How long a `timeout` hangs. Default 60 s. */
  hangMs?: number;
}

export class Faults {
  private plan: FaultPlan | null = null;
  private random: () => number = prng(0x5eed);

  set(plan: FaultPlan | null): void {
    if (!plan || !(plan.rate > 0) || !Array.isArray(plan.kinds) || plan.kinds.length === 0) {
      this.plan = null;
      return;
    }
    const kinds = plan.kinds.filter((k) => FAULT_KINDS.includes(k));
    this.plan = kinds.length ? { ...plan, kinds, rate: Math.min(1, plan.rate) } : null;
    this.random = prng(plan.seed ?? 0x5eed);
  }

  current(): FaultPlan | null {
    return this.plan;
  }

  /** The fault for this request, if any. */
  pick(operation: string): FaultKind | null {
    const plan = this.plan;
    if (!plan) return null;
    if (plan.operations && !plan.operations.includes(operation)) return null;
    if (this.random() >= plan.rate) return null;
    return plan.kinds[Math.floor(this.random() * plan.kinds.length)] ?? plan.kinds[0];
  }

  /** A coin for "did the timed-out write commit?". */
  coin(): boolean {
    return this.random() < 0.5;
  }

  hangMs(): number {
    return this.plan?.hangMs ?? 60_000;
  }
}

export class Stats {
  private total = 0;
  private byOperation: Record<string, number> = {};

  count(op: string): void {
    this.total++;
    this.byOperation[op] = (this.byOperation[op] ?? 0) + 1;
  }

  snapshot(): { total: number; byOperation: Record<string, number> } {
    return { total: this.total, byOperation: { ...this.byOperation } };
  }

  reset(): void {
    this.total = 0;
    this.byOperation = {};
  }
}

export interface SandboxContext {
  store: Store;
  config: SandboxConfig;
  faults: Faults;
  stats: Stats;
  /** Open REST and SOAP sessions. */
  sessions: Sessions;
  /** Latency and the cap on concurrent requests (config latencyMs, latencyPerRecordMs, maxConcurrent). */
  network: Network;
}

interface NodeBindings {
  incoming?: IncomingMessage;
  outgoing?: ServerResponse;
}

function nodeBindings(c: Context): NodeBindings {
  const env = (c.env ?? {}) as NodeBindings;
  return env;
}

/** Closes the connection without writing a response. */
function dropConnection(c: Context): Response {
  const { incoming, outgoing } = nodeBindings(c);
  const socket = incoming?.socket ?? outgoing?.socket;
  socket?.destroy();
  // Nobody will read this; node-server cannot write to a destroyed socket.
  return new Response(null, { status: 599 });
}

/** Waits `ms`, or until the client goes away. */
function hang(c: Context, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    const { incoming, outgoing } = nodeBindings(c);
    const signal = c.req.raw.signal;
    function done() {
      clearTimeout(timer);
      outgoing?.off('close', done);
      incoming?.off('close', onIncomingClose);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    // `incoming` closes once the body is read; only a destroyed socket means the client left.
    function onIncomingClose() {
      if (incoming?.socket?.destroyed) done();
    }
    outgoing?.on('close', done);
    incoming?.on('close', onIncomingClose);
    signal?.addEventListener('abort', done);
    if (incoming?.socket?.destroyed) done();
  });
}

/**
 * Counts the request under `operation`, then maybe injects a fault:
 * - http500 → HTTP 500 (plain) before running; rateLimit → 429 with Retry-After: 1 before running;
 * - sessionExpired → the protocol's own expired-session answer before running; calls that open a
 *   session pass none (there is no session to expire) and run normally;
 * - timeout → reads: hang `hangMs` without running; writes: run() (commit) with probability 1/2, then hang;
 * - drop → writes: run() (the write is committed) then destroy the socket without a response; reads: destroy without running.
 */
export async function withFaults(
  ctx: SandboxContext,
  c: Context,
  operation: string,
  opts: { write: boolean; sessionExpired?: () => Response },
  run: () => Response | Promise<Response>,
): Promise<Response> {
  ctx.stats.count(operation);
  const fault = ctx.faults.pick(operation);
  switch (fault) {
    case null:
      return run();
    case 'http500':
      return new Response('Internal Server Error (sandbox fault)', {
        status: 500,
        headers: { 'Content-Type': 'text/plain' },
      });
    case 'rateLimit':
      return new Response('Too Many Requests (sandbox fault)', {
        status: 429,
        headers: { 'Content-Type': 'text/plain', 'Retry-After': '1' },
      });
    case 'sessionExpired':
      return opts.sessionExpired ? opts.sessionExpired() : run();
    case 'timeout': {
      if (opts.write && ctx.faults.coin()) await run();
      await hang(c, ctx.faults.hangMs());
      return new Response('Gateway Timeout (sandbox fault)', {
        status: 504,
        headers: { 'Content-Type': 'text/plain' },
      });
    }
    case 'drop': {
      if (opts.write) await run();
      return dropConnection(c);
    }
  }
}
