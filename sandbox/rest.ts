/**
 * REST v1 as REST.md describes it. Every handler goes through withFaults.
 */
import { Hono, type Context } from 'hono';
import { withFaults, type SandboxContext } from './faults';
import { RestFailure, fail, restError } from './rest-errors';

const SOURCE_PATTERN = /^[\w_ ]{1,10}$/;

function sessionToken(c: Context): string {
  const header = c.req.header('Authorization') ?? '';
  return header.replace(/^Bearer\s+/i, '').trim();
}

const notAuthenticated = () => restError('SECURITY_010', 401);

export function restRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();

  /** Runs a handler under faults, with the session checked first unless `open`. */
  function handle(c: Context, operation: string, opts: { write?: boolean; open?: boolean }, run: () => Response | Promise<Response>) {
    return withFaults(ctx, c, operation, { write: opts.write ?? false, sessionExpired: notAuthenticated }, async () => {
      if (!opts.open && ctx.sessions.check('rest', sessionToken(c)) !== 'ok') return notAuthenticated();
      try {
        return await run();
      } catch (e) {
        if (e instanceof RestFailure) return e.toResponse();
        throw e;
      }
    });
  }

  app.post('/session', (c) =>
    handle(c, 'POST /v1/session', { open: true }, async () => {
      const body = await jsonBody(c);
      const source = body.source;
      if (source === undefined || source === null || source === '') fail('API_SESSION_001', 'source');
      if (typeof source !== 'string' || !SOURCE_PATTERN.test(source)) fail('API_SESSION_002', 'source');
      const accessToken = body.accessToken;
      if (typeof accessToken !== 'string' || accessToken.trim() === '') fail('API_SESSION_003', 'accessToken');
      if (accessToken !== ctx.config.apiToken) return restError('API_SESSION_004', 403, { type: 'security', propertyName: 'accessToken' });
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

  return app;
}

/** The request body as a JSON object; DATA_01 when there is none, ERR_002 when it is not JSON. */
async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (!text.trim()) fail('DATA_01');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    fail('ERR_002');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) fail('ERR_002');
  return value as Record<string, unknown>;
}
