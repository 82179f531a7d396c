/**
 * demo: a small installation company in Amersfoort: customers and suppliers, products and hours,
 * two years of invoices, payments, purchases, cash sales and monthly bookings, in date order.
 */
import { prng } from '../prng';
import { round2, type SbInvoiceItem, type SbRelation, type Store } from '../store';
import { DEMO_CUSTOMERS, DEMO_PRODUCTS, DEMO_SUPPLIERS } from './demo-data';
import { addDays, between, bookMutation, isoDay, pick, relationRecord, slug } from './kit';

export function seedDemo(store: Store): void {
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
