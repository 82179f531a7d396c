/**
 * The one refusal the workspace gives: a WorkspaceError that names what is wrong, where, and how
 * to fix it by catalogue key and parameters (a Text); the pages put it into words.
 */
import { say, text, type TextKey, type Params, type Text } from '../i18n/translate';
import type { Notice } from './invoice-builder';
// Puts texts of the whole catalogue into words (the popup loads it later).
import '../i18n/catalogue';

/** Every problem's words, one after the other (workspace.problems), as one Text. */
function together(problems: Notice[]): Text {
  if (problems.length === 0) return text('common.unexpected', { message: 'INVALID' });
  const [first, ...rest] = problems;
  const one = (p: Notice): Text => text(p.key, p.params);
  if (rest.length === 0) return one(first);
  return text('workspace.problems', { first: one(first), rest: together(rest) });
}

export class WorkspaceError extends Error implements Text {
  readonly code: string;
  readonly key: TextKey;
  readonly params?: Params;
  /** The input field it is about, when there is one ("code", "hourLines.1.price"). */
  readonly field?: string;
  /** Every problem, when there are several (the words of all of them are also in key/params). */
  readonly problems: Notice[];

  constructor(problems: Notice[], field?: string) {
    const words = together(problems);
    // For developers (console, stack traces); people get the words from key and params.
    super(say('en', words));
    this.name = 'WorkspaceError';
    this.code = problems[0]?.code ?? 'INVALID';
    this.key = words.key;
    if (words.params) this.params = words.params;
    this.field = field;
    this.problems = problems;
  }

  /** Plain data for messages between extension pages and the background. */
  toJSON(): { name: 'WorkspaceError'; code: string; field?: string; problems: Notice[] } & Text {
    return {
      name: 'WorkspaceError',
      code: this.code,
      key: this.key,
      params: this.params,
      field: this.field,
      problems: this.problems,
    };
  }
}

/** Refuses with one problem: a code, its words by key and parameters, and the field it is about. */
export function fail(code: string, key: TextKey, params?: Params, field?: string): never {
  throw new WorkspaceError([{ code, ...text(key, params) }], field);
}
