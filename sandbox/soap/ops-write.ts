/**
 * The SOAP write operations, validated with e-Boekhouden's own codes (SOAP.md §5) before the
 * store is touched: AddMutatie here; AddRelatie, UpdateRelatie, AddGrootboekrekening,
 * UpdateGrootboekrekening and AddFactuur in the ops-write-* files beside it, exported from here too.
 */
import type { SandboxContext } from '../faults';
import type { SbMutationRow } from '../store';
import { isKnownVatCode, makeRow, PURCHASE_VAT_CODES, round2, SALES_VAT_CODES } from '../store';
import { defineOperation, SoapError } from './operation';
import { MUTATION_SOORTEN } from './records';
import { inYearRange, normalizeVatCode } from './ops-write-rules';
import { el, type Fields } from './xml';

export { addRelatie, updateRelatie } from './ops-write-relations';
export { addGrootboekrekening, updateGrootboekrekening } from './ops-write-ledgers';
export { addFactuur } from './ops-write-invoices';

// ---------------------------------------------------------------- mutations

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
