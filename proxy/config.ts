/**
 * Proxy configuration, read from environment variables. Runtime-neutral: pass `process.env`
 * on Node or the bindings object on a fetch-based host (Cloudflare Worker `env`).
 */

import type { UpstreamFetch } from './forward';

export const LIVE_SOAP_URL = 'https://soap.e-boekhouden.nl';
export const LIVE_REST_URL = 'https://api.e-boekhouden.nl';

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 30_000;
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/** One line per request; never receives a body, a header value or a query string. */
export type ProxyLogger = (line: string) => void;

export interface ProxyConfig {
  /** Origin (and optional base path) of the SOAP service; `/soap.asmx` is appended. */
  soapUrl: string;
  /** Origin (and optional base path) of the REST API; `/v1/...` is appended. */
  restUrl: string;
  /** When set, every request (except `GET /healthz`) must carry it in `X-Proxy-Token`. */
  proxyToken?: string;
  /** Extension ids allowed as CORS origins; empty = any chrome-extension:// or moz-extension:// origin. */
  allowedExtensionIds: string[];
  upstreamTimeoutMs: number;
  bodyLimitBytes: number;
  logger?: ProxyLogger;
  /** How the upstreams are reached; defaults to the global fetch (Node uses proxy/node-fetch.ts). */
  fetch?: UpstreamFetch;
}

export interface ProxyServerConfig extends ProxyConfig {
  port: number;
  host: string;
}

export type Env = Record<string, string | undefined>;

export class ProxyConfigError extends Error {
  override name = 'ProxyConfigError';
}

/**
 * Reads the proxy configuration. Upstreams, in order: `EB_SOAP_URL` / `EB_REST_URL`, then
 * `EB_UPSTREAM=live`, then `fallbackUpstreams` (the in-process sandbox for `npm start`),
 * then the live services.
 */
export function loadProxyConfig(env: Env, fallbackUpstreams?: { soapUrl: string; restUrl: string }): ProxyServerConfig {
  const upstream = (env.EB_UPSTREAM ?? '').trim().toLowerCase();
  if (upstream !== '' && upstream !== 'live' && upstream !== 'sandbox') {
    throw new ProxyConfigError(`EB_UPSTREAM must be "live" or "sandbox", not "${upstream}".`);
  }
  if (upstream === 'sandbox' && !fallbackUpstreams && !(env.EB_SOAP_URL?.trim() && env.EB_REST_URL?.trim())) {
    throw new ProxyConfigError(
      'EB_UPSTREAM=sandbox needs EB_SOAP_URL and EB_REST_URL (the sandbox address), or use `npm start`.',
    );
  }
  const base =
    upstream === 'live' || !fallbackUpstreams ? { soapUrl: LIVE_SOAP_URL, restUrl: LIVE_REST_URL } : fallbackUpstreams;

  return {
    port: integer(env, 'PORT', DEFAULT_PORT, 0, 65_535),
    host: env.HOST?.trim() || DEFAULT_HOST,
    soapUrl: upstreamUrl(env.EB_SOAP_URL?.trim() || base.soapUrl, 'EB_SOAP_URL', '/soap.asmx'),
    restUrl: upstreamUrl(env.EB_REST_URL?.trim() || base.restUrl, 'EB_REST_URL', '/v1'),
    proxyToken: proxyToken(env.PROXY_TOKEN),
    allowedExtensionIds: extensionIds(env.ALLOWED_EXTENSION_IDS),
    upstreamTimeoutMs: integer(env, 'UPSTREAM_TIMEOUT_MS', DEFAULT_UPSTREAM_TIMEOUT_MS, 1, 600_000),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', DEFAULT_BODY_LIMIT_BYTES, 1, 64 * 1024 * 1024),
  };
}

/**
 * Normalises an upstream URL to an origin plus optional base path without a trailing slash.
 * A URL that already ends in the forwarded path (".../soap.asmx", ".../v1") is accepted too,
 * because the proxy appends that path itself.
 */
export function upstreamUrl(raw: string, name: string, forwardedPrefix: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ProxyConfigError(`${name} is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ProxyConfigError(`${name} must be an http or https URL.`);
  if (url.username || url.password || url.search || url.hash) {
    throw new ProxyConfigError(`${name} must not contain credentials, a query or a fragment.`);
  }
  let path = url.pathname.replace(/\/+$/, '');
  if (path.toLowerCase().endsWith(forwardedPrefix.toLowerCase())) path = path.slice(0, -forwardedPrefix.length);
  return url.origin + path;
}

export const MIN_PROXY_TOKEN_LENGTH = 16;

/** The token travels in a header: visible ASCII only, and long enough not to be guessed. */
function proxyToken(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const token = raw.trim();
  if (token === '') {
    throw new ProxyConfigError(
      'PROXY_TOKEN is set but empty: give it a value, or remove the variable to need no token.',
    );
  }
  if (!/^[\x21-\x7e]+$/.test(token)) {
    throw new ProxyConfigError(
      'PROXY_TOKEN may contain only visible ASCII characters (letters, digits, punctuation; no spaces or accents).',
    );
  }
  if (token.length < MIN_PROXY_TOKEN_LENGTH) {
    throw new ProxyConfigError(
      `PROXY_TOKEN must be at least ${MIN_PROXY_TOKEN_LENGTH} characters long (for example: openssl rand -hex 24).`,
    );
  }
  return token;
}

const EXTENSION_ID = /^[A-Za-z0-9-]{1,64}$/;
const EXTENSION_ORIGIN_ENTRY = /^(?:chrome-extension|moz-extension):\/\/([^/]+)\/?$/i;

/**
 * Extension ids, or the origins the browser sends (`chrome-extension://<id>`, `moz-extension://<uuid>`).
 * Firefox sends its internal UUID, never the add-on id (`name@example`), so such an id is refused with the way to find the UUID.
 */
function extensionIds(raw: string | undefined): string[] {
  const ids: string[] = [];
  for (const entry of (raw ?? '').split(/[\s,]+/).filter(Boolean)) {
    const id = EXTENSION_ORIGIN_ENTRY.exec(entry)?.[1] ?? entry;
    if (id.includes('@') || /^\{.*\}$/.test(id)) {
      throw new ProxyConfigError(
        `ALLOWED_EXTENSION_IDS: "${entry}" is a Firefox add-on id, which Firefox never sends. Use the add-on's Internal UUID from about:debugging (This Firefox), or moz-extension://<that UUID>.`,
      );
    }
    if (!EXTENSION_ID.test(id)) {
      throw new ProxyConfigError(
        `ALLOWED_EXTENSION_IDS: "${entry}" is not an extension id or origin (expected letters, digits and hyphens, e.g. the id on chrome://extensions, or chrome-extension://<id>).`,
      );
    }
    ids.push(id);
  }
  return ids;
}

/** Loopback addresses, where a proxy without a token is reachable only from this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ProxyConfigError(`${name} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}
