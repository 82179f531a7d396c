/**
 * One sync at a time across the popup, the options page and the background worker.
 *
 * The lease is a row in IndexedDB (db.kv 'syncLease': owner + expiry) taken and renewed in a
 * transaction, so it survives a killed service worker: nobody renews it and it expires after
 * `ttlMs`. Where the Web Locks API exists the run also holds a lock, which the browser frees
 * the moment the holder dies (see withWebLock).
 */
import Dexie from 'dexie';
import { KV, type WorkspaceDb } from '../db';

export interface Lease {
  owner: string;
  expiresAt: number;
  takenAt: number;
}

export const LEASE_TTL_MS = 60_000;

/** Takes the lease when it is free, expired or already ours. */
export async function acquireLease(
  db: WorkspaceDb,
  owner: string,
  now: number,
  ttlMs = LEASE_TTL_MS,
): Promise<{ ok: true; tookOverFrom?: string } | { ok: false; holder: Lease }> {
  return Dexie.ignoreTransaction(() =>
    db.transaction('rw', db.kv, async () => {
      const current = (await db.kv.get(KV.lease))?.value as Lease | undefined;
      if (current && current.owner !== owner && current.expiresAt > now) return { ok: false as const, holder: current };
      await db.kv.put({ key: KV.lease, value: { owner, expiresAt: now + ttlMs, takenAt: now } satisfies Lease });
      return { ok: true as const, tookOverFrom: current && current.owner !== owner ? current.owner : undefined };
    }),
  );
}

/** Extends our lease; false when somebody else holds it now (ours expired and was taken over). */
export async function renewLease(db: WorkspaceDb, owner: string, now: number, ttlMs = LEASE_TTL_MS): Promise<boolean> {
  return Dexie.ignoreTransaction(() =>
    db.transaction('rw', db.kv, async () => {
      const current = (await db.kv.get(KV.lease))?.value as Lease | undefined;
      if (current && current.owner !== owner) return false;
      await db.kv.put({
        key: KV.lease,
        value: { owner, expiresAt: now + ttlMs, takenAt: current?.takenAt ?? now } satisfies Lease,
      });
      return true;
    }),
  );
}

export async function releaseLease(db: WorkspaceDb, owner: string): Promise<void> {
  await Dexie.ignoreTransaction(() =>
    db.transaction('rw', db.kv, async () => {
      const current = (await db.kv.get(KV.lease))?.value as Lease | undefined;
      if (current?.owner === owner) await db.kv.delete(KV.lease);
    }),
  );
}

export async function readLease(db: WorkspaceDb): Promise<Lease | undefined> {
  return (await db.kv.get(KV.lease))?.value as Lease | undefined;
}

interface LockManagerLike {
  request<T>(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<T>): Promise<T>;
}

/**
 * Runs `fn` holding the Web Lock `name` when the API exists (browsers); `busy` when another
 * context holds it. In Node (tests) there is no navigator.locks and only the lease applies.
 */
export async function withWebLock<T>(name: string, fn: () => Promise<T>, busy: () => T): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  if (!locks) return fn();
  return locks.request(name, { ifAvailable: true }, async (lock) => (lock ? fn() : busy()));
}
