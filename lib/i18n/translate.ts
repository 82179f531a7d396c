/** Plain translation without Vue, for the background (badge title) and tests. */
import { nl, type TextKey } from './nl';
import { en } from './en';

export type Language = 'nl' | 'en';
export type { TextKey };

/**
 * Words for a person, as domain code says them: a catalogue key and its parameters. They are put
 * into words where they are shown, so a sync log written in Dutch reads in English after a switch.
 */
export interface Text {
  key: TextKey;
  params?: Params;
}

/** Both languages written out: how records written before key+params hold their words. Read, never written. */
export interface WrittenText {
  nl: string;
  en: string;
}

/**
 * Words as stored and shown: a key with parameters, or (records written before words were stored
 * by key: the sync log, connection state) both languages written out. The one bilingual type.
 */
export type Bilingual = Text | WrittenText;

/** A parameter: a value shown as is, or words of its own (a record's name, what was cut off). */
export type Param = string | number | Text | WrittenText;
export type Params = Record<string, Param>;

export const dictionaries: Record<Language, Record<TextKey, string>> = { nl, en };

export function isTextKey(key: string): key is TextKey {
  return Object.prototype.hasOwnProperty.call(nl, key);
}

/** A catalogue key with its parameters (left out when there are none). */
export function text(key: TextKey, params?: Params): Text {
  return params ? { key, params } : { key };
}

function isText(value: object): value is Text {
  return typeof (value as Partial<Text>).key === 'string';
}

function word(lang: Language, value: Param): string {
  if (typeof value !== 'object' || value === null) return String(value);
  return isText(value) ? translate(lang, value.key, value.params) : value[lang] || value.nl || value.en || '';
}

/** Translates a key in a given language. An unknown key is returned as is (never thrown). */
export function translate(lang: Language, key: TextKey | string, params?: Params): string {
  const template = isTextKey(key) ? dictionaries[lang][key] : key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? word(lang, params[name]) : m));
}

/** Words in one language: a key with parameters, an old record's written-out pair, or a plain string as is. */
export function say(lang: Language, words: Text | WrittenText | string | undefined | null): string {
  if (words === undefined || words === null) return '';
  return word(lang, words);
}
