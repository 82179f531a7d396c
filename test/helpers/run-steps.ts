/**
 * A tiny step runner for export tests (builds a StepContext the way the engine does, without
 * the lease or the log), and an in-memory EBoekhouden with fault hooks for unit tests.
 */
import type { EBoekhouden } from '../../lib/eboekhouden/api';
import { EBoekhoudenError, type ErrorKind } from '../../lib/eboekhouden/errors';
import type { CreatedInvoice, Invoice, NewInvoice, NewRelation, Relation } from '../../lib/eboekhouden/types';
import type { Problem, StepLog, WorkspaceDb } from '../../lib/db';
import type { Settings } from '../../lib/settings';
import type { StepContext, SyncStep } from '../../lib/sync/step';

export interface StepsResult {
  logs: StepLog[];
  problems: Problem[];
}

export interface RunStepsOptions {
  db: WorkspaceDb;
  api: EBoekhouden;
  settings: Settings;
  steps: SyncStep[];
  signal?: AbortSignal;
  now?: () => number;
  /** Filled as the run goes, so a test can read it even when the run throws. */
  result?: StepsResult;
}

function emptyLog(step: string): StepLog {
  return { step, fetched: 0, created: 0, updated: 0, unchanged: 0, failed: 0 };
}

/** Runs the enabled steps in order. Errors propagate, like a run the engine would stop. */
export async function runSteps(o: RunStepsOptions): Promise<StepsResult> {
  const result = o.result ?? { logs: [], problems: [] };
  const signal = o.signal ?? new AbortController().signal;
  for (const step of o.steps) {
    if (!step.enabled(o.settings)) continue;
    const log = emptyLog(step.name);
    result.logs.push(log);
    const ctx: StepContext = {
      db: o.db,
      api: o.api,
      settings: o.settings,
      signal,
      now: o.now ?? Date.now,
      progress: () => {},
      log,
      problem: (p) => result.problems.push({ step: step.name, ...p }),
    };
    signal.throwIfAborted();
    await step.run(ctx);
  }
  return result;
}

export function logOf(result: StepsResult, step: string): StepLog {
  return result.logs.find((l) => l.step === step) ?? emptyLog(step);
}

// ---------------------------------------------------------------- in-memory e-Boekhouden

export type FakeOp = 'createRelation' | 'createInvoice' | 'findRelationByCode' | 'findInvoice';

/**
 * A hook may throw before the operation runs (nothing happens upstream) or return 'after' to
 * run it and then throw the given error (committed, but the answer is lost).
 */
export type FaultHook = (op: FakeOp, arg: unknown) => { error: Error; when: 'before' | 'after' } | undefined;

export interface FakeApi extends EBoekhouden {
  relations: Map<string, Relation>;
  invoices: Map<string, Invoice & { lines: NewInvoice['lines']; template: string }>;
  calls: { op: FakeOp; arg: string }[];
  fault?: FaultHook;
  /** Codes that REST would reject with a validation error (e.g. an unknown template). */
  rejectTemplates: Set<string>;
  /** The PDF link of an invoice read back (REST `urlPdfFile`); unset: none, as SOAP. */
  pdfUrl?: (number: string) => string;
  /** Whether the create answer carries that link too (the document's CreatedInvoice does not). */
  pdfUrlOnCreate?: boolean;
}

export function ebError(
  kind: ErrorKind,
  opts: { code?: string; outcomeUnknown?: boolean; message?: string } = {},
): EBoekhoudenError {
  return new EBoekhoudenError(opts.message ?? `fake ${kind} error`, {
    kind,
    code: opts.code,
    operation: 'fake',
    outcomeUnknown: opts.outcomeUnknown,
  });
}

export function createFakeApi(): FakeApi {
  let nextId = 1000;
  const api: FakeApi = {
    kind: 'rest',
    capabilities: {
      completeLists: true,
      listInvoiceTemplates: true,
      listsCarryDetails: true,
      mutationLinesInLists: true,
    },
    relations: new Map(),
    invoices: new Map(),
    calls: [],
    rejectTemplates: new Set(),
    async open() {},
    async close() {},
    async listAdministrations() {
      return [];
    },
    listRelations: empty,
    getRelation: notUsed,
    listProducts: empty,
    getProduct: notUsed,
    listLedgerAccounts: empty,
    async periodBalances() {
      return [];
    },
    listMutations: empty,
    listOpenItems: empty,
    listInvoiceTemplates: empty,
    async findRelationByCode(code: string) {
      return guarded('findRelationByCode', code, code, () => api.relations.get(code.toLowerCase()) ?? null);
    },
    async createRelation(r: NewRelation) {
      return guarded('createRelation', r, r.code, () => {
        if (api.relations.has(r.code.toLowerCase()))
          throw ebError('validation', { code: 'REL_049', message: 'Relation code already exists.' });
        const rel: Relation = { id: nextId++, code: r.code, type: r.type, name: r.name, inactive: false };
        api.relations.set(r.code.toLowerCase(), rel);
        return { id: rel.id, code: rel.code };
      });
    },
    async findInvoice(number: string) {
      return guarded('findInvoice', number, number, () => {
        const inv = api.invoices.get(number);
        return inv ? { ...inv } : null;
      });
    },
    async createInvoice(inv: NewInvoice): Promise<CreatedInvoice> {
      return guarded('createInvoice', inv, inv.number, () => {
        if (api.invoices.has(inv.number))
          throw ebError('validation', { code: 'FACT_101', message: 'Invoice number is in use.' });
        if (!api.relations.has(inv.relationCode.toLowerCase()))
          throw ebError('validation', { code: 'FACT_002', message: 'Relation not found.' });
        if (api.rejectTemplates.has(inv.template))
          throw ebError('validation', { code: 'FACT_018', message: 'Invoice template not found.' });
        const totalExcl = inv.lines.reduce((s, l) => s + Math.round(l.quantity * l.pricePerUnit * 100) / 100, 0);
        const id = nextId++;
        api.invoices.set(inv.number, {
          number: inv.number,
          relationCode: inv.relationCode,
          date: inv.date,
          totalExcl,
          totalVat: 0,
          totalIncl: totalExcl,
          lines: inv.lines,
          template: inv.template,
          ...(api.pdfUrl ? { pdfUrl: api.pdfUrl(inv.number) } : {}),
        });
        return {
          number: inv.number,
          id,
          ...(api.pdfUrl && api.pdfUrlOnCreate ? { pdfUrl: api.pdfUrl(inv.number) } : {}),
        };
      });
    },
  };

  function guarded<T>(op: FakeOp, arg: unknown, label: string, run: () => T): T {
    api.calls.push({ op, arg: label });
    const f = api.fault?.(op, arg);
    if (f?.when === 'before') throw f.error;
    const out = run();
    if (f?.when === 'after') throw f.error;
    return out;
  }
  return api;
}

async function* empty<T>(): AsyncIterable<T> {
  /* nothing */
}
async function notUsed(): Promise<never> {
  throw new Error('not used by the export tests');
}

/** Error thrown by tests to simulate the service worker dying mid-request: not an e-Boekhouden error. */
export class WorkerDied extends Error {
  constructor() {
    super('worker died (simulated)');
    this.name = 'WorkerDied';
  }
}

// ---------------------------------------------------------------- workspace fixtures

export interface Basics {
  /** Imported customer (in e-Boekhouden), code R001. */
  customerId: number;
  /** Hour type with its own VAT code and counter account. */
  labourId: number;
  /** Hour type without VAT code and counter account (uses the settings' defaults). */
  bareHourId: number;
  /** Material with VAT code and counter account. */
  pipeId: number;
  /** Material with a low-rate VAT code. */
  insulationId: number;
}

export async function seedBasics(db: WorkspaceDb, now = 1_700_000_000_000): Promise<Basics> {
  const customerId = await db.customers.add({
    code: 'R001',
    remoteId: 501,
    type: 'B',
    name: 'Bakkerij De Vries',
    status: 'active',
    origin: 'eboekhouden',
    updatedAt: now,
  });
  const labourId = await db.hourTypes.add({
    remoteId: 1,
    code: 'ARB-MONT',
    description: 'Arbeid monteur',
    unit: 'uur',
    priceExcl: 62.5,
    vatCode: 'HOOG_VERK_21',
    ledgerCode: '8000',
    status: 'active',
    updatedAt: now,
  });
  const bareHourId = await db.hourTypes.add({
    remoteId: 2,
    code: 'ARB-X',
    description: 'Arbeid zonder instellingen',
    unit: 'uur',
    status: 'active',
    updatedAt: now,
  });
  const pipeId = await db.materials.add({
    remoteId: 3,
    code: 'MAT-KOP15',
    description: 'Koperen buis 15 mm',
    unit: 'meter',
    priceExcl: 8.95,
    vatCode: 'HOOG_VERK_21',
    ledgerCode: '8000',
    status: 'active',
    updatedAt: now,
  });
  const insulationId = await db.materials.add({
    remoteId: 4,
    code: 'MAT-ISOL',
    description: 'Glaswol isolatiedeken',
    unit: 'm2',
    priceExcl: 11.5,
    vatCode: 'LAAG_VERK_9',
    ledgerCode: '8100',
    status: 'active',
    updatedAt: now,
  });
  return {
    customerId: customerId!,
    labourId: labourId!,
    bareHourId: bareHourId!,
    pipeId: pipeId!,
    insulationId: insulationId!,
  };
}

let dbCounter = 0;
/** A fresh database per test (fake-indexeddb). */
export function freshDbName(prefix: string): string {
  dbCounter += 1;
  return `${prefix}-${process.pid}-${dbCounter}-${Math.random().toString(36).slice(2, 8)}`;
}
