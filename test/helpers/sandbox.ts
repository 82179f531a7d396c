/**
 * A typed handle on a sandbox for tests: started on an ephemeral port, driven through its
 * control API over real HTTP (the same way benchmarks and other processes drive it).
 */
import { startSandbox } from '../../sandbox/server';
import type { SandboxConfig } from '../../sandbox/config';
import type { FaultPlan, SandboxContext } from '../../sandbox/faults';
import type { SbInvoice, SbRelation, SeedName } from '../../sandbox/store';

export interface SandboxCounts {
  relations: number;
  products: number;
  ledgers: number;
  mutations: number;
  invoices: number;
  templates: number;
  openDebtors: number;
  openCreditors: number;
}
export interface SandboxState {
  seed: SeedName;
  counts: SandboxCounts;
  created: { relations: SbRelation[]; invoices: SbInvoice[] };
}
export interface SandboxStats {
  total: number;
  byOperation: Record<string, number>;
}

export interface TestSandbox {
  url: string;
  /** The in-process context, for assertions that need more than the control API shows. */
  ctx: SandboxContext;
  close(): Promise<void>;
  reset(seed: SeedName, config?: Partial<SandboxConfig>): Promise<{ seed: SeedName; counts: SandboxCounts }>;
  /** Sets a fault plan; `null` (or rate 0) stops injecting. */
  faults(plan: FaultPlan | null): Promise<void>;
  expireSessions(): Promise<number>;
  stats(): Promise<SandboxStats>;
  resetStats(): Promise<void>;
  state(): Promise<SandboxState>;
  corrupt(entity: 'product' | 'relation' | 'mutation', id: number, field: string, value: unknown): Promise<void>;
  config(partial: Partial<SandboxConfig>): Promise<void>;
  /** Opens a REST session with the sandbox token and returns the session token. */
  restToken(source?: string): Promise<string>;
}

export async function startTestSandbox(
  opts: { seed?: SeedName; config?: Partial<SandboxConfig> } = {},
): Promise<TestSandbox> {
  const running = await startSandbox({ port: 0, seed: opts.seed ?? 'demo', config: opts.config });

  async function control<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${running.url}/__sandbox/${path}`, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`sandbox control ${method} ${path} → ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  }

  return {
    url: running.url,
    ctx: running.ctx,
    close: () => running.close(),
    reset: (seed, config) => control('POST', 'reset', { seed, config }),
    faults: async (plan) => {
      await control('POST', 'faults', plan ?? { rate: 0 });
    },
    expireSessions: async () => (await control<{ expired: number }>('POST', 'expire-sessions')).expired,
    stats: () => control('GET', 'stats'),
    resetStats: async () => {
      await control('POST', 'stats/reset');
    },
    state: () => control('GET', 'state'),
    corrupt: async (entity, id, field, value) => {
      await control('POST', 'corrupt', { entity, id, field, value });
    },
    config: async (partial) => {
      await control('POST', 'config', partial);
    },
    restToken: async (source = 'tests') => {
      const response = await fetch(`${running.url}/v1/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ accessToken: running.ctx.config.apiToken, source }),
      });
      if (!response.ok) throw new Error(`sandbox session → ${response.status}`);
      return ((await response.json()) as { token: string }).token;
    },
  };
}
