/** large: volume for paging and benchmarks. */
import { prng } from '../prng';
import { blankRelation, makeRow, round2, type SbMutation, type Store } from '../store';
import { CITIES, isoDay, LETTERS, STREETS } from './kit';

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

export function seedLarge(store: Store): void {
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
