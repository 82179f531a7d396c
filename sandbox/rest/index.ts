/**
 * REST v1 as openapi-v1.json describes it (REST.md where the document is silent). Every handler goes
 * through withFaults; every route but POST /v1/session needs a session token in `Authorization`
 * (raw or with `Bearer `). Only the query parameters the document lists for an operation filter;
 * others are ignored, as the live service ignores them. Ledgers, cost centres and mutations are
 * here; sessions, relations, products and invoices in the *-routes.ts files beside it.
 */
import { Hono, type Context } from 'hono';
import { withFaults, type SandboxContext } from '../faults';
import { RestFailure, fail } from './errors';
import { page, parseFilters, parsePaging, type FilterFields } from './query';
import { validateMutation } from './validate';
import { ID, jsonBody, type RouteKit } from './kit';
import { catalogWriteRoutes } from './catalog';
import { COST_CENTER_FILTERS, LEDGER_FILTERS, OPEN_ITEM_FILTERS, mutationFilters } from './filters';
import { ledgerItem, mutationDetail, mutationListItem, openItem } from './shapes';
import { memberRoutes } from './members';
import { balanceRange, refuseLongPeriod } from './balances';
import { invoiceRoutes } from './invoice-routes';
import { productRoutes } from './product-routes';
import { relationRoutes } from './relation-routes';
import { notAuthenticated, sessionRoutes, sessionToken } from './session-routes';
import { type SbCostCenter, type Store } from '../store';

// ---------------------------------------------------------------------------------------------

export function restRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();
  const store = () => ctx.store;

  /** Runs a handler under faults, with the session checked first unless `open`. */
  function handle(
    c: Context,
    operation: string,
    opts: { write?: boolean; open?: boolean },
    run: () => Response | Promise<Response>,
  ) {
    return withFaults(
      ctx,
      c,
      operation,
      { write: opts.write ?? false, sessionExpired: opts.open ? undefined : notAuthenticated },
      async () => {
        if (!opts.open && ctx.sessions.check('rest', sessionToken(c)) !== 'ok') return notAuthenticated();
        try {
          return await run();
        } catch (e) {
          if (e instanceof RestFailure) return e.toResponse();
          throw e;
        }
      },
    );
  }

  /** GET list route: paging + filters over a pre-sorted array. */
  function list<T, Out>(
    path: string,
    source: () => readonly T[],
    fields: FilterFields<T>,
    shape: (record: T) => Out,
    opts: { sortedById?: boolean; guard?: (c: Context) => void } = {},
  ) {
    app.get(path, (c) =>
      handle(c, `GET /v1${path}`, {}, () => {
        opts.guard?.(c);
        const url = new URL(c.req.url);
        const paging = parsePaging(url);
        const filters = parseFilters(url, fields);
        const items = page(source(), filters, paging, opts.sortedById ?? true).map(shape);
        return c.json({ items, count: items.length });
      }),
    );
  }

  function byId<T, Out>(path: string, map: () => Map<number, T>, notFound: string, shape: (record: T) => Out) {
    app.get(`${path}/${ID}`, (c) =>
      handle(c, `GET /v1${path}/{id}`, {}, () => {
        const record = map().get(Number(c.req.param('id')));
        if (!record) fail(notFound, 'id', 404);
        return c.json(shape(record));
      }),
    );
  }

  const created = (c: Context, body: unknown) => c.json(body, ctx.config.createdStatus);
  const kit: RouteKit = { app, ctx, store, handle, created, list, byId };

  sessionRoutes(kit);
  relationRoutes(kit);

  // Ledgers ------------------------------------------------------------------------------------
  app.get('/ledger/balances', (c) =>
    handle(c, 'GET /v1/ledger/balances', {}, () => {
      // The document lists costCenterId, from and to here, no paging: every ledger, always.
      const range = balanceRange(new URL(c.req.url));
      refuseLongPeriod(store(), range, ctx.config.ledgerBalancesMaxDays);
      const balances = store().balances(range);
      const items = store()
        .sorted(store().ledgers)
        .map((l) => ({ code: l.code, type: l.category, balance: balances.get(l.id) ?? 0 }));
      return c.json({ items, count: items.length });
    }),
  );
  app.get(`/ledger/${ID}/balance`, (c) =>
    handle(c, 'GET /v1/ledger/{id}/balance', {}, () => {
      const ledger = store().ledgers.get(Number(c.req.param('id')));
      if (!ledger) fail('LEDG_011', 'id', 404);
      const range = balanceRange(new URL(c.req.url));
      refuseLongPeriod(store(), range, ctx.config.ledgerBalancesMaxDays);
      const balance = store().balances(range).get(ledger.id) ?? 0;
      return c.json({ code: ledger.code, type: ledger.category, balance });
    }),
  );
  list('/ledger', () => store().sorted(store().ledgers), LEDGER_FILTERS, ledgerItem);
  byId('/ledger', () => store().ledgers, 'LEDG_011', ledgerItem);

  // Cost centers -------------------------------------------------------------------------------
  list(
    '/costcenter',
    () => store().sorted(store().costCenters),
    COST_CENTER_FILTERS,
    (cc) => ({ id: cc.id, description: cc.description, parentId: cc.parentId, active: cc.active }),
  );
  byId(
    '/costcenter',
    () => store().costCenters,
    'COST_001',
    (cc) => ({
      id: cc.id,
      description: cc.description,
      parentId: cc.parentId,
      active: cc.active,
      fullPath: costCenterPath(store(), cc),
    }),
  );

  productRoutes(kit);

  invoiceRoutes(kit);

  // Mutations ----------------------------------------------------------------------------------
  app.get('/mutation/invoice/outstanding', (c) =>
    handle(c, 'GET /v1/mutation/invoice/outstanding', {}, () => {
      const url = new URL(c.req.url);
      const credDeb = url.searchParams.get('credDeb');
      if (credDeb === null || credDeb === '') fail('MUTA_006', 'credDeb');
      if (credDeb !== 'C' && credDeb !== 'D') fail('MUTA_007', 'credDeb');
      const paging = parsePaging(url);
      const items = page(store().openItems(credDeb), parseFilters(url, OPEN_ITEM_FILTERS), paging).map(openItem);
      return c.json({ items, count: items.length });
    }),
  );
  app.get('/mutation', (c) =>
    handle(c, 'GET /v1/mutation', {}, () => {
      const url = new URL(c.req.url);
      const filters = parseFilters(url, mutationFilters(store()));
      const found = page(store().sorted(store().mutations), filters, parsePaging(url), true);
      const items = found.map(mutationListItem(store()));
      return c.json({ items, count: items.length });
    }),
  );
  // Mutation 0 is the opening balance (type 0, in lists, live); the document types a detail's
  // `type` as 1..7, so there is no detail of it.
  app.get(`/mutation/${ID}`, (c) =>
    handle(c, 'GET /v1/mutation/{id}', {}, () => {
      const mutation = store().mutations.get(Number(c.req.param('id')));
      if (!mutation || mutation.type === 0) fail('MUT_300', 'id', 404);
      return c.json(mutationDetail(mutation));
    }),
  );

  app.post('/mutation', (c) =>
    handle(c, 'POST /v1/mutation', { write: true }, async () => {
      const mutation = store().addMutation(validateMutation(store(), await jsonBody(c)));
      return created(c, { id: mutation.id });
    }),
  );

  catalogWriteRoutes(kit);
  memberRoutes(kit);
  return app;
}

function costCenterPath(store: Store, cc: SbCostCenter): string {
  const parts = [cc.description];
  let parent = store.costCenters.get(cc.parentId);
  for (let depth = 0; parent && depth < 20; depth++) {
    parts.unshift(parent.description);
    parent = store.costCenters.get(parent.parentId);
  }
  return parts.join('/');
}
