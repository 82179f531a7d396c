/**
 * The SOAP write operations, validated with e-Boekhouden's own codes (SOAP.md §5) before the
 * store is touched: AddRelatie, UpdateRelatie, AddGrootboekrekening, UpdateGrootboekrekening,
 * AddMutatie, AddFactuur.
 */
import type { SandboxContext } from '../faults';
import type { SbInvoiceItem, SbLedger, SbMutationRow, SbRelation } from '../store';
import { blankRelation, isKnownVatCode, makeRow, PURCHASE_VAT_CODES, round2, SALES_VAT_CODES } from '../store';
import { defineOperation, SoapError } from './operation';
import { MUTATION_SOORTEN } from './records';
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
const inYearRange = (date: string | null): date is string => !!date && date >= '1980-01-01' && date <= '2049-12-31';

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

// ---------------------------------------------------------------- ledgers

function readLedger(f: Fields | undefined) {
  return {
    id: f?.long('ID') ?? 0,
    code: f?.str('Code').trim() ?? '',
    description: f?.str('Omschrijving') ?? '',
    category: f?.str('Categorie').trim() ?? '',
    group: f?.str('Groep') ?? '',
  };
}
type LedgerInput = ReturnType<typeof readLedger>;

/** CGN003 code missing, CGB002 description, CGB005 category missing, CGB006 not VW/BAL; `.1` for Update. */
function validateLedger(input: LedgerInput, suffix: '' | '.1'): void {
  if (!input.code) throw new SoapError(`CGN003${suffix}`, 'Code is required');
  if (!input.description.trim()) throw new SoapError(`CGB002${suffix}`, 'Omschrijving is required');
  if (!input.category) throw new SoapError(`CGB005${suffix}`, 'Categorie is required');
  if (input.category !== 'VW' && input.category !== 'BAL')
    throw new SoapError(`CGB006${suffix}`, 'Categorie must be VW or BAL');
}

export const addGrootboekrekening = defineOperation({
  name: 'AddGrootboekrekening',
  write: true,
  session: true,
  shape: { kind: 'result', defaults: [el('Gb_ID', 0)] },
  read: (f) => ({ gb: readLedger(f.child('oGb')) }),
  run(req, { ctx }) {
    const input = req.gb;
    if (!input.code) throw new SoapError('CGN003', 'Code is required');
    if (ctx.store.ledgerByCode(input.code)) throw new SoapError('CGB001', 'Code is not available');
    validateLedger(input, '');
    const ledger = ctx.store.addLedger({
      code: input.code,
      description: input.description,
      category: input.category,
      group: input.group,
    });
    return [el('Gb_ID', ledger.id)];
  },
});

export const updateGrootboekrekening = defineOperation({
  name: 'UpdateGrootboekrekening',
  write: true,
  session: true,
  shape: { kind: 'cError' },
  read: (f) => ({ gb: readLedger(f.child('oGb')) }),
  run(req, { ctx }) {
    const input = req.gb;
    const existing: SbLedger | undefined =
      ctx.store.ledgers.get(input.id) ?? (input.id ? undefined : ctx.store.ledgerByCode(input.code));
    if (!existing) throw new SoapError('CGB001.1', 'Grootboekrekening not found');
    validateLedger(input, '.1');
    // The sandbox does not renumber ledgers: another code counts as "not available" [I].
    if (input.code !== existing.code) throw new SoapError('CGB001.1', 'Code is not available');
    existing.description = input.description;
    existing.category = input.category;
    if (input.group) existing.group = input.group;
    ctx.store.touch();
    return [];
  },
});

// ---------------------------------------------------------------- mutations

/** M v5.5 and Pinelab spell some codes differently; the sandbox accepts the union (SOAP.md §7). */
const VAT_ALIASES: Record<string, string> = {
  LAAG_VERK_L9: 'LAAG_VERK_9',
  VERL_INK_LG: 'VERL_INK_L9',
  VERL_VERK_9: 'VERL_VERK_L9',
};
export function normalizeVatCode(code: string): string {
  const c = code.trim().toUpperCase();
  return VAT_ALIASES[c] ?? c;
}

function readMutation(f: Fields | undefined) {
  if (!f) return undefined;
  return {
    soort: f.enumeration('Soort', MUTATION_SOORTEN, 'enMutatieSoorten'),
    date: f.date('Datum'),
    account: f.str('Rekening').trim(),
    relationCode: f.str('RelatieCode').trim(),
    invoiceNumber: f.str('Factuurnummer').trim(),
    entryNumber: f.str('Boekstuk'),
    description: f.str('Omschrijving'),
    term: f.str('Betalingstermijn').trim(),
    paymentReference: f.str('Betalingskenmerk'),
    inEx: f.str('InExBTW').trim(),
    hasInEx: f.has('InExBTW'),
    rows: f.items('MutatieRegels', 'cMutatieRegel').map((r) => ({
      amount: r.decimal('BedragInvoer'),
      excl: r.decimal('BedragExclBTW'),
      vat: r.decimal('BedragBTW'),
      incl: r.decimal('BedragInclBTW'),
      vatCode: r.str('BTWCode'),
      vatPercentage: r.decimal('BTWPercentage'),
      counterAccount: r.str('TegenrekeningCode').trim(),
      costCenterId: r.long('KostenplaatsID'),
    })),
  };
}

const INVOICE_SOORTEN = new Set([1, 2]);
const PAYMENT_SOORTEN = new Set([3, 4]);
const MONEY_SOORTEN = new Set([3, 4, 5, 6]);
const SALES_SOORTEN = new Set([2, 5]);
const PURCHASE_SOORTEN = new Set([1, 6]);

export const addMutatie = defineOperation({
  name: 'AddMutatie',
  write: true,
  session: true,
  shape: { kind: 'result', defaults: [el('Mutatienummer', 0)] },
  read: (f) => ({ mut: readMutation(f.child('oMut')) }),
  run(req, { ctx }) {
    const { store } = ctx;
    const m = req.mut;
    if (!m) throw new SoapError('CMUT006', 'A mutation needs 1 to 100 lines');
    const type = MUTATION_SOORTEN.indexOf(m.soort) as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;
    if (type === 0) throw new SoapError('CMUT008', `Soort ${m.soort} cannot be added`);
    if (!inYearRange(m.date)) throw new SoapError('CMUT004', 'Datum is missing or not between 1980 and 2049');
    if (!m.description.trim()) throw new SoapError('CMUT005', 'Omschrijving is required');

    const account = store.ledgerByCode(m.account);
    if (!account) throw new SoapError('CMUT001', `Rekening ${m.account} does not exist`);
    if (type === 2 && account.category !== 'DEB') throw new SoapError('CMUT016', 'Rekening must be a debtors account');
    if (type === 1 && account.category !== 'CRED')
      throw new SoapError('CMUT015', 'Rekening must be a creditors account');
    if (MONEY_SOORTEN.has(type) && account.category !== 'FIN')
      throw new SoapError('CMUT001', `Rekening ${m.account} has the wrong category for ${m.soort}`);

    let inExVat: 'IN' | 'EX' = 'EX';
    if (m.inEx === 'IN' || m.inEx === 'EX') inExVat = m.inEx;
    else if (m.inEx) throw new SoapError('CMUT003.1', 'InExBTW must be IN or EX');
    else if (!PAYMENT_SOORTEN.has(type)) throw new SoapError('CMUT003', 'InExBTW is required');

    if (m.rows.length < 1 || m.rows.length > 100) throw new SoapError('CMUT006', 'A mutation needs 1 to 100 lines');
    if (PAYMENT_SOORTEN.has(type) && m.rows.length > 1) throw new SoapError('CMUT021', `${m.soort} allows only 1 line`);

    let relationId = 0;
    if (INVOICE_SOORTEN.has(type)) {
      if (!m.invoiceNumber) throw new SoapError('CMUT013', 'Factuurnummer is required');
      if (!m.relationCode || !m.term) throw new SoapError('CMUT014', 'RelatieCode and Betalingstermijn are required');
      const relation = store.relationByCode(m.relationCode);
      if (!relation) throw new SoapError('CMUT017', `Relation ${m.relationCode} does not exist`);
      relationId = relation.id;
      if (type === 2 && (store.invoiceByNumber(m.invoiceNumber) || hasInvoiceMutation(ctx, 2, m.invoiceNumber))) {
        throw new SoapError('CMUT019', `Factuurnummer ${m.invoiceNumber} already exists`);
      }
      if (type === 1 && hasInvoiceMutation(ctx, 1, m.invoiceNumber, relationId)) {
        throw new SoapError('CMUT018', `Relation ${m.relationCode} already has invoice ${m.invoiceNumber}`);
      }
    } else if (PAYMENT_SOORTEN.has(type)) {
      if (!m.invoiceNumber) throw new SoapError('CMUT023', 'Factuurnummer is required');
      if (!m.relationCode) throw new SoapError('CMUT024', 'RelatieCode is required');
      const relation = store.relationByCode(m.relationCode);
      if (!relation) throw new SoapError('CMUT025', `Relation ${m.relationCode} does not exist`);
      relationId = relation.id;
      const side = type === 3 ? 'D' : 'C';
      if (!store.openItems(side).some((o) => o.relationId === relationId && o.invoiceNumber === m.invoiceNumber)) {
        throw new SoapError('CMUT026', `The payment cannot be linked to invoice ${m.invoiceNumber}`);
      }
    } else if (m.relationCode) {
      const relation = store.relationByCode(m.relationCode);
      if (!relation) throw new SoapError('CMUT017', `Relation ${m.relationCode} does not exist`);
      relationId = relation.id;
    }

    const rows: SbMutationRow[] = m.rows.map((r, i) => {
      const line = i + 1;
      const counter = r.counterAccount ? store.ledgerByCode(r.counterAccount) : undefined;
      if (!counter) throw new SoapError('CMUT012', `TegenrekeningCode on line ${line} is missing or does not exist`);
      if (type === 3 && counter.category !== 'DEB')
        throw new SoapError('CMUT027', `The counter account on line ${line} must be Debiteuren`);
      if (type === 4 && counter.category !== 'CRED')
        throw new SoapError('CMUT028', `The counter account on line ${line} must be Crediteuren`);
      const vatCode = PAYMENT_SOORTEN.has(type) ? 'GEEN' : normalizeVatCode(r.vatCode || 'GEEN');
      if (!isKnownVatCode(vatCode)) throw new SoapError('CMUT033', `BTWCode ${r.vatCode} on line ${line} is invalid`);
      if (SALES_SOORTEN.has(type) && PURCHASE_VAT_CODES.has(vatCode))
        throw new SoapError('CMUT011', `BTWCode ${vatCode} on line ${line} is not valid for ${m.soort}`);
      if (PURCHASE_SOORTEN.has(type) && SALES_VAT_CODES.has(vatCode))
        throw new SoapError('CMUT011', `BTWCode ${vatCode} on line ${line} is not valid for ${m.soort}`);
      const base = {
        ledgerId: counter.id,
        vatCode,
        description: '',
        invoiceNumber: m.invoiceNumber,
        relationId,
        costCenterId: r.costCenterId,
      };
      // Only BedragInvoer given: work out excl/VAT/incl from it [I].
      if (r.excl === 0 && r.vat === 0 && r.incl === 0) return makeRow({ ...base, amount: r.amount, inExVat });
      if (Math.abs(round2(r.excl + r.vat) - round2(r.incl)) > 0.005)
        throw new SoapError('CMUT010', `BedragExclBTW + BedragBTW is not BedragInclBTW on line ${line}`);
      const divergent = vatCode === 'AFW' || vatCode === 'AFW_VERK';
      const pct = store.vatPercentage(vatCode);
      if (!divergent && Math.abs(round2((r.excl * pct) / 100) - round2(r.vat)) > 0.01) {
        throw new SoapError('CMUT010.1', `BedragBTW on line ${line} is not ${pct}% of BedragExclBTW`);
      }
      return {
        ...base,
        vatPercentage: divergent ? r.vatPercentage : pct,
        amount: round2(r.amount || (inExVat === 'IN' ? r.incl : r.excl)),
        amountExcl: round2(r.excl),
        vatAmount: round2(r.vat),
        amountIncl: round2(r.incl),
      };
    });

    const mutation = store.addMutation({
      type,
      date: m.date,
      description: m.description,
      termOfPayment: Number.parseInt(m.term, 10) || 0,
      ledgerId: account.id,
      relationId,
      inExVat,
      invoiceNumber: m.invoiceNumber,
      entryNumber: m.entryNumber,
      rows,
    });
    return [el('Mutatienummer', mutation.id)];
  },
});

function hasInvoiceMutation(ctx: SandboxContext, type: 1 | 2, invoiceNumber: string, relationId?: number): boolean {
  for (const m of ctx.store.mutations.values()) {
    if (
      m.type === type &&
      m.invoiceNumber === invoiceNumber &&
      (relationId === undefined || m.relationId === relationId)
    )
      return true;
  }
  return false;
}

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
