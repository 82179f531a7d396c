/**
 * REST v1 write validation with the documented codes: mutations (MUT_*) here; relations (REL_*) in
 * validate-relations.ts, invoices (FACT_*, FACT_ITEM_*) in validate-invoices.ts, exported from here too.
 * The first broken rule wins, as a 400 with that code and the property name.
 */
import { fail } from './errors';
import {
  PURCHASE_VAT_CODES,
  SALES_VAT_CODES,
  isKnownVatCode,
  makeRow,
  type SbMutation,
  type SbMutationRow,
  type Store,
} from '../store';
import {
  dateOf,
  digits,
  optionalBoolean,
  optionalInteger,
  optionalNumber,
  optionalString,
  present,
  type Body,
} from './validate-fields';
import { hasSalesInvoiceNumber } from './validate-invoices';

export { digits, isValidIban } from './validate-fields';
export { nextRelationCode, validateRelation } from './validate-relations';
export { validateInvoice } from './validate-invoices';

/** openapi-v1.json: mutation `rows` maxItems 500 (MUT_101 "Too many rows."). */
export const MAX_MUTATION_ROWS = 500;
// ---------------------------------------------------------------------------------------------
// Mutations

const MONEY_TYPES = new Set([3, 4, 5, 6]);
const SALES_TYPES = new Set([2, 5]);
const PURCHASE_TYPES = new Set([1, 6]);

export function validateMutation(store: Store, body: Body): Omit<SbMutation, 'id'> {
  const type = digits(body.type);
  if (!present(type)) fail('MUTA_002', 'type');
  if (typeof type !== 'number' || !Number.isInteger(type) || type < 1 || type > 7) fail('MUT_001', 'type');
  const t = type as SbMutation['type'];

  if (!present(body.date) || body.date === '') fail('MUT_003', 'date');
  const date = dateOf(body.date);
  if (!date) fail('MUT_004', 'date');

  const ledgerId = digits(body.ledgerId);
  if (!present(ledgerId) || ledgerId === 0) fail('MUTA_001', 'ledgerId');
  if (typeof ledgerId !== 'number') fail('ERR_002', 'ledgerId');
  const ledger = store.ledgers.get(ledgerId);
  if (!ledger) fail('MUT_007', 'ledgerId');
  if (t === 1 && ledger.category !== 'CRED') fail('MUT_010', 'ledgerId');
  if (t === 2 && ledger.category !== 'DEB') fail('MUT_011', 'ledgerId');
  if (MONEY_TYPES.has(t) && ledger.category !== 'FIN') fail('MUT_009', 'ledgerId');

  const relationId = optionalInteger(body, 'relationId') ?? 0;
  if ((t === 1 || t === 2) && !relationId) fail('MUT_012', 'relationId');
  if (relationId && !store.relations.has(relationId)) fail('MUT_013', 'relationId');

  const invoiceNumber = optionalString(body, 'invoiceNumber', 50, 'MUT_018') ?? '';
  if ((t === 1 || t === 2) && !invoiceNumber) fail('MUT_002', 'invoiceNumber');
  if (t === 2 && (hasSalesInvoiceNumber(store, invoiceNumber) || store.invoiceByNumber(invoiceNumber)))
    fail('MUT_019', 'invoiceNumber');
  if (t === 1) {
    for (const m of store.mutations.values()) {
      if (m.type === 1 && m.relationId === relationId && m.invoiceNumber === invoiceNumber)
        fail('MUT_020', 'invoiceNumber');
    }
  }
  const entryNumber = optionalString(body, 'entryNumber', 50, 'ERR_002') ?? '';
  // openapi-v1.json: description maxLength 50, with no code of its own.
  const description = optionalString(body, 'description', 50, 'ERR_002') ?? '';
  const paymentReference = optionalString(body, 'paymentReference', 50, 'ERR_002') ?? '';
  if (optionalBoolean(body, 'checkPaymentReference') && store.paymentReferenceInUse(paymentReference))
    fail('MUTA_008', 'paymentReference');
  const termOfPayment = optionalInteger(body, 'termOfPayment') ?? 0;
  const inExVat = present(body.inExVat) ? body.inExVat : 'EX';
  if (inExVat !== 'IN' && inExVat !== 'EX') fail('MUT_017', 'inExVat');

  const rawRows = body.rows;
  if (!Array.isArray(rawRows) || rawRows.length === 0) fail('MUT_100', 'rows');
  if (rawRows.length > MAX_MUTATION_ROWS) fail('MUT_101', 'rows');
  const rows = rawRows.map((raw, i) => validateMutationRow(store, raw, i, t, inExVat, relationId));
  return {
    type: t,
    date,
    description,
    termOfPayment,
    ledgerId,
    relationId,
    inExVat,
    invoiceNumber,
    entryNumber,
    rows,
    paymentReference,
  };
}

function validateMutationRow(
  store: Store,
  raw: unknown,
  i: number,
  type: number,
  inExVat: 'IN' | 'EX',
  relationId: number,
): SbMutationRow {
  const at = (field: string) => `rows[${i}].${field}`;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail('ERR_002', `rows[${i}]`);
  const row = raw as Body;
  const ledgerId = digits(row.ledgerId);
  if (!present(ledgerId) || ledgerId === 0) fail('MUTA_004', at('ledgerId'));
  if (typeof ledgerId !== 'number' || !store.ledgers.has(ledgerId)) fail('MUT_104', at('ledgerId'));
  const vatCode = row.vatCode;
  if (typeof vatCode !== 'string' || !isKnownVatCode(vatCode)) fail('MUT_109', at('vatCode'));
  if (vatCode !== 'GEEN' && PURCHASE_TYPES.has(type) && !PURCHASE_VAT_CODES.has(vatCode))
    fail('MUT_110', at('vatCode'));
  if (vatCode !== 'GEEN' && SALES_TYPES.has(type) && !SALES_VAT_CODES.has(vatCode)) fail('MUT_111', at('vatCode'));
  const vatAmount = optionalNumber(row, 'vatAmount', at('vatAmount'));
  if (vatAmount !== undefined && vatCode !== 'AFW' && vatCode !== 'AFW_VERK') fail('MUTA_003', at('vatAmount'));
  const amount = row.amount;
  if (typeof amount !== 'number' || !Number.isFinite(amount)) fail('ERR_002', at('amount'));
  const invoiceNumber = optionalString(row, 'invoiceNumber', 50, 'MUT_018', at('invoiceNumber')) ?? '';
  if ((type === 3 || type === 4) && !invoiceNumber) fail('MUT_120', at('invoiceNumber'));
  const rowRelation = optionalInteger(row, 'relationId', at('relationId')) ?? 0;
  if (rowRelation && !store.relations.has(rowRelation)) fail('MUT_113', at('relationId'));
  const costCenterId = optionalInteger(row, 'costCenterId', at('costCenterId')) ?? 0;
  if (costCenterId && !store.costCenters.has(costCenterId)) fail('MUT_117', at('costCenterId'));
  const description = optionalString(row, 'description', 200, 'ERR_002', at('description')) ?? '';
  return makeRow({
    ledgerId,
    vatCode,
    amount,
    inExVat,
    description,
    invoiceNumber,
    relationId: rowRelation || relationId,
    costCenterId,
    vatAmount,
  });
}
