/** The sync's own records in the workspace database (lib/db.ts): the outbox, cursors, the log, small named values. */
import type { NewInvoice, NewRelation } from './eboekhouden/types';
import type { Bilingual, Text, WrittenText } from './i18n/translate';

export type OutboxState = 'pending' | 'sending' | 'done' | 'failed';

interface OutboxEntryBase {
  id?: number;
  /** Unique per export target: `relation:<code>` or `invoice:<number>`. */
  key: string;
  source: { table: 'customers' | 'workOrders' | 'invoices'; id: number };
  state: OutboxState;
  attempts: number;
  /** Set while sending; if found set at the next run, the outcome is unknown: look it up first. */
  sendingSince?: number;
  /** `message`: the error's own (developer) message; `text`: what to tell the person, when it is ours to say. */
  lastError?: { kind: string; code?: string; message: string; text?: Text };
  /** `pdfUrl`: e-Boekhouden's link to the invoice PDF (REST `urlPdfFile`), kept only when it is an http(s) address. */
  remote?: { id?: number; number?: string; code?: string; pdfUrl?: string; foundByLookup?: boolean };
  /**
   * e-Boekhouden's code when it refused to e-mail the invoice (SMTP_00x, FACT_EMAIL_0xx): the
   * invoice is (then) created without the e-mail, and the person sends it from e-Boekhouden.
   * Kept apart from `lastError`, which later attempts overwrite.
   */
  mailRefused?: string;
  createdAt: number;
  updatedAt: number;
}

/** A customer to create as an e-Boekhouden relation. */
export interface RelationOutboxEntry extends OutboxEntryBase {
  kind: 'relation';
  /** What will be (or was) sent. */
  payload: NewRelation;
}

/** A work order or workspace invoice to create as an e-Boekhouden invoice. */
export interface InvoiceOutboxEntry extends OutboxEntryBase {
  kind: 'invoice';
  /** What will be (or was) sent, frozen with its invoice number. */
  payload: NewInvoice;
}

/** One export target; `kind` says what the payload is. */
export type OutboxEntry = RelationOutboxEntry | InvoiceOutboxEntry;

export interface Cursor {
  step: string;
  value: unknown;
  updatedAt: number;
}

export type RunTrigger = 'alarm' | 'manual' | 'startup' | 'refresh';
export type RunResult = 'running' | 'ok' | 'warning' | 'failed' | 'cancelled';

export interface StepLog {
  step: string;
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  requests?: number;
  durationMs?: number;
  /** What changed that is not a problem, e.g. an invoice that was paid ("F2026-0042 paid, €1,234.50"). */
  notes?: Text[];
}

/** A per-record problem, shown in the sync log in the person's language. */
export interface Problem extends Text {
  step: string;
  /** The record's name (key+params); old records hold an English string. */
  record?: Text | string;
  code?: string;
}

/** A problem as stored: written by this version (key+params) or an older one (both languages). */
export type StoredProblem = Problem | (Omit<Problem, keyof Text> & WrittenText);

export interface SyncRun {
  id?: number;
  trigger: RunTrigger;
  startedAt: number;
  endedAt?: number;
  result: RunResult;
  steps: StepLog[];
  problems: StoredProblem[];
  error?: { kind: string; code?: string } & Bilingual;
}

/** Small named records: settings, connection state, sync progress, the sync lease. */
export interface KeyValue {
  key: string;
  value: unknown;
}

export interface ConnectionState {
  /** 'needsReconnect' after e-Boekhouden rejected the credentials; auto-sync pauses until new ones are saved. */
  status: 'notConfigured' | 'ok' | 'needsReconnect';
  /** The administration the local data belongs to (to ask before mixing two administrations). */
  administrationKey?: string;
  /** Set when the credentials open a different administration than the local data's: runSync refuses until confirmed. */
  pendingAdministrationKey?: string;
  message?: Bilingual;
  checkedAt?: number;
}

export interface StepProgress {
  step: string;
  done?: number;
  total?: number;
}

export interface SyncProgress {
  running: boolean;
  runId?: number;
  /** One running step (the last in run order of those running) for a single progress bar… */
  step?: string;
  done?: number;
  total?: number;
  /** …and every step running now, in run order: some import steps run side by side. */
  steps?: StepProgress[];
  startedAt?: number;
  updatedAt: number;
}
