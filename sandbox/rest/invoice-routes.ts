/** REST v1 invoice and e-mail templates, and invoices: list, detail, create. */
import type { Context } from 'hono';
import { ID, jsonBody, type RouteKit } from './kit';
import { fail } from './errors';
import { INVOICE_FILTERS, TEMPLATE_FILTERS } from './filters';
import { page, parseFilters, parsePaging } from './query';
import { invoiceDetail, invoiceListItem } from './shapes';
import { validateInvoice } from './validate';
import { EMAIL_TEMPLATES } from '../store';

const origin = (c: Context) => new URL(c.req.url).origin;

export function invoiceRoutes(kit: RouteKit): void {
  const { app, ctx, store, handle, created, list } = kit;

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
}

/** Does the create body ask e-Boekhouden to e-mail the invoice? */
function mailed(body: unknown): boolean {
  const email = (body as { email?: unknown } | null)?.email;
  return email !== undefined && email !== null;
}
