/**
 * The SOAP transport: Username + SecurityCode1 + SecurityCode2 → SessionID, SOAP 1.1 envelopes
 * (xml.ts), results validated with zod (wire.ts) before they leave this file.
 *
 * Sessions: opened lazily; every call sends SessionID then SecurityCode2. An E002.x answer
 * (expired, unknown, closed) opens a new session and repeats the call once; E001.x never is.
 */
import type { z } from 'zod';
import type { Capabilities, EBoekhouden, MutationQuery, TransportOptions } from '../api';
import { EBoekhoudenError, redactSecrets } from '../errors';
import { createHttp, type HttpRequest } from '../http';
import {
  addFactuurResultSchema,
  addRelatieResultSchema,
  administratieSchema,
  artikelSchema,
  errorMsgSchema,
  factuurSchema,
  grootboekrekeningSchema,
  identifySoap,
  mutatieSchema,
  openPostSchema,
  openSessionResultSchema,
  relatieSchema,
  toAdministration,
  toInvoice,
  toLedgerAccount,
  toMutation,
  toOpenItem,
  toProduct,
  toProductListItem,
  toRelation,
  toRelationListItem,
} from './wire';
import {
  bool,
  buildEnvelope,
  decimal2,
  listItems,
  long,
  parseEnvelope,
  quantity,
  SOAP_NAMESPACE,
  type XmlFields,
} from './xml';
import {
  MAX_SOAP_INVOICE_LINES,
  newInvoiceSchema,
  newRelationSchema,
  type Mutation,
  type NewInvoice,
  type NewRelation,
  type OpenItemSide,
  type Page,
  type RejectedRecord,
} from '../types';
import { firstIssue, malformed, parseResponse, validateItems } from '../validate';

/** GetRelaties and GetArtikelen return at most this many per request, and cannot page. */
export const SOAP_LIST_CAP = 2000;
/** GetMutaties returns only the last this-many matching mutations. */
export const SOAP_MUTATION_CAP = 500;
/** "All dates" for filters whose dates are required (e-Boekhouden accepts 1980–2049). */
export const ALL_DATES = { from: '1980-01-01', to: '2049-12-31' } as const;
/** Upper bound for an open MutatieNr window; larger than any real mutation number. */
const NO_UPPER_BOUND = 2_147_483_647;

const CAPABILITIES: Capabilities = {
  completeLists: false,
  listInvoiceTemplates: false,
  listsCarryDetails: true,
  mutationLinesInLists: true,
};

type Result = Record<string, unknown>;
type MutationWindow = { items: Mutation[]; rejected: RejectedRecord[]; received: number };

export function createSoapTransport(options: TransportOptions): EBoekhouden {
  if (options.credentials.kind !== 'securityCodes') {
    throw new EBoekhoudenError('The SOAP connection needs a username and two security codes.', {
      kind: 'auth',
      operation: 'OpenSession',
    });
  }
  const credentials = options.credentials;
  const http = createHttp(options);
  const url = `${options.baseUrl.replace(/\/+$/, '')}/soap.asmx`;
  let session: Promise<string> | undefined;
  /** Session ids ever opened, so they can be redacted from anything echoed back. */
  const sessionIds: string[] = [];

  // session ids look like {GUID}; redact that shape too, for ids from sessions we never saw open
  const redact = (text: string) =>
    redactSecrets(text, [
      credentials.securityCode1,
      credentials.securityCode2,
      options.administrationGuid,
      ...sessionIds,
    ]).replace(/\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}/g, '[redacted]');

  /** One SOAP request; returns `<Op>Result` (or '' for an empty response) after the ErrorMsg check. */
  async function post(operation: string, fields: XmlFields, write: boolean): Promise<Result> {
    const request: HttpRequest = {
      operation,
      url,
      method: 'POST',
      headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${SOAP_NAMESPACE}/${operation}"` },
      body: buildEnvelope(operation, fields),
      write,
    };
    const response = await http.send(request);
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      throw new EBoekhoudenError(`The connection to e-Boekhouden broke while reading the answer (${operation}).`, {
        kind: 'network',
        operation,
        status: response.status,
        outcomeUnknown: write,
        cause,
      });
    }
    const parsed = parseEnvelope(text, operation);
    if (parsed.kind === 'fault') {
      throw new EBoekhoudenError(
        `e-Boekhouden could not process the request (${operation}): ${redact(parsed.message)}`,
        {
          kind: 'upstream',
          operation,
          status: response.status,
        },
      );
    }
    if (!response.ok) {
      throw new EBoekhoudenError(`e-Boekhouden answered HTTP ${response.status} (${operation}).`, {
        kind: 'upstream',
        operation,
        status: response.status,
        outcomeUnknown: write && response.status >= 500,
      });
    }
    if (parsed.kind === 'unreadable') throw malformed(operation, '', parsed.reason, response.status);

    if (parsed.response === '' && operation === 'CloseSession') return {};
    const resultName = `${operation}Result`;
    const envelope = parsed.response;
    const result = envelope && typeof envelope === 'object' ? (envelope as Result)[resultName] : undefined;
    if (!result || typeof result !== 'object' || Array.isArray(result))
      throw malformed(operation, resultName, 'missing', response.status);
    const error = parseResponse(errorMsgSchema, (result as Result).ErrorMsg, operation, response.status);
    if (error.code) throw codeError(operation, error.code, error.description, redact);
    return result as Result;
  }

  async function openSession(): Promise<string> {
    const sub = options.administrationGuid !== undefined && options.administrationGuid !== '';
    const operation = sub ? 'OpenSessionSub' : 'OpenSession';
    const fields: [string, string][] = [
      ['Username', credentials.username],
      ['SecurityCode1', credentials.securityCode1],
      ['SecurityCode2', credentials.securityCode2],
      ['Source', (options.source ?? 'BoekhoudComp').slice(0, 15)],
    ];
    if (sub) fields.push(['AdministratieGUID', options.administrationGuid!]);
    const result = await post(operation, fields, false);
    const { SessionID } = parseResponse(openSessionResultSchema, result, operation);
    sessionIds.push(SessionID);
    return SessionID;
  }

  function currentSession(): Promise<string> {
    if (!session) {
      const opening = openSession();
      session = opening;
      opening.catch(() => {
        if (session === opening) session = undefined;
      });
    }
    return session;
  }

  /** A call inside the session: SessionID and SecurityCode2 first, then `fields`. Renews an expired session once. */
  async function call(operation: string, fields: XmlFields, write = false): Promise<Result> {
    for (let attempt = 0; ; attempt++) {
      const opened = currentSession();
      const sessionId = await opened;
      try {
        return await post(
          operation,
          [['SessionID', sessionId], ['SecurityCode2', credentials.securityCode2], ...fields],
          write,
        );
      } catch (e) {
        // E002.x: the call was not processed, so even a write may be repeated on a new session.
        if (e instanceof EBoekhoudenError && e.kind === 'session' && attempt === 0) {
          if (session === opened) session = undefined;
          continue;
        }
        throw e;
      }
    }
  }

  /** The items of an ArrayOfX in a result, each validated; bad ones become rejections. */
  function items<S extends z.ZodType, T>(
    operation: string,
    result: Result,
    wrapper: string,
    item: string,
    schema: S,
    map: (wire: z.output<S>) => T,
  ): { items: T[]; rejected: RejectedRecord[]; received: number } {
    const raw = listItems(result[wrapper], item);
    if (raw === undefined) throw malformed(operation, wrapper, `expected a list of ${item}`);
    const { items, rejected } = validateItems(schema, raw, map, identifySoap);
    return { items, rejected, received: raw.length };
  }

  function page<T>(items: T[], rejected: RejectedRecord[], received: number, extra: Partial<Page<T>> = {}): Page<T> {
    return { items, received, ...(rejected.length ? { rejected } : {}), ...extra };
  }

  function capWarning(operation: string, received: number): Page<never>['truncated'] {
    if (received < SOAP_LIST_CAP) return undefined;
    const what = operation === 'GetRelaties' ? 'relations' : 'products';
    return {
      operation,
      received,
      limit: SOAP_LIST_CAP,
      message:
        `e-Boekhouden's SOAP connection returns at most ${SOAP_LIST_CAP} ${what} per request, and ${received} arrived, ` +
        `so some may be missing. Connect with an API token (REST) to get all ${what}.`,
    };
  }

  const relationFilter = (filter: { code?: string; id?: number }): XmlFields => [
    [
      'cFilter',
      [
        ['Trefwoord', ''],
        ['Code', filter.code ?? ''],
        ['ID', long(filter.id ?? 0)],
      ],
    ],
  ];

  const productFilter = (id = 0): XmlFields => [
    [
      'cFilter',
      [
        ['ArtikelID', long(id)],
        ['ArtikelOmschrijving', ''],
        ['ArtikelCode', ''],
        ['GroepOmschrijving', ''],
        ['GroepCode', ''],
      ],
    ],
  ];

  async function getRelations(filter: { code?: string; id?: number }) {
    const result = await call('GetRelaties', relationFilter(filter));
    return items('GetRelaties', result, 'Relaties', 'cRelatie', relatieSchema, (r) => r);
  }

  async function getArtikelen(id?: number) {
    const result = await call('GetArtikelen', productFilter(id));
    return items('GetArtikelen', result, 'Artikelen', 'cArtikel', artikelSchema, (a) => a);
  }

  function notFound(operation: string, what: string): EBoekhoudenError {
    return new EBoekhoudenError(`${what} was not found in e-Boekhouden (${operation}).`, {
      kind: 'validation',
      code: 'NOT_FOUND',
      operation,
    });
  }

  function rejectedRecord(operation: string, rejected: RejectedRecord): EBoekhoudenError {
    const [field] = rejected.message.split(':');
    return malformed(operation, field ?? '', rejected.message.slice((field ?? '').length + 1).trim() || 'invalid');
  }

  function invalidInput(operation: string, error: z.ZodError): EBoekhoudenError {
    const { field, reason } = firstIssue(error);
    return new EBoekhoudenError(`${field ? `${field}: ` : ''}${reason}`, {
      kind: 'validation',
      code: 'INVALID',
      operation,
      field: field || undefined,
    });
  }

  // ── mutations ─────────────────────────────────────────────────────────────

  async function getMutaties(query: { from: string; to: string }, van: number, tm: number) {
    const result = await call('GetMutaties', [
      [
        'cFilter',
        [
          ['MutatieNr', '0'],
          ['MutatieNrVan', long(van)],
          ['MutatieNrTm', long(tm)],
          ['Factuurnummer', ''],
          ['DatumVan', query.from],
          ['DatumTm', query.to],
        ],
      ],
    ]);
    const got = items('GetMutaties', result, 'Mutaties', 'cMutatieList', mutatieSchema, toMutation);
    if (got.received > SOAP_MUTATION_CAP) {
      throw malformed(
        'GetMutaties',
        'Mutaties',
        `expected at most ${SOAP_MUTATION_CAP} mutations per answer, got ${got.received}`,
      );
    }
    for (const m of got.items) {
      if (m.id < van || m.id > tm)
        throw malformed('GetMutaties', 'MutatieNr', `a mutation outside the window ${van}–${tm} was returned`);
    }
    got.items.sort((a, b) => a.id - b.id);
    return got;
  }

  /**
   * Every matching mutation with a number in [lo, hi], oldest first. GetMutaties returns only the
   * last 500 matching, so an answer of fewer than 500 is complete; a full answer is complete only
   * when the window spans at most 500 numbers (numbers are unique). A full answer from a wider
   * window covers [its lowest number, hi]; the part below it is walked first, in 500-number
   * windows, while that answer waits. Windows widen while answers come back sparse (gaps, date
   * filters), to spend fewer calls of the monthly GetMutaties quota.
   */
  async function* walk(
    query: { from: string; to: string },
    lo: number,
    hi: number,
    size: number,
  ): AsyncGenerator<MutationWindow> {
    while (lo <= hi) {
      const top = Math.min(hi, lo + size - 1);
      const got = await getMutaties(query, lo, top);
      const complete = got.received < SOAP_MUTATION_CAP || top - lo + 1 <= SOAP_MUTATION_CAP;
      if (complete) {
        yield got;
      } else {
        const numbers = [...got.items.map((m) => m.id), ...got.rejected.map((r) => r.id ?? Number.NaN)].filter(
          Number.isFinite,
        );
        if (numbers.length === 0) {
          // cannot tell where this answer starts: walk the whole window in 500s instead
          yield* walk(query, lo, top, SOAP_MUTATION_CAP);
        } else {
          yield* walk(query, lo, Math.min(...numbers) - 1, SOAP_MUTATION_CAP);
          yield got;
        }
      }
      lo = top + 1;
      size = got.received < SOAP_MUTATION_CAP / 2 ? Math.min(size * 2, NO_UPPER_BOUND) : SOAP_MUTATION_CAP;
    }
  }

  async function* listMutations(query: MutationQuery = {}): AsyncIterable<Page<Mutation>> {
    const dates = { from: query.from ?? ALL_DATES.from, to: query.to ?? ALL_DATES.to };
    const first = Math.max(0, query.afterId ?? 0) + 1;
    let received = 0;
    let lastId = first - 1;
    for await (const got of walk(dates, first, NO_UPPER_BOUND, NO_UPPER_BOUND)) {
      for (const m of got.items) {
        if (m.id <= lastId)
          throw malformed('GetMutaties', 'MutatieNr', 'mutation numbers came back out of order or twice');
        lastId = m.id;
      }
      received += got.received;
      if (got.items.length === 0 && got.rejected.length === 0) continue;
      yield page(got.items, got.rejected, received);
    }
  }

  // ── the interface ─────────────────────────────────────────────────────────

  return {
    kind: 'soap',
    capabilities: CAPABILITIES,

    async open() {
      await currentSession();
    },

    async close() {
      const open = session;
      session = undefined;
      if (!open) return;
      try {
        const sessionId = await open;
        await post('CloseSession', [['SessionID', sessionId]], false);
      } catch {
        // closing is a courtesy; an expired or unreachable session ends on its own
      }
    },

    async listAdministrations() {
      const result = await call('GetAdministraties', []);
      const got = items(
        'GetAdministraties',
        result,
        'Administraties',
        'cAdministratie',
        administratieSchema,
        toAdministration,
      );
      return got.items;
    },

    async *listRelations() {
      const got = await getRelations({});
      const items = got.items.map(toRelationListItem);
      yield page(items, got.rejected, got.received, { truncated: capWarning('GetRelaties', got.received) });
    },

    async getRelation(id) {
      const got = await getRelations({ id });
      if (got.rejected[0] && got.items.length === 0) throw rejectedRecord('GetRelaties', got.rejected[0]);
      const match = got.items.find((r) => r.ID === id);
      if (!match) throw notFound('GetRelaties', `Relation ${id}`);
      return toRelation(match);
    },

    async findRelationByCode(code) {
      const got = await getRelations({ code });
      const match = got.items.find((r) => r.Code === code);
      if (!match && got.rejected[0]) throw rejectedRecord('GetRelaties', got.rejected[0]);
      return match ? toRelation(match) : null;
    },

    async createRelation(input: NewRelation) {
      const parsed = newRelationSchema.safeParse(input);
      if (!parsed.success) throw invalidInput('AddRelatie', parsed.error);
      const result = await call('AddRelatie', [['oRel', relationFields(parsed.data, today())]], true);
      const { Rel_ID } = parseResponse(addRelatieResultSchema, result, 'AddRelatie');
      return { id: Rel_ID, code: parsed.data.code };
    },

    async *listProducts() {
      const got = await getArtikelen();
      yield page(got.items.map(toProductListItem), got.rejected, got.received, {
        truncated: capWarning('GetArtikelen', got.received),
      });
    },

    async getProduct(id) {
      const got = await getArtikelen(id);
      if (got.rejected[0] && got.items.length === 0) throw rejectedRecord('GetArtikelen', got.rejected[0]);
      const match = got.items.find((a) => a.ArtikelID === id);
      if (!match) throw notFound('GetArtikelen', `Product ${id}`);
      return toProduct(match);
    },

    async *listLedgerAccounts() {
      const result = await call('GetGrootboekrekeningen', [
        [
          'cFilter',
          [
            ['ID', '0'],
            ['Code', ''],
            ['Categorie', ''],
          ],
        ],
      ]);
      const got = items(
        'GetGrootboekrekeningen',
        result,
        'Rekeningen',
        'cGrootboekrekening',
        grootboekrekeningSchema,
        toLedgerAccount,
      );
      yield page(got.items, got.rejected, got.received);
    },

    listMutations,

    async *listOpenItems(side: OpenItemSide) {
      const result = await call('GetOpenPosten', [['OpSoort', side === 'debtors' ? 'Debiteuren' : 'Crediteuren']]);
      const got = items('GetOpenPosten', result, 'Openposten', 'cOpenPost', openPostSchema, toOpenItem(side));
      yield page(got.items, got.rejected, got.received);
    },

    // eslint-disable-next-line require-yield -- SOAP has no such list: the first read throws.
    async *listInvoiceTemplates() {
      throw new EBoekhoudenError(
        'The SOAP connection cannot list invoice templates: type the template name exactly as it appears in e-Boekhouden, or connect with an API token to choose from a list.',
        { kind: 'validation', code: 'NOT_SUPPORTED', operation: 'listInvoiceTemplates' },
      );
    },

    async findInvoice(number) {
      const result = await call('GetFacturen', [
        [
          'cFilter',
          [
            ['Factuurnummer', number],
            ['Relatiecode', ''],
            ['DatumVan', ALL_DATES.from],
            ['DatumTm', ALL_DATES.to],
          ],
        ],
      ]);
      const got = items('GetFacturen', result, 'Facturen', 'cFactuurList', factuurSchema, toInvoice);
      const match = got.items.find((i) => i.number === number);
      if (!match && got.rejected.length) throw rejectedRecord('GetFacturen', got.rejected[0]!);
      return match ?? null;
    },

    async createInvoice(input: NewInvoice) {
      const parsed = soapInvoiceSchema.safeParse(input);
      if (!parsed.success) throw invalidInput('AddFactuur', parsed.error);
      const result = await call('AddFactuur', [['oFact', invoiceFields(parsed.data)]], true);
      const { Factuurnummer } = parseResponse(addFactuurResultSchema, result, 'AddFactuur');
      return { number: Factuurnummer };
    },
  };
}

/** AddFactuur takes 1–100 lines (CFACT006); REST takes up to 500. */
const soapInvoiceSchema = newInvoiceSchema.extend({
  lines: newInvoiceSchema.shape.lines.max(
    MAX_SOAP_INVOICE_LINES,
    `an invoice has at most ${MAX_SOAP_INVOICE_LINES} lines with security codes`,
  ),
});

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** cRelatie for AddRelatie: every element, in WSDL order; unused numbers 0. */
export function relationFields(r: NewRelation, addedOn: string): XmlFields {
  const s = (v: string | undefined) => v ?? '';
  return [
    ['ID', '0'],
    ['AddDatum', addedOn],
    ['Code', r.code],
    ['Bedrijf', r.name],
    ['Contactpersoon', s(r.contact)],
    ['Geslacht', ''],
    ['Adres', s(r.address)],
    ['Postcode', s(r.postalCode)],
    ['Plaats', s(r.city)],
    ['Land', s(r.country)],
    ['Adres2', ''],
    ['Postcode2', ''],
    ['Plaats2', ''],
    ['Land2', ''],
    ['Telefoon', s(r.phone)],
    ['GSM', ''],
    ['FAX', ''],
    ['Email', s(r.email)],
    ['Site', ''],
    ['Notitie', ''],
    ['Bankrekening', ''],
    ['Girorekening', ''],
    ['BTWNummer', s(r.vatNumber)],
    ['KvkNummer', s(r.cocNumber)],
    ['Aanhef', ''],
    ['IBAN', s(r.iban)],
    ['BIC', ''],
    ['BP', r.type],
    ...Array.from({ length: 10 }, (_, i) => [`Def${i + 1}`, ''] as const),
    ['LA', '0'],
    ['Gb_ID', '0'],
    ['GeenEmail', '0'],
    ['NieuwsbriefgroepenCount', '0'],
  ];
}

/** cFactuur for AddFactuur: every element, in WSDL order. */
export function invoiceFields(invoice: NewInvoice): XmlFields {
  const email = invoice.email;
  const book = invoice.bookInAccounts;
  return [
    ['Factuurnummer', invoice.number],
    ['Relatiecode', invoice.relationCode],
    ['Datum', invoice.date],
    ['Betalingstermijn', long(invoice.termOfPayment)],
    ['Factuursjabloon', invoice.template],
    ['PerEmailVerzenden', bool(email !== undefined)],
    ['EmailOnderwerp', email?.subject ?? ''],
    ['EmailBericht', email?.body ?? ''],
    ['EmailVanAdres', email?.fromAddress ?? ''],
    ['EmailVanNaam', email?.fromName ?? ''],
    ['AutomatischeIncasso', 'false'],
    ['IncassoIBAN', ''],
    ['IncassoMachtigingSoort', ''],
    ['IncassoMachtigingID', ''],
    // a required dateTime even without direct debit; the invoice date is a harmless value
    ['IncassoMachtigingDatumOndertekening', invoice.date],
    ['IncassoMachtigingFirst', 'false'],
    ['IncassoRekeningNummer', ''],
    ['IncassoTnv', ''],
    ['IncassoPlaats', ''],
    ['IncassoOmschrijvingRegel1', ''],
    ['IncassoOmschrijvingRegel2', ''],
    ['IncassoOmschrijvingRegel3', ''],
    ['InBoekhoudingPlaatsen', bool(book)],
    // required when booking (CFACT030); the invoice number is what a bookkeeper looks for
    [
      'BoekhoudmutatieOmschrijving',
      book ? invoice.bookingDescription || `Factuur ${invoice.number}`.trim() : (invoice.bookingDescription ?? ''),
    ],
    [
      'Regels',
      invoice.lines.map(
        (line) =>
          [
            'cFactuurRegel',
            [
              ['Aantal', quantity(line.quantity)],
              ['Eenheid', line.unit ?? ''],
              ['Code', line.code],
              ['Omschrijving', line.description],
              ['PrijsPerEenheid', decimal2(line.pricePerUnit)],
              ['BTWCode', line.vatCode],
              ['TegenrekeningCode', line.ledgerCode],
              ['KostenplaatsID', long(line.costCenterId ?? 0)],
            ],
          ] as const,
      ),
    ],
  ];
}

/** Maps an ErrorMsg code to the error kind; the description is e-Boekhouden's own text (often Dutch). */
export function codeError(
  operation: string,
  code: string,
  description: string | undefined,
  redact: (s: string) => string = (s) => s,
): EBoekhoudenError {
  const said = description ? `: ${redact(description)}` : '';
  if (code === 'E002.5') {
    return new EBoekhoudenError(
      `This e-Boekhouden user is not an accountant, so other administrations cannot be opened (${code})${said}.`,
      {
        kind: 'auth',
        code,
        operation,
      },
    );
  }
  if (code.startsWith('E001')) {
    return new EBoekhoudenError(
      `e-Boekhouden rejected the username or security codes (${code})${said}. Check them under Beheer > Instellingen > API/SOAP; Security Code 1 changes when the password changes.`,
      { kind: 'auth', code, operation },
    );
  }
  if (code.startsWith('E002')) {
    return new EBoekhoudenError(`The e-Boekhouden session is no longer valid (${code})${said}.`, {
      kind: 'session',
      code,
      operation,
    });
  }
  if (code === 'E003.1') {
    return new EBoekhoudenError(
      `e-Boekhouden's monthly limit of GetMutaties calls is used up (${code})${said}. Try again next month, or connect with an API token.`,
      { kind: 'limit', code, operation },
    );
  }
  return new EBoekhoudenError(`e-Boekhouden refused the request (${operation}, ${code})${said}.`, {
    kind: 'validation',
    code,
    operation,
  });
}
