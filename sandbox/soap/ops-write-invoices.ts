/** AddFactuur, validated with e-Boekhouden's own codes (SOAP.md §5). */
import type { SbInvoiceItem } from '../store';
import { isKnownVatCode, PURCHASE_VAT_CODES } from '../store';
import { defineOperation, SoapError } from './operation';
import { inYearRange, normalizeVatCode } from './ops-write-rules';
import { el, type Fields } from './xml';

// ---------------------------------------------------------------- invoices

function readInvoice(f: Fields | undefined) {
  if (!f) return undefined;
  return {
    number: f.str('Factuurnummer').trim(),
    relationCode: f.str('Relatiecode').trim(),
    date: f.date('Datum'),
    hasTerm: f.has('Betalingstermijn'),
    term: f.long('Betalingstermijn'),
    template: f.str('Factuursjabloon').trim(),
    email: f.bool('PerEmailVerzenden'),
    emailSubject: f.str('EmailOnderwerp'),
    emailBody: f.str('EmailBericht'),
    emailFrom: f.str('EmailVanAdres'),
    emailFromName: f.str('EmailVanNaam'),
    directDebit: f.bool('AutomatischeIncasso'),
    debitIban: f.str('IncassoIBAN'),
    mandateType: f.str('IncassoMachtigingSoort'),
    mandateId: f.str('IncassoMachtigingID'),
    mandateSigned: f.date('IncassoMachtigingDatumOndertekening'),
    mandateFirst: f.bool('IncassoMachtigingFirst'),
    debitAccount: f.str('IncassoRekeningNummer'),
    debitName: f.str('IncassoTnv'),
    debitCity: f.str('IncassoPlaats'),
    debitLine1: f.str('IncassoOmschrijvingRegel1'),
    debitLine2: f.str('IncassoOmschrijvingRegel2'),
    debitLine3: f.str('IncassoOmschrijvingRegel3'),
    book: f.bool('InBoekhoudingPlaatsen'),
    bookDescription: f.str('BoekhoudmutatieOmschrijving'),
    lines: f.items('Regels', 'cFactuurRegel').map((r) => ({
      quantity: r.double('Aantal'),
      unit: r.str('Eenheid'),
      code: r.str('Code').trim(),
      description: r.str('Omschrijving'),
      price: r.double('PrijsPerEenheid'),
      vatCode: r.str('BTWCode'),
      counterAccount: r.str('TegenrekeningCode').trim(),
      costCenterId: r.long('KostenplaatsID'),
    })),
  };
}

const blank = (s: string) => !s.trim();

export const addFactuur = defineOperation({
  name: 'AddFactuur',
  write: true,
  session: true,
  shape: { kind: 'result', defaults: [el('Factuurnummer', '')] },
  read: (f) => ({ fact: readInvoice(f.child('oFact')) }),
  run(req, { ctx }) {
    const { store } = ctx;
    const inv = req.fact;
    if (!inv || !inv.relationCode) throw new SoapError('CFACT024', 'Relatiecode is required');
    const relation = store.relationByCode(inv.relationCode);
    if (!relation) throw new SoapError('CFACT025', `Relation ${inv.relationCode} does not exist`);
    if (!inYearRange(inv.date)) throw new SoapError('CFACT004', 'Datum is missing or not between 1980 and 2049');
    if (!inv.hasTerm || inv.term < 0) throw new SoapError('CFACT014', 'Betalingstermijn is required');
    if (!inv.template) throw new SoapError('CFACT027', 'No Factuursjabloon chosen');
    const template = store.templateByName(inv.template);
    if (!template) throw new SoapError('CFACT028', `Factuursjabloon ${inv.template} does not exist`);
    if (inv.number && store.invoiceByNumber(inv.number))
      throw new SoapError('CFACT026', `Factuurnummer ${inv.number} is not available`);
    // CFACT029–036 follow the order of SOAP.md §4's conditional fields [I].
    if (inv.email) {
      if (blank(inv.emailBody)) throw new SoapError('CFACT029', 'EmailBericht is required when PerEmailVerzenden');
      if (blank(inv.emailFrom)) throw new SoapError('CFACT030', 'EmailVanAdres is required when PerEmailVerzenden');
      if (blank(inv.emailSubject)) throw new SoapError('CFACT031', 'EmailOnderwerp is required when PerEmailVerzenden');
    }
    if (inv.book && blank(inv.bookDescription))
      throw new SoapError('CFACT032', 'BoekhoudmutatieOmschrijving is required when InBoekhoudingPlaatsen');
    if (inv.directDebit) {
      if (blank(inv.debitAccount))
        throw new SoapError('CFACT033', 'IncassoRekeningNummer is required when AutomatischeIncasso');
      if (blank(inv.debitName)) throw new SoapError('CFACT034', 'IncassoTnv is required when AutomatischeIncasso');
      if (blank(inv.debitCity)) throw new SoapError('CFACT035', 'IncassoPlaats is required when AutomatischeIncasso');
      if (blank(inv.debitLine1))
        throw new SoapError('CFACT036', 'IncassoOmschrijvingRegel1 is required when AutomatischeIncasso');
    }
    if (inv.lines.length < 1 || inv.lines.length > 100)
      throw new SoapError('CFACT006', 'An invoice needs 1 to 100 lines');

    const productsByCode = new Map<string, number>();
    for (const p of store.products.values()) productsByCode.set(p.code, p.id);
    const items: SbInvoiceItem[] = inv.lines.map((line, i) => {
      const n = i + 1;
      if (!line.code) throw new SoapError('CFACT037', `Code is missing on line ${n}`);
      if (blank(line.vatCode)) throw new SoapError('CFACT038', `BTWCode is missing on line ${n}`);
      if (blank(line.description)) throw new SoapError('CFACT039', `Omschrijving is missing on line ${n}`);
      if (!line.counterAccount) throw new SoapError('CFACT040', `TegenrekeningCode is missing on line ${n}`);
      const vatCode = normalizeVatCode(line.vatCode);
      if (!isKnownVatCode(vatCode) || PURCHASE_VAT_CODES.has(vatCode))
        throw new SoapError('CFACT042', `BTWCode ${line.vatCode} on line ${n} is invalid`);
      const ledger = store.ledgerByCode(line.counterAccount);
      if (!ledger)
        throw new SoapError('CMUT012', `TegenrekeningCode ${line.counterAccount} on line ${n} does not exist`);
      if (line.costCenterId && !store.costCenters.has(line.costCenterId))
        throw new SoapError('CFACT212', `Kostenplaats on line ${n} does not exist`);
      return {
        description: line.description,
        code: line.code,
        quantity: line.quantity,
        unit: line.unit,
        pricePerUnit: line.price,
        vatCode,
        vatPercentage: store.vatPercentage(vatCode),
        ledgerId: ledger.id,
        costCenterId: line.costCenterId,
        productId: productsByCode.get(line.code) ?? 0,
      };
    });

    // PrijsPerEenheid is excl. VAT [I] (SOAP.md §4).
    const invoice = store.addInvoice(
      {
        invoiceNumber: inv.number,
        relationId: relation.id,
        date: inv.date,
        termOfPayment: inv.term,
        templateId: template.id,
        inExVat: 'EX',
        reference: '',
        text: '',
        items,
        createdVia: 'soap',
      },
      { book: inv.book, description: inv.bookDescription },
    );
    return [el('Factuurnummer', invoice.invoiceNumber)];
  },
});
