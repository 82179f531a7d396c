/**
 * Every sentence a person can read lives in the catalogue (lib/i18n). This scans lib/ outside
 * lib/i18n for string and template literals that look like a sentence (three or more words with
 * letters) and fails on any that is not on the short allow-list below: developer messages of
 * errors, zod's validation messages, Dexie index specs, an XML prolog, and a few named details.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Files that still hold sentences because another change moves them; each with who and why.
 * Empty now: lib/workspace/ says things by key too. Add a file here only with the change that
 * moves its sentences out, and take it off again in that change.
 */
const PENDING_FILES: Record<string, string> = {};

/** Calls whose string arguments are developer messages: errors, and the transports' error factories. */
const DEVELOPER_MESSAGE_CALLS = new Set(['malformed', 'refused']);
/** zod methods whose string argument is a validation message (a field's rule, for developers and as a detail). */
const ZOD_MESSAGE_METHODS = new Set(['min', 'max', 'length', 'regex', 'refine', 'email', 'int', 'enum', 'superRefine']);

/** Developer details in lib/eboekhouden that are not directly an error's argument; by file and start of the text. */
const DEVELOPER_DETAILS: Record<string, string[]> = {
  'lib/eboekhouden/http.ts': ['no answer within', 'the connection failed'],
  'lib/eboekhouden/rest/errors.ts': [
    ' The API token has expired',
    ' Check the API token',
    ' The session could not be renewed',
    'e-Boekhouden refused the request',
    'e-Boekhouden did not accept the connection',
    'e-Boekhouden answered with an error',
  ],
  'lib/eboekhouden/soap/xml.ts': [
    'the response is not',
    'no SOAP Envelope',
    'no SOAP Body',
    'no {} element in the SOAP Body',
    'no reason given',
  ],
  'lib/eboekhouden/soap/pages.ts': ["e-Boekhouden's SOAP connection returns at most", 'so some may be missing'],
  'lib/eboekhouden/validate.ts': ['expected a date as YYYY-MM-DD'],
};

export interface Finding {
  file: string;
  line: number;
  text: string;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name).split('\\').join('/');
    if (statSync(p).isDirectory()) {
      if (p !== 'lib/i18n') sourceFiles(p, out);
    } else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Three or more words that hold at least two letters each: "Er ging iets mis", "The sync was {x}". */
export function looksLikeSentence(text: string): boolean {
  return text.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length >= 3;
}

/** Dexie's index spec: "++id, &code, name" (keys separated by commas, no words between). */
const isIndexSpec = (text: string) => /^[+&*]*[\w.[\]+]+(, [+&*]*[\w.[\]+]+)+$/.test(text);

function calleeName(call: ts.CallExpression | ts.NewExpression): string {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return '';
}

/** Ways a literal becomes part of one string: `a + b`, `(a)`, `c ? a : b`, `${a}`. */
const joinsStrings = (n: ts.Node) =>
  ts.isBinaryExpression(n) ||
  ts.isParenthesizedExpression(n) ||
  ts.isConditionalExpression(n) ||
  ts.isTemplateSpan(n) ||
  ts.isTemplateExpression(n);

/**
 * Is the literal (part of) a string argument of an error constructor, an error factory or a zod
 * rule? Only the string itself: words inside an object argument (`new XError({ nl: … })`) count.
 */
function inDeveloperCall(node: ts.Node): boolean {
  let p = node.parent;
  while (p && joinsStrings(p)) p = p.parent;
  if (!p) return false;
  if (ts.isNewExpression(p)) return /Error$/.test(calleeName(p));
  if (ts.isCallExpression(p)) {
    const name = calleeName(p);
    return DEVELOPER_MESSAGE_CALLS.has(name) || ZOD_MESSAGE_METHODS.has(name);
  }
  return false;
}

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('{}');
  return undefined;
}

/** The sentence-like literals of one source text that the allow-list does not cover. */
export function findSentences(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const details = DEVELOPER_DETAILS[file] ?? [];
  const found: Finding[] = [];
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    if (
      text !== undefined &&
      looksLikeSentence(text) &&
      !isIndexSpec(text) &&
      !text.startsWith('<?xml') &&
      !details.some((d) => text.startsWith(d)) &&
      !inDeveloperCall(node)
    ) {
      found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Pending entries that no longer hold: the file is gone, gives no reason, or has no sentence left. */
export function stalePending(pending: Record<string, string>, read: (file: string) => string): string[] {
  const stale: string[] = [];
  for (const [file, why] of Object.entries(pending)) {
    let source: string;
    try {
      source = read(file);
    } catch {
      stale.push(`${file} is gone: remove it from PENDING_FILES (${why})`);
      continue;
    }
    if (!why) stale.push(`${file}: say why it is pending`);
    else if (findSentences(file, source).length === 0)
      stale.push(`${file}: no sentence left, remove it from PENDING_FILES`);
  }
  return stale;
}

describe('sentences for a person', () => {
  it('live in lib/i18n only: no Dutch or English sentence literal elsewhere in lib/', () => {
    const files = sourceFiles('lib').filter((f) => !(f in PENDING_FILES));
    expect(files.length).toBeGreaterThan(40);
    const found = files.flatMap((f) => findSentences(f, readFileSync(f, 'utf8')));
    expect(found.map((f) => `${f.file}:${f.line} ${f.text}`)).toEqual([]);
  });

  it('are found in both languages, in strings and templates, and in objects or returns', () => {
    const source = [
      "const a = { nl: 'Er ging iets mis, probeer het opnieuw.', en: 'Something went wrong.' };",
      'const b = (n: string) => `Werkbon ${n} is al afgerond.`;',
      "function c() { return 'The proxy refused it'; }",
    ].join('\n');
    expect(findSentences('lib/sync/example.ts', source).map((f) => f.line)).toEqual([1, 1, 2, 3]);
  });

  it('leave developer messages, zod rules, index specs and single words alone', () => {
    const source = [
      "throw new EBoekhoudenError('upstream', 'The answer could not be read at all');",
      "const s = z.string().min(1, 'a name is required');",
      "this.version(1).stores({ customers: '++id, &code, name' });",
      "const k = 'sync.doneOk'; const w = 'relaties';",
    ].join('\n');
    expect(findSentences('lib/sync/example.ts', source)).toEqual([]);
    const wrapped =
      "throw new BackgroundError({ kind: 'x', nl: 'De extensie reageert niet.', en: 'It does not respond.' });";
    expect(findSentences('lib/example.ts', wrapped)).toHaveLength(2);
  });

  it('keep the pending list to files that exist and still need it', () => {
    const read = (file: string) => readFileSync(file, 'utf8');
    expect(stalePending(PENDING_FILES, read)).toEqual([]);
  });

  it('call a pending entry stale when its file is gone, it gives no reason, or it has no sentence left', () => {
    const sources: Record<string, string> = {
      'lib/a.ts': 'const a = `Werkbon ${n} is al afgerond.`;',
      'lib/b.ts': "const k = 'sync.doneOk';",
    };
    const read = (file: string) => {
      if (!(file in sources)) throw new Error(`no ${file}`);
      return sources[file];
    };
    const pending = { 'lib/a.ts': 'moved next', 'lib/b.ts': 'moved next', 'lib/c.ts': 'moved next' };
    expect(stalePending(pending, read)).toEqual([
      'lib/b.ts: no sentence left, remove it from PENDING_FILES',
      'lib/c.ts is gone: remove it from PENDING_FILES (moved next)',
    ]);
    expect(stalePending({ 'lib/a.ts': '' }, read)).toEqual(['lib/a.ts: say why it is pending']);
  });
});
