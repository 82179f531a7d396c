/** e-Boekhouden's VAT codes, their rates, and which may go on a sales invoice. */

/** VAT codes. Sales codes may be used on invoices; purchase codes may not. */
export const SALES_VAT_CODES = [
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
] as const;
export const PURCHASE_VAT_CODES = [
  'LAAG_INK_9',
  'HOOG_INK_21',
  'VERL_INK',
  'VERL_INK_L9',
  'BU_EU_INK',
  'BI_EU_INK',
  'AFW',
  'HOOG_INK',
  'LAAG_INK',
] as const;
export const NO_VAT_CODE = 'GEEN' as const;

/** VAT percentage per code, for totals shown before sending. AFW* are divergent (line decides). */
export const VAT_RATES: Record<string, number> = {
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
  GEEN: 0,
};

export function isSalesVatCode(code: string): boolean {
  return code === NO_VAT_CODE || (SALES_VAT_CODES as readonly string[]).includes(code);
}
