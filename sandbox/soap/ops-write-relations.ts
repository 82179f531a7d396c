/** AddRelatie and UpdateRelatie, validated with e-Boekhouden's own codes (SOAP.md §5). */
import type { SandboxContext } from '../faults';
import type { SbRelation } from '../store';
import { blankRelation } from '../store';
import { defineOperation, SoapError } from './operation';
import { inYearRange } from './ops-write-rules';
import { el, type Fields } from './xml';

// ---------------------------------------------------------------- relations

/**
 * SOAP.md documents no relation error codes for SOAP; these are the sandbox's own [I],
 * shaped like the documented ones so a client treats them as validation errors.
 */
const REL = {
  codeMissing: ['CREL001', 'Code is required'],
  codeTaken: ['CREL002', 'Code already exists'],
  nameMissing: ['CREL003', 'Bedrijf is required'],
  typeInvalid: ['CREL004', 'BP must be B or P'],
  notFound: ['CREL005', 'Relation not found'],
  codeTooLong: ['CREL006', 'Code is too long (max 15)'],
} as const;

function fail([code, description]: readonly [string, string]): never {
  throw new SoapError(code, description);
}

function readRelation(r: Fields | undefined) {
  if (!r) return undefined;
  return {
    id: r.long('ID'),
    addDate: r.date('AddDatum'),
    code: r.str('Code').trim(),
    name: r.str('Bedrijf'),
    contact: r.str('Contactpersoon'),
    gender: r.str('Geslacht').trim(),
    address: r.str('Adres'),
    postalCode: r.str('Postcode'),
    city: r.str('Plaats'),
    country: r.str('Land'),
    address2: r.str('Adres2'),
    postalCode2: r.str('Postcode2'),
    city2: r.str('Plaats2'),
    country2: r.str('Land2'),
    phoneNumber: r.str('Telefoon'),
    mobilePhoneNumber: r.str('GSM'),
    faxNumber: r.str('FAX'),
    emailAddress: r.str('Email'),
    website: r.str('Site'),
    note: r.str('Notitie'),
    vatNumber: r.str('BTWNummer'),
    companyRegistrationNumber: r.str('KvkNummer'),
    salutation: r.str('Aanhef'),
    iban: r.str('IBAN'),
    bic: r.str('BIC'),
    type: r.str('BP').trim(),
    freeText: Array.from({ length: 10 }, (_, i) => r.str(`Def${i + 1}`)),
    la: r.str('LA'),
    ledgerId: r.long('Gb_ID'),
    noEmail: r.long('GeenEmail'),
    newsletterGroups: r.long('NieuwsbriefgroepenCount'),
  };
}
type RelationInput = NonNullable<ReturnType<typeof readRelation>>;

function validateRelation(ctx: SandboxContext, input: RelationInput | undefined, selfId: number): RelationInput {
  if (!input || !input.code) fail(REL.codeMissing);
  if (input.code.length > 15) fail(REL.codeTooLong);
  const holder = ctx.store.relationByCode(input.code);
  if (holder && holder.id !== selfId) fail(REL.codeTaken);
  if (!input.name.trim()) fail(REL.nameMissing);
  if (input.type !== 'B' && input.type !== 'P') fail(REL.typeInvalid);
  return input;
}

function relationFields(input: RelationInput): Partial<SbRelation> {
  const gender = (['m', 'v', 'a'] as const).find((g) => g === input.gender.toLowerCase()) ?? '';
  return {
    code: input.code,
    type: input.type as 'B' | 'P',
    name: input.name,
    contact: input.contact,
    gender,
    address: input.address,
    postalCode: input.postalCode,
    city: input.city,
    country: input.country,
    address2: input.address2,
    postalCode2: input.postalCode2,
    city2: input.city2,
    country2: input.country2,
    phoneNumber: input.phoneNumber,
    mobilePhoneNumber: input.mobilePhoneNumber,
    faxNumber: input.faxNumber,
    emailAddress: input.emailAddress,
    website: input.website,
    note: input.note,
    vatNumber: input.vatNumber,
    companyRegistrationNumber: input.companyRegistrationNumber,
    salutation: input.salutation,
    iban: input.iban,
    bic: input.bic,
    freeText: input.freeText,
    ledgerId: input.ledgerId,
  };
}

const today = () => new Date().toISOString().slice(0, 10);

export const addRelatie = defineOperation({
  name: 'AddRelatie',
  write: true,
  session: true,
  shape: { kind: 'result', defaults: [el('Rel_ID', 0)] },
  read: (f) => ({ rel: readRelation(f.child('oRel')) }),
  run(req, { ctx }) {
    const input = validateRelation(ctx, req.rel, 0);
    // ID is ignored (0); AddDatum may be today's date (SOAP.md §3).
    const date = inYearRange(input.addDate) ? input.addDate : today();
    const relation = ctx.store.addRelation({
      ...blankRelation(),
      ...relationFields(input),
      date,
      createdVia: 'soap',
    } as Omit<SbRelation, 'id'>);
    return [el('Rel_ID', relation.id)];
  },
});

export const updateRelatie = defineOperation({
  name: 'UpdateRelatie',
  write: true,
  session: true,
  shape: { kind: 'cError' },
  read: (f) => ({ rel: readRelation(f.child('oRel')) }),
  run(req, { ctx }) {
    const existing = req.rel ? ctx.store.relations.get(req.rel.id) : undefined;
    if (!existing) fail(REL.notFound);
    const input = validateRelation(ctx, req.rel, existing.id);
    // Blank fields overwrite: that is why clients re-read and merge before an update (SOAP.md §4).
    ctx.store.updateRelation(existing.id, relationFields(input));
    return [];
  },
});
