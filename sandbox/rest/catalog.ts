/**
 * REST writes of the catalogue: create, update and delete of products, ledgers and cost centres,
 * with the document's success statuses (create 201, PATCH and DELETE 204). The document has no
 * DELETE for ledgers.
 */
import { fail } from './errors';
import { ID, jsonBody, type RouteKit } from './kit';
import { validateCostCenter, validateLedger, validateProduct } from './validate-catalog';
import type { SbProduct } from '../store';

export function catalogWriteRoutes(kit: RouteKit): void {
  const { app, handle, created } = kit;
  const store = kit.store;

  app.post('/product', (c) =>
    handle(c, 'POST /v1/product', { write: true }, async () => {
      const fields = validateProduct(store(), await jsonBody(c));
      const product = store().addProduct({
        code: '',
        description: '',
        unitId: 0,
        active: true,
        groupId: 0,
        purchasePriceExcl: 0,
        priceExcl: 0,
        priceIncl: 0,
        vat: 'GEEN',
        ledgerId: 0,
        costCenterId: 0,
        ...fields,
      } as Omit<SbProduct, 'id'>);
      return created(c, { id: product.id });
    }),
  );
  app.patch(`/product/${ID}`, (c) =>
    handle(c, 'PATCH /v1/product/{id}', { write: true }, async () => {
      const product = store().products.get(Number(c.req.param('id')));
      if (!product) fail('ART_001', 'id', 404);
      Object.assign(product, validateProduct(store(), await jsonBody(c), product));
      store().touch();
      return c.body(null, 204);
    }),
  );
  app.delete(`/product/${ID}`, (c) =>
    handle(c, 'DELETE /v1/product/{id}', { write: true }, () => {
      const id = Number(c.req.param('id'));
      if (!store().products.has(id)) fail('ART_001', 'id', 404);
      for (const invoice of store().invoices.values())
        if (invoice.items.some((item) => item.productId === id)) fail('ART_003', 'id');
      store().remove(store().products, id);
      return c.body(null, 204);
    }),
  );

  app.post('/ledger', (c) =>
    handle(c, 'POST /v1/ledger', { write: true }, async () => {
      const fields = validateLedger(store(), await jsonBody(c));
      const ledger = store().addLedger({ code: '', description: '', category: 'BAL', group: '', ...fields });
      return created(c, { id: ledger.id });
    }),
  );
  app.patch(`/ledger/${ID}`, (c) =>
    handle(c, 'PATCH /v1/ledger/{id}', { write: true }, async () => {
      const ledger = store().ledgers.get(Number(c.req.param('id')));
      if (!ledger) fail('LEDG_011', 'id', 404);
      store().updateLedger(ledger.id, validateLedger(store(), await jsonBody(c), ledger));
      return c.body(null, 204);
    }),
  );

  app.post('/costcenter', (c) =>
    handle(c, 'POST /v1/costcenter', { write: true }, async () => {
      const fields = validateCostCenter(store(), await jsonBody(c));
      const center = store().addCostCenter({ description: '', parentId: 0, active: true, ...fields });
      return created(c, { id: center.id, active: center.active });
    }),
  );
  app.patch(`/costcenter/${ID}`, (c) =>
    handle(c, 'PATCH /v1/costcenter/{id}', { write: true }, async () => {
      const center = store().costCenters.get(Number(c.req.param('id')));
      if (!center) fail('COST_001', 'id', 404);
      Object.assign(center, validateCostCenter(store(), await jsonBody(c), center));
      store().touch();
      return c.body(null, 204);
    }),
  );
  app.delete(`/costcenter/${ID}`, (c) =>
    handle(c, 'DELETE /v1/costcenter/{id}', { write: true }, () => {
      const id = Number(c.req.param('id'));
      if (!store().costCenters.has(id)) fail('COST_001', 'id', 404);
      for (const cc of store().costCenters.values()) if (cc.parentId === id) fail('COST_009', 'id');
      store().remove(store().costCenters, id);
      return c.body(null, 204);
    }),
  );
}
