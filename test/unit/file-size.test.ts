/**
 * House rule (docs/architecture.md): no source file over about 300 lines, data tables excepted.
 * A file that grows past the limit is split by concern (whole functions into a file beside it,
 * the original kept as the entry point), or, if it is a data table, named below with why.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SOURCE_FOLDERS = ['lib', 'sandbox', 'proxy', 'components', 'entrypoints', 'scripts'];
/** Lines, as `wc -l` counts them. */
const LIMIT = 300;

/** Data tables: long because they list things, not because they hold several concerns. */
const DATA_TABLES: Record<string, string> = {};

/**
 * Over the limit and not yet split, each with who splits it. Take a file off this list in the
 * change that brings it under the limit (the last test fails when one is left on it).
 */
const NOT_YET_SPLIT: Record<string, string> = {};

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|vue)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function lineCount(path: string): number {
  const text = readFileSync(join(root, path), 'utf8');
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

const counts = new Map(SOURCE_FOLDERS.flatMap(sourceFiles).map((path) => [path, lineCount(path)]));

describe(`no source file over ${LIMIT} lines`, () => {
  it('reads the source folders (the walk finds files)', () => {
    expect(counts.size).toBeGreaterThan(100);
    expect(counts.get('lib/db.ts')).toBeGreaterThan(0);
  });

  it('every file over the limit is a data table or on the not-yet-split list', () => {
    const over = [...counts]
      .filter(([path, n]) => n > LIMIT && !(path in DATA_TABLES) && !(path in NOT_YET_SPLIT))
      .map(([path, n]) => `${path}: ${n} lines`);
    expect(over, `split these by concern (or name a data table in DATA_TABLES)`).toEqual([]);
  });

  it('names no file on either list that does not exist or is already under the limit', () => {
    const stale = Object.keys({ ...DATA_TABLES, ...NOT_YET_SPLIT }).filter((path) => (counts.get(path) ?? 0) <= LIMIT);
    expect(stale, 'take these off the list').toEqual([]);
  });
});
