/**
 * REST v1 as openapi-v1.json describes it (REST.md where the document is silent). Every handler goes
 * through withFaults; every route but POST /v1/session needs a session token in `Authorization`
 * (raw or with `Bearer `). Only the query parameters the document lists for an operation filter;
 * others are ignored, as the live service ignores them.
 */
import { Hono, type Context } from 'hono';
import { withFaults, type SandboxContext } from '../faults';
import { RestFailure, fail, restError } from './errors';
import { page, parseFilters, parsePaging, type FilterFields } from './query';
import { nextRelationCode, validateInvoice, validateMutation, validateRelation } from './validate';
import { ID, jsonBody, type RouteKit } from './kit';
import { catalogWriteRoutes } from './catalog';
import {
  COST_CENTER_FILTERS,
  INVOICE_FILTERS,
  LEDGER_FILTERS,
  OPEN_ITEM_FILTERS,
  RELATION_FILTERS,
  TEMPLATE_FILTERS,
  UNIT_FILTERS,
  mutationFilters,
} from './filters';
import {
  invoiceDetail,
  invoiceListItem,
  ledgerItem,
  mutationDetail,
  mutationListItem,
  openItem,
  productDetail,
  productListItem,
  relationDetail,
  relationFullListItem,
  relationListItem,
} from './shapes';
import { memberRoutes } from './members';
import { EMAIL_TEMPLATES, blankRelation, type SbCostCenter, type SbProduct, type Store } from '../store';

const SOURCE_PATTERN = /^[\w_ ]{1,10}$/;

function sessionToken(c: Context): string {
  const header = c.req.header('Authorization') ?? '';
  return header.replace(/^Bearer\s+/i, '').trim();
}

/** Does the create body ask e-Boekhouden to e-mail the invoice? */
function mailed(body: unknown): boolean {
  const email = (body as { email?: unknown } | null)?.email;
  return email !== undefined && email !== null;
}

const notAuthenticated = () => restError('SECURITY_010', 401);

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
  const kit: RouteKit = { app, store, handle, created };
  const origin = (c: Context) => new URL(c.req.url).origin;

  // Sessions -----------------------------------------------------------------------------------
  app.post('/session', (c) =>
    handle(c, 'POST /v1/session', { open: true }, async () => {
      const body = await jsonBody(c);
      const source = body.source;
      if (source === undefined || source === null || source === '') fail('API_SESSION_001', 'source');
      if (typeof source !== 'string' || !SOURCE_PATTERN.test(source)) fail('API_SESSION_002', 'source');
      const accessToken = body.accessToken;
      if (typeof accessToken !== 'string' || accessToken.trim() === '') fail('API_SESSION_003', 'accessToken');
      // No documented code for an unknown token; the session family's "expired" is what a revoked token gets.
      if (accessToken !== ctx.config.apiToken)
        return restError('API_SESSION_004', 403, { type: 'security', propertyName: 'accessToken' });
      const ttl = ctx.config.restSessionTtlSeconds;
      return c.json({ token: ctx.sessions.open('rest', ttl), expiresIn: ttl });
    }),
  );

  app.delete('/session', (c) =>
    handle(c, 'DELETE /v1/session', { open: true }, () => {
      if (!ctx.sessions.close('rest', sessionToken(c))) return notAuthenticated();
      return c.body(null, 204);
    }),
  );

  // Administrations: the full list is for accountants only (EP_001 otherwise, live); the linked ones
  // answer for everyone (OPENAPI-NOTES.md, live observation).
  const accountantsOnly = () => {
    if (!ctx.config.accountant) fail('EP_001');
  };
  const administration = (a: { guid: string; company: string }) => ({ guid: a.guid, company: a.company });
  list('/administration', () => store().administrations, {}, administration, {
    sortedById: false,
    guard: accountantsOnly,
  });
  list('/administration/linked', () => store().administrations, {}, administration, { sortedById: false });

  // Relations ----------------------------------------------------------------------------------
  list(
    '/relation',
    () => store().sorted(store().relations),
    RELATION_FILTERS,
    (r) => (ctx.config.restListItems === 'full' ? relationFullListItem(r) : relationListItem(r)),
  );
  byId('/relation', () => store().relations, 'REL_055', relationDetail);

  app.post('/relation', (c) =>
    handle(c, 'POST /v1/relation', { write: true }, async () => {
      const body = await jsonBody(c);
      const fields = validateRelation(store(), body);
      const relation = store().addRelation({
        ...blankRelation(),
        ...fields,
        code: fields.code ?? nextRelationCode(store()),
        name: fields.name!,
        date: new Date().toISOString().slice(0, 10),
        createdVia: 'rest',
      });
      return created(c, { id: relation.id, code: relation.code });
    }),
  );

  app.patch(`/relation/${ID}`, (c) =>
    handle(c, 'PATCH /v1/relation/{id}', { write: true }, async () => {
      const relationId = Number(c.req.param('id'));
      if (!store().relations.has(relationId)) fail('REL_055', 'id', 404);
      const fields = validateRelation(store(), await jsonBody(c), relationId);
      store().updateRelation(relationId, fields);
      return c.body(null, 204);
    }),
  );

  // Ledgers ------------------------------------------------------------------------------------
  app.get('/ledger/balances', (c) =>
    handle(c, 'GET /v1/ledger/balances', {}, () => {
      // The document lists costCenterId, from and to here, no paging: every ledger, always.
      const balances = store().balances(balanceRange(new URL(c.req.url)));
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
      const balance =
        store()
          .balances(balanceRange(new URL(c.req.url)))
          .get(ledger.id) ?? 0;
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

  // Products, groups, units --------------------------------------------------------------------
  // The document lists no parameters here (no paging either): every group, always.
  app.get('/product/groups', (c) =>
    handle(c, 'GET /v1/product/groups', {}, () => {
      const items = store()
        .sorted(store().productGroups)
        .map((g) => ({ id: g.id, code: g.code, description: g.description }));
      return c.json({ items, count: items.length });
    }),
  );
  const groupCodes = () => new Map([...store().productGroups.values()].map((g) => [g.id, g.code]));
  app.get('/product', (c) =>
    handle(c, 'GET /v1/product', {}, () => {
      const url = new URL(c.req.url);
      const paging = parsePaging(url);
      const codes =
        url.searchParams.has('groupCode') || [...url.searchParams.keys()].some((k) => k.startsWith('groupCode['))
          ? groupCodes()
          : new Map<number, string>();
      const filters = parseFilters<SbProduct>(url, {
        code: { kind: 'string', get: (p) => p.code },
        groupCode: { kind: 'string', get: (p) => codes.get(p.groupId) },
      });
      const shape = ctx.config.restListItems === 'full' ? productDetail : productListItem;
      const items = page(store().sorted(store().products), filters, paging, true).map(shape);
      return c.json({ items, count: items.length });
    }),
  );
  byId('/product', () => store().products, 'ART_001', productDetail);
  list(
    '/unit',
    () => store().sorted(store().units),
    UNIT_FILTERS,
    (u) => ({ id: u.id, singular: u.singular, plural: u.plural }),
  );

  // Templates ----------------------------------------------------------------------------------
  list(
    '/invoicetemplate',
    () => store().sorted(store().templates),
    TEMPLATE_FILTERS,
    (t) => ({ id: t.id, name: t.name, active: t.active, type: t.type }),
  );
  list(
    '/emailtemplate',
    () => EMAIL_TEMPLATES,
    {},
    (t) => ({ ...t }),
  );

  // Invoices -----------------------------------------------------------------------------------
  app.get('/invoice', (c) =>
    handle(c, 'GET /v1/invoice', {}, () => {
      const url = new URL(c.req.url);
      const found = page(store().sorted(store().invoices), parseFilters(url, INVOICE_FILTERS), parsePaging(url), true);
      const items = found.map(invoiceListItem(origin(c)));
      return c.json({ items, count: items.length });
    }),
  );
  app.get(`/invoice/${ID}`, (c) =>
    handle(c, 'GET /v1/invoice/{id}', {}, () => {
      const invoice = store().invoices.get(Number(c.req.param('id')));
      if (!invoice) fail('FACT_021', 'id', 404);
      return c.json(invoiceDetail(store(), origin(c), invoice));
    }),
  );

  app.post('/invoice', (c) =>
    handle(c, 'POST /v1/invoice', { write: true }, async () => {
      const body = await jsonBody(c);
      const { invoice, book } = validateInvoice(store(), body);
      const mailFailure = mailed(body) ? ctx.config.mailFailure : '';
      if (mailFailure && !ctx.config.mailFailureKeepsInvoice) fail(mailFailure, 'email');
      const saved = store().addInvoice(invoice, book);
      if (book.book && book.ledgerId) {
        const mutation = store().mutations.get(saved.mutationId);
        if (mutation) mutation.ledgerId = book.ledgerId;
        store().touch();
      }
      // The invoice is there, the e-mail is not: the answer is the mail server's error.
      if (mailFailure) fail(mailFailure, 'email');
      return created(c, { id: saved.id, invoiceNumber: saved.invoiceNumber, inExVat: saved.inExVat });
    }),
  );

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

function balanceRange(url: URL): { from?: string; to?: string; costCenterId?: number } {
  const from = url.searchParams.get('from') ?? undefined;
  const to = url.searchParams.get('to') ?? undefined;
  const cc = url.searchParams.get('costCenterId');
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value !== undefined && !/^\d{4}-\d{2}-\d{2}/.test(value)) fail('ERR_002', name);
  }
  if (cc !== null && !/^\d+$/.test(cc)) fail('ERR_002', 'costCenterId');
  return { from: from?.slice(0, 10), to: to?.slice(0, 10), costCenterId: cc ? Number(cc) : undefined };
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
