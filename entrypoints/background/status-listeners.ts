/**
 * The pages that listen for the status over a runtime port: each gets the snapshot when it
 * connects and again whenever something in it changes (a run starts or ends, the engine writes
 * its progress record, settings are saved, an alarm fires), instead of asking every 500 ms.
 */
import { liveQuery } from 'dexie';
import { KV, type WorkspaceDb } from '../../lib/db';
import type { StatusSnapshot, StatusUpdate } from '../../lib/background-requests';

/** The part of a runtime port the status updates need (structural, so tests can fake it). */
export interface StatusPort {
  postMessage(message: StatusUpdate): void;
  onDisconnect: { addListener(callback: () => void): void };
}

export interface StatusListeners {
  /** A page listens until its port disconnects. */
  watch(port: StatusPort): void;
  /** Tells every listening page this snapshot (one that was computed anyway, e.g. for the badge). */
  post(snapshot: StatusSnapshot): void;
  /** Computes the status and tells it; calls while one is computed fold into one more. */
  publish(): Promise<void>;
}

export function createStatusListeners(deps: {
  db: WorkspaceDb;
  status: () => Promise<StatusSnapshot>;
  log: (message: string) => void;
}): StatusListeners {
  const ports = new Set<StatusPort>();
  let progressSubscription: { unsubscribe(): void } | undefined;
  let publishing = false;
  let again = false;

  function post(snapshot: StatusSnapshot): void {
    for (const port of ports) {
      try {
        port.postMessage({ type: 'status', status: snapshot });
      } catch {
        ports.delete(port); // the page closed in between
      }
    }
  }

  async function publish(): Promise<void> {
    if (ports.size === 0) return;
    if (publishing) {
      again = true;
      return;
    }
    publishing = true;
    try {
      do {
        again = false;
        post(await deps.status());
      } while (again && ports.size > 0);
    } catch (e) {
      deps.log(`status update failed: ${e instanceof Error ? e.name : 'error'}`);
    } finally {
      publishing = false;
    }
  }

  function watch(port: StatusPort): void {
    ports.add(port);
    port.onDisconnect.addListener(() => {
      ports.delete(port);
      if (ports.size === 0) {
        progressSubscription?.unsubscribe();
        progressSubscription = undefined;
      }
    });
    // The engine writes its progress record as it goes; each write reaches the pages at once.
    if (!progressSubscription) {
      let first = true; // the record as it is now: told by the publish below
      progressSubscription = liveQuery(() => deps.db.kv.get(KV.progress)).subscribe({
        next: () => (first ? (first = false) : void publish()),
        error: () => undefined,
      });
    }
    void publish();
  }

  return { watch, post, publish };
}
