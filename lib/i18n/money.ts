/** An amount of integer cents written out in both languages (`€ 1.234,50` / `€1,234.50`), for stored texts. */
import type { WrittenText } from './translate';

const nlEuro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const enEuro = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' });

export function moneyWords(cents: number): WrittenText {
  const euros = cents / 100;
  return { nl: nlEuro.format(euros), en: enEuro.format(euros) };
}
