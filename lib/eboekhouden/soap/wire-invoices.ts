/** SOAP invoices (cFactuurList): schema and mapping to the domain invoice. */
import { z } from 'zod';
import { compact, optionalText, wireDate } from '../validate';
import { type Invoice, type InvoiceLine } from '../types';
import { list, number, optionalLong, optionalNumber, requiredText, textOrEmpty } from './wire-leaves';

const factuurRegelSchema = z.object({
  Aantal: number,
  Eenheid: optionalText,
  Code: textOrEmpty,
  Omschrijving: textOrEmpty,
  PrijsPerEenheid: number,
  BTWCode: textOrEmpty,
  TegenrekeningCode: textOrEmpty,
  KostenplaatsID: optionalLong,
});

export const factuurSchema = z.object({
  Factuurnummer: requiredText,
  // untyped (anyType) in the WSDL; .NET may send xsi:type="xsd:string", which the parser drops
  Relatiecode: textOrEmpty,
  Datum: wireDate,
  Betalingstermijn: optionalLong,
  TotaalExclBTW: number,
  TotaalBTW: number,
  TotaalInclBTW: number,
  TotaalOpenstaand: optionalNumber,
  URLPDFBestand: optionalText,
  Regels: list('cFactuurRegel', factuurRegelSchema),
});

function toInvoiceLine(r: z.output<typeof factuurRegelSchema>): InvoiceLine {
  return compact({
    code: r.Code,
    description: r.Omschrijving,
    quantity: r.Aantal,
    unit: r.Eenheid,
    pricePerUnit: r.PrijsPerEenheid,
    vatCode: r.BTWCode,
    ledgerCode: r.TegenrekeningCode,
    costCenterId: r.KostenplaatsID || undefined,
  });
}

export function toInvoice(f: z.output<typeof factuurSchema>): Invoice {
  return compact({
    number: f.Factuurnummer,
    relationCode: f.Relatiecode,
    date: f.Datum,
    termOfPayment: f.Betalingstermijn,
    totalExcl: f.TotaalExclBTW,
    totalVat: f.TotaalBTW,
    totalIncl: f.TotaalInclBTW,
    outstanding: f.TotaalOpenstaand,
    pdfUrl: f.URLPDFBestand,
    lines: f.Regels.map(toInvoiceLine),
  });
}
