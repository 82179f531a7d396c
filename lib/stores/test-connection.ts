/** "Test connection" for a settings form: tests what is typed, saved or not. One store per form. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { send, toPlainError, type PlainError } from '../background-requests';
import type { Administration } from '../eboekhouden/types';
import { settingsFromDraft, type SettingsDraft } from '../settings-draft';

export type TestOutcome =
  { ok: true; administrations: Administration[]; name?: string } | { ok: false; error: PlainError };

export type ConnectionTestForm = 'popup' | 'connection';

function setup() {
  const testing = ref(false);
  const outcome = ref<TestOutcome>();

  async function test(draft: SettingsDraft): Promise<TestOutcome> {
    testing.value = true;
    outcome.value = undefined;
    try {
      const r = await send<'testConnection'>({ type: 'testConnection', settings: settingsFromDraft(draft) });
      if (r.ok) {
        const chosen =
          r.administrations.find((a) => a.guid === draft.administrationGuid) ??
          (r.administrations.length === 1 ? r.administrations[0] : undefined);
        outcome.value = { ok: true, administrations: r.administrations, name: chosen?.company };
      } else outcome.value = r;
    } catch (e) {
      outcome.value = { ok: false, error: toPlainError(e) };
    } finally {
      testing.value = false;
    }
    return outcome.value!;
  }

  /** The form is shown again: no outcome from before. */
  function reset(): void {
    outcome.value = undefined;
  }

  return { testing, outcome, test, reset };
}

const stores = {
  popup: defineStore('connectionTest/popup', setup),
  connection: defineStore('connectionTest/connection', setup),
};

export function useConnectionTestStore(form: ConnectionTestForm) {
  return stores[form]();
}
