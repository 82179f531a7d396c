/** How the overview writes months, money in cents and "updated at" in the page's language (Intl). */
import { formatDate, formatMoney, language, t } from '../../../lib/i18n';

const locale = () => (language.value === 'nl' ? 'nl-NL' : 'en-GB');

/** "november 2026" / "November 2026", or "nov. '26" / "Nov 26" for axes. */
export function formatMonth(month: string, style: 'long' | 'short' = 'long'): string {
  const [y, m] = month.split('-').map(Number);
  const options: Intl.DateTimeFormatOptions =
    style === 'long' ? { month: 'long', year: 'numeric' } : { month: 'short', year: '2-digit' };
  return new Intl.DateTimeFormat(locale(), { ...options, timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** `€ 1.234,50` / `€1,234.50` from whole cents (shown only: never summed again). */
export function formatCents(cents: number): string {
  return formatMoney(cents / 100);
}

/** "bijgewerkt om 14:05" today, "bijgewerkt op 1 dec. 2026 14:05" before; "nog niet …" without a time. */
export function updatedText(ms: number | undefined, now = Date.now()): string {
  if (ms === undefined) return t('overview.notYet');
  const time = new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit' }).format(new Date(ms));
  if (new Date(ms).toDateString() === new Date(now).toDateString()) return t('overview.updatedAt', { time });
  const d = new Date(ms);
  const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return t('overview.updatedOn', { date: `${formatDate(iso)} ${time}` });
}
