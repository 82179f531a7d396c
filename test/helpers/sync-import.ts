/** Shared setup for the import contract tests: a sandbox over real HTTP and a fresh workspace. */
import { expect } from 'vitest';
import { WorkspaceDb } from '../../lib/db';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { saveSettings } from '../../lib/sync/index';
import { isHourUnit } from '../../lib/sync/mapping';
import { counts } from '../../sandbox/control';
import type { SandboxContext } from '../../sandbox/faults';

/** What these helpers need of a sandbox (test/helpers/sandbox.ts's TestSandbox has it). */
export interface SandboxHandle {
  url: string;
  ctx: SandboxContext;
}

let n = 0;
export function newDb(prefix: string): WorkspaceDb {
  return new WorkspaceDb(`${prefix}-${process.pid}-${Date.now()}-${n++}`);
}

export type Kind = 'token' | 'securityCodes';

export function settingsFor(sb: SandboxHandle, kind: Kind): Settings {
  const c = sb.ctx.config;
  return {
    ...DEFAULT_SETTINGS,
    proxyUrl: sb.url,
    connection:
      kind === 'token'
        ? { kind: 'token', apiToken: c.apiToken }
        : {
            kind: 'securityCodes',
            username: c.username,
            securityCode1: c.securityCode1,
            securityCode2: c.securityCode2,
          },
  };
}

export async function connect(db: WorkspaceDb, sb: SandboxHandle, kind: Kind): Promise<Settings> {
  const r = await saveSettings(db, settingsFor(sb, kind));
  if (!r.ok) throw new Error(`settings refused: ${JSON.stringify(r.errors)}`);
  return r.settings;
}

/** What the sandbox holds, in workspace terms. */
export function expected(sb: SandboxHandle) {
  const s = sb.ctx.store;
  const c = counts(sb.ctx);
  const unitOf = (unitId: number) => s.units.get(unitId)?.singular ?? '';
  const hourProducts = [...s.products.values()].filter((p) => isHourUnit(unitOf(p.unitId)));
  return { ...c, hourProducts: hourProducts.length, unitOf };
}

/** Asserts the workspace holds exactly what the sandbox holds (relations/products up to `cap`). */
export async function expectSameAsSandbox(db: WorkspaceDb, sb: SandboxHandle, o: { cap?: number; templates: boolean }) {
  const e = expected(sb);
  const cap = o.cap ?? Infinity;
  expect(await db.customers.count()).toBe(Math.min(e.relations, cap));
  expect((await db.materials.count()) + (await db.hourTypes.count())).toBe(Math.min(e.products, cap));
  if (e.products <= cap) expect(await db.hourTypes.count()).toBe(e.hourProducts);
  expect(await db.ledgerAccounts.count()).toBe(e.ledgers);
  expect(await db.transactions.count()).toBe(e.mutations);
  expect(await db.openItems.where('side').equals('debtors').count()).toBe(e.openDebtors);
  expect(await db.openItems.where('side').equals('creditors').count()).toBe(e.openCreditors);
  expect(await db.invoiceTemplates.count()).toBe(o.templates ? e.templates : 0);
}
