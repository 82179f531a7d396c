/** REST v1 products, product groups and units (the reads; the writes are in catalog.ts). */
import { page, parseFilters, parsePaging } from './query';
import { UNIT_FILTERS } from './filters';
import { productDetail, productListItem } from './shapes';
import type { SbProduct } from '../store';
import type { RouteKit } from './kit';

export function productRoutes(kit: RouteKit): void {
  const { app, ctx, store, handle, list, byId } = kit;

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
}
