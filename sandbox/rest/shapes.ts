/**
 * REST v1 answers: the shape of each record in lists and details, with openapi-v1.json's field names
 * (a detail has exactly the document's fields; a list item only keys of the document's example).
 */
import {
  lineAmount,
  makeRow,
  sumRows,
  type SbInvoice,
  type SbLedger,
  type SbMutation,
  type SbOpenItem,
  type SbProduct,
  type SbRelation,
  type Store,
} from '../store';

export function relationListItem(r: SbRelation) {
  return { id: r.id, type: r.type, code: r.code };
}

/** A list item with every field of the document's list example: the detail without date and the deprecated flag. */
export function relationFullListItem(r: SbRelation) {
  const { date: _date, isClubOrAssociationMember: _member, ...rest } = relationDetail(r);
  return rest;
}

export function relationDetail(r: SbRelation) {
  const free: Record<string, string> = {};
  const freeText = Array.isArray(r.freeText) ? r.freeText : [];
  for (let i = 0; i < 10; i++) free[`freeText${i + 1}`] = freeText[i] ?? '';
  return {
    id: r.id,
    type: r.type,
    code: r.code,
    date: r.date,
    name: r.name,
    salutation: r.salutation,
    contact: r.contact,
    ...(r.gender ? { gender: r.gender } : {}),
    address: r.address,
    postalCode: r.postalCode,
    city: r.city,
    country: r.country,
    address2: r.address2,
    postalCode2: r.postalCode2,
    city2: r.city2,
    country2: r.country2,
    phoneNumber: r.phoneNumber,
    mobilePhoneNumber: r.mobilePhoneNumber,
    faxNumber: r.faxNumber,
    emailAddress: r.emailAddress,
    emailAddressInvoice: r.emailAddressInvoice ?? '',
    emailAddressReminder: r.emailAddressReminder ?? '',
    website: r.website,
    note: r.note,
    vatNumber: r.vatNumber,
    inactive: r.inactive,
    termOfPayment: r.termOfPayment,
    companyRegistrationNumber: r.companyRegistrationNumber,
    iban: r.iban,
    bic: r.bic,
    ...free,
    isClubOrAssociationMember: 0,
    // An integer when read, a boolean when written (an open point of the document).
    doNotReceiveNewsletters: r.doNotReceiveNewsletters ? 1 : 0,
    ledgerId: r.ledgerId,
    mandate: r.mandate ?? false,
    ...(r.mandateType ? { mandateType: r.mandateType } : {}),
    mandateId: r.mandateId ?? '',
    mandateSignedDate: r.mandateSignedDate || null,
  };
}

export function ledgerItem(l: SbLedger) {
  return { id: l.id, code: l.code, description: l.description, category: l.category, group: l.group };
}

export function productListItem(p: SbProduct) {
  return { id: p.id, code: p.code, description: p.description, unitId: p.unitId, active: p.active };
}

export function productDetail(p: SbProduct) {
  return {
    id: p.id,
    code: p.code,
    description: p.description,
    unitId: p.unitId,
    active: p.active,
    groupId: p.groupId,
    purchasePriceExcl: p.purchasePriceExcl,
    priceExcl: p.priceExcl,
    priceIncl: p.priceIncl,
    vat: p.vat,
    ledgerId: p.ledgerId,
    costCenterId: p.costCenterId,
    inStockManagement: false,
  };
}

/** Where the invoice's PDF is: the sandbox serves a small one under its control API. */
export function pdfUrl(origin: string, i: SbInvoice): string {
  return `${origin}/__sandbox/invoice/${i.id}/pdf`;
}

/** The fields of the document's list example (`Print` included, which the detail does not have). */
export function invoiceListItem(origin: string) {
  return (i: SbInvoice) => ({
    id: i.id,
    invoiceNumber: i.invoiceNumber,
    relationId: i.relationId,
    date: i.date,
    reference: i.reference,
    text: i.text,
    urlPdfFile: pdfUrl(origin, i),
    totalExcl: i.totalExcl,
    totalAmount: i.totalAmount,
    vatAmount: i.vatAmount,
    termOfPayment: i.termOfPayment,
    templateId: i.templateId,
    print: false,
  });
}

/** Exactly the document's `Invoice`. */
export function invoiceDetail(store: Store, origin: string, i: SbInvoice) {
  return {
    id: i.id,
    invoiceNumber: i.invoiceNumber,
    relationId: i.relationId,
    date: i.date,
    reference: i.reference,
    text: i.text,
    termOfPayment: i.termOfPayment,
    inExVat: i.inExVat,
    templateId: i.templateId,
    emailTemplateId: i.emailTemplateId ?? 0,
    totalExcl: i.totalExcl,
    totalAmount: i.totalAmount,
    vatAmount: i.vatAmount,
    urlPdfFile: pdfUrl(origin, i),
    items: (Array.isArray(i.items) ? i.items : []).map((item) => ({
      quantity: item.quantity,
      unitId: unitIdOf(store, item.unit),
      code: item.code,
      productId: item.productId,
      description: item.description,
      pricePerUnit: item.pricePerUnit,
      vatCode: item.vatCode,
      vatAmount: makeRow({ ledgerId: 0, vatCode: item.vatCode, amount: lineAmount(item), inExVat: i.inExVat })
        .vatAmount,
      ledgerId: item.ledgerId,
      costCenterId: item.costCenterId,
      discountAmount: item.discountAmount ?? null,
      discountPercentage: item.discountPercentage ?? null,
    })),
  };
}

export function unitIdOf(store: Store, singular: string): number {
  if (!singular) return 0;
  for (const u of store.units.values()) if (u.singular === singular) return u.id;
  return 0;
}

export function mutationTotal(m: SbMutation): number {
  return Array.isArray(m.rows) ? sumRows(m.rows).incl : 0;
}

/** The id REST shows: 0 for the opening balance (live lists), the MutatieNr otherwise. */
export function restMutationId(store: Store, m: SbMutation): number {
  return m.id === store.openingBalanceId() ? 0 : m.id;
}

export function mutationListItem(store: Store) {
  return (m: SbMutation) => ({ ...mutationListFields(m), id: restMutationId(store, m) });
}

export function mutationListFields(m: SbMutation) {
  return {
    id: m.id,
    type: m.type,
    date: m.date,
    invoiceNumber: m.invoiceNumber,
    ledgerId: m.ledgerId,
    amount: mutationTotal(m),
    entryNumber: m.entryNumber,
  };
}

export function mutationDetail(m: SbMutation) {
  const rows = Array.isArray(m.rows) ? m.rows : [];
  const vat = new Map<string, number>();
  for (const r of rows)
    if (r.vatAmount) vat.set(r.vatCode, Math.round(((vat.get(r.vatCode) ?? 0) + r.vatAmount) * 100) / 100);
  return {
    id: m.id,
    type: m.type,
    date: m.date,
    description: m.description,
    termOfPayment: m.termOfPayment,
    ledgerId: m.ledgerId,
    relationId: m.relationId,
    inExVat: m.inExVat,
    invoiceNumber: m.invoiceNumber,
    entryNumber: m.entryNumber,
    rows: rows.map((r) => ({
      ledgerId: r.ledgerId,
      vatCode: r.vatCode,
      vatAmount: r.vatAmount,
      costCenterId: r.costCenterId,
      amount: r.amount,
      description: r.description,
      invoiceNumber: r.invoiceNumber,
      relationId: r.relationId,
    })),
    vat: [...vat].map(([vatCode, amount]) => ({ vatCode, amount })),
  };
}

export function openItem(o: SbOpenItem) {
  return {
    date: o.date,
    mutationId: o.mutationId,
    invoiceNumber: o.invoiceNumber,
    relationId: o.relationId,
    relationCode: o.relationCode,
    company: o.company,
    totalAmount: o.totalAmount,
    paidAmount: o.paidAmount,
    outstandingAmount: o.outstandingAmount,
  };
}
