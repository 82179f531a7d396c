/**
 * The background's status, polled while a page is open: often while a sync runs, calmly otherwise.
 * Shared by every component of a page (one poller per page).
 */
import { ref, shallowRef } from 'vue';
import { BackgroundError, send, type PlainError, type StatusSnapshot } from '../messages';
import { language, setLanguage, text } from '../i18n';

const FAST_MS = 500;
const SLOW_MS = 4000;

export const status = shallowRef<StatusSnapshot>();
export const statusError = ref<PlainError>();
let timer: ReturnType<typeof setTimeout> | undefined;
let users = 0;
let languageApplied = false;

export function toPlainError(e: unknown): PlainError {
  if (e instanceof BackgroundError) return e.error;
  const message = e instanceof Error ? e.message : String(e);
  return { kind: 'unexpected', ...text('common.unexpected', { message }) };
}

export async function refreshStatus(): Promise<StatusSnapshot | undefined> {
  try {
    const s = await send<'status'>({ type: 'status' });
    status.value = s;
    statusError.value = undefined;
    if (!languageApplied) {
      languageApplied = true;
      if (s.settings.language !== language.value) setLanguage(s.settings.language);
    }
    return s;
  } catch (e) {
    statusError.value = toPlainError(e);
    return undefined;
  }
}

function schedule(): void {
  clearTimeout(timer);
  if (users === 0) return;
  timer = setTimeout(
    async () => {
      await refreshStatus();
      schedule();
    },
    status.value?.syncing ? FAST_MS : SLOW_MS,
  );
}

/** Starts polling while at least one caller is interested; returns the stop function. */
export function watchStatus(): () => void {
  users += 1;
  if (users === 1) void refreshStatus().then(schedule);
  return () => {
    users = Math.max(0, users - 1);
    if (users === 0) clearTimeout(timer);
  };
}

/** Polls fast right away (after "Sync now"), without waiting for the calm interval. */
export function pollSoon(): void {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    await refreshStatus();
    schedule();
  }, 150);
}
