/**
 * The background's status, as every component of a page shows it. The background tells it over
 * a runtime port whenever it changes; when the worker stops (the port disconnects), the store
 * connects again a moment later, which starts the worker.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { browser } from 'wxt/browser';
import {
  send,
  STATUS_PORT,
  toPlainError,
  type PlainError,
  type StatusSnapshot,
  type StatusUpdate,
  type SyncNowResult,
} from '../background-requests';
import { language, setLanguage, type Language } from '../i18n';

const RECONNECT_MS = 1000;

type Port = ReturnType<typeof browser.runtime.connect>;

export const useStatusStore = defineStore('status', () => {
  const status = shallowRef<StatusSnapshot>();
  const error = ref<PlainError>();
  let languageApplied = false;
  let listeners = 0;
  let port: Port | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;

  function apply(s: StatusSnapshot): void {
    status.value = s;
    error.value = undefined;
    if (!languageApplied) {
      languageApplied = true;
      if (s.settings.language !== language.value) setLanguage(s.settings.language);
    }
  }

  /** Asks once (after an action whose result the page waits for); failures show as `error`. */
  async function refresh(): Promise<StatusSnapshot | undefined> {
    try {
      const s = await send<'status'>({ type: 'status' });
      apply(s);
      return s;
    } catch (e) {
      error.value = toPlainError(e);
      return undefined;
    }
  }

  function connectSoon(): void {
    clearTimeout(retry);
    retry = setTimeout(() => {
      connect();
      void refresh();
    }, RECONNECT_MS);
  }

  function connect(): void {
    if (listeners === 0 || port) return;
    try {
      port = browser.runtime.connect({ name: STATUS_PORT });
    } catch {
      port = undefined;
      connectSoon();
      return;
    }
    const mine = port;
    mine.onMessage.addListener((m: unknown) => {
      const update = m as StatusUpdate | undefined;
      if (update?.type === 'status') apply(update.status);
    });
    mine.onDisconnect.addListener(() => {
      if (port !== mine) return;
      port = undefined;
      if (listeners > 0) connectSoon();
    });
  }

  /** Listens while at least one caller is interested (a page's root component); returns the stop function. */
  function listen(): () => void {
    listeners += 1;
    if (listeners === 1) {
      void refresh();
      connect();
    }
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      listeners -= 1;
      if (listeners > 0) return;
      clearTimeout(retry);
      const open = port;
      port = undefined;
      open?.disconnect();
    };
  }

  // What the pages ask of the background; what changes comes back over the port.

  /** "Sync now", or with `refresh` a run that re-reads every record. Throws a BackgroundError. */
  function syncNow(refresh = false): Promise<SyncNowResult> {
    return send<'syncNow'>(refresh ? { type: 'syncNow', refresh: true } : { type: 'syncNow' });
  }

  async function cancelSync(): Promise<void> {
    await send<'cancelSync'>({ type: 'cancelSync' });
  }

  /** Forgets the credentials and the data; returns the status after it. */
  async function disconnect(): Promise<StatusSnapshot | undefined> {
    await send<'disconnect'>({ type: 'disconnect' });
    return refresh();
  }

  async function confirmAdministrationSwitch(): Promise<void> {
    await send<'confirmAdministrationSwitch'>({ type: 'confirmAdministrationSwitch' });
    await refresh();
  }

  /** Keeps a language chosen on the page in the settings (the page shows it already). */
  async function saveLanguage(lang: Language): Promise<void> {
    const s = status.value?.settings;
    if (s && s.language !== lang)
      await send<'saveSettings'>({ type: 'saveSettings', settings: { ...s, language: lang } });
  }

  /** The page changed the outbox (e.g. retried a failed export): the badge may tell otherwise now. */
  async function exportsChanged(): Promise<void> {
    await send<'refreshBadge'>({ type: 'refreshBadge' }).catch(() => undefined);
  }

  return {
    status,
    error,
    refresh,
    listen,
    syncNow,
    cancelSync,
    disconnect,
    confirmAdministrationSwitch,
    saveLanguage,
    exportsChanged,
  };
});
