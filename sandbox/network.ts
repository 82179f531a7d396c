/**
 * A network profile, as a real server over a real connection has: every API request waits
 * `latencyMs` plus `latencyPerRecordMs` for each record in its answer, and at most
 * `maxConcurrent` requests are served at once (0: no cap); the rest wait their turn in order.
 * Off by default (all 0), so tests and benches without it measure the client alone.
 */
import type { MiddlewareHandler } from 'hono';
import type { SandboxConfig } from './config';

type Profile = Pick<SandboxConfig, 'latencyMs' | 'latencyPerRecordMs' | 'maxConcurrent'>;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Records in an answer: REST `items`, or SOAP record elements (cRelatie, cMutatieList …, not their lines). */
export async function recordsIn(res: Response): Promise<number> {
  const type = res.headers.get('Content-Type') ?? '';
  const text = await res.clone().text();
  if (type.includes('json')) {
    const items = (JSON.parse(text || 'null') as { items?: unknown } | null)?.items;
    return Array.isArray(items) ? items.length : 1;
  }
  if (type.includes('xml')) return text.match(/<\/c(?!\w*Regel>)[A-Z]\w*>/g)?.length ?? 0;
  return 0;
}

export class Network {
  private inFlight = 0;
  private peak = 0;
  private queued = 0;
  private waiting: (() => void)[] = [];

  constructor(private readonly profile: () => Profile) {}

  private async acquire(): Promise<void> {
    const cap = this.profile().maxConcurrent;
    if (cap > 0 && this.inFlight >= cap) {
      this.queued++;
      await new Promise<void>((r) => this.waiting.push(r));
    } else this.inFlight++;
    this.peak = Math.max(this.peak, this.inFlight);
  }

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next in line, so inFlight stays at the cap.
    if (next) next();
    else this.inFlight--;
  }

  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const p = this.profile();
      if (!(p.latencyMs > 0 || p.latencyPerRecordMs > 0 || p.maxConcurrent > 0)) return next();
      await this.acquire();
      try {
        await next();
        const records = p.latencyPerRecordMs > 0 ? await recordsIn(c.res) : 0;
        const ms = p.latencyMs + records * p.latencyPerRecordMs;
        if (ms > 0) await sleep(ms);
      } finally {
        this.release();
      }
    };
  }

  snapshot(): { peakInFlight: number; queued: number } {
    return { peakInFlight: this.peak, queued: this.queued };
  }

  reset(): void {
    this.peak = this.inFlight;
    this.queued = 0;
  }
}
