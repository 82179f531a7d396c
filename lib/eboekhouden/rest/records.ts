/** REST's wire records → the domain's relation and product (codes instead of ids, via the lookups). */
import type { z } from 'zod';
import type { Product, Relation } from '../types';
import { compact } from '../validate';
import type { Lookups } from './lookups';
import type * as wire from './wire';

export function toRelation(r: z.output<typeof wire.relation>): Relation {
  return compact<Relation>({
    id: r.id,
    code: r.code,
    type: r.type,
    name: r.name,
    contact: r.contact,
    email: r.emailAddress,
    emailInvoice: r.emailAddressInvoice,
    emailReminder: r.emailAddressReminder,
    phone: r.phoneNumber ?? r.mobilePhoneNumber,
    address: r.address,
    postalCode: r.postalCode,
    city: r.city,
    country: r.country,
    vatNumber: r.vatNumber,
    cocNumber: r.companyRegistrationNumber,
    iban: r.iban,
    termOfPayment: r.termOfPayment,
    inactive: r.inactive ?? false,
    addedOn: r.date,
  });
}

export function unitName(units: Map<number, string>, unitId: number | undefined): string {
  return unitId === undefined ? '' : (units.get(unitId) ?? '');
}

export async function productFromWire(lookups: Lookups, p: z.output<typeof wire.product>): Promise<Product> {
  const [units, ledgers, groups] = await Promise.all([
    lookups.unitNameById(),
    lookups.ledgerById(),
    p.groupId === undefined ? undefined : lookups.productGroupCodeById(),
  ]);
  return compact<Product>({
    id: p.id,
    code: p.code,
    description: p.description,
    unit: unitName(units, p.unitId),
    active: p.active,
    groupCode: p.groupId === undefined ? undefined : groups?.get(p.groupId),
    priceExcl: p.priceExcl,
    priceIncl: p.priceIncl,
    purchasePriceExcl: p.purchasePriceExcl,
    vatCode: p.vat,
    ledgerCode: p.ledgerId === undefined ? undefined : ledgers.get(p.ledgerId)?.code,
  });
}
