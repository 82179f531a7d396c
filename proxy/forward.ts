/**
 * Forwarding one request to a fixed upstream: which headers go up and come back,
 * the body limit, the timeout, and what an upstream failure looks like to the client.
 */

/** Request headers passed to e-Boekhouden; everything else (Host, Origin, Cookie, X-Proxy-Token, hop-by-hop) stays here. */
const FORWARDED_REQUEST_HEADERS = ['authorization', 'content-type', 'soapaction', 'accept', 'accept-language', 'user-agent'];

/** Response headers that describe the connection to the proxy, not the answer, or that the client must not get. */
const DROPPED_RESPONSE_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'set-cookie',
  'set-cookie2',
  'alt-svc',
  'strict-transport-security',
]);

export function upstreamRequestHeaders(incoming: Headers): Headers {
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = incoming.get(name);
    if (value !== null) headers.set(name, value);
  }
  // The body is relayed as read; a compressed answer would be decoded by fetch but keep its
  // Content-Encoding header, so ask for none.
  headers.set('accept-encoding', 'identity');
  return headers;
}

export function downstreamResponseHeaders(upstream: Headers): Headers {
  const headers = new Headers();
  const decoded = upstream.has('content-encoding');
  upstream.forEach((value, name) => {
    if (DROPPED_RESPONSE_HEADERS.has(name) || name.startsWith('access-control-')) return;
    // fetch has already decoded a compressed body, so its encoding and length no longer apply.
    if (decoded && (name === 'content-encoding' || name === 'content-length')) return;
    headers.append(name, value);
  });
  return headers;
}

export type LimitedBody = { kind: 'body'; bytes: Uint8Array | undefined } | { kind: 'tooLarge' };

/**
 * Reads the request body up to `limit` bytes. Checks Content-Length first, and counts while
 * reading, so a chunked body without a length is stopped at the limit too.
 */
export async function readLimitedBody(request: Request, limit: number): Promise<LimitedBody> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) return { kind: 'tooLarge' };
  if (!request.body) return { kind: 'body', bytes: undefined };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return { kind: 'tooLarge' };
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return { kind: 'body', bytes: chunks[0] };
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { kind: 'body', bytes };
}

export type UpstreamOutcome = { kind: 'response'; response: Response } | { kind: 'timeout' } | { kind: 'unreachable' };

/**
 * Sends the request upstream. The timeout covers the wait for the response headers; once they
 * arrive the body streams through to the client. A client that leaves cancels the response
 * body (and with it the upstream connection); a request already sent is not aborted.
 */
export async function callUpstream(
  doFetch: typeof fetch,
  url: string,
  init: { method: string; headers: Headers; body: Uint8Array | undefined },
  timeoutMs: number,
): Promise<UpstreamOutcome> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await doFetch(url, {
      method: init.method,
      headers: init.headers,
      body: init.body as BodyInit | undefined,
      redirect: 'manual',
      signal: controller.signal,
    });
    return { kind: 'response', response };
  } catch {
    return timedOut ? { kind: 'timeout' } : { kind: 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}
