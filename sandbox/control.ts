/**
 * The control API under /__sandbox: reset, config, faults, sessions, stats, state, corrupt.
 * For tests and benchmarks only; the proxy never forwards it.
 */
import { Hono } from 'hono';
import { mergeConfig, type SandboxConfig } from './config';
import { FAULT_KINDS, type FaultPlan, type SandboxContext } from './faults';
import { SEED_NAMES, type SeedName } from './store';
import { reseed } from './seeds';
import { resetSoapState } from './soap/sessions';

const CORRUPTIBLE = { product: 'products', relation: 'relations', mutation: 'mutations' } as const;
type CorruptEntity = keyof typeof CORRUPTIBLE;

async function readJson(req: Request): Promise<Record<string, unknown>> {
  const text = await req.text();
  if (!text.trim()) return {};
  const value: unknown = JSON.parse(text);
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new SyntaxError('expected a JSON object');
  return value as Record<string, unknown>;
}

export function counts(ctx: SandboxContext) {
  const s = ctx.store;
  return {
    relations: s.relations.size,
    products: s.products.size,
    ledgers: s.ledgers.size,
    mutations: s.mutations.size,
    invoices: s.invoices.size,
    templates: s.templates.size,
    openDebtors: s.openItems('D').length,
    openCreditors: s.openItems('C').length,
  };
}

export function controlRoutes(ctx: SandboxContext): Hono {
  // Reset goes back to the config the sandbox started with, plus what the reset asks for.
  const startConfig: SandboxConfig = { ...ctx.config };
  const app = new Hono();

  app.onError((err, c) =>
    c.json({ error: err instanceof SyntaxError ? `invalid JSON: ${err.message}` : String(err) }, 400),
  );

  app.post('/reset', async (c) => {
    const body = await readJson(c.req.raw);
    const seed = (body.seed ?? 'demo') as SeedName;
    if (!SEED_NAMES.includes(seed))
      return c.json({ error: `unknown seed "${String(body.seed)}"; use ${SEED_NAMES.join(', ')}` }, 400);
    ctx.config = mergeConfig(startConfig, body.config as Partial<SandboxConfig> | undefined);
    reseed(ctx.store, seed);
    ctx.sessions.clear();
    resetSoapState(ctx);
    ctx.faults.set(null);
    ctx.stats.reset();
    ctx.network.reset();
    return c.json({ seed, counts: counts(ctx) });
  });

  app.post('/config', async (c) => {
    ctx.config = mergeConfig(ctx.config, (await readJson(c.req.raw)) as Partial<SandboxConfig>);
    return c.json(publicConfig(ctx.config));
  });
  app.get('/config', (c) => c.json(publicConfig(ctx.config)));

  app.post('/faults', async (c) => {
    const body = await readJson(c.req.raw);
    const rate = Number(body.rate ?? 0);
    if (!Number.isFinite(rate) || rate < 0 || rate > 1)
      return c.json({ error: 'rate must be a number from 0 to 1' }, 400);
    const kinds = Array.isArray(body.kinds) ? (body.kinds as string[]) : [];
    const unknown = kinds.filter((k) => !(FAULT_KINDS as readonly string[]).includes(k));
    if (unknown.length)
      return c.json({ error: `unknown fault kinds: ${unknown.join(', ')}; use ${FAULT_KINDS.join(', ')}` }, 400);
    if (rate > 0 && kinds.length === 0) return c.json({ error: 'kinds must name at least one fault kind' }, 400);
    const plan: FaultPlan | null =
      rate > 0 ? { ...(body as unknown as FaultPlan), rate, kinds: kinds as FaultPlan['kinds'] } : null;
    ctx.faults.set(plan);
    return c.json({ plan: ctx.faults.current() });
  });

  app.post('/expire-sessions', (c) => c.json({ expired: ctx.sessions.expireAll() }));

  app.get('/stats', (c) => c.json(ctx.stats.snapshot()));
  app.post('/stats/reset', (c) => {
    ctx.stats.reset();
    ctx.network.reset();
    return c.json(ctx.stats.snapshot());
  });
  // What the network profile did since the last stats reset: the most requests served at once, how many waited.
  app.get('/network', (c) => c.json(ctx.network.snapshot()));

  app.get('/state', (c) => {
    const created = {
      relations: ctx.store.sorted(ctx.store.relations).filter((r) => r.createdVia !== 'seed'),
      invoices: ctx.store.sorted(ctx.store.invoices).filter((i) => i.createdVia !== 'seed'),
    };
    return c.json({ seed: ctx.store.seed, counts: counts(ctx), created });
  });

  /** Writes a raw, possibly invalid value into one record, to test how clients handle bad upstream data. */
  app.post('/corrupt', async (c) => {
    const body = await readJson(c.req.raw);
    const entity = body.entity as CorruptEntity;
    if (!(entity in CORRUPTIBLE)) return c.json({ error: 'entity must be product, relation or mutation' }, 400);
    const field = body.field;
    if (typeof field !== 'string' || !field || field === 'id' || field === '__proto__')
      return c.json({ error: 'field must name a field other than id' }, 400);
    if (!('value' in body)) return c.json({ error: 'value is required (null is allowed)' }, 400);
    const map = ctx.store[CORRUPTIBLE[entity]] as Map<number, object>;
    const record = map.get(Number(body.id));
    if (!record) return c.json({ error: `${entity} ${String(body.id)} does not exist` }, 404);
    (record as Record<string, unknown>)[field] = body.value;
    ctx.store.touch();
    return c.json({ entity, id: Number(body.id), record });
  });

  return app;
}

/** The config without credentials, so it can be shown and logged. */
function publicConfig(config: SandboxConfig): Omit<SandboxConfig, 'apiToken' | 'securityCode1' | 'securityCode2'> {
  const { apiToken: _t, securityCode1: _c1, securityCode2: _c2, ...rest } = config;
  return rest;
}
