/** Plain translation without Vue, for the background (badge title) and tests. */
import { nl, type MessageKey } from './nl';
import { en } from './en';

export type Language = 'nl' | 'en';
export type { MessageKey };
export type Params = Record<string, string | number>;

export const dictionaries: Record<Language, Record<MessageKey, string>> = { nl, en };

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(nl, key);
}

/** Translates a key in a given language. An unknown key is returned as is (never thrown). */
export function translate(lang: Language, key: MessageKey | string, params?: Params): string {
  const text = isMessageKey(key) ? dictionaries[lang][key] : key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
