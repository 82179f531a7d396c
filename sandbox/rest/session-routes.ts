/** REST v1 sessions (POST and DELETE /v1/session) and the administrations the session may see. */
import type { Context } from 'hono';
import { fail, restError } from './errors';
import { jsonBody, type RouteKit } from './kit';

const SOURCE_PATTERN = /^[\w_ ]{1,10}$/;

export function sessionToken(c: Context): string {
  const header = c.req.header('Authorization') ?? '';
  return header.replace(/^Bearer\s+/i, '').trim();
}

export const notAuthenticated = () => restError('SECURITY_010', 401);

export function sessionRoutes(kit: RouteKit): void {
  const { app, ctx, store, handle, list } = kit;

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
}
