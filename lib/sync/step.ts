/**
 * What a sync step is. The engine (engine.ts) runs enabled steps in order: imports, then
 * exports (new customers before the invoices that use them); a step that declares `alongside`
 * runs beside the steps it names. A step reads its cursor,
 * talks to the `EBoekhouden` interface, writes to Dexie in bulk, saves its cursor, and
 * counts what it did in `ctx.log`.
 */
import type { EBoekhouden } from '../eboekhouden/api';
import type { Problem, RunTrigger, StepLog, WorkspaceDb } from '../db';
import type { Settings } from '../settings';

export interface StepContext {
  db: WorkspaceDb;
  api: EBoekhouden;
  settings: Settings;
  /** Aborted when the person cancels or the run must stop; check it between pages/records. */
  signal: AbortSignal;
  now(): number;
  /** What started the run; 'refresh' asks imports to re-read every record. */
  trigger?: RunTrigger;
  /** Publishes progress for the pages (throttled by the engine). */
  progress(done: number, total?: number): void;
  /** This step's counters, saved in the sync log. */
  log: StepLog;
  /** A per-record problem, in Dutch and English. */
  problem(p: Omit<Problem, 'step'>): void;
}

export interface SyncStep {
  /** Stable id, also the cursor key and the log's step name: "customers", "exportInvoices" … */
  name: string;
  /**
   * Steps listed before this one that it need not wait for: it starts once every other earlier
   * step has ended, and runs beside these. Without it a step waits for every step before it.
   */
  alongside?: readonly string[];
  enabled(settings: Settings): boolean;
  run(ctx: StepContext): Promise<void>;
}
