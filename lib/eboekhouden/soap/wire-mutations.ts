/** SOAP mutations (cMutatieList) and open items (cOpenPost): schemas and mapping to domain records. */
import { z } from 'zod';
import { compact, optionalText, wireDate } from '../validate';
import {
  MUTATION_TYPE_NAMES,
  type Mutation,
  type MutationLine,
  type MutationType,
  type OpenItem,
  type OpenItemSide,
} from '../types';
import { list, long, number, optionalLong, optionalNumber, textOrEmpty } from './wire-leaves';

const SOORT_TO_TYPE = new Map<string, MutationType>(
  Object.entries(MUTATION_TYPE_NAMES).map(([type, name]) => [name, Number(type) as MutationType]),
);

const mutatieRegelSchema = z.object({
  BedragInvoer: number,
  BedragExclBTW: optionalNumber,
  BedragBTW: optionalNumber,
  BedragInclBTW: optionalNumber,
  BTWCode: textOrEmpty,
  BTWPercentage: optionalNumber,
  Factuurnummer: optionalText,
  TegenrekeningCode: textOrEmpty,
  KostenplaatsID: optionalLong,
});

export const mutatieSchema = z.object({
  MutatieNr: long,
  Soort: z
    .string()
    .trim()
    .refine((s) => SOORT_TO_TYPE.has(s), 'expected a mutation type such as FactuurVerstuurd')
    .transform((s) => SOORT_TO_TYPE.get(s)!),
  Datum: wireDate,
  Rekening: textOrEmpty,
  RelatieCode: optionalText,
  Factuurnummer: optionalText,
  Boekstuk: optionalText,
  Omschrijving: optionalText,
  // a string in cMutatieList ("14"); anything not a whole number is left out
  Betalingstermijn: optionalText.transform((v) => (v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : undefined)),
  InExBTW: optionalText.transform((v) => v?.toUpperCase()).pipe(z.enum(['IN', 'EX'], 'expected IN or EX').optional()),
  MutatieRegels: list('cMutatieListRegel', mutatieRegelSchema),
});

function toMutationLine(l: z.output<typeof mutatieRegelSchema>): MutationLine {
  return compact({
    ledgerCode: l.TegenrekeningCode,
    vatCode: l.BTWCode,
    amount: l.BedragInvoer,
    amountExcl: l.BedragExclBTW,
    vatAmount: l.BedragBTW,
    amountIncl: l.BedragInclBTW,
    vatPercentage: l.BTWPercentage,
    invoiceNumber: l.Factuurnummer,
    description: undefined,
    costCenterId: l.KostenplaatsID || undefined,
  });
}

export function toMutation(m: z.output<typeof mutatieSchema>): Mutation {
  const lines = m.MutatieRegels.map(toMutationLine);
  // the mutation's total incl. VAT, as REST list rows carry it
  const amount = lines.length
    ? Math.round(lines.reduce((sum, l) => sum + (l.amountIncl ?? l.amount), 0) * 100) / 100
    : undefined;
  return compact({
    id: m.MutatieNr,
    type: m.Soort,
    date: m.Datum,
    ledgerCode: m.Rekening,
    relationCode: m.RelatieCode,
    invoiceNumber: m.Factuurnummer,
    entryNumber: m.Boekstuk,
    description: m.Omschrijving,
    termOfPayment: m.Betalingstermijn,
    inExVat: m.InExBTW,
    amount,
    lines,
  });
}

export const openPostSchema = z.object({
  MutDatum: wireDate,
  MutFactuur: textOrEmpty,
  RelCode: textOrEmpty,
  RelBedrijf: textOrEmpty,
  Bedrag: number,
  Voldaan: number,
  Openstaand: number,
});

export function toOpenItem(side: OpenItemSide) {
  return (o: z.output<typeof openPostSchema>): OpenItem => ({
    side,
    date: o.MutDatum,
    invoiceNumber: o.MutFactuur,
    relationCode: o.RelCode,
    relationName: o.RelBedrijf,
    total: o.Bedrag,
    paid: o.Voldaan,
    outstanding: o.Openstaand,
  });
}
