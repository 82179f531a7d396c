/** How a finished run is told to the person (notice and live region). */
import type { SyncRun } from './db';
import type { Bilingual } from './i18n/translate';

export interface Outcome {
  kind: 'ok' | 'error' | 'info' | 'warn';
  key: string;
  params?: Record<string, string | number>;
}

export function outcomeOf(run: SyncRun, pick: (m: Bilingual | undefined) => string): Outcome {
  switch (run.result) {
    case 'ok':
      return { kind: 'ok', key: 'sync.doneOk' };
    case 'warning':
      return { kind: 'warn', key: 'sync.doneWarning', params: { count: run.problems.length } };
    case 'cancelled':
      // A run refused because another one holds the lock is not a stop by the person.
      if (run.error?.code === 'BUSY') return { kind: 'info', key: 'sync.busy' };
      return { kind: 'info', key: 'sync.doneCancelled' };
    default:
      return { kind: 'error', key: 'sync.doneFailed', params: { message: pick(run.error) } };
  }
}
