/**
 * Store records as SOAP records: element names, casing and order from soap.wsdl
 * (cRelatie, cArtikel, cGrootboekrekening, cKostenplaats, cMutatieList, cOpenPost,
 * cFactuurList, cSaldo, cAdministratie). The WSDL contract test checks every one.
 */
import type { SandboxConfig } from '../config';
import type {
  SbAdministration,
  SbCostCenter,
  SbInvoice,
  SbLedger,
  SbMutation,
  SbOpenItem,
  SbProduct,
  SbRelation,
  Store,
} from '../store';
import { el, formatDateTime, type ENode } from './xml';

/** Soort by mutation type 0–7 (enMutatieSoorten, in the WSDL's order). */
export const MUTATION_SOORTEN = [
  'OpeningsSaldo',
  'FactuurOntvangen',
  'FactuurVerstuurd',
  'FactuurbetalingOntvangen',
  'FactuurbetalingVerstuurd',
  'GeldOntvangen',
  'GeldUitgegeven',
  'Memoriaal',
] as const;

/** An ArrayOfX: left out or rendered empty when there are no items, per `soapEmptyList`. */
export function list(name: string, items: ENode[], config: SandboxConfig): ENode[] {
  if (items.length === 0 && config.soapEmptyList === 'absent') return [];
  return [el(name, items)];
}

export function errorMsg(code = '', description = ''): ENode {
  return el('ErrorMsg', [el('LastErrorCode', code), el('LastErrorDescription', description)]);
}

export function relationRecord(r: SbRelation): ENode {
  return el('cRelatie', [
    el('ID', r.id),
    el('AddDatum', formatDateTime(r.date)),
    el('Code', r.code),
    el('Bedrijf', r.name),
    el('Contactpersoon', r.contact),
    el('Geslacht', r.gender),
    el('Adres', r.address),
    el('Postcode', r.postalCode),
    el('Plaats', r.city),
    el('Land', r.country),
    el('Adres2', r.address2),
    el('Postcode2', r.postalCode2),
    el('Plaats2', r.city2),
    el('Land2', r.country2),
    el('Telefoon', r.phoneNumber),
    el('GSM', r.mobilePhoneNumber),
    el('FAX', r.faxNumber),
    el('Email', r.emailAddress),
    el('Site', r.website),
    el('Notitie', r.note),
    el('Bankrekening', ''),
    el('Girorekening', ''),
    el('BTWNummer', r.vatNumber),
    el('KvkNummer', r.companyRegistrationNumber),
    el('Aanhef', r.salutation),
    el('IBAN', r.iban),
    el('BIC', r.bic),
    el('BP', r.type),
    ...Array.from({ length: 10 }, (_, i) => el(`Def${i + 1}`, r.freeText[i] ?? '')),
    el('LA', '0'),
    el('Gb_ID', r.ledgerId),
    el('GeenEmail', 0),
    el('NieuwsbriefgroepenCount', 0),
  ]);
}

export function productRecord(p: SbProduct, store: Store): ENode {
  const group = store.productGroups.get(p.groupId);
  const unit = store.units.get(p.unitId);
  return el('cArtikel', [
    el('ArtikelID', p.id),
    el('ArtikelOmschrijving', p.description),
    el('ArtikelCode', p.code),
    el('GroepOmschrijving', group?.description ?? ''),
    el('GroepCode', group?.code ?? ''),
    el('Eenheid', unit?.singular ?? ''),
    el('InkoopprijsExclBTW', p.purchasePriceExcl),
    el('VerkoopprijsExclBTW', p.priceExcl),
    el('VerkoopprijsInclBTW', p.priceIncl),
    el('BTWCode', p.vat),
    el('TegenrekeningCode', store.ledgers.get(p.ledgerId)?.code ?? ''),
    el('BtwPercentage', store.vatPercentage(p.vat)),
    el('KostenplaatsID', p.costCenterId),
    el('Actief', p.active),
  ]);
}

export function ledgerRecord(l: SbLedger): ENode {
  return el('cGrootboekrekening', [
    el('ID', l.id),
    el('Code', l.code),
    el('Omschrijving', l.description),
    el('Categorie', l.category),
    el('Groep', l.group),
  ]);
}

export function costCenterRecord(c: SbCostCenter): ENode {
  return el('cKostenplaats', [
    el('KostenplaatsId', c.id),
    el('Omschrijving', c.description),
    el('KostenplaatsParentId', c.parentId),
  ]);
}

export function mutationRecord(m: SbMutation, store: Store): ENode {
  const code = (ledgerId: number) => store.ledgers.get(ledgerId)?.code ?? '';
  return el('cMutatieList', [
    el('MutatieNr', m.id),
    el('Soort', MUTATION_SOORTEN[m.type]),
    el('Datum', formatDateTime(m.date)),
    el('Rekening', code(m.ledgerId)),
    el('RelatieCode', store.relations.get(m.relationId)?.code ?? ''),
    el('Factuurnummer', m.invoiceNumber),
    el('Boekstuk', m.entryNumber),
    el('Omschrijving', m.description),
    // A number of days: `0` where the record has 0, never empty (live).
    el('Betalingstermijn', String(m.termOfPayment ?? 0)),
    el('InExBTW', m.inExVat),
    el(
      'MutatieRegels',
      m.rows.map((r) =>
        el('cMutatieListRegel', [
          el('BedragInvoer', r.amount),
          el('BedragExclBTW', r.amountExcl),
          el('BedragBTW', r.vatAmount),
          el('BedragInclBTW', r.amountIncl),
          el('BTWCode', r.vatCode),
          el('BTWPercentage', r.vatPercentage),
          el('Factuurnummer', r.invoiceNumber || m.invoiceNumber),
          el('TegenrekeningCode', code(r.ledgerId)),
          el('KostenplaatsID', r.costCenterId),
        ]),
      ),
    ),
  ]);
}

export function openItemRecord(o: SbOpenItem): ENode {
  return el('cOpenPost', [
    el('MutDatum', formatDateTime(o.date)),
    el('MutFactuur', o.invoiceNumber),
    el('RelCode', o.relationCode),
    el('RelBedrijf', o.company),
    el('Bedrag', o.totalAmount),
    el('Voldaan', o.paidAmount),
    el('Openstaand', o.outstandingAmount),
  ]);
}

/** `outstanding`: what is still open on this invoice (0 when paid; the total when it was never booked). */
export function invoiceRecord(inv: SbInvoice, store: Store, outstanding: number): ENode {
  const relationCode = store.relations.get(inv.relationId)?.code ?? '';
  return el('cFactuurList', [
    el('Factuurnummer', inv.invoiceNumber),
    // Untyped (anyType) in the WSDL: .NET writes the runtime type next to the value.
    el('Relatiecode', relationCode, 'xsi:type="xsd:string"'),
    el('Datum', formatDateTime(inv.date)),
    el('Betalingstermijn', inv.termOfPayment),
    el('TotaalExclBTW', inv.totalExcl),
    el('TotaalBTW', inv.vatAmount),
    el('TotaalInclBTW', inv.totalAmount),
    el('TotaalOpenstaand', outstanding),
    el('URLPDFBestand', ''),
    el(
      'Regels',
      inv.items.map((item) =>
        el('cFactuurRegel', [
          el('Aantal', item.quantity),
          el('Eenheid', item.unit),
          el('Code', item.code),
          el('Omschrijving', item.description),
          el('PrijsPerEenheid', item.pricePerUnit),
          el('BTWCode', item.vatCode),
          el('TegenrekeningCode', store.ledgers.get(item.ledgerId)?.code ?? ''),
          el('KostenplaatsID', item.costCenterId),
        ]),
      ),
    ),
  ]);
}

export function balanceRecord(l: SbLedger, balance: number): ENode {
  return el('cSaldo', [el('ID', l.id), el('Code', l.code), el('Categorie', l.category), el('Saldo', balance)]);
}

export function administrationRecord(a: SbAdministration): ENode {
  return el('cAdministratie', [
    el('Bedrijf', a.company),
    el('Plaats', a.city),
    el('Guid', a.guid),
    el('StartBoekjaar', a.startYear),
  ]);
}
