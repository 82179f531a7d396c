/**
 * Forwarding one request to a fixed upstream: which headers go up and come back,
 * the body limit, the timeout, and what an upstream failure looks like to the client.
 */

/** Request headers passed to e-Boekhouden; everything else (Host, Origin, Cookie, X-Proxy-Token, hop-by-hop) stays here. */
const FORWARDED_REQUEST_HEADERS = [
  'authorization',
  'content-type',
  'soapaction',
  'accept',
  'accept-language',
  'user-agent',
];

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

/**
 * How the proxy reaches an upstream: the global `fetch` fits, and so does the lighter
 * node:http one in proxy/node-fetch.ts, which answers with a plain object instead of a Response.
 */
export interface UpstreamResponse {
  status: number;
  headers: { forEach(callback: (value: string, name: string) => void): void };
  body: ReadableStream<Uint8Array> | null;
  /**
   * Node only: sends the body straight into a Node response instead of through a web stream.
   * `done` is called once with the bytes sent, and a note when it did not complete.
   */
  relay?: (target: NodeResponseTarget, done: (bytes: number, note?: string) => void) => void;
}

/** The part of a Node `ServerResponse` the relay writes to. */
export interface NodeResponseTarget {
  writeHead(status: number, headers: Record<string, string>): unknown;
  write(chunk: Uint8Array): boolean;
  end(): unknown;
  destroy(error?: Error): unknown;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  readonly writableFinished: boolean;
  /** True once the client connection is gone (it may leave before the upstream answers). */
  readonly destroyed: boolean;
}
export type UpstreamFetch = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body: Uint8Array<ArrayBuffer> | undefined;
    redirect: 'manual';
    signal: AbortSignal;
  },
) => Promise<UpstreamResponse>;

/** Request headers by (lower-case) name: a Headers object, or a view of Node's header object. */
export interface RequestHeaders {
  get(name: string): string | null;
}

/** A view of Node's parsed header object (repeated headers joined), instead of a web Headers object. */
export function nodeRequestHeaders(node: Record<string, string | string[] | undefined>): RequestHeaders {
  return {
    get(name) {
      const value = node[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

export function upstreamRequestHeaders(incoming: RequestHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = incoming.get(name);
    if (value !== null) headers[name] = value;
  }
  // The body is relayed as read; a compressed answer would be decoded by fetch but keep its
  // Content-Encoding header, so ask for none.
  headers['accept-encoding'] = 'identity';
  return headers;
}

export function downstreamResponseHeaders(upstream: UpstreamResponse['headers']): Record<string, string> {
  const headers: Record<string, string> = {};
  let decoded = false;
  upstream.forEach((value, rawName) => {
    const name = rawName.toLowerCase();
    if (name === 'content-encoding') decoded = true;
    if (DROPPED_RESPONSE_HEADERS.has(name) || name.startsWith('access-control-')) return;
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  });
  if (decoded) {
    // fetch has already decoded a compressed body, so its encoding and length no longer apply.
    delete headers['content-encoding'];
    delete headers['content-length'];
  }
  return headers;
}

export type LimitedBody = { kind: 'body'; bytes: Uint8Array<ArrayBuffer> | undefined } | { kind: 'tooLarge' };

/** The Node request stream, when the host passes one (node-server does, as `env.incoming`). */
export interface NodeIncoming {
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'end' | 'error' | 'aborted', listener: (error?: unknown) => void): unknown;
  removeAllListeners(event: string): unknown;
  resume(): unknown;
  readableEnded?: boolean;
}

function isNodeIncoming(value: unknown): value is NodeIncoming {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as NodeIncoming).on === 'function' &&
    typeof (value as NodeIncoming).resume === 'function'
  );
}

/**
 * Reads the request body up to `limit` bytes. Checks Content-Length first, and counts while
 * reading, so a chunked body without a length is stopped at the limit too. On Node it reads the
 * request stream directly, which skips building a web Request.
 */
export async function readLimitedBody(
  request: Request | undefined,
  headers: RequestHeaders,
  limit: number,
  nodeIncoming?: unknown,
): Promise<LimitedBody> {
  const declared = headers.get('content-length');
  if (declared !== null && Number(declared) > limit) return { kind: 'tooLarge' };
  if (isNodeIncoming(nodeIncoming) && !nodeIncoming.readableEnded) {
    const incoming = nodeIncoming;
    return new Promise((resolve, reject) =>
      readNodeBody(incoming, declared, limit, (read) => (read instanceof Error ? reject(read) : resolve(read))),
    );
  }
  if (!request?.body) return { kind: 'body', bytes: undefined };
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
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
  return joined(chunks, size, declared);
}

/**
 * The Node request stream read up to `limit` bytes, with a callback rather than a promise (the
 * Node fast path stays out of the microtask queue). `declared` is the Content-Length header;
 * over the limit the rest of the body is read and dropped. An aborted request is an Error.
 */
export function readNodeBody(
  incoming: NodeIncoming,
  declared: string | null,
  limit: number,
  done: (read: LimitedBody | Error) => void,
): void {
  if (declared !== null && Number(declared) > limit) return done({ kind: 'tooLarge' });
  const chunks: Uint8Array[] = [];
  let size = 0;
  let settled = false;
  const settle = (read: LimitedBody | Error) => {
    if (settled) return;
    settled = true;
    done(read);
  };
  incoming.on('data', (chunk: Uint8Array) => {
    size += chunk.byteLength;
    if (size > limit) {
      incoming.removeAllListeners('data');
      incoming.resume(); // discard the rest
      settle({ kind: 'tooLarge' });
    } else chunks.push(chunk);
  });
  incoming.on('end', () => settle(joined(chunks, size, declared)));
  incoming.on('error', (error) => settle(error instanceof Error ? error : new Error('request failed')));
  incoming.on('aborted', () => settle(new Error('request aborted')));
}

function joined(chunks: Uint8Array[], size: number, declared: string | null): LimitedBody {
  if (chunks.length === 0)
    return { kind: 'body', bytes: size === 0 && declared === null ? undefined : new Uint8Array(0) };
  if (chunks.length === 1) return { kind: 'body', bytes: chunks[0] as Uint8Array<ArrayBuffer> };
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { kind: 'body', bytes };
}

export type UpstreamOutcome =
  { kind: 'response'; response: UpstreamResponse } | { kind: 'timeout' } | { kind: 'unreachable' };

/**
 * Sends the request upstream. The timeout covers the wait for the response headers; once they
 * arrive the body streams through to the client. A client that leaves cancels the response
 * body (and with it the upstream connection); a request already sent is not aborted.
 */
export async function callUpstream(
  doFetch: UpstreamFetch,
  url: string,
  init: { method: string; headers: Record<string, string>; body: Uint8Array<ArrayBuffer> | undefined },
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
      body: init.body,
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
