/** Any error from a workspace operation, as a message in both languages. */
import type { Bilingual } from '../../../lib/i18n';

export function errorText(e: unknown): Bilingual {
  if (e && typeof e === 'object' && 'nl' in e && 'en' in e && typeof (e as Bilingual).nl === 'string') {
    return { nl: (e as Bilingual).nl, en: (e as Bilingual).en };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { nl: `Er ging iets mis: ${message}`, en: `Something went wrong: ${message}` };
}
