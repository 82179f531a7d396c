/**
 * `npm run zip:sources`: the sources package addons.mozilla.org asks for, made from git with
 * `git archive`, so it holds exactly what is committed at HEAD (no untracked or ignored files).
 * Uncommitted changes are refused: the package must match a commit a reviewer can build.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
if (dirty && !process.argv.includes('--allow-dirty')) {
  console.error('Commit or stash your changes first: the sources package is made from HEAD.\n' + dirty);
  process.exit(1);
}
mkdirSync('.output', { recursive: true });
const out = `.output/${name}-${version}-sources.zip`;
execFileSync('git', ['archive', '--format=zip', `--prefix=${name}-${version}/`, '-o', out, 'HEAD']);
console.log(
  `Sources from ${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()}: ${out}`,
);
