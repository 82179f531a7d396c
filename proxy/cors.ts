/**
 * Who may call the proxy from a browser: only the extension. A request without an Origin
 * header (Node clients, curl, the extension's service worker with host permission) is not
 * a cross-origin browser request and is allowed; the token, when set, still applies.
 */

export type OriginVerdict =
  | { kind: 'none' }
  | { kind: 'extension'; origin: string }
  /** An extension that ALLOWED_EXTENSION_IDS leaves out: refused, but told why in a way it can read (CORS headers). */
  | { kind: 'other-extension'; origin: string }
  | { kind: 'refused' };

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/([A-Za-z0-9-]{1,64})$/;

export function judgeOrigin(origin: string | undefined | null, allowedIds: readonly string[]): OriginVerdict {
  if (origin === undefined || origin === null) return { kind: 'none' };
  const match = EXTENSION_ORIGIN.exec(origin);
  if (!match) return { kind: 'refused' };
  if (allowedIds.length > 0 && !allowedIds.includes(match[2])) return { kind: 'other-extension', origin };
  return { kind: 'extension', origin };
}

export const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
export const ALLOWED_REQUEST_HEADERS = 'Authorization, Content-Type, SOAPAction, Accept, X-Proxy-Token';
/** Response headers the client reads beyond the CORS-safelisted ones. */
export const EXPOSED_HEADERS = 'Retry-After, Content-Length, Content-Disposition';

export function corsHeaders(origin: string): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': EXPOSED_HEADERS,
    Vary: 'Origin',
  };
}

export function preflightHeaders(origin: string): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': ALLOWED_METHODS,
    'Access-Control-Allow-Headers': ALLOWED_REQUEST_HEADERS,
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}
