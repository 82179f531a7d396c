/** What the work-order and invoice editors share: the busy flag, the outcome, and save-then-finish. */
import { ref } from 'vue';
import type { Bilingual } from '../../../lib/i18n';
import { errorText } from './errors';

export interface EditorOutcome {
  kind: 'ok' | 'error';
  key?: string;
  params?: Record<string, string>;
  message?: Bilingual;
  problems?: Bilingual[];
}

/** Every problem of a refused record, when there is more than one (one is the message itself). */
function problemsOf(e: unknown): Bilingual[] | undefined {
  const p = (e as { problems?: Bilingual[] }).problems;
  return Array.isArray(p) && p.length > 1 ? p : undefined;
}

/**
 * `save` stores the form (setting an error outcome itself when it cannot) and returns the record;
 * `finish` takes the saved record one step on (complete, make final) and returns it.
 */
export function useEditorActions<R extends { id?: number; number: string }>(options: {
  save: () => Promise<R | undefined>;
  finish: (saved: R) => Promise<{ number: string }>;
  savedKey: string;
  finishedKey: string;
}) {
  const busy = ref(false);
  const outcome = ref<EditorOutcome>();

  function failed(e: unknown): void {
    outcome.value = { kind: 'error', message: errorText(e), problems: problemsOf(e) };
  }

  async function saveDraft(): Promise<void> {
    busy.value = true;
    outcome.value = undefined;
    const saved = await options.save();
    if (saved) outcome.value = { kind: 'ok', key: options.savedKey, params: { number: saved.number } };
    busy.value = false;
  }

  async function saveAndFinish(): Promise<void> {
    busy.value = true;
    outcome.value = undefined;
    const saved = await options.save();
    if (saved) {
      try {
        const done = await options.finish(saved);
        outcome.value = { kind: 'ok', key: options.finishedKey, params: { number: done.number } };
      } catch (e) {
        failed(e);
      }
    }
    busy.value = false;
  }

  return { busy, outcome, failed, saveDraft, saveAndFinish };
}
