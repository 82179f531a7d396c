/** "Test connection" for a settings form: tests what is typed, saved or not. */
import { ref } from 'vue';
import { send, type PlainError } from '../messages';
import type { Administration } from '../eboekhouden/types';
import { settingsFromDraft, type SettingsDraft } from '../settings-draft';
import { toPlainError } from './status';

export type TestOutcome =
  { ok: true; administrations: Administration[]; name?: string } | { ok: false; error: PlainError };

export function useTestConnection() {
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

  return { testing, outcome, test };
}
