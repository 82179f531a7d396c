/** The records every seed starts with: chart of accounts, units, templates, product groups, cost centres, administrations. */
import type { Store } from '../store';

/** What every administration has: chart of accounts, units, templates, groups, cost centers, administrations. */
export function seedBase(store: Store): void {
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
