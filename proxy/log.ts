/**
 * The request log: one line per request with time, method, path, status, duration and bytes.
 * Only those fields: never a body, a header value or a query string, because SessionIDs,
 * security codes and tokens travel in exactly those places.
 */
import type { ProxyLogger } from './config';

export interface RequestLogEntry {
  /** When the request came in (a Date, or milliseconds since the epoch). */
  start: Date | number;
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
    isoTime(typeof entry.start === 'number' ? entry.start : entry.start.getTime()),
    entry.method,
    // Paths come from a parsed URL (percent-encoded), but keep the line one line regardless.
    // eslint-disable-next-line no-control-regex
    path.replace(/[\s\u0000-\u001f\u007f]/g, '?'),
    String(entry.status),
    `${entry.durationMs.toFixed(1)}ms`,
    entry.bytes === undefined ? '-' : `${entry.bytes}B`,
  ];
  if (entry.note) parts.push(entry.note);
  return parts.join(' ');
}

let cachedSecond = NaN;
let cachedPrefix = '';

/**
 * `new Date(ms).toISOString()`, with the part up to the second built once per second: a Date
 * and its ISO string per request were a visible part of the proxy's CPU under load.
 */
export function isoTime(ms: number): string {
  const whole = Math.floor(ms);
  const second = Math.floor(whole / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedPrefix = new Date(second * 1000).toISOString().slice(0, -4);
  }
  const milli = whole - second * 1000;
  return `${cachedPrefix}${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}

export const consoleLogger: ProxyLogger = (line) => {
  console.log(line);
};

export interface BufferedLogger {
  log: ProxyLogger;
  /** Writes what is buffered now (on shutdown). */
  flush(): void;
}

/**
 * Collects lines and writes them in one call every `intervalMs` (or at 64 KiB): stdout to a file
 * or terminal is a synchronous write per call on Node, which at a few thousand requests per
 * second was a tenth of the proxy's CPU. Lines are at most `intervalMs` late; flush() on exit.
 */
export function bufferedLogger(write: (text: string) => void, intervalMs = 100): BufferedLogger {
  let pending: string[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const text = pending.join('\n') + '\n';
    pending = [];
    size = 0;
    write(text);
  };
  const log: ProxyLogger = (line) => {
    pending.push(line);
    size += line.length + 1;
    if (size >= 64 * 1024) flush();
    else if (timer === undefined) {
      timer = setTimeout(flush, intervalMs);
      (timer as { unref?: () => void }).unref?.();
    }
  };
  return { log, flush };
}

/**
 * Passes `body` through unchanged and calls `done` once with the number of bytes sent,
 * when the stream ends, fails, or the client goes away.
 */
export function countingStream(
  body: ReadableStream<Uint8Array>,
  done: (bytes: number, note?: string) => void,
): ReadableStream<Uint8Array> {
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
      } catch {
        finish('upstream-broke');
        // A fixed error: the host may print it, and the original could carry connection details.
        controller.error(new Error('The upstream connection broke.'));
      }
    },
    cancel(reason) {
      finish('aborted');
      return reader.cancel(reason);
    },
  });
}
