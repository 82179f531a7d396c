/** Any error from a workspace operation, as words for a person. */
import { isTextKey, text, type Bilingual, type Text, type WrittenText } from '../../../lib/i18n';

export function errorText(e: unknown): Bilingual {
  if (e && typeof e === 'object') {
    const words = e as Partial<Text & WrittenText>;
    if (typeof words.key === 'string' && isTextKey(words.key)) return text(words.key, words.params);
    if (typeof words.nl === 'string' && typeof words.en === 'string') return { nl: words.nl, en: words.en };
  }
  const message = e instanceof Error ? e.message : String(e);
  return text('common.unexpected', { message });
}
