/**
 * Where tests live (docs/architecture.md): every test under test/<kind>/, every shared fake or
 * helper in test/helpers/. The e2e folder may keep its harness (page objects, launch, set-up).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SKIPPED = new Set(['node_modules', '.git', '.output', '.wxt', 'test-results', 'coverage']);
const KINDS = ['unit', 'contract', 'load', 'e2e', 'bench'];
/** Folders whose only TypeScript files are tests: a helper there belongs in test/helpers/. */
const TESTS_ONLY = ['test/unit', 'test/contract', 'test/load'];

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

const files = filesUnder('');
const isTest = (path: string) => path.endsWith('.test.ts');
const isTypeScript = (path: string) => /\.(ts|vue)$/.test(path);

describe('where tests live', () => {
  it('finds the tests at all (the walk reaches test/)', () => {
    expect(files.filter(isTest).length).toBeGreaterThan(20);
  });

  it('keeps every test under test/<kind>/', () => {
    const misplaced = files.filter(isTest).filter((path) => !KINDS.some((kind) => path.startsWith(`test/${kind}/`)));
    expect(misplaced, 'move these to test/unit/, test/contract/, test/load/ or test/e2e/').toEqual([]);
  });

  it('keeps fakes and helpers in test/helpers/, not beside the tests', () => {
    const helpers = files
      .filter((path) => TESTS_ONLY.some((dir) => path.startsWith(`${dir}/`)))
      .filter((path) => isTypeScript(path) && !isTest(path));
    expect(helpers, 'move these to test/helpers/').toEqual([]);
  });

  it('keeps test/helpers/ free of tests', () => {
    expect(files.filter((path) => path.startsWith('test/helpers/') && isTest(path))).toEqual([]);
  });
});
