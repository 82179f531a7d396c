/**
 * zod schemas of parsed SOAP results (every leaf a string, as xml.ts parses them) and their
 * mapping to domain records. Element names and casing are the WSDL's. Relations, products, ledgers
 * and administrations here; mutations, open items and invoices in wire-*.ts, exported from here too.
 */
import { z } from 'zod';
import { compact, optionalText, optionalWireDate } from '../validate';
import type { Administration, LedgerAccount, Product, ProductListItem, Relation, RelationListItem } from '../types';
import { boolean, long, number, optionalLong, optionalNumber, requiredText, textOrEmpty } from './wire-leaves';

export { mutatieSchema, openPostSchema, toMutation, toOpenItem } from './wire-mutations';
export { factuurSchema, toInvoice } from './wire-invoices';

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
