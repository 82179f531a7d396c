/**
 * A fetch that records every REST exchange (request and answer) on its way through, so a test can
 * check both halves against openapi-v1.json afterwards. Works around real HTTP and around a Hono app.
 */
import { contract } from './openapi';

export interface Exchange {
  method: string;
  /** Path and query, e.g. `/v1/relation?limit=2000&offset=0`. */
  path: string;
  requestBody: unknown;
  status: number;
  responseBody: unknown;
  /** Free label: the test that produced it. */
  label: string;
}

function parse(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export class Recorder {
  readonly exchanges: Exchange[] = [];
  label = '';

  /** Wraps `inner`; only `/v1/` requests are recorded. */
  fetch(inner: (input: Request) => Promise<Response> | Response): typeof fetch {
    return (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      const requestText = request.body ? await request.clone().text() : '';
      const response = await inner(request);
      if (url.pathname.startsWith('/v1/')) {
        const text = await response.clone().text();
        this.exchanges.push({
          method: request.method,
          path: url.pathname + url.search,
          requestBody: parse(requestText),
          status: response.status,
          responseBody: parse(text),
          label: this.label,
        });
      }
      return response;
    }) as typeof fetch;
  }

  /** Problems in the recorded answers (or requests), one line each, naming the operation and field. */
  responseProblems(filter: (e: Exchange) => boolean = () => true): string[] {
    return this.exchanges
      .filter(filter)
      .flatMap((e) =>
        contract().checkResponse({ method: e.method, path: e.path, status: e.status, body: e.responseBody }),
      );
  }

  requestProblems(filter: (e: Exchange) => boolean = () => true): string[] {
    return this.exchanges
      .filter(filter)
      .flatMap((e) => contract().checkRequest({ method: e.method, path: e.path, body: e.requestBody }));
  }

  /** Operation names (`GET /v1/relation/{id}`) seen with their statuses. */
  operationsSeen(): Map<string, Set<number>> {
    const seen = new Map<string, Set<number>>();
    for (const e of this.exchanges) {
      const name = contract().find(e.method, e.path)?.name ?? `${e.method} ${e.path} (unknown)`;
      if (!seen.has(name)) seen.set(name, new Set());
      seen.get(name)!.add(e.status);
    }
    return seen;
  }
}
