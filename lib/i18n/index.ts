/**
 * A small typed i18n: two dictionaries (Dutch default, English) and a reactive language.
 * No library, so the popup stays light; it starts with its own texts and loads the rest later.
 */
import { ref } from 'vue';
import {
  isTextKey,
  say,
  text,
  translate,
  type Bilingual,
  type Language,
  type TextKey,
  type Params,
  type Text,
  type WrittenText,
} from './translate';

export { isTextKey, say, text, translate };
export type { Bilingual, Language, TextKey, Params, Text, WrittenText };

export const LANGUAGES: Language[] = ['nl', 'en'];

const STORAGE_KEY = 'bc.language';

function initialLanguage(): Language {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved === 'nl' || saved === 'en') return saved;
  } catch {
    /* no storage (service worker, tests) */
  }
  return 'nl';
}

/** The language the pages show; set from the saved settings, remembered for the next open. */
export const language = ref<Language>(initialLanguage());

export function setLanguage(lang: Language): void {
  language.value = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    /* ignore */
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** Counts the parts of the catalogue that arrived, so texts shown before one did are put into words again. */
const loadedParts = ref(0);
let catalogue: Promise<void> | undefined;

/** Loads the whole catalogue (the popup starts with its own texts only); once, however often it is asked. */
export function loadCatalogue(): Promise<void> {
  catalogue ??= import('./catalogue').then(() => {
    loadedParts.value += 1;
  });
  return catalogue;
}

/** Translates in the current language (reactive inside templates and computed). */
export function t(key: TextKey | string, params?: Params): string {
  void loadedParts.value;
  return translate(language.value, key, params);
}

/** Puts engine or log words into the current language (reactive inside templates and computed). */
export function pick(message: Bilingual | string | undefined | null): string {
  void loadedParts.value;
  return say(language.value, message);
}

/** A settings error key ("settings.error.apiTokenRequired") in plain words; unknown ones get a generic text. */
export function fieldError(key: string | undefined): string {
  if (!key) return '';
  return isTextKey(key) ? t(key) : t('settings.error.invalid');
}

export function stepName(step: string | undefined): string {
  if (!step) return '';
  const key = `step.${step}`;
  return isTextKey(key) ? t(key) : step;
}

const locale = (): string => (language.value === 'nl' ? 'nl-NL' : 'en-GB');

/**
 * One formatter per language and kind: making an Intl formatter costs about 0.2 ms, formatting with
 * one about 1 µs, and a data view formats a date and amounts in every cell of 60 rows, twice (its
 * text and title).
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(kind: string, make: (locale: string) => F): F {
  const key = `${locale()} ${kind}`;
  let f = formatters.get(key) as F | undefined;
  if (!f) formatters.set(key, (f = make(locale())));
  return f;
}

export function formatMoney(amount: number): string {
  return formatter('money', (l) => new Intl.NumberFormat(l, { style: 'currency', currency: 'EUR' })).format(amount);
}

export function formatNumber(n: number, maxDecimals = 2): string {
  return formatter(
    `number ${maxDecimals}`,
    (l) => new Intl.NumberFormat(l, { maximumFractionDigits: maxDecimals }),
  ).format(n);
}

export function formatDateTime(ms: number | undefined): string {
  if (ms === undefined) return '';
  return formatter('dateTime', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short' })).format(
    new Date(ms),
  );
}

/** Formats a YYYY-MM-DD date without shifting it through time zones. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return formatter('date', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeZone: 'UTC' })).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}
