/** REST v1 relation validation with the documented REL_* codes; the first broken rule wins. */
import { fail } from './errors';
import { type SbRelation, type Store } from '../store';
import {
  EMAIL,
  dateOf,
  isValidIban,
  optionalBoolean,
  optionalInteger,
  optionalString,
  present,
  type Body,
} from './validate-fields';

// ---------------------------------------------------------------------------------------------
// Relations

const RELATION_STRINGS: readonly [key: string, field: keyof SbRelation | null, max: number, tooLong: string][] = [
  ['salutation', 'salutation', 50, 'REL_010'],
  ['contact', 'contact', 50, 'REL_009'],
  ['address', 'address', 150, 'REL_011'],
  ['postalCode', 'postalCode', 50, 'REL_012'],
  ['city', 'city', 50, 'REL_013'],
  ['country', 'country', 50, 'REL_014'],
  ['address2', 'address2', 150, 'REL_015'],
  ['postalCode2', 'postalCode2', 50, 'REL_016'],
  ['city2', 'city2', 50, 'REL_017'],
  ['country2', 'country2', 50, 'REL_018'],
  ['phoneNumber', 'phoneNumber', 50, 'REL_019'],
  ['mobilePhoneNumber', 'mobilePhoneNumber', 50, 'REL_020'],
  ['faxNumber', 'faxNumber', 50, 'REL_021'],
  ['website', 'website', 50, 'REL_028'],
  ['note', 'note', 40000, 'REL_047'],
  ['vatNumber', 'vatNumber', 50, 'REL_035'],
  ['bic', 'bic', 20, 'REL_032'],
  ['mandateId', 'mandateId', 35, 'REL_034'],
];
const RELATION_EMAILS: readonly [key: string, field: keyof SbRelation | null, tooLong: string, invalid: string][] = [
  ['emailAddress', 'emailAddress', 'REL_022', 'REL_023'],
  ['emailAddressInvoice', 'emailAddressInvoice', 'REL_024', 'REL_025'],
  ['emailAddressReminder', 'emailAddressReminder', 'REL_026', 'REL_027'],
];

/**
 * Validates a relation body (create or patch) and returns the fields to write.
 * `selfId` is the relation being patched, so its own code is not a duplicate.
 */
export function validateRelation(store: Store, body: Body, selfId?: number): Partial<SbRelation> {
  const out: Partial<SbRelation> = {};
  const type = body.type;
  if (present(type)) {
    if (type !== 'B' && type !== 'P') fail('REL_001', 'type');
    out.type = type;
  }
  const code = body.code;
  if (present(code) && code !== '') {
    // eslint-disable-next-line no-control-regex
    if (typeof code !== 'string' || code.trim() === '' || /[\u0000-\u001f]/.test(code)) fail('REL_005', 'code');
    if (code.length > 15) fail('REL_006', 'code');
    const existing = store.relationByCode(code);
    if (existing && existing.id !== selfId) fail('REL_049', 'code');
    out.code = code;
  }
  const name = body.name;
  if (!present(name) || (typeof name === 'string' && name.trim() === '')) fail('REL_002', 'name');
  if (typeof name !== 'string') fail('ERR_002', 'name');
  if (name.length > 100) fail('REL_003', 'name');
  out.name = name;

  const gender = body.gender;
  if (present(gender) && gender !== '') {
    if (gender !== 'm' && gender !== 'v' && gender !== 'a') fail('REL_004', 'gender');
    out.gender = gender;
  }
  for (const [key, field, max, tooLong] of RELATION_STRINGS) {
    const value = optionalString(body, key, max, tooLong);
    if (value !== undefined && field) (out as Record<string, unknown>)[field] = value;
  }
  for (const [key, field, tooLong, invalid] of RELATION_EMAILS) {
    const value = optionalString(body, key, 150, tooLong);
    if (value !== undefined && value !== '' && !EMAIL.test(value)) fail(invalid, key);
    if (value !== undefined && field) (out as Record<string, unknown>)[field] = value;
  }
  const coc = optionalString(body, 'companyRegistrationNumber', 50, 'REL_050');
  if (coc !== undefined) {
    if (!/^\d*$/.test(coc)) fail('REL_008', 'companyRegistrationNumber');
    out.companyRegistrationNumber = coc;
  }
  const iban = optionalString(body, 'iban', 50, 'REL_029');
  if (iban !== undefined) {
    if (iban !== '' && !isValidIban(iban)) fail('REL_007', 'iban');
    out.iban = iban;
  }
  const term = optionalInteger(body, 'termOfPayment');
  if (term !== undefined) {
    if (term < 0) fail('REL_030', 'termOfPayment');
    if (term > 999) fail('REL_031', 'termOfPayment');
    out.termOfPayment = term;
  }
  const ledgerId = optionalInteger(body, 'ledgerId');
  if (ledgerId !== undefined && ledgerId !== 0) {
    if (!store.ledgers.has(ledgerId)) fail('REL_048', 'ledgerId');
    out.ledgerId = ledgerId;
  }
  const mandateType = body.mandateType;
  if (present(mandateType) && mandateType !== '' && mandateType !== 'E' && mandateType !== 'D')
    fail('REL_051', 'mandateType');
  if (present(mandateType)) out.mandateType = mandateType as SbRelation['mandateType'];
  const mandate = optionalBoolean(body, 'mandate');
  if (mandate !== undefined) out.mandate = mandate;
  // The document types it `object` (an open point); its examples and the live service use a date string.
  if (present(body.mandateSignedDate)) {
    const signed = dateOf(body.mandateSignedDate);
    if (!signed) fail('ERR_002', 'mandateSignedDate');
    out.mandateSignedDate = signed;
  }
  const newsletters = optionalBoolean(body, 'doNotReceiveNewsletters');
  if (newsletters !== undefined) out.doNotReceiveNewsletters = newsletters;
  const inactive = optionalBoolean(body, 'inactive');
  if (inactive !== undefined) out.inactive = inactive;
  const freeText: string[] = [];
  let anyFreeText = false;
  for (let i = 1; i <= 10; i++) {
    const value = optionalString(body, `freeText${i}`, 100, `REL_${String(36 + i).padStart(3, '0')}`);
    if (value !== undefined) anyFreeText = true;
    freeText.push(value ?? '');
  }
  if (anyFreeText) out.freeText = freeText;
  return out;
}

/** The next free numeric relation code, as e-Boekhouden generates one when none is given. */
export function nextRelationCode(store: Store): string {
  let max = 0;
  for (const r of store.relations.values()) {
    if (typeof r.code === 'string' && /^\d{1,9}$/.test(r.code)) max = Math.max(max, Number(r.code));
  }
  let next = max + 1;
  while (store.relationByCode(String(next))) next++;
  return String(next);
}
