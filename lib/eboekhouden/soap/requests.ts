/** What the SOAP transport sends: filters, and new relations and invoices as WSDL elements in order. */
import { MAX_SOAP_INVOICE_LINES, newInvoiceSchema, type NewInvoice, type NewRelation } from '../types';
import { bool, decimal2, long, quantity, type XmlFields } from './xml';

/** "All dates" for filters whose dates are required (e-Boekhouden accepts 1980–2049). */
export const ALL_DATES = { from: '1980-01-01', to: '2049-12-31' } as const;

export const relationFilter = (filter: { code?: string; id?: number }): XmlFields => [
  [
    'cFilter',
    [
      ['Trefwoord', ''],
      ['Code', filter.code ?? ''],
      ['ID', long(filter.id ?? 0)],
    ],
  ],
];

export const productFilter = (id = 0): XmlFields => [
  [
    'cFilter',
    [
      ['ArtikelID', long(id)],
      ['ArtikelOmschrijving', ''],
      ['ArtikelCode', ''],
      ['GroepOmschrijving', ''],
      ['GroepCode', ''],
    ],
  ],
];

/** AddFactuur takes 1–100 lines (CFACT006); REST takes up to 500. */
export const soapInvoiceSchema = newInvoiceSchema.extend({
  lines: newInvoiceSchema.shape.lines
    .max(MAX_SOAP_INVOICE_LINES, `an invoice has at most ${MAX_SOAP_INVOICE_LINES} lines with security codes`)
    // cFactuurRegel has no discount element: sending the line without it would bill the full price.
    .refine(
      (lines) => lines.every((l) => l.discountAmount === undefined && l.discountPercentage === undefined),
      'AddFactuur has no discount field: a discounted line needs the API token connection',
    ),
});

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** cRelatie for AddRelatie: every element, in WSDL order; unused numbers 0. */
export function relationFields(r: NewRelation, addedOn: string): XmlFields {
  const s = (v: string | undefined) => v ?? '';
  return [
    ['ID', '0'],
    ['AddDatum', addedOn],
    ['Code', r.code],
    ['Bedrijf', r.name],
    ['Contactpersoon', s(r.contact)],
    ['Geslacht', ''],
    ['Adres', s(r.address)],
    ['Postcode', s(r.postalCode)],
    ['Plaats', s(r.city)],
    ['Land', s(r.country)],
    ['Adres2', ''],
    ['Postcode2', ''],
    ['Plaats2', ''],
    ['Land2', ''],
    ['Telefoon', s(r.phone)],
    ['GSM', ''],
    ['FAX', ''],
    ['Email', s(r.email)],
    ['Site', ''],
    ['Notitie', ''],
    ['Bankrekening', ''],
    ['Girorekening', ''],
    ['BTWNummer', s(r.vatNumber)],
    ['KvkNummer', s(r.cocNumber)],
    ['Aanhef', ''],
    ['IBAN', s(r.iban)],
    ['BIC', ''],
    ['BP', r.type],
    ...Array.from({ length: 10 }, (_, i) => [`Def${i + 1}`, ''] as const),
    ['LA', '0'],
    ['Gb_ID', '0'],
    ['GeenEmail', '0'],
    ['NieuwsbriefgroepenCount', '0'],
  ];
}

/** cFactuur for AddFactuur: every element, in WSDL order. */
export function invoiceFields(invoice: NewInvoice): XmlFields {
  const email = invoice.email;
  const book = invoice.bookInAccounts;
  return [
    ['Factuurnummer', invoice.number],
    ['Relatiecode', invoice.relationCode],
    ['Datum', invoice.date],
    ['Betalingstermijn', long(invoice.termOfPayment)],
    ['Factuursjabloon', invoice.template],
    ['PerEmailVerzenden', bool(email !== undefined)],
    ['EmailOnderwerp', email?.subject ?? ''],
    ['EmailBericht', email?.body ?? ''],
    ['EmailVanAdres', email?.fromAddress ?? ''],
    ['EmailVanNaam', email?.fromName ?? ''],
    ['AutomatischeIncasso', 'false'],
    ['IncassoIBAN', ''],
    ['IncassoMachtigingSoort', ''],
    ['IncassoMachtigingID', ''],
    // a required dateTime even without direct debit; the invoice date is a harmless value
    ['IncassoMachtigingDatumOndertekening', invoice.date],
    ['IncassoMachtigingFirst', 'false'],
    ['IncassoRekeningNummer', ''],
    ['IncassoTnv', ''],
    ['IncassoPlaats', ''],
    ['IncassoOmschrijvingRegel1', ''],
    ['IncassoOmschrijvingRegel2', ''],
    ['IncassoOmschrijvingRegel3', ''],
    ['InBoekhoudingPlaatsen', bool(book)],
    // required when booking (CFACT030); the invoice number is what a bookkeeper looks for
    [
      'BoekhoudmutatieOmschrijving',
      book ? invoice.bookingDescription || `Factuur ${invoice.number}`.trim() : (invoice.bookingDescription ?? ''),
    ],
    [
      'Regels',
      invoice.lines.map(
        (line) =>
          [
            'cFactuurRegel',
            [
              ['Aantal', quantity(line.quantity)],
              ['Eenheid', line.unit ?? ''],
              ['Code', line.code],
              ['Omschrijving', line.description],
              ['PrijsPerEenheid', decimal2(line.pricePerUnit)],
              ['BTWCode', line.vatCode],
              ['TegenrekeningCode', line.ledgerCode],
              ['KostenplaatsID', long(line.costCenterId ?? 0)],
            ],
          ] as const,
      ),
    ],
  ];
}
