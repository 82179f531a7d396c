/**
 * What the seeds share: deterministic picks from a seeded PRNG, dates, Dutch addresses and IBANs,
 * a relation record, and a mutation booked by ledger codes.
 */
import { blankRelation, makeRow, type SbMutation, type SbRelation, type Store } from '../store';

type Random = () => number;

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}
export function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
export function isoDay(year: number, dayOfYear: number): string {
  const d = new Date(Date.UTC(year, 0, 1 + dayOfYear));
  return d.toISOString().slice(0, 10);
}
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A valid Dutch IBAN (mod-97 check digits) for a bank code and a 10-digit account number. */
export function dutchIban(bank: string, account: number): string {
  const bban = `${bank}${String(account).padStart(10, '0')}`;
  const numeric = `${bban}NL00`.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  let rest = 0;
  for (const digit of numeric) rest = (rest * 10 + Number(digit)) % 97;
  return `NL${String(98 - rest).padStart(2, '0')}${bban}`;
}

const BANKS: readonly [string, string][] = [
  ['INGB', 'INGBNL2A'],
  ['RABO', 'RABONL2U'],
  ['ABNA', 'ABNANL2A'],
  ['SNSB', 'SNSBNL2A'],
  ['TRIO', 'TRIONL2U'],
  ['ASNB', 'ASNBNL21'],
  ['KNAB', 'KNABNL2H'],
];
export const CITIES: readonly [string, string][] = [
  ['Amersfoort', '38'],
  ['Utrecht', '35'],
  ['Zwolle', '80'],
  ['Apeldoorn', '73'],
  ['Ede', '67'],
  ['Barneveld', '37'],
  ['Hilversum', '12'],
  ['Leusden', '38'],
  ['Soest', '37'],
  ['Veenendaal', '39'],
  ['Nijkerk', '38'],
  ['Baarn', '37'],
  ['Zeist', '37'],
  ['Woudenberg', '39'],
];
export const STREETS = [
  'Stationsstraat',
  'Kerkstraat',
  'Dorpsstraat',
  'Molenweg',
  'Industrieweg',
  'Nieuwe Gracht',
  'Utrechtseweg',
  'Hoofdstraat',
  'Schoolstraat',
  'Beukenlaan',
  'Eikenlaan',
  'Marktplein',
  'Zuidsingel',
  'Havenweg',
  'Julianalaan',
  'Wilhelminastraat',
  'Prinses Irenestraat',
  'Kastanjelaan',
] as const;
export const LETTERS = 'ABCDEGHJKLMNPRSTVWXZ';

function postalCode(random: Random, prefix: string): string {
  return `${prefix}${between(random, 10, 99)} ${LETTERS[between(random, 0, LETTERS.length - 1)]}${LETTERS[between(random, 0, LETTERS.length - 1)]}`;
}
export function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\b(b\.?v\.?|v\.o\.f\.?|fam\.?)\b/g, '')
    .replace(/[^a-z0-9]+/g, '');
}

export function relationRecord(
  random: Random,
  fields: {
    code: string;
    type: 'B' | 'P';
    name: string;
    contact?: string;
    gender?: SbRelation['gender'];
    date: string;
    inactive?: boolean;
    termOfPayment?: number;
    ledgerId?: number;
  },
): Omit<SbRelation, 'id'> {
  const [city, prefix] = pick(random, CITIES);
  const [bank, bic] = pick(random, BANKS);
  const business = fields.type === 'B';
  const domain = slug(fields.name) || 'relatie';
  return {
    ...blankRelation(),
    code: fields.code,
    type: fields.type,
    name: fields.name,
    contact: fields.contact ?? '',
    gender: fields.gender ?? '',
    salutation:
      fields.gender === 'v'
        ? 'Geachte mevrouw'
        : fields.gender === 'm'
          ? 'Geachte heer'
          : business
            ? 'Geachte heer/mevrouw'
            : '',
    address: `${pick(random, STREETS)} ${between(random, 1, 180)}`,
    postalCode: postalCode(random, prefix),
    city,
    country: 'NL',
    phoneNumber: `0${between(random, 30, 38)}-${between(random, 1000000, 9999999)}`,
    mobilePhoneNumber: random() < 0.6 ? `06-${between(random, 10000000, 99999999)}` : '',
    emailAddress: business
      ? `info@${domain}.nl`
      : `${domain}@${pick(random, ['ziggo.nl', 'kpnmail.nl', 'gmail.com', 'hotmail.com'])}`,
    website: business && random() < 0.7 ? `www.${domain}.nl` : '',
    vatNumber: business ? `NL${between(random, 100000000, 999999999)}B0${between(random, 1, 3)}` : '',
    companyRegistrationNumber: business ? String(between(random, 10000000, 99999999)) : '',
    iban: dutchIban(bank, between(random, 100000000, 999999999)),
    bic,
    inactive: fields.inactive ?? false,
    termOfPayment: fields.termOfPayment ?? 14,
    ledgerId: fields.ledgerId ?? 0,
    date: fields.date,
    createdVia: 'seed',
  };
}

/** Books a mutation by ledger codes; rows are [ledgerCode, vatCode, amount as entered (EX), description?]. */
export function bookMutation(
  store: Store,
  m: {
    type: SbMutation['type'];
    date: string;
    ledger: string;
    relationId?: number;
    invoiceNumber?: string;
    description: string;
    termOfPayment?: number;
    entryNumber?: string;
  },
  rows: readonly [string, string, number, string?][],
): SbMutation {
  const ledgerId = store.ledgerByCode(m.ledger)?.id ?? 0;
  return store.addMutation({
    type: m.type,
    date: m.date,
    description: m.description,
    termOfPayment: m.termOfPayment ?? 0,
    ledgerId,
    relationId: m.relationId ?? 0,
    inExVat: 'EX',
    invoiceNumber: m.invoiceNumber ?? '',
    entryNumber: m.entryNumber ?? '',
    rows: rows.map(([code, vatCode, amount, description]) =>
      makeRow({
        ledgerId: store.ledgerByCode(code)?.id ?? 0,
        vatCode,
        amount,
        inExVat: 'EX',
        description: description ?? m.description,
        invoiceNumber: m.invoiceNumber ?? '',
        relationId: m.relationId ?? 0,
      }),
    ),
  });
}
