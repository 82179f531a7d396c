/**
 * A small `fetch` for the proxy on Node, built on node:http(s) with keep-alive agents.
 * Node's built-in fetch (undici) costs several times more CPU per request, which showed up as
 * most of the proxy's overhead in test/bench/proxy.ts. It supports what the proxy uses:
 * method, Headers, a byte body, an AbortSignal; no redirects are followed, no decoding.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

const agentOptions = { keepAlive: true, keepAliveMsecs: 1_000, maxSockets: 256, maxFreeSockets: 64, scheduling: 'lifo' as const };

export function createNodeFetch(): typeof fetch {
  const httpAgent = new HttpAgent(agentOptions);
  const httpsAgent = new HttpsAgent(agentOptions);

  const nodeFetch = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
      const secure = url.protocol === 'https:';
      const signal = init.signal ?? undefined;
      if (signal?.aborted) return reject(abortError());

      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((value, name) => {
        headers[name] = value;
      });
      const body = init.body as Uint8Array | string | undefined | null;
      if (body != null) headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);

      const req = (secure ? httpsRequest : httpRequest)(
        url,
        { method: init.method ?? 'GET', headers, agent: secure ? httpsAgent : httpAgent },
        (res) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(toResponse(res, signal));
        },
      );
      const onAbort = () => req.destroy(abortError());
      signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', (error) => {
        signal?.removeEventListener('abort', onAbort);
        reject(signal?.aborted ? abortError() : new TypeError('fetch failed', { cause: error }));
      });
      req.end(body ?? undefined);
    });
  return nodeFetch as typeof fetch;
}

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

function toResponse(res: IncomingMessage, signal: AbortSignal | undefined): Response {
  const headers = new Headers();
  const raw = res.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i], raw[i + 1]);
  const status = res.statusCode ?? 502;
  const init = { status, statusText: res.statusMessage, headers };
  if (NULL_BODY_STATUS.has(status)) {
    res.resume();
    return new Response(null, init);
  }
  // A byte stream fed from the socket, paused while the consumer is behind.
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const settle = (end: () => void) => {
        if (!open) return;
        open = false;
        end();
      };
      res.on('data', (chunk: Buffer) => {
        if (!open) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 1) <= 0) res.pause();
      });
      res.on('end', () => settle(() => controller.close()));
      res.on('error', (error) => settle(() => controller.error(error)));
      res.on('aborted', () => settle(() => controller.error(new Error('upstream connection closed'))));
      signal?.addEventListener('abort', () => res.destroy(), { once: true });
    },
    pull() {
      res.resume();
    },
    cancel() {
      res.destroy();
    },
  }, { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength });
  return new Response(body, init);
}

function abortError(): Error {
  return new DOMException('The operation was aborted.', 'AbortError');
}
