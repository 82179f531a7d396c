/**
 * REST v1 error bodies (REST.md §5) and the texts of the codes the sandbox uses,
 * copied from rest-error-codes.tsv.
 */
export const REST_ERROR_TEXTS: Readonly<Record<string, string>> = {
  ERR_001: 'Something went wrong.',
  ERR_002: 'Your request contains an invalid value.',
  DATA_01: 'No content body provided.',
  PAGE_001: 'Limit must be between 1 and 2000.',
  PAGE_002: 'Offset must be greater than or equal to 0.',
  SECURITY_010: 'Not authenticated. Check your Authorization header.',
  EP_001: 'This endpoint is only available to accountants.',
  API_SESSION_001: 'Source is missing.',
  API_SESSION_002: 'Source does not match pattern.',
  API_SESSION_003: 'Access token is missing or empty.',
  API_SESSION_004: 'Access token has expired.',
  SMTP_001: 'Sending the e-mail failed. Check your SMTP settings.',
  SMTP_002: 'Sending the e-mail failed. Check your SMTP settings.',
  SMTP_003: 'Sending the e-mail failed. Check your SMTP settings.',
  FACT_001: 'Relation ID is missing.',
  FACT_002: 'Relation not found.',
  FACT_003: 'Relation is inactive.',
  FACT_006: 'Invoice number is missing.',
  FACT_007: 'Invoice number is too long.',
  FACT_008: 'Invoice number is invalid.',
  FACT_009: 'Invoice number does not end with a digit.',
  FACT_010: 'Invoice VAT must be IN or EX.',
  FACT_011: 'Invoice date is missing.',
  FACT_012: 'Invoice date invalid.',
  FACT_013: 'Invoice date out of range.',
  FACT_014: 'Payment reference is too long.',
  FACT_015: 'Term of payment is missing.',
  FACT_016: 'Term of payment out of range.',
  FACT_017: 'Invoice text is too long.',
  FACT_018: 'Invoice template not found.',
  FACT_019: 'Invoice items are missing.',
  FACT_020: 'Email template not found.',
  FACT_021: 'Invoice not found.',
  FACT_101: 'Invoice number is in use.',
  FACT_EMAIL_001: 'Relation email is missing.',
  FACT_EMAIL_006: 'Sender email is invalid.',
  FACT_EMAIL_013: 'Subject is missing.',
  FACT_EMAIL_014: 'Body is missing.',
  FACT_VERWERK_002: 'Description is too long.',
  FACT_VERWERK_003: 'Payment reference is too long.',
  FACT_ITEM_001: 'Description invoice item is missing.',
  FACT_ITEM_002: 'Description invoice item is too long.',
  FACT_ITEM_003: 'Code invoice item is too long.',
  FACT_ITEM_004: 'Price per unit excl. VAT is missing.',
  FACT_ITEM_005: 'Price per unit incl. VAT is missing.',
  FACT_ITEM_006: 'VAT code is missing.',
  FACT_ITEM_007: 'Ledger ID is missing',
  FACT_ITEM_010: 'Unit not found.',
  FACT_ITEM_011: 'Product not found.',
  FACT_ITEM_012: 'Ledger account not found.',
  FACT_ITEM_013: 'Discount amount cannot have a value when discount percentage is passed.',
  FACT_ITEM_014: 'Invalid VAT code.',
  FACT_ITEM_015: "VAT amount must be used with VAT code: 'AFW_VERK'",
  REL_001: 'Relation type is invalid (B,P).',
  REL_002: 'Name is mandatory.',
  REL_003: 'Name is too long.',
  REL_004: 'Gender is invalid (m,v,a).',
  REL_005: 'Code is invalid.',
  REL_006: 'Code is too long.',
  REL_007: 'Iban is invalid.',
  REL_008: 'Company registration number must be numeric.',
  REL_009: 'Contact is too long.',
  REL_010: 'Salutation is too long.',
  REL_011: 'Address is too long.',
  REL_012: 'Postal code is too long.',
  REL_013: 'City is too long.',
  REL_014: 'Country is too long.',
  REL_015: 'Address 2 is too long.',
  REL_016: 'Postal code 2 is too long.',
  REL_017: 'City 2 is too long.',
  REL_018: 'Country 2 is too long.',
  REL_019: 'Phone is too long.',
  REL_020: 'Mobile is too long.',
  REL_021: 'Fax is too long.',
  REL_022: 'Email is too long.',
  REL_023: 'Email is invalid.',
  REL_024: 'Email invoice is too long.',
  REL_025: 'Email invoice is invalid.',
  REL_026: 'Email reminder is too long.',
  REL_027: 'Email reminder is invalid.',
  REL_028: 'Website is too long.',
  REL_029: 'Iban is too long.',
  REL_030: 'Term of payment too low.',
  REL_031: 'Term of payment too high.',
  REL_032: 'BIC is too long.',
  REL_034: 'Mandate ID is too long.',
  REL_035: 'VAT number is too long.',
  REL_037: 'Free text 1 is too long.',
  REL_038: 'Free text 2 is too long.',
  REL_039: 'Free text 3 is too long.',
  REL_040: 'Free text 4 is too long.',
  REL_041: 'Free text 5 is too long.',
  REL_042: 'Free text 6 is too long.',
  REL_043: 'Free text 7 is too long.',
  REL_044: 'Free text 8 is too long.',
  REL_045: 'Free text 9 is too long.',
  REL_046: 'Free text 10 is too long.',
  REL_047: 'Note too long.',
  REL_048: 'Ledger not found.',
  REL_049: 'Code already exists.',
  REL_050: 'Company registration number is too long.',
  REL_051: 'Mandate type is invalid (E,D).',
  REL_055: 'Relation not found.',
  LEDG_011: 'Ledger not found.',
  ART_001: 'Product not found.',
  COST_001: 'Cost Center not found.',
  MUTA_003: "Vat amount must be used with vatCode: 'AFW' or 'AFW_VERK'",
  MUTA_006: 'Credit/Debit is missing.',
  MUTA_007: "Credit/Debit must be 'C' or 'D'.",
  MUTA_009: 'Type is unknown.',
  MUT_001: 'Type is invalid.',
  MUT_003: 'Date is missing.',
  MUT_004: 'Date is invalid.',
  MUT_007: 'Unknown ledger for mutation.',
  MUT_009: 'Invalid ledger category for mutation.',
  MUT_010: 'Ledger must be of category creditor.',
  MUT_011: 'Ledger must be of category debtor.',
  MUT_012: 'Relation is missing.',
  MUT_013: 'Relation not found.',
  MUT_017: "In/Ex VAT must be 'IN' or 'EX'.",
  MUT_018: 'Invoice number is too long.',
  MUT_019: 'Invoice number already exists.',
  MUT_020: 'Combination relation/invoice number already exists.',
  MUT_100: 'Rows are missing.',
  MUT_101: 'Too many rows.',
  MUT_104: 'Unknown ledger for row.',
  MUT_109: 'Invalid VAT code.',
  MUT_110: 'VAT code must be of type purchase.',
  MUT_111: 'VAT code must be of type sale.',
  MUT_113: 'Relation not found.',
  MUT_117: 'Cost center not found.',
  MUT_120: 'Invoice number is missing.',
  MUT_300: 'Mutation not found.',
  ART_003: 'Product could not be deleted',
  ART_004: 'Product Code is missing.',
  ART_005: 'Product Description is missing.',
  ART_006: 'Product Ledger ID is missing.',
  ART_007: 'Product Code is too long.',
  ART_008: 'Product Description is too long.',
  ART_009: 'Product Ledger could not be found.',
  ART_011: 'Product Unit could not be found.',
  ART_012: 'Product Group could not be found.',
  ART_013: 'Product VAT code could not be found.',
  ART_015: 'Product cost center could not be found.',
  ART_016: 'priceIncl cannot have a value when priceExcl is passed.',
  ART_017: 'Product VAT code is required.',
  ART_018: 'Either priceExcl or priceIncl is required.',
  ART_028: "Ledger category must be 'BAL' or 'VW'.",
  COST_002: 'Cost center could not be deleted.',
  COST_003: 'Cost center description is required.',
  COST_004: 'Cost center description is too long.',
  COST_005: 'Cost center with this name already exists on this level of the tree.',
  COST_006: 'Cost center parent id cannot be changed.',
  COST_007: 'Cost center parent is not active.',
  COST_008: 'Cost center parent not found.',
  COST_009: 'Cost center cannot be deleted. A cost center exists below this cost center.',
  FACT_025: 'Too many items.',
  FACT_VERWERK_004: 'Payment reference already exists.',
  LEDG_001: 'Code is missing.',
  LEDG_002: 'Code is too long.',
  LEDG_003: 'Description is missing.',
  LEDG_004: 'Description is too long.',
  LEDG_010: "Ledger category doesn't exist.",
  LEDG_013: 'Ledger code already exists.',
  LEDG_020: 'The request took too long to execute. Use `from` and `to` to filter a more specific period.',
  MEM_001: 'Member not found.',
  MEM_002: 'Name is mandatory.',
  MEM_003: 'Name is too long.',
  MEM_004: 'Gender is invalid (m,v,a).',
  MEM_005: 'Member number is invalid.',
  MEM_006: 'Member number is too long.',
  MEM_007: 'Iban is invalid.',
  MEM_022: 'Email is too long.',
  MEM_023: 'Email is invalid.',
  MEM_024: 'Email invoice is too long.',
  MEM_025: 'Email invoice is invalid.',
  MEM_026: 'Email reminder is too long.',
  MEM_027: 'Email reminder is invalid.',
  MEM_048: 'Ledger not found.',
  MEM_049: 'Member number already exists.',
  MUTA_001: 'Ledger id is missing.',
  MUTA_002: 'Type is missing',
  MUTA_004: 'Ledger ID for row is missing.',
  MUTA_008: 'Payment reference already exists.',
  MUT_002: 'Invoice number is missing.',
};

export interface RestErrorBody {
  type: string;
  code?: string;
  title: string;
  message?: string;
  propertyName?: string;
  errors?: string[];
  status: number;
  traceId: string;
  securityType?: number;
}

let traceCounter = 0;

export function restError(code: string, status: number, opts: { propertyName?: string; type?: string } = {}): Response {
  const text = REST_ERROR_TEXTS[code] ?? 'Your request contains an invalid value.';
  const type =
    opts.type ??
    (status === 401 || status === 403
      ? 'security'
      : status === 404
        ? 'notFound'
        : status >= 500
          ? 'error'
          : 'validation');
  const body: RestErrorBody = {
    type,
    code,
    title: text,
    message: text,
    status,
    traceId: `00-sandbox${String(++traceCounter).padStart(22, '0')}-01`,
  };
  if (opts.propertyName) body.propertyName = opts.propertyName;
  if (type === 'validation') body.errors = [text];
  if (type === 'security') body.securityType = 0;
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

/** Thrown by validators; turned into a 400 (or the given status) error body. */
export class RestFailure extends Error {
  constructor(
    readonly code: string,
    readonly propertyName?: string,
    readonly status = 400,
  ) {
    super(code);
  }
  toResponse(): Response {
    return restError(this.code, this.status, { propertyName: this.propertyName });
  }
}

export function fail(code: string, propertyName?: string, status = 400): never {
  throw new RestFailure(code, propertyName, status);
}
