/** VAT codes with their percentages and directions, and rounding to the cent. */
/** VAT percentage per code. AFW/AFW_VERK are divergent (the line carries its own VAT amount): 0 here. */
export const VAT_PERCENTAGES: Readonly<Record<string, number>> = {
  HOOG_VERK_21: 21,
  HOOG_INK_21: 21,
  HOOG_VERK: 19,
  HOOG_INK: 19,
  LAAG_VERK_9: 9,
  LAAG_INK_9: 9,
  LAAG_VERK: 9,
  LAAG_INK: 9,
  VERL_VERK: 0,
  VERL_VERK_L9: 0,
  VERL_INK: 0,
  VERL_INK_L9: 0,
  BU_EU_VERK: 0,
  BI_EU_VERK: 0,
  BI_EU_VERK_D: 0,
  AFST_VERK: 0,
  BU_EU_INK: 0,
  BI_EU_INK: 0,
  AFW: 0,
  AFW_VERK: 0,
  GEEN: 0,
};
export const SALES_VAT_CODES: ReadonlySet<string> = new Set([
  'HOOG_VERK_21',
  'LAAG_VERK_9',
  'VERL_VERK',
  'VERL_VERK_L9',
  'BU_EU_VERK',
  'BI_EU_VERK',
  'BI_EU_VERK_D',
  'AFST_VERK',
  'AFW_VERK',
  'HOOG_VERK',
  'LAAG_VERK',
]);
export const PURCHASE_VAT_CODES: ReadonlySet<string> = new Set([
  'LAAG_INK_9',
  'HOOG_INK_21',
  'VERL_INK',
  'VERL_INK_L9',
  'BU_EU_INK',
  'BI_EU_INK',
  'AFW',
  'HOOG_INK',
  'LAAG_INK',
]);
export function isKnownVatCode(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(VAT_PERCENTAGES, code);
}

export function round2(n: number): number {
  return Math.round((n + Number.EPSILON * Math.sign(n)) * 100) / 100;
}
