/**
 * Deterministic seeds. No clock, no Math.random: a seeded PRNG and fixed reference dates,
 * so every reset gives byte-identical data.
 */
import { prng } from '../prng';
import {
  blankRelation,
  makeRow,
  round2,
  type SbInvoiceItem,
  type SbMutation,
  type SbRelation,
  Store,
  type SeedName,
} from '../store';

/** A store holding a seed's records: what the sandbox starts with. */
export function seededStore(seed: SeedName): Store {
  const store = new Store();
  reseed(store, seed);
  return store;
}

/** Empties the store and fills it with a seed's records again (the control API's reset). */
export function reseed(store: Store, seed: SeedName): void {
  store.clear(seed);
  applySeed(store, seed);
}

function applySeed(store: Store, seed: SeedName): void {
  seedBase(store);
  if (seed === 'demo') seedDemo(store);
  else if (seed === 'large') seedLarge(store);
}

/** What every administration has: chart of accounts, units, templates, groups, cost centers, administrations. */
function seedBase(store: Store): void {
  for (const [code, description, category, group] of CHART_OF_ACCOUNTS)
    store.addLedger({ code, description, category, group });
  for (const [singular, plural] of UNITS) store.addUnit({ singular, plural });
  for (const [name, type, active] of TEMPLATES) store.addTemplate({ name, type, active });
  for (const [code, description] of PRODUCT_GROUPS) store.addProductGroup({ code, description });
  const onderhoud = store.addCostCenter({ description: 'Onderhoud', parentId: 0, active: true });
  store.addCostCenter({ description: 'Installatie', parentId: 0, active: true });
  store.addCostCenter({ description: 'Storingsdienst', parentId: onderhoud.id, active: true });
  store.addCostCenter({ description: 'Projecten 2023', parentId: 0, active: false });
  store.administrations = [
    {
      guid: '1A2B3C4D-0000-1111-2222-333344445555',
      company: 'Van Dijk Installatietechniek B.V.',
      city: 'Amersfoort',
      startYear: '2019',
    },
    {
      guid: '5E6F7A8B-9999-8888-7777-666655554444',
      company: 'Klusbedrijf De Vries',
      city: 'Zwolle',
      startYear: '2022',
    },
  ];
}

const CHART_OF_ACCOUNTS: readonly [string, string, string, string][] = [
  ['0100', 'Inventaris', 'BAL', 'VAST'],
  ['0110', 'Afschrijving inventaris', 'BAL', 'VAST'],
  ['0200', 'Bedrijfsauto', 'BAL', 'VAST'],
  ['0210', 'Afschrijving bedrijfsauto', 'BAL', 'VAST'],
  ['0500', 'Eigen vermogen', 'BAL', 'EV'],
  ['0600', 'Privé', 'BAL', 'EV'],
  ['0900', 'Lening bank', 'BAL', 'LANG'],
  ['1000', 'Kas', 'FIN', 'LIQ'],
  ['1100', 'Bank', 'FIN', 'LIQ'],
  ['1110', 'Spaarrekening', 'FIN', 'LIQ'],
  ['1300', 'Debiteuren', 'DEB', 'VLOT'],
  ['1400', 'Voorraad materialen', 'BAL', 'VLOT'],
  ['1500', 'Af te dragen BTW hoog', 'AF19', 'BTW'],
  ['1510', 'Af te dragen BTW laag', 'AF6', 'BTW'],
  ['1520', 'Voorbelasting', 'VOOR', 'BTW'],
  ['1530', 'Af te dragen BTW overig', 'AFOVERIG', 'BTW'],
  ['1540', 'BTW rekening-courant', 'BTWRC', 'BTW'],
  ['1600', 'Crediteuren', 'CRED', 'KORT'],
  ['1700', 'Nog te betalen kosten', 'BAL', 'KORT'],
  ['1800', 'Loonheffing', 'BAL', 'KORT'],
  ['2000', 'Vraagposten', 'BAL', 'KORT'],
  ['4000', 'Lonen en salarissen', 'VW', 'PERS'],
  ['4010', 'Sociale lasten', 'VW', 'PERS'],
  ['4100', 'Huur bedrijfsruimte', 'VW', 'HUIS'],
  ['4110', 'Gas, water en licht', 'VW', 'HUIS'],
  ['4200', 'Brandstof', 'VW', 'AUTO'],
  ['4210', 'Onderhoud bedrijfsauto', 'VW', 'AUTO'],
  ['4300', 'Kantoorbenodigdheden', 'VW', 'KANT'],
  ['4310', 'Telefoon en internet', 'VW', 'KANT'],
  ['4320', 'Software en abonnementen', 'VW', 'KANT'],
  ['4400', 'Verzekeringen', 'VW', 'ALG'],
  ['4500', 'Reclame en advertenties', 'VW', 'VERK'],
  ['4600', 'Gereedschap', 'VW', 'ALG'],
  ['4700', 'Inkoop materialen', 'VW', 'INK'],
  ['4800', 'Afschrijvingen', 'VW', 'AFS'],
  ['4900', 'Bankkosten', 'VW', 'FIN'],
  ['4990', 'Overige kosten', 'VW', 'ALG'],
  ['8000', 'Omzet hoog', 'VW', 'OMZ'],
  ['8100', 'Omzet laag', 'VW', 'OMZ'],
  ['8200', 'Omzet verlegd', 'VW', 'OMZ'],
  ['8300', 'Omzet binnen EU', 'VW', 'OMZ'],
  ['8400', 'Omzet onderhoudscontracten', 'VW', 'OMZ'],
  ['8900', 'Betalingsverschillen', 'VW', 'OMZ'],
];

const UNITS: readonly [string, string][] = [
  ['uur', 'uren'],
  ['stuk', 'stuks'],
  ['meter', 'meter'],
  ['m2', 'm2'],
  ['m3', 'm3'],
  ['liter', 'liter'],
  ['kilogram', 'kilogram'],
  ['dag', 'dagen'],
  ['km', 'km'],
  ['set', 'sets'],
  ['rol', 'rollen'],
  ['doos', 'dozen'],
  ['Uur', 'Uren'],
  ['uren', 'uren'],
];

const TEMPLATES: readonly [string, 'E' | 'A', boolean][] = [
  ['Standaard', 'E', true],
  ['Werkbon', 'E', true],
  ['Onderhoudscontract', 'E', true],
  ['Herinnering', 'A', false],
  ['Aanmaning', 'A', false],
];

const PRODUCT_GROUPS: readonly [string, string][] = [
  ['ARB', 'Arbeid'],
  ['MAT', 'Materialen'],
  ['KLN', 'Klein materiaal'],
  ['SRV', 'Service en onderhoud'],
];

// ---------------------------------------------------------------------------------------------
// Shared helpers

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}
function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
function isoDay(year: number, dayOfYear: number): string {
  const d = new Date(Date.UTC(year, 0, 1 + dayOfYear));
  return d.toISOString().slice(0, 10);
}
function addDays(date: string, days: number): string {
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
const CITIES: readonly [string, string][] = [
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
const STREETS = [
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
const LETTERS = 'ABCDEGHJKLMNPRSTVWXZ';

function postalCode(random: Random, prefix: string): string {
  return `${prefix}${between(random, 10, 99)} ${LETTERS[between(random, 0, LETTERS.length - 1)]}${LETTERS[between(random, 0, LETTERS.length - 1)]}`;
}
function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\b(b\.?v\.?|v\.o\.f\.?|fam\.?)\b/g, '')
    .replace(/[^a-z0-9]+/g, '');
}

function relationRecord(
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
function bookMutation(
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

// ---------------------------------------------------------------------------------------------
// demo: a small installation company in Amersfoort

const DEMO_CUSTOMERS: readonly [string, 'B' | 'P', string, string, SbRelation['gender']][] = [
  ['Bakkerij Jansen', 'B', 'Henk Jansen', '', 'm'],
  ['Hoveniersbedrijf De Groot', 'B', 'Els de Groot', '', 'v'],
  ['Restaurant De Gouden Leeuw', 'B', 'Marco Rossi', '', 'm'],
  ['Tandartspraktijk Smit', 'B', 'Dr. A. Smit', '', 'v'],
  ['VvE Parkzicht', 'B', 'Kees Willemsen', '', 'm'],
  ['Eemland Wonen', 'B', 'Afdeling Onderhoud', '', ''],
  ['Kinderdagverblijf Het Zonnetje', 'B', 'Sanne Kok', '', 'v'],
  ['Autobedrijf Bakker B.V.', 'B', 'Peter Bakker', '', 'm'],
  ['Camping De Berkenhof', 'B', 'Ria van Dam', '', 'v'],
  ['Sportschool FitFabriek', 'B', 'Joost Verhoeven', '', 'm'],
  ['Hotel Het Wapen van Leusden', 'B', 'Receptie', '', ''],
  ['Supermarkt Visser', 'B', 'Jan Visser', '', 'm'],
  ['Basisschool De Regenboog', 'B', 'Ingrid Post', '', 'v'],
  ['Huisartsenpraktijk Mulder', 'B', 'Karin Mulder', '', 'v'],
  ['Kapsalon Knipperlicht', 'B', 'Fatima El Amrani', '', 'v'],
  ['Drukkerij Van Leeuwen', 'B', 'Bram van Leeuwen', '', 'm'],
  ['Melkveebedrijf De Hoeve', 'B', 'Gerrit Hoekstra', '', 'm'],
  ['Bloemenhandel De Tulp', 'B', 'Anouk de Wit', '', 'v'],
  ['Makelaardij Bos & Partners', 'B', 'Tom Bos', '', 'm'],
  ['Stichting Dorpshuis Hoogland', 'B', 'Secretariaat', '', ''],
  ['Fam. de Vries', 'P', '', '', 'a'],
  ['M. van den Berg', 'P', '', '', 'v'],
  ['P. Bakker', 'P', '', '', 'm'],
  ['S. Visser-Hendriks', 'P', '', '', 'v'],
  ['A. Smit', 'P', '', '', 'm'],
  ['L. Meijer', 'P', '', '', 'v'],
  ['R. de Boer', 'P', '', '', 'm'],
  ['Fam. Mulder', 'P', '', '', 'a'],
  ['E. de Groot', 'P', '', '', 'v'],
  ['W. Hendriks', 'P', '', '', 'm'],
  ['N. Peters', 'P', '', '', 'v'],
  ['H. Vos', 'P', '', '', 'm'],
];
const DEMO_SUPPLIERS: readonly [string, string, string][] = [
  ['Technische Unie B.V.', '4700', 'Installatiematerialen'],
  ['Rexel Nederland B.V.', '4700', 'Elektramaterialen'],
  ['Wasco Groothandel', '4700', 'CV- en sanitairmaterialen'],
  ['Hornbach Bouwmarkt', '4600', 'Gereedschap'],
  ['KPN B.V.', '4310', 'Telefoon en internet'],
  ['Shell Nederland Verkoop', '4200', 'Brandstof'],
  ['Eneco Zakelijk', '4110', 'Energie bedrijfsruimte'],
  ['Achmea Schadeverzekeringen', '4400', 'Bedrijfsaansprakelijkheid'],
];

const DEMO_PRODUCTS: readonly [
  code: string,
  description: string,
  unit: string,
  group: string,
  price: number,
  vat: string,
  ledger: string,
  active?: boolean,
][] = [
  ['ARB-MONT', 'Arbeid monteur', 'uur', 'ARB', 62.5, 'HOOG_VERK_21', '8000'],
  ['ARB-LEER', 'Arbeid leerling-monteur', 'uur', 'ARB', 42, 'HOOG_VERK_21', '8000'],
  ['ARB-SPOED', 'Spoedtoeslag avond en weekend', 'Uur', 'ARB', 31.25, 'HOOG_VERK_21', '8000'],
  ['ARB-ENG', 'Engineering en advies', 'uren', 'ARB', 85, 'HOOG_VERK_21', '8000'],
  ['ARB-ISOL', 'Na-isolatie woning, arbeid', 'uur', 'ARB', 55, 'LAAG_VERK_9', '8100'],
  ['VOORRIJ', 'Voorrijkosten', 'stuk', 'SRV', 45, 'HOOG_VERK_21', '8000'],
  ['MAT-KOP15', 'Koperen buis 15 mm', 'meter', 'MAT', 8.95, 'HOOG_VERK_21', '8000'],
  ['MAT-KOP22', 'Koperen buis 22 mm', 'meter', 'MAT', 12.4, 'HOOG_VERK_21', '8000'],
  ['MAT-PVC110', 'PVC afvoerbuis 110 mm', 'meter', 'MAT', 9.75, 'HOOG_VERK_21', '8000'],
  ['MAT-CVKETEL', 'CV-ketel HR combi 36 kW', 'stuk', 'MAT', 1895, 'HOOG_VERK_21', '8000'],
  ['MAT-RAD', 'Paneelradiator 600x1000 type 22', 'stuk', 'MAT', 214, 'HOOG_VERK_21', '8000'],
  ['MAT-THERM', 'Slimme thermostaat', 'stuk', 'MAT', 179, 'HOOG_VERK_21', '8000'],
  ['MAT-WP', 'Hybride warmtepomp 4 kW', 'stuk', 'MAT', 3450, 'HOOG_VERK_21', '8000'],
  ['MAT-ISOL', 'Glaswol isolatiedeken', 'm2', 'MAT', 11.5, 'LAAG_VERK_9', '8100'],
  ['MAT-KRAAN', 'Thermostatische mengkraan', 'stuk', 'MAT', 129, 'HOOG_VERK_21', '8000'],
  ['MAT-BOILER', 'Elektrische boiler 80 liter', 'stuk', 'MAT', 425, 'HOOG_VERK_21', '8000'],
  ['MAT-INHIB', 'CV-water inhibitor', 'liter', 'MAT', 14.9, 'HOOG_VERK_21', '8000'],
  ['MAT-KABEL', 'Installatiekabel 3x2,5 mm2', 'meter', 'MAT', 2.35, 'HOOG_VERK_21', '8000'],
  ['KLN-KIT', 'Sanitairkit transparant', 'stuk', 'KLN', 7.95, 'HOOG_VERK_21', '8000'],
  ['KLN-FLEX', 'Flexibele slang 50 cm', 'stuk', 'KLN', 6.5, 'HOOG_VERK_21', '8000'],
  ['KLN-BEVES', 'Bevestigingsmateriaal', 'set', 'KLN', 12.5, 'HOOG_VERK_21', '8000'],
  ['SRV-ONDH', 'Onderhoudsbeurt CV-ketel', 'stuk', 'SRV', 119, 'HOOG_VERK_21', '8400'],
  ['SRV-CONTR', 'Onderhoudscontract per jaar', 'stuk', 'SRV', 149, 'HOOG_VERK_21', '8400'],
  ['SRV-LEK', 'Lekdetectie', 'stuk', 'SRV', 195, 'HOOG_VERK_21', '8000'],
  ['MAT-GEISER', 'Geiser 11 liter (uit assortiment)', 'stuk', 'MAT', 389, 'HOOG_VERK_21', '8000', false],
];

function seedDemo(store: Store): void {
  const random = prng(20250101);
  const debtors = store.ledgerByCode('1300')!.id;
  const creditors = store.ledgerByCode('1600')!.id;

  const customers: SbRelation[] = DEMO_CUSTOMERS.map(([name, type, contact, , gender], i) =>
    store.addRelation(
      relationRecord(random, {
        code: String(1001 + i),
        type,
        name,
        contact,
        gender,
        date: isoDay(2019 + (i % 6), (i * 37) % 360),
        inactive: i === 8 || i === 19 || i === 30,
        termOfPayment: type === 'B' ? pick(random, [14, 30, 30]) : 14,
        ledgerId: debtors,
      }),
    ),
  );
  const suppliers: SbRelation[] = DEMO_SUPPLIERS.map(([name], i) =>
    store.addRelation(
      relationRecord(random, {
        code: String(2001 + i),
        type: 'B',
        name,
        contact: 'Debiteurenadministratie',
        date: isoDay(2019, 20 + i * 11),
        termOfPayment: 30,
        ledgerId: creditors,
      }),
    ),
  );

  const products = DEMO_PRODUCTS.map(([code, description, unit, group, price, vat, ledger, active]) =>
    store.addProduct({
      code,
      description,
      unitId: unitIdExact(store, unit),
      active: active ?? true,
      groupId: store.productGroupByCode(group)?.id ?? 0,
      purchasePriceExcl: group === 'ARB' ? 0 : round2(price * 0.62),
      priceExcl: price,
      priceIncl: round2(price * (1 + store.vatPercentage(vat) / 100)),
      vat,
      ledgerId: store.ledgerByCode(ledger)!.id,
      costCenterId: 0,
    }),
  );
  const sellable = products.filter((p) => p.active);
  const activeCustomers = customers.filter((r) => !r.inactive);

  bookMutation(store, { type: 0, date: '2025-01-01', ledger: '0500', description: 'Beginbalans 2025' }, [
    ['1100', 'GEEN', 18432.17, 'Bank'],
    ['1000', 'GEEN', 350, 'Kas'],
    ['0100', 'GEEN', 12500, 'Inventaris'],
    ['0200', 'GEEN', 24000, 'Bedrijfsauto'],
    ['0900', 'GEEN', -15000, 'Lening bank'],
    ['0500', 'GEEN', -40282.17, 'Eigen vermogen'],
  ]);

  // Events are generated first and booked in date order, so MutatieNr follows the calendar.
  const events: { date: string; seq: number; book: () => void }[] = [];
  const at = (date: string, book: () => void) => events.push({ date, seq: events.length, book });
  const lastDay = '2026-11-15';

  const invoiceSeq: Record<number, number> = { 2025: 0, 2026: 0 };
  for (let i = 0; i < 96; i++) {
    const year = i < 52 ? 2025 : 2026;
    const date = isoDay(year, year === 2025 ? 6 + Math.floor(i * 6.8) : 4 + Math.floor((i - 52) * 7.1));
    const customer = activeCustomers[(i * 7 + between(random, 0, 3)) % activeCustomers.length];
    const lines = between(random, 1, 4);
    const items: SbInvoiceItem[] = [];
    for (let l = 0; l < lines; l++) {
      const product = l === 0 ? pick(random, sellable.slice(0, 5)) : pick(random, sellable);
      const hours = product.groupId === store.productGroupByCode('ARB')?.id;
      items.push({
        description: product.description,
        code: product.code,
        quantity: hours ? between(random, 2, 16) / 2 : between(random, 1, 6),
        unit: store.units.get(product.unitId)?.singular ?? '',
        pricePerUnit: product.priceExcl,
        vatCode: product.vat,
        vatPercentage: 0,
        ledgerId: product.ledgerId,
        costCenterId: 0,
        productId: product.id,
      });
    }
    at(date, () => {
      const number = `F${year}-${String(++invoiceSeq[year]).padStart(4, '0')}`;
      const invoice = store.addInvoice(
        {
          invoiceNumber: number,
          relationId: customer.id,
          date,
          termOfPayment: customer.termOfPayment,
          templateId: store.templateByName(i % 3 === 0 ? 'Werkbon' : 'Standaard')!.id,
          inExVat: 'EX',
          reference: i % 3 === 0 ? `Werkbon WB-${1000 + i}` : '',
          text: '',
          items,
          createdVia: 'seed',
        },
        { book: true, description: `Factuur ${number} ${customer.name}` },
      );
      // Most customers pay (some late, a few in two parts); recent invoices are still open.
      const payDate = addDays(date, customer.termOfPayment + between(random, -7, 20));
      const roll = random();
      if (payDate > lastDay || roll < 0.12) return;
      const parts =
        roll < 0.2
          ? [round2(invoice.totalAmount / 2)]
          : roll < 0.26
            ? [round2(invoice.totalAmount / 2), round2(invoice.totalAmount - round2(invoice.totalAmount / 2))]
            : [invoice.totalAmount];
      parts.forEach((amount, p) =>
        at(addDays(payDate, p * 21), () =>
          bookMutation(
            store,
            {
              type: 3,
              date: addDays(payDate, p * 21),
              ledger: '1100',
              relationId: customer.id,
              invoiceNumber: number,
              description: `Betaling ${number}`,
            },
            [['1300', 'GEEN', amount]],
          ),
        ),
      );
    });
  }

  for (let i = 0; i < 64; i++) {
    const year = i < 34 ? 2025 : 2026;
    const date = isoDay(year, 3 + Math.floor((i % 34) * 9.5));
    const supplierIndex = i % DEMO_SUPPLIERS.length;
    const supplier = suppliers[supplierIndex];
    const [, costLedger, what] = DEMO_SUPPLIERS[supplierIndex];
    const amount = round2(costLedger === '4700' ? 150 + random() * 2400 : 40 + random() * 260);
    const number = `${slug(supplier.name).slice(0, 3).toUpperCase()}${between(random, 100000, 999999)}`;
    at(date, () => {
      bookMutation(
        store,
        {
          type: 1,
          date,
          ledger: '1600',
          relationId: supplier.id,
          invoiceNumber: number,
          description: `${what} ${supplier.name}`,
          termOfPayment: 30,
        },
        [[costLedger, supplierIndex === 7 ? 'GEEN' : 'HOOG_INK_21', amount]],
      );
      const payDate = addDays(date, between(random, 10, 35));
      if (payDate > lastDay || random() < 0.1) return;
      const total = round2(amount * (supplierIndex === 7 ? 1 : 1.21));
      at(payDate, () =>
        bookMutation(
          store,
          {
            type: 4,
            date: payDate,
            ledger: '1100',
            relationId: supplier.id,
            invoiceNumber: number,
            description: `Betaling ${number}`,
          },
          [['1600', 'GEEN', total]],
        ),
      );
    });
  }

  for (let i = 0; i < 18; i++) {
    const date = isoDay(i < 9 ? 2025 : 2026, 15 + (i % 9) * 37);
    const amount = round2(60 + random() * 240);
    at(date, () =>
      bookMutation(store, { type: 5, date, ledger: '1000', description: 'Contante verkoop klein materiaal' }, [
        ['8000', 'HOOG_VERK_21', amount],
      ]),
    );
  }

  for (let month = 0; month < 22; month++) {
    const year = month < 12 ? 2025 : 2026;
    const m = month % 12;
    const first = `${year}-${String(m + 1).padStart(2, '0')}-01`;
    at(first, () =>
      bookMutation(store, { type: 6, date: first, ledger: '1100', description: 'Huur bedrijfsruimte' }, [
        ['4100', 'HOOG_INK_21', 1150],
      ]),
    );
    const bank = `${year}-${String(m + 1).padStart(2, '0')}-03`;
    at(bank, () =>
      bookMutation(store, { type: 6, date: bank, ledger: '1100', description: 'Kosten zakelijke rekening' }, [
        ['4900', 'GEEN', round2(14.5 + random() * 6)],
      ]),
    );
    const fuel = `${year}-${String(m + 1).padStart(2, '0')}-${String(between(random, 10, 25)).padStart(2, '0')}`;
    at(fuel, () =>
      bookMutation(store, { type: 6, date: fuel, ledger: '1100', description: 'Tanken bedrijfsauto' }, [
        ['4200', 'HOOG_INK_21', round2(70 + random() * 60)],
      ]),
    );
    const salary = `${year}-${String(m + 1).padStart(2, '0')}-25`;
    at(salary, () =>
      bookMutation(store, { type: 6, date: salary, ledger: '1100', description: 'Salarissen' }, [
        ['4000', 'GEEN', 5840],
      ]),
    );
    const end = isoDay(year, [30, 58, 89, 119, 150, 180, 211, 242, 272, 303, 333, 364][m]);
    at(end, () =>
      bookMutation(
        store,
        {
          type: 7,
          date: end,
          ledger: '0110',
          description: `Afschrijving ${m + 1}/${year}`,
          entryNumber: `MEM${year}${String(m + 1).padStart(2, '0')}`,
        },
        [['4800', 'GEEN', 104.17]],
      ),
    );
    if (m % 3 === 2) {
      at(end, () =>
        bookMutation(
          store,
          { type: 7, date: end, ledger: '1540', description: `BTW-aangifte Q${(m + 1) / 3} ${year}` },
          [['1500', 'GEEN', round2(2100 + random() * 900)]],
        ),
      );
    }
  }

  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.seq - b.seq));
  // Booking an event may schedule later ones (payments); keep draining in date order.
  for (let i = 0; i < events.length; i++) {
    const before = events.length;
    events[i].book();
    if (events.length > before) {
      const rest = events.splice(i + 1).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.seq - b.seq));
      events.push(...rest);
    }
  }
}

function unitIdExact(store: Store, singular: string): number {
  for (const u of store.units.values()) if (u.singular === singular) return u.id;
  return 0;
}

// ---------------------------------------------------------------------------------------------
// large: volume for paging and benchmarks

const FIRST_NAMES = [
  'Jan',
  'Piet',
  'Kees',
  'Anna',
  'Sanne',
  'Lotte',
  'Daan',
  'Bram',
  'Eva',
  'Sophie',
  'Luuk',
  'Fleur',
  'Ruben',
  'Iris',
  'Thijs',
  'Noor',
] as const;
const SURNAMES = [
  'de Jong',
  'Jansen',
  'de Vries',
  'van den Berg',
  'van Dijk',
  'Bakker',
  'Janssen',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'Brouwer',
] as const;
const TRADES = [
  'Bouwbedrijf',
  'Installatiebedrijf',
  'Schildersbedrijf',
  'Hoveniersbedrijf',
  'Bakkerij',
  'Garage',
  'Kapsalon',
  'Administratiekantoor',
  'Transportbedrijf',
  'Timmerbedrijf',
] as const;
const MATERIALS = [
  'Koperen buis',
  'PVC buis',
  'Radiator',
  'Kraan',
  'Kabel',
  'Schakelaar',
  'Stopcontact',
  'Thermostaat',
  'Pomp',
  'Filter',
  'Afsluiter',
  'Koppeling',
] as const;
const SIZES = ['15 mm', '22 mm', '28 mm', '40 mm', '110 mm', 'klein', 'groot', 'type A', 'type B', 'RVS'] as const;

function seedLarge(store: Store): void {
  const random = prng(10000);
  const debtors = store.ledgerByCode('1300')!.id;
  const relationIds: number[] = [];
  for (let i = 0; i < 10_000; i++) {
    const business = i % 3 !== 0;
    const name = business
      ? `${TRADES[i % TRADES.length]} ${SURNAMES[(i >> 1) % SURNAMES.length]} ${i + 1}`
      : `${FIRST_NAMES[i % FIRST_NAMES.length]} ${SURNAMES[(i * 7) % SURNAMES.length]}`;
    const [city, prefix] = CITIES[i % CITIES.length];
    const relation = store.addRelation({
      ...blankRelation(),
      code: `R${String(i + 1).padStart(5, '0')}`,
      type: business ? 'B' : 'P',
      name,
      contact: business ? FIRST_NAMES[(i * 3) % FIRST_NAMES.length] : '',
      address: `${STREETS[i % STREETS.length]} ${(i % 200) + 1}`,
      postalCode: `${prefix}${10 + (i % 90)} ${LETTERS[i % 20]}${LETTERS[(i * 3) % 20]}`,
      city,
      country: 'NL',
      emailAddress: `relatie${i + 1}@voorbeeld.nl`,
      inactive: i % 50 === 49,
      termOfPayment: business ? 30 : 14,
      ledgerId: debtors,
      date: isoDay(2015 + (i % 11), i % 365),
      createdVia: 'seed',
    });
    relationIds.push(relation.id);
  }

  const units = ['uur', 'stuk', 'meter', 'm2', 'liter', 'set'].map((s) => store.unitBySingular(s)!.id);
  const groups = [...store.productGroups.values()].map((g) => g.id);
  const revenue = store.ledgerByCode('8000')!.id;
  for (let i = 0; i < 3_000; i++) {
    const price = round2(1 + ((i * 7919) % 50000) / 100);
    const hours = i % 10 === 0;
    store.addProduct({
      code: `P${String(i + 1).padStart(5, '0')}`,
      description: hours
        ? `Arbeid ${TRADES[i % TRADES.length].toLowerCase()} ${i + 1}`
        : `${MATERIALS[i % MATERIALS.length]} ${SIZES[(i >> 2) % SIZES.length]} ${i + 1}`,
      unitId: hours ? units[0] : units[1 + (i % 5)],
      active: i % 40 !== 39,
      groupId: groups[i % groups.length],
      purchasePriceExcl: round2(price * 0.6),
      priceExcl: price,
      priceIncl: round2(price * 1.21),
      vat: 'HOOG_VERK_21',
      ledgerId: revenue,
      costCenterId: 0,
    });
  }

  const L = (code: string) => store.ledgerByCode(code)!.id;
  const bank = L('1100'),
    creditors = L('1600'),
    costs = [L('4700'), L('4200'), L('4310'), L('4600')];
  const row = (ledgerId: number, vatCode: string, amount: number, invoiceNumber: string, relationId: number) =>
    makeRow({ ledgerId, vatCode, amount, inExVat: 'EX', invoiceNumber, relationId });
  // 60,000 mutations over two years, types cycling so every type is well represented.
  const pendingPayments: { type: 3 | 4; relationId: number; number: string; amount: number }[] = [];
  let nextPayment = 0;
  const days = [2025, 2026].map((year) => Array.from({ length: 365 }, (_, day) => isoDay(year, day)));
  const ledger0110 = L('0110'),
    ledger4800 = L('4800'),
    ledger0500 = L('0500');
  for (let i = 0; i < 60_000; i++) {
    const date = days[i >= 30_000 ? 1 : 0][Math.floor(((i % 30_000) / 30_000) * 365)];
    const relationId = relationIds[(i * 31) % relationIds.length];
    const slot = i % 10;
    const amount = round2(10 + random() * 990);
    let m: Omit<SbMutation, 'id'>;
    const base = {
      date,
      termOfPayment: 0,
      relationId: 0,
      inExVat: 'EX' as const,
      invoiceNumber: '',
      entryNumber: '',
      description: '',
    };
    if ((slot === 3 || slot === 7) && nextPayment < pendingPayments.length) {
      const p = pendingPayments[nextPayment++];
      m = {
        ...base,
        type: p.type,
        ledgerId: bank,
        relationId: p.relationId,
        invoiceNumber: p.number,
        description: `Betaling ${p.number}`,
        rows: [row(p.type === 3 ? debtors : creditors, 'GEEN', p.amount, p.number, p.relationId)],
      };
    } else if (slot <= 3) {
      const number = `L${String(i + 1).padStart(6, '0')}`;
      const r = row(revenue, 'HOOG_VERK_21', amount, number, relationId);
      m = {
        ...base,
        type: 2,
        ledgerId: debtors,
        relationId,
        invoiceNumber: number,
        termOfPayment: 30,
        description: `Factuur ${number}`,
        rows: [r],
      };
      if (random() < 0.8) pendingPayments.push({ type: 3, relationId, number, amount: r.amountIncl });
    } else if (slot <= 5) {
      const number = `INK${String(i + 1).padStart(6, '0')}`;
      const r = row(costs[i % costs.length], 'HOOG_INK_21', amount, number, relationId);
      m = {
        ...base,
        type: 1,
        ledgerId: creditors,
        relationId,
        invoiceNumber: number,
        termOfPayment: 30,
        description: `Inkoopfactuur ${number}`,
        rows: [r],
      };
      if (random() < 0.8) pendingPayments.push({ type: 4, relationId, number, amount: r.amountIncl });
    } else if (slot === 6) {
      m = {
        ...base,
        type: 5,
        ledgerId: bank,
        description: 'Ontvangst',
        rows: [row(revenue, 'HOOG_VERK_21', amount, '', 0)],
      };
    } else if (slot <= 8) {
      m = {
        ...base,
        type: 6,
        ledgerId: bank,
        description: 'Uitgave',
        rows: [row(costs[i % costs.length], 'HOOG_INK_21', amount, '', 0)],
      };
    } else if (i === 9) {
      m = {
        ...base,
        type: 0,
        ledgerId: ledger0500,
        description: 'Beginbalans',
        rows: [row(bank, 'GEEN', amount, '', 0), row(ledger0500, 'GEEN', -amount, '', 0)],
      };
    } else {
      m = {
        ...base,
        type: 7,
        ledgerId: ledger0110,
        description: 'Memoriaal',
        rows: [row(ledger4800, 'GEEN', amount, '', 0)],
      };
    }
    store.addMutation(m);
  }
}
