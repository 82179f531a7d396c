/**
 * `/v1/member`: list, detail, create (201) and update (204), with the MEM_* codes of openapi-v1.json.
 * The document's only not-found code for members is MEM_001; PATCH documents no 404, so an unknown
 * member there is a 400.
 */
import { fail } from './errors';
import { page, parseFilters, parsePaging, type FilterFields } from './query';
import { ID, jsonBody, type RouteKit } from './kit';
import { digits, EMAIL, isValidIban, present, type Body } from './validate-fields';
import type { SbMember, Store } from '../store';

const STRINGS: readonly [key: keyof SbMember & string, max: number, tooLong: string, email?: string][] = [
  ['salutation', 50, 'MEM_010'],
  ['address', 150, 'MEM_011'],
  ['postalCode', 50, 'MEM_012'],
  ['city', 50, 'MEM_013'],
  ['country', 50, 'MEM_014'],
  ['phoneNumber', 50, 'MEM_019'],
  ['mobilePhoneNumber', 50, 'MEM_020'],
  ['faxNumber', 50, 'MEM_021'],
  ['emailAddress', 150, 'MEM_022', 'MEM_023'],
  ['emailAddressInvoice', 150, 'MEM_024', 'MEM_025'],
  ['emailAddressReminder', 150, 'MEM_026', 'MEM_027'],
  ['note', 40000, 'ERR_002'],
  ['bic', 20, 'MEM_032'],
  ['mandateId', 35, 'MEM_034'],
];

export function validateMember(store: Store, body: Body, selfId?: number): Partial<SbMember> {
  const out: Partial<SbMember> = {};
  const name = body.name;
  if (!present(name) || (typeof name === 'string' && !name.trim())) fail('MEM_002', 'name');
  if (typeof name !== 'string') fail('ERR_002', 'name');
  if (name.length > 100) fail('MEM_003', 'name');
  out.name = name;
  const number = body.memberNumber;
  if (present(number) && number !== '') {
    if (typeof number !== 'string' || !number.trim()) fail('MEM_005', 'memberNumber');
    if (number.length > 15) fail('MEM_006', 'memberNumber');
    for (const m of store.members.values())
      if (m.memberNumber === number && m.id !== selfId) fail('MEM_049', 'memberNumber');
    out.memberNumber = number;
  }
  const gender = body.gender;
  if (present(gender) && gender !== '') {
    if (gender !== 'm' && gender !== 'v' && gender !== 'a') fail('MEM_004', 'gender');
    out.gender = gender;
  }
  for (const [key, max, tooLong, invalid] of STRINGS) {
    const value = body[key];
    if (!present(value)) continue;
    if (typeof value !== 'string') fail('ERR_002', key);
    if (value.length > max) fail(tooLong, key);
    if (invalid && value !== '' && !EMAIL.test(value)) fail(invalid, key);
    (out as Record<string, unknown>)[key] = value;
  }
  const iban = body.iban;
  if (present(iban)) {
    if (typeof iban !== 'string') fail('ERR_002', 'iban');
    if (iban.length > 50) fail('MEM_029', 'iban');
    if (iban !== '' && !isValidIban(iban)) fail('MEM_007', 'iban');
    out.iban = iban;
  }
  const term = digits(body.termOfPayment);
  if (present(term)) {
    if (typeof term !== 'number' || !Number.isInteger(term)) fail('ERR_002', 'termOfPayment');
    if (term < 0) fail('MEM_030', 'termOfPayment');
    if (term > 999) fail('MEM_031', 'termOfPayment');
    out.termOfPayment = term;
  }
  const ledgerId = digits(body.ledgerId);
  if (present(ledgerId) && ledgerId !== 0) {
    if (typeof ledgerId !== 'number' || !store.ledgers.has(ledgerId)) fail('MEM_048', 'ledgerId');
    out.ledgerId = ledgerId;
  }
  const mandateType = body.mandateType;
  if (present(mandateType) && mandateType !== '') {
    if (mandateType !== 'E' && mandateType !== 'D') fail('MEM_051', 'mandateType');
    out.mandateType = mandateType;
  }
  for (const key of ['mandate', 'doNotReceiveNewsletters'] as const) {
    const value = body[key];
    if (!present(value)) continue;
    if (typeof value !== 'boolean') fail('ERR_002', key);
    out[key] = value;
  }
  const signed = body.mandateSignedDate;
  if (present(signed)) {
    if (typeof signed !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(signed)) fail('ERR_002', 'mandateSignedDate');
    out.mandateSignedDate = signed.slice(0, 10);
  }
  const free: string[] = [];
  let anyFree = false;
  for (let i = 1; i <= 10; i++) {
    const value = body[`freeText${i}`];
    if (present(value)) {
      if (typeof value !== 'string') fail('ERR_002', `freeText${i}`);
      if (value.length > 100) fail(`MEM_0${36 + i}`, `freeText${i}`);
      anyFree = true;
    }
    free.push(typeof value === 'string' ? value : '');
  }
  if (anyFree) out.freeText = free;
  return out;
}

function blankMember(): Omit<SbMember, 'id' | 'memberNumber' | 'name'> {
  return {
    salutation: '',
    gender: '',
    address: '',
    postalCode: '',
    city: '',
    country: '',
    phoneNumber: '',
    mobilePhoneNumber: '',
    faxNumber: '',
    emailAddress: '',
    emailAddressInvoice: '',
    emailAddressReminder: '',
    note: '',
    termOfPayment: null,
    iban: '',
    bic: '',
    freeText: [],
    doNotReceiveNewsletters: false,
    ledgerId: null,
    mandate: false,
    mandateType: '',
    mandateId: '',
    mandateSignedDate: '',
  };
}

/** The document's Member: every field, `doNotReceiveNewsletters` as an integer when read. */
export function memberDetail(m: SbMember) {
  const free: Record<string, string> = {};
  for (let i = 0; i < 10; i++) free[`freeText${i + 1}`] = m.freeText[i] ?? '';
  const { freeText: _free, gender, mandateType, mandateSignedDate, doNotReceiveNewsletters, ...rest } = m;
  void _free;
  return {
    ...rest,
    ...(gender ? { gender } : {}),
    ...free,
    doNotReceiveNewsletters: doNotReceiveNewsletters ? 1 : 0,
    ...(mandateType ? { mandateType } : {}),
    mandateSignedDate: mandateSignedDate || null,
  };
}

const MEMBER_FILTERS: FilterFields<SbMember> = {
  memberNumber: { kind: 'string', get: (m) => m.memberNumber },
  name: { kind: 'string', get: (m) => m.name },
  email: { kind: 'string', get: (m) => m.emailAddress },
  city: { kind: 'string', get: (m) => m.city },
};

export function memberRoutes(kit: RouteKit): void {
  const { app, handle, created } = kit;
  const store = kit.store;
  app.get('/member', (c) =>
    handle(c, 'GET /v1/member', {}, () => {
      const url = new URL(c.req.url);
      const items = page(store().sorted(store().members), parseFilters(url, MEMBER_FILTERS), parsePaging(url), true);
      // The document's list example shows every detail field.
      return c.json({ items: items.map(memberDetail), count: items.length });
    }),
  );
  app.get(`/member/${ID}`, (c) =>
    handle(c, 'GET /v1/member/{id}', {}, () => {
      const member = store().members.get(Number(c.req.param('id')));
      if (!member) fail('MEM_001', 'id', 404);
      return c.json(memberDetail(member));
    }),
  );
  app.post('/member', (c) =>
    handle(c, 'POST /v1/member', { write: true }, async () => {
      const fields = validateMember(store(), await jsonBody(c));
      const member = store().addMember({ ...blankMember(), ...fields, name: fields.name! });
      return created(c, { id: member.id, memberNumber: member.memberNumber });
    }),
  );
  app.patch(`/member/${ID}`, (c) =>
    handle(c, 'PATCH /v1/member/{id}', { write: true }, async () => {
      const id = Number(c.req.param('id'));
      const member = store().members.get(id);
      if (!member) fail('MEM_001', 'id');
      Object.assign(member, validateMember(store(), await jsonBody(c), id));
      store().touch();
      return c.body(null, 204);
    }),
  );
}
