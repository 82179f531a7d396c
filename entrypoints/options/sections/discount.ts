/** A line's discount as the editors show it: a kind (none, percentage, amount per unit) and a value. */
export interface DiscountFields {
  discountAmount?: number;
  discountPercentage?: number;
}

export type DiscountKind = 'none' | 'percentage' | 'amount';

export function discountKind(row: DiscountFields): DiscountKind {
  if (row.discountPercentage !== undefined) return 'percentage';
  if (row.discountAmount !== undefined) return 'amount';
  return 'none';
}

/** Switching the kind keeps the number typed so far; 'none' removes both fields. */
export function setDiscountKind(row: DiscountFields, kind: DiscountKind): void {
  const value = row.discountPercentage ?? row.discountAmount ?? 0;
  delete row.discountPercentage;
  delete row.discountAmount;
  if (kind === 'percentage') row.discountPercentage = value;
  if (kind === 'amount') row.discountAmount = value;
}

/** An emptied field counts as 0 (no discount of that kind), never as a silent removal. */
export function setDiscountValue(row: DiscountFields, value: number | string): void {
  const n = value === '' ? 0 : Number(value);
  if (discountKind(row) === 'percentage') row.discountPercentage = n;
  else if (discountKind(row) === 'amount') row.discountAmount = n;
}

/** Only the fields that are set, for saving. */
export function discountFields(row: DiscountFields): DiscountFields {
  const out: DiscountFields = {};
  if (row.discountAmount !== undefined) out.discountAmount = row.discountAmount;
  if (row.discountPercentage !== undefined) out.discountPercentage = row.discountPercentage;
  return out;
}
