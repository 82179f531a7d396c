/**
 * The set-up the export contract tests share: one sandbox (demo seed) for the file, reset before
 * each test, a fresh workspace database per test (deleted after it, with any fault plan cleared),
 * and settings that connect to that sandbox with the file's invoice settings.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { WorkspaceDb } from '../../lib/db';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { freshDbName } from './run-steps';
import { startTestSandbox, type TestSandbox } from './sandbox';
import { settingsFor as sandboxSettings, type Kind } from './sync-import';

type InvoiceSettings = Partial<Settings['invoice']>;

export interface SandboxWorkspace {
  /** The file's sandbox (started in beforeAll). */
  readonly sb: TestSandbox;
  /** This test's workspace (made in beforeEach). */
  readonly db: WorkspaceDb;
  /** Connects with `kind`; the invoice settings are the defaults, the file's, then `invoice`. */
  settingsFor(kind: Kind, invoice?: InvoiceSettings): Settings;
  /** Within a test: the workspace deleted and made anew, the sandbox reset to the demo seed. */
  startOver(): Promise<void>;
}

/** Call once at the top of a test file; `name` prefixes the databases it makes. */
export function useSandboxWorkspace(name: string, o: { invoice?: InvoiceSettings } = {}): SandboxWorkspace {
  let sb: TestSandbox | undefined;
  let db: WorkspaceDb | undefined;

  beforeAll(async () => {
    sb = await startTestSandbox({ seed: 'demo' });
  });
  afterAll(async () => {
    await sb?.close();
  });
  async function dropWorkspace(): Promise<void> {
    db?.close();
    await db?.delete();
    db = undefined;
  }

  beforeEach(async () => {
    await sb!.reset('demo');
    db = new WorkspaceDb(freshDbName(name));
  });
  afterEach(async () => {
    await sb?.faults(null);
    await dropWorkspace();
  });

  return {
    get sb() {
      if (!sb) throw new Error('the sandbox starts in beforeAll: use it inside a test or hook');
      return sb;
    },
    get db() {
      if (!db) throw new Error('the workspace is made in beforeEach: use it inside a test or hook');
      return db;
    },
    settingsFor(kind, invoice = {}) {
      return {
        ...sandboxSettings(this.sb, kind),
        invoice: { ...DEFAULT_SETTINGS.invoice, ...o.invoice, ...invoice },
      };
    },
    async startOver() {
      await dropWorkspace();
      db = new WorkspaceDb(freshDbName(name));
      await this.sb.reset('demo');
    },
  };
}
