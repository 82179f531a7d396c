/**
 * The one refusal the workspace gives: a WorkspaceError with a message in Dutch and English
 * saying what is wrong, where, and how to fix it.
 */
import type { Message } from '../sync/invoice-builder';

export class WorkspaceError extends Error {
  readonly code: string;
  readonly nl: string;
  readonly en: string;
  /** The input field it is about, when there is one ("code", "hourLines.1.price"). */
  readonly field?: string;
  /** Every problem, when there are several (the first is also in nl/en). */
  readonly problems: Message[];

  constructor(problems: Message[], field?: string) {
    super(problems.map((p) => p.en).join(' '));
    this.name = 'WorkspaceError';
    this.code = problems[0]?.code ?? 'INVALID';
    this.nl = problems.map((p) => p.nl).join(' ');
    this.en = this.message;
    this.field = field;
    this.problems = problems;
  }

  /** Plain data for messages between extension pages and the background. */
  toJSON(): { name: 'WorkspaceError'; code: string; nl: string; en: string; field?: string; problems: Message[] } {
    return {
      name: 'WorkspaceError',
      code: this.code,
      nl: this.nl,
      en: this.en,
      field: this.field,
      problems: this.problems,
    };
  }
}

export function fail(code: string, nl: string, en: string, field?: string): never {
  throw new WorkspaceError([{ code, nl, en }], field);
}
