/** Mutations (GL transactions) and their rows, with excl/VAT/incl worked out to the cent. */
import { round2, VAT_PERCENTAGES } from './vat';

export interface SbMutationRow {
  ledgerId: number;
  vatCode: string;
  vatPercentage: number;
  /** As entered: incl. VAT when the mutation is IN, excl. when EX. */
  amount: number;
  amountExcl: number;
  vatAmount: number;
  amountIncl: number;
  description: string;
  invoiceNumber: string;
  relationId: number;
  costCenterId: number;
}
export interface SbMutation {
  /** = MutatieNr. */
  id: number;
  type: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;
  date: string;
  description: string;
  termOfPayment: number;
  ledgerId: number;
  relationId: number;
  inExVat: 'IN' | 'EX';
  invoiceNumber: string;
  entryNumber: string;
  rows: SbMutationRow[];
  /** REST `paymentReference`; '' when none. */
  paymentReference?: string;
}

/** A mutation row with excl/VAT/incl worked out from the amount as entered. */
export function makeRow(input: {
  ledgerId: number;
  vatCode: string;
  amount: number;
  inExVat: 'IN' | 'EX';
  description?: string;
  invoiceNumber?: string;
  relationId?: number;
  costCenterId?: number;
  vatAmount?: number;
}): SbMutationRow {
  const pct = VAT_PERCENTAGES[input.vatCode] ?? 0;
  const amount = round2(input.amount);
  let excl: number, vat: number, incl: number;
  if (input.inExVat === 'IN') {
    incl = amount;
    vat = input.vatAmount !== undefined ? round2(input.vatAmount) : round2((incl * pct) / (100 + pct));
    excl = round2(incl - vat);
  } else {
    excl = amount;
    vat = input.vatAmount !== undefined ? round2(input.vatAmount) : round2((excl * pct) / 100);
    incl = round2(excl + vat);
  }
  return {
    ledgerId: input.ledgerId,
    vatCode: input.vatCode,
    vatPercentage: pct,
    amount,
    amountExcl: excl,
    vatAmount: vat,
    amountIncl: incl,
    description: input.description ?? '',
    invoiceNumber: input.invoiceNumber ?? '',
    relationId: input.relationId ?? 0,
    costCenterId: input.costCenterId ?? 0,
  };
}

export function sumRows(rows: readonly SbMutationRow[]): { excl: number; vat: number; incl: number } {
  let excl = 0,
    vat = 0,
    incl = 0;
  // Tolerates rows damaged through the control API's corrupt endpoint.
  for (const r of Array.isArray(rows) ? rows : []) {
    if (!r) continue;
    excl += r.amountExcl;
    vat += r.vatAmount;
    incl += r.amountIncl;
  }
  return { excl: round2(excl), vat: round2(vat), incl: round2(incl) };
}
