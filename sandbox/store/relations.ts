/** Relations and members (`/v1/relation`, `/v1/member`; SOAP cRelatie) as the store keeps them. */
export interface SbRelation {
  id: number;
  code: string;
  type: 'B' | 'P';
  name: string;
  contact: string;
  gender: '' | 'm' | 'v' | 'a';
  address: string;
  postalCode: string;
  city: string;
  country: string;
  address2: string;
  postalCode2: string;
  city2: string;
  country2: string;
  phoneNumber: string;
  mobilePhoneNumber: string;
  faxNumber: string;
  emailAddress: string;
  website: string;
  note: string;
  vatNumber: string;
  companyRegistrationNumber: string;
  salutation: string;
  iban: string;
  bic: string;
  inactive: boolean;
  termOfPayment: number;
  ledgerId: number;
  /** YYYY-MM-DD the relation was added. */
  date: string;
  /** Always 10 entries. */
  freeText: string[];
  createdVia: 'seed' | 'rest' | 'soap';
  /** Fields only REST writes (openapi-v1.json); absent on seeded and SOAP records means empty. */
  emailAddressInvoice?: string;
  emailAddressReminder?: string;
  doNotReceiveNewsletters?: boolean;
  mandate?: boolean;
  mandateType?: '' | 'E' | 'D';
  mandateId?: string;
  /** YYYY-MM-DD, or '' when none. */
  mandateSignedDate?: string;
}
/** A member (`/v1/member`): the person fields of a relation plus a member number. */
export interface SbMember {
  id: number;
  memberNumber: string;
  name: string;
  salutation: string;
  gender: '' | 'm' | 'v' | 'a';
  address: string;
  postalCode: string;
  city: string;
  country: string;
  phoneNumber: string;
  mobilePhoneNumber: string;
  faxNumber: string;
  emailAddress: string;
  emailAddressInvoice: string;
  emailAddressReminder: string;
  note: string;
  termOfPayment: number | null;
  iban: string;
  bic: string;
  freeText: string[];
  doNotReceiveNewsletters: boolean;
  ledgerId: number | null;
  mandate: boolean;
  mandateType: '' | 'E' | 'D';
  mandateId: string;
  mandateSignedDate: string;
}

export function padFreeText(values: readonly string[] | undefined): string[] {
  const out = (values ?? []).slice(0, 10);
  while (out.length < 10) out.push('');
  return out;
}

/** A relation with every field empty, for writers that fill in only what they got. */
export function blankRelation(): Omit<SbRelation, 'id' | 'code' | 'name' | 'createdVia'> {
  return {
    type: 'B',
    contact: '',
    gender: '',
    address: '',
    postalCode: '',
    city: '',
    country: '',
    address2: '',
    postalCode2: '',
    city2: '',
    country2: '',
    phoneNumber: '',
    mobilePhoneNumber: '',
    faxNumber: '',
    emailAddress: '',
    website: '',
    note: '',
    vatNumber: '',
    companyRegistrationNumber: '',
    salutation: '',
    iban: '',
    bic: '',
    inactive: false,
    termOfPayment: 14,
    ledgerId: 0,
    date: '',
    freeText: padFreeText([]),
    emailAddressInvoice: '',
    emailAddressReminder: '',
    doNotReceiveNewsletters: false,
    mandate: false,
    mandateType: '',
    mandateId: '',
    mandateSignedDate: '',
  };
}
