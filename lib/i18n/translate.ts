/**
 * Plain translation without Vue, for the background (badge title), domain code and tests. It
 * knows the popup's texts from the start; the whole catalogue joins when `./catalogue` is imported
 * (statically by the background, the options page and the modules that put texts into words, lazily
 * by the popup), so the popup does not carry every sentence of the product.
 */
import type { TextKey } from './nl';
import { popupNl } from './popup.nl';
import { popupEn } from './popup.en';

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

type Dictionary = Partial<Record<TextKey, string>>;

/** The texts known so far, by language. */
const dictionaries: Record<Language, Dictionary> = { nl: { ...popupNl }, en: { ...popupEn } };
let complete = false;

/** Adds the whole catalogue (see catalogue.ts); from then on every key is known in both languages. */
export function addCatalogue(all: Record<Language, Record<TextKey, string>>): void {
  Object.assign(dictionaries.nl, all.nl);
  Object.assign(dictionaries.en, all.en);
  complete = true;
}

export function isTextKey(key: string): key is TextKey {
  return Object.prototype.hasOwnProperty.call(dictionaries.nl, key);
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
  // A key of the part not loaded yet reads as nothing for the moment, never as the bare key.
  const template = isTextKey(key) ? (dictionaries[lang][key] ?? key) : complete ? key : '';
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? word(lang, params[name]) : m));
}

/** Words in one language: a key with parameters, an old record's written-out pair, or a plain string as is. */
export function say(lang: Language, words: Text | WrittenText | string | undefined | null): string {
  if (words === undefined || words === null) return '';
  return word(lang, words);
}
