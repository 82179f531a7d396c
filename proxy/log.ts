/**
 * The request log: one line per request with time, method, path, status, duration and bytes.
 * Only those fields: never a body, a header value or a query string, because SessionIDs,
 * security codes and tokens travel in exactly those places.
 */
import type { ProxyLogger } from './config';

export interface RequestLogEntry {
  start: Date;
  method: string;
  /** The URL path without its query string. */
  path: string;
  status: number;
  durationMs: number;
  /** Response body bytes sent; undefined when unknown. */
  bytes: number | undefined;
  /** A short fixed word for why the proxy answered itself (timeout, unreachable, aborted). */
  note?: string;
}

const MAX_PATH_LENGTH = 200;

export function formatLogLine(entry: RequestLogEntry): string {
  const path = entry.path.length > MAX_PATH_LENGTH ? `${entry.path.slice(0, MAX_PATH_LENGTH)}…` : entry.path;
  const parts = [
    entry.start.toISOString(),
    entry.method,
    // Paths come from a parsed URL (percent-encoded), but keep the line one line regardless.
    path.replace(/[\s\u0000-\u001f\u007f]/g, '?'),
    String(entry.status),
    `${entry.durationMs.toFixed(1)}ms`,
    entry.bytes === undefined ? '-' : `${entry.bytes}B`,
  ];
  if (entry.note) parts.push(entry.note);
  return parts.join(' ');
}

export const consoleLogger: ProxyLogger = (line) => {
  console.log(line);
};

/**
 * Passes `body` through unchanged and calls `done` once with the number of bytes sent,
 * when the stream ends, fails, or the client goes away.
 */
export function countingStream(body: ReadableStream<Uint8Array>, done: (bytes: number, note?: string) => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let bytes = 0;
  let finished = false;
  const finish = (note?: string) => {
    if (finished) return;
    finished = true;
    done(bytes, note);
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done: end, value } = await reader.read();
        if (end) {
          controller.close();
          finish();
          return;
        }
        bytes += value.byteLength;
        controller.enqueue(value);
      } catch (error) {
        finish('upstream-broke');
        controller.error(error);
      }
    },
    cancel(reason) {
      finish('aborted');
      return reader.cancel(reason);
    },
  });
}
