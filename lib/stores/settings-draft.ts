/**
 * The state of a settings form: the draft, its field errors and the outcome of saving. Each form
 * (popup, options' connection and settings sections) has its own store; a form starts afresh from
 * the saved settings each time it is shown (`reset`).
 */
import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import { browser } from 'wxt/browser';
import type { FieldErrors, Settings } from '../settings';
import { send, toPlainError, type PlainError, type SaveSettingsResult } from '../background-requests';
import { language } from '../i18n';
import { extraOriginFor, draftFromSettings, settingsFromDraft, type SettingsDraft } from '../settings-draft';
import { useStatusStore } from './status';

export type SettingsForm = 'popup' | 'connection' | 'settings';

/** What saving told the person. */
export interface SaveOutcome {
  kind: 'ok' | 'error';
  text?: string;
  error?: PlainError;
  key?: string;
  params?: Record<string, string>;
}

function setup() {
  const statusStore = useStatusStore();
  const draft = reactive({} as SettingsDraft);
  const loaded = ref(false);
  const errors = ref<FieldErrors>({});
  const saving = ref(false);
  const result = ref<SaveOutcome>();

  function load(s: Settings): void {
    Object.assign(draft, draftFromSettings(s));
    loaded.value = true;
  }

  /** The form is shown again: it starts from the saved settings, without errors or outcomes from before. */
  function reset(): void {
    loaded.value = false;
    errors.value = {};
    result.value = undefined;
  }

  /** The person changes a field: its old error goes now, not on blur (which would move the Save button under their click). */
  function clearError(path: string): void {
    if (!(path in errors.value)) return;
    const next = { ...errors.value };
    delete next[path];
    errors.value = next;
  }

  /** Validates the whole draft and keeps the error of one field (on blur), so others are not nagged early. */
  async function validateField(path: string): Promise<void> {
    try {
      const all = await send<'validateSettings'>({ type: 'validateSettings', settings: settingsFromDraft(draft) });
      const next = { ...errors.value };
      if (all[path]) next[path] = all[path];
      else delete next[path];
      errors.value = next;
    } catch {
      /* validation on blur is a courtesy; saving reports for real */
    }
  }

  /**
   * Call straight from the click/submit handler: a permission prompt needs the user gesture.
   * The settings go to the background first, in the same tick as the permission request: in
   * Firefox the prompt closes the toolbar popup (and ends this page), so nothing may wait for it.
   * A proxy saved without its permission is shown as "access missing" until it is granted.
   */
  async function save(): Promise<SaveSettingsResult | undefined> {
    // The language is switched on its own (and saved at once); never undo it with an older draft.
    draft.language = language.value;
    const origin = extraOriginFor(draft.proxyUrl);
    // What the person typed (with its port), for the message; the permission pattern has none.
    const asked = origin ? new URL(draft.proxyUrl.trim()).origin : '';
    const saved = send<'saveSettings'>({ type: 'saveSettings', settings: settingsFromDraft(draft) });
    const permission = origin
      ? browser.permissions.request({ origins: [origin] }).catch(() => false)
      : Promise.resolve(true);
    saving.value = true;
    result.value = undefined;
    try {
      const r = await saved;
      if (r.ok) {
        errors.value = {};
        load(r.settings);
        result.value = (await permission)
          ? { kind: 'ok', key: 'common.saved' }
          : { kind: 'error', key: 'connection.savedWithoutAccess', params: { origin: asked } };
        await statusStore.refresh();
      } else {
        errors.value = r.errors;
        result.value = { kind: 'error', key: 'common.fixErrors' };
      }
      return r;
    } catch (e) {
      result.value = { kind: 'error', error: toPlainError(e) };
      return undefined;
    } finally {
      saving.value = false;
    }
  }

  return { draft, loaded, errors, saving, result, load, reset, save, validateField, clearError };
}

const stores = {
  popup: defineStore('settingsDraft/popup', setup),
  connection: defineStore('settingsDraft/connection', setup),
  settings: defineStore('settingsDraft/settings', setup),
};

export function useSettingsDraftStore(form: SettingsForm) {
  return stores[form]();
}
