/**
 * A workspace refusal as the options page shows it: the editors' outcome puts the WorkspaceError's
 * key and parameters into the page's language, so the same refusal reads in Dutch and, after a
 * switch, in English (rendered with Vue's server renderer, as in ui-components.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSSRApp, h } from 'vue';
import { renderToString } from 'vue/server-renderer';
import EditorOutcome from '../../entrypoints/options/sections/EditorOutcome.vue';
import { errorText } from '../../entrypoints/options/sections/errors';
import type { EditorOutcome as Outcome } from '../../entrypoints/options/sections/editor';
import { setLanguage, text } from '../../lib/i18n';
import { WorkspaceError } from '../../lib/workspace';

const record = text('record.workOrder', { number: 'WO-0007' });
const one = new WorkspaceError([{ code: 'NOT_A_DRAFT', ...text('workspace.workOrder.alreadyCompleted', { record }) }]);
const several = new WorkspaceError([
  { code: 'INVALID_DATE', ...text('workspace.invalidDate', { record, date: '2026-02-30' }) },
  { code: 'INVALID_HOURS', ...text('workspace.workOrder.hourLine.invalidHours', { record, line: 1 }) },
]);

/** The text of each list item, without the scoped-style attributes. */
const items = (html: string) => [...html.matchAll(/<li[^>]*>([^<]*)<\/li>/g)].map((m) => m[1]);

const render = (outcome: Outcome) => renderToString(createSSRApp({ render: () => h(EditorOutcome, { outcome }) }));

afterEach(() => setLanguage('nl'));

describe('a workspace refusal on the page', () => {
  it('shows one refusal in the chosen language', async () => {
    setLanguage('nl');
    expect(await render({ kind: 'error', message: errorText(one) })).toContain('Werkbon WO-0007 is al afgerond.');
    setLanguage('en');
    expect(await render({ kind: 'error', message: errorText(one) })).toContain(
      'Work order WO-0007 is already completed.',
    );
  });

  it('lists every problem of a refusal, and the message itself reads them one after the other', async () => {
    setLanguage('en');
    const html = await render({ kind: 'error', message: errorText(several), problems: several.problems });
    expect(items(html)).toEqual([
      'Work order WO-0007: date &quot;2026-02-30&quot; is not a valid date (YYYY-MM-DD).',
      'Work order WO-0007: hour line 1: hours must be more than 0, with at most 4 decimals.',
    ]);
    setLanguage('nl');
    const plain = await render({ kind: 'error', message: errorText(several) });
    expect(plain).toContain(
      'Werkbon WO-0007: datum &quot;2026-02-30&quot; is geen geldige datum (JJJJ-MM-DD). Werkbon WO-0007: urenregel 1: het aantal uren moet groter dan 0 zijn, met hoogstens 4 decimalen.',
    );
  });
});
