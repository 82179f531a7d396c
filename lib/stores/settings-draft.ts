/**
 * The settings as a form edits them: both connection kinds kept side by side (switching
 * back and forth loses nothing), turned into the settings shape only when saving.
 * Validation and saving happen in the background (the popup does not carry zod).
 */
import { reactive, ref } from 'vue';
import { browser } from 'wxt/browser';
import type { FieldErrors, Settings } from '../settings';
import { send, type PlainError, type SaveSettingsResult } from '../messages';
import { toPlainError, refreshStatus } from './status';
import { language } from '../i18n';
import { DEFAULT_PROXY_URL } from '../default-proxy';

/** The origin of this build's default proxy (from lib/default-proxy.ts: lib/settings.ts brings zod). */
export const DEFAULT_PROXY_ORIGIN = new URL(DEFAULT_PROXY_URL).origin;

export interface SettingsDraft extends Omit<Settings, 'connection'> {
  connectionKind: 'token' | 'securityCodes';
  apiToken: string;
  username: string;
  securityCode1: string;
  securityCode2: string;
}

export function draftFromSettings(s: Settings): SettingsDraft {
  const c = s.connection;
  return {
    ...structuredClone({ ...s, connection: undefined }),
    connectionKind: c?.kind ?? 'token',
    apiToken: c?.kind === 'token' ? c.apiToken : '',
    username: c?.kind === 'securityCodes' ? c.username : '',
    securityCode1: c?.kind === 'securityCodes' ? c.securityCode1 : '',
    securityCode2: c?.kind === 'securityCodes' ? c.securityCode2 : '',
  } as SettingsDraft;
}

/** The settings input the schema validates. Draft fields map onto error paths ("connection.apiToken"). */
export function settingsFromDraft(d: SettingsDraft): unknown {
  const { connectionKind, apiToken, username, securityCode1, securityCode2, ...rest } = d;
  const connection =
    connectionKind === 'token'
      ? { kind: 'token', apiToken }
      : { kind: 'securityCodes', username, securityCode1, securityCode2 };
  return { ...JSON.parse(JSON.stringify(rest)), connection };
}

/** The host permission a proxy URL needs, or undefined for the default proxy or an invalid URL. */
export function extraOriginFor(proxyUrl: string): string | undefined {
  try {
    const origin = new URL(proxyUrl.trim()).origin;
    if (origin === DEFAULT_PROXY_ORIGIN) return undefined;
    return `${origin}/*`;
  } catch {
    return undefined;
  }
}

export function useSettingsDraft() {
  const draft = reactive({} as SettingsDraft);
  const loaded = ref(false);
  const errors = ref<FieldErrors>({});
  const saving = ref(false);
  const result = ref<{
    kind: 'ok' | 'error';
    text?: string;
    error?: PlainError;
    key?: string;
    params?: Record<string, string>;
  }>();

  function load(s: Settings): void {
    Object.assign(draft, draftFromSettings(s));
    loaded.value = true;
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

  /** Call straight from the click/submit handler: a permission prompt needs the user gesture. */
  async function save(): Promise<SaveSettingsResult | undefined> {
    const origin = extraOriginFor(draft.proxyUrl);
    const permission = origin
      ? browser.permissions.request({ origins: [origin] }).catch(() => false)
      : Promise.resolve(true);
    saving.value = true;
    result.value = undefined;
    // The language is switched on its own (and saved at once); never undo it with an older draft.
    draft.language = language.value;
    try {
      if (!(await permission)) {
        result.value = {
          kind: 'error',
          key: 'connection.permissionDenied',
          params: { origin: origin!.replace('/*', '') },
        };
        return undefined;
      }
      const r = await send<'saveSettings'>({ type: 'saveSettings', settings: settingsFromDraft(draft) });
      if (r.ok) {
        errors.value = {};
        load(r.settings);
        result.value = { kind: 'ok', key: 'common.saved' };
        await refreshStatus();
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

  return { draft, loaded, errors, saving, result, load, save, validateField };
}
