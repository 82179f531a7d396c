/** Rules more than one SOAP write operation applies: the date range e-Boekhouden accepts, VAT code spellings. */

export const inYearRange = (date: string | null): date is string =>
  !!date && date >= '1980-01-01' && date <= '2049-12-31';

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
