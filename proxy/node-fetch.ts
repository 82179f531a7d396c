/**
 * How the proxy reaches the upstreams on Node: node:http(s) with keep-alive agents, answering
 * with a plain object (status, headers, a byte stream) rather than a Response. Node's built-in
 * fetch (undici) and web Response objects were most of the proxy's CPU per request in
 * test/bench/proxy.ts. Supports what the proxy uses: method, headers, a byte body, an
 * AbortSignal; no redirects are followed and nothing is decoded.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { NodeResponseTarget, UpstreamFetch, UpstreamResponse } from './forward';

export const agentOptions = {
  keepAlive: true,
  keepAliveMsecs: 1_000,
  maxSockets: 256,
  maxFreeSockets: 64,
  scheduling: 'lifo' as const,
};

export function createNodeFetch(): UpstreamFetch {
  const httpAgent = new HttpAgent(agentOptions);
  const httpsAgent = new HttpsAgent(agentOptions);

  return (url, init) =>
    new Promise<UpstreamResponse>((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      const signal = init.signal;
      if (signal.aborted) return reject(abortError());

      const headers: Record<string, string> = { ...init.headers };
      if (init.body !== undefined) headers['content-length'] = String(init.body.byteLength);

      const req = (secure ? httpsRequest : httpRequest)(
        target,
        { method: init.method, headers, agent: secure ? httpsAgent : httpAgent },
        (res) => {
          signal.removeEventListener('abort', onAbort);
          resolve(toUpstreamResponse(res));
        },
      );
      const onAbort = () => req.destroy(abortError());
      signal.addEventListener('abort', onAbort, { once: true });
      req.on('error', (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(signal.aborted ? abortError() : new TypeError('fetch failed', { cause: error }));
      });
      req.end(init.body);
    });
}

export const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

function toUpstreamResponse(res: IncomingMessage): UpstreamResponse {
  const raw = res.rawHeaders;
  const headers = {
    forEach(callback: (value: string, name: string) => void) {
      for (let i = 0; i < raw.length; i += 2) callback(raw[i + 1], raw[i]);
    },
  };
  const status = res.statusCode ?? 502;
  if (NULL_BODY_STATUS.has(status)) {
    res.resume();
    return { status, headers, body: null };
  }
  let body: ReadableStream<Uint8Array> | undefined;
  return {
    status,
    headers,
    // Created only when asked for: on Node the relay below is used instead.
    get body() {
      return (body ??= byteStream(res));
    },
    relay: (target, done) => relay(res, target, done),
  };
}

/** Pipes the upstream body into the Node response, counting bytes, with backpressure. */
export function relay(
  res: IncomingMessage,
  target: NodeResponseTarget,
  done: (bytes: number, note?: string) => void,
): void {
  let bytes = 0;
  let finished = false;
  const finish = (note?: string) => {
    if (finished) return;
    finished = true;
    done(bytes, note);
  };
  if (target.destroyed) {
    // The client left while the upstream was still thinking: free the upstream connection.
    finish('aborted');
    res.destroy();
    return;
  }
  res.on('data', (chunk: Buffer) => {
    bytes += chunk.byteLength;
    if (!target.write(chunk)) {
      res.pause();
      target.once('drain', () => res.resume());
    }
  });
  res.on('end', () => {
    target.end();
  });
  const broke = () => {
    finish('upstream-broke');
    target.destroy();
  };
  res.on('error', broke);
  res.on('aborted', broke);
  target.once('close', () => {
    if (target.writableFinished) finish();
    else {
      finish('aborted');
      res.destroy();
    }
  });
}

/** The response as a web byte stream, fed from the socket and paused while the consumer is behind. */
function byteStream(res: IncomingMessage): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
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
      },
      pull() {
        res.resume();
      },
      cancel() {
        res.destroy();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}

function abortError(): Error {
  return new DOMException('The operation was aborted.', 'AbortError');
}
