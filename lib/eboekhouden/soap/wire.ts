/**
 * zod schemas of parsed SOAP results (every leaf a string, as xml.ts parses them) and their
 * mapping to domain records. Element names and casing are the WSDL's.
 */
import { z } from 'zod';
import { listItems } from './xml';
import { compact, optionalText, optionalWireDate, wireDate } from '../validate';
import {
  MUTATION_TYPE_NAMES,
  type Administration,
  type Invoice,
  type InvoiceLine,
  type LedgerAccount,
  type Mutation,
  type MutationLine,
  type MutationType,
  type OpenItem,
  type OpenItemSide,
  type Product,
  type ProductListItem,
  type Relation,
  type RelationListItem,
} from '../types';

// ── leaves ────────────────────────────────────────────────────────────────────

/** xs:long. */
const long = z
  .string()
  .trim()
  .regex(/^-?\d+$/, 'expected a whole number')
  .transform(Number);
/** xs:long that may be absent or empty. */
const optionalLong = z
  .union([z.literal(''), long])
  .optional()
  .transform((v) => (v === '' ? undefined : v));

/** xs:decimal / xs:double ("1234.5", "-0.25", "1E-05"). */
const number = z
  .string()
  .trim()
  .min(1, 'expected a number')
  .transform((v, ctx) => {
    const n = Number(v);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: 'expected a number' });
      return z.NEVER;
    }
    return n;
  });
const optionalNumber = z
  .union([z.literal(''), number])
  .optional()
  .transform((v) => (v === '' ? undefined : v));

/** xs:boolean: true/false/1/0; absent or empty means the default. */
const boolean = (fallback: boolean) =>
  z
    .union([z.literal(''), z.enum(['true', 'false', '1', '0', 'True', 'False'])])
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : v === 'true' || v === 'True' || v === '1'));

/** Text that must be there. */
const requiredText = z.string().trim().min(1, 'is empty');
/** Text that may be absent or empty, as ''. */
const textOrEmpty = optionalText.transform((v) => v ?? '');

/** An ArrayOfX wrapper: absent, empty, one item or many → the items, each validated by `item`. */
function list<T extends z.ZodType>(itemName: string, item: T) {
  return z.preprocess((w) => listItems(w, itemName) ?? w, z.array(item));
}

// ── envelope parts ────────────────────────────────────────────────────────────

/** cError: both fields present and empty on success. `<ErrorMsg/>` and an absent one mean no error. */
export const errorMsgSchema = z
  .union([z.literal(''), z.object({ LastErrorCode: optionalText, LastErrorDescription: optionalText })])
  .optional()
  .transform((v) =>
    v === undefined || v === ''
      ? { code: undefined, description: undefined }
      : { code: v.LastErrorCode, description: v.LastErrorDescription },
  );

export const openSessionResultSchema = z.object({ SessionID: requiredText });
export const addRelatieResultSchema = z.object({ Rel_ID: long.refine((n) => n > 0, 'expected the new relation id') });
export const addFactuurResultSchema = z.object({ Factuurnummer: requiredText });

// ── records ───────────────────────────────────────────────────────────────────

export const relatieSchema = z.object({
  ID: long,
  AddDatum: optionalWireDate,
  Code: requiredText,
  Bedrijf: textOrEmpty,
  Contactpersoon: optionalText,
  Adres: optionalText,
  Postcode: optionalText,
  Plaats: optionalText,
  Land: optionalText,
  Telefoon: optionalText,
  GSM: optionalText,
  Email: optionalText,
  BTWNummer: optionalText,
  KvkNummer: optionalText,
  IBAN: optionalText,
  // B = business, P = private; an empty one is a business, as e-Boekhouden's own default.
  BP: z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim().toUpperCase() || 'B')
    .pipe(z.enum(['B', 'P'], 'expected B or P')),
});

export function toRelation(r: z.output<typeof relatieSchema>): Relation {
  return compact({
    id: r.ID,
    code: r.Code,
    type: r.BP,
    name: r.Bedrijf,
    contact: r.Contactpersoon,
    email: r.Email,
    phone: r.Telefoon ?? r.GSM,
    address: r.Adres,
    postalCode: r.Postcode,
    city: r.Plaats,
    country: r.Land,
    vatNumber: r.BTWNummer,
    cocNumber: r.KvkNummer,
    iban: r.IBAN,
    // cRelatie has no inactive flag
    inactive: false,
    addedOn: r.AddDatum,
  });
}

export function toRelationListItem(r: z.output<typeof relatieSchema>): RelationListItem {
  const relation = toRelation(r);
  return { id: relation.id, code: relation.code, type: relation.type, relation };
}

export const artikelSchema = z.object({
  ArtikelID: long,
  ArtikelOmschrijving: textOrEmpty,
  ArtikelCode: requiredText,
  GroepOmschrijving: optionalText,
  GroepCode: optionalText,
  Eenheid: textOrEmpty,
  InkoopprijsExclBTW: optionalNumber,
  VerkoopprijsExclBTW: optionalNumber,
  VerkoopprijsInclBTW: optionalNumber,
  BTWCode: optionalText,
  TegenrekeningCode: optionalText,
  BtwPercentage: optionalNumber,
  KostenplaatsID: optionalLong,
  Actief: boolean(true),
});

export function toProduct(a: z.output<typeof artikelSchema>): Product {
  return compact({
    id: a.ArtikelID,
    code: a.ArtikelCode,
    description: a.ArtikelOmschrijving,
    unit: a.Eenheid,
    active: a.Actief,
    groupCode: a.GroepCode,
    priceExcl: a.VerkoopprijsExclBTW,
    priceIncl: a.VerkoopprijsInclBTW,
    purchasePriceExcl: a.InkoopprijsExclBTW,
    vatCode: a.BTWCode,
    ledgerCode: a.TegenrekeningCode,
  });
}

export function toProductListItem(a: z.output<typeof artikelSchema>): ProductListItem {
  const product = toProduct(a);
  return {
    id: product.id,
    code: product.code,
    description: product.description,
    unit: product.unit,
    active: product.active,
    product,
  };
}

export const grootboekrekeningSchema = z.object({
  ID: long,
  Code: requiredText,
  Omschrijving: textOrEmpty,
  Categorie: textOrEmpty,
  Groep: optionalText,
});

/** GetSaldi's cSaldo: ID, Code, Categorie, Saldo (xs:double). */
export const saldoSchema = z.object({
  ID: long,
  Code: requiredText,
  Categorie: textOrEmpty,
  Saldo: number,
});

export function toLedgerAccount(g: z.output<typeof grootboekrekeningSchema>): LedgerAccount {
  return compact({ id: g.ID, code: g.Code, description: g.Omschrijving, category: g.Categorie, group: g.Groep });
}

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

export const administratieSchema = z.object({
  Bedrijf: textOrEmpty,
  Plaats: optionalText,
  Guid: requiredText,
  StartBoekjaar: optionalText,
});

export function toAdministration(a: z.output<typeof administratieSchema>): Administration {
  return compact({ guid: a.Guid, company: a.Bedrijf, city: a.Plaats, startYear: a.StartBoekjaar });
}

/** Identifies a raw SOAP record for a rejection note. */
export function identifySoap(raw: unknown): { id?: number; code?: string } {
  if (!raw || typeof raw !== 'object') return {};
  const r = raw as Record<string, unknown>;
  const idText = [r.ID, r.ArtikelID, r.MutatieNr].find((v) => typeof v === 'string' && /^\d+$/.test(v)) as
    string | undefined;
  const codeText = [r.Code, r.ArtikelCode, r.Factuurnummer, r.MutFactuur, r.Guid].find(
    (v) => typeof v === 'string' && v !== '',
  ) as string | undefined;
  return {
    ...(idText !== undefined ? { id: Number(idText) } : {}),
    ...(codeText !== undefined ? { code: codeText } : {}),
  };
}
