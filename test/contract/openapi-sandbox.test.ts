/**
 * Every REST operation of e-Boekhouden's own contract (openapi-v1.json) against the sandbox: success
 * and typical error answers, each answer and each request checked against the document. A test here
 * that passes against the sandbox must also pass against the real service.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createContext, createSandboxApp } from '../../sandbox/server';
import type { SandboxContext } from '../../sandbox/faults';
import type { SandboxConfig } from '../../sandbox/config';
import { contract } from '../helpers/openapi';
import { Recorder, type Exchange } from '../helpers/openapi-recorder';

/**
 * Answers the document does not describe but the live service gives (OPENAPI-NOTES.md): the
 * outstanding-items list documents no 400, yet live answers MUTA_006 without `credDeb`.
 */
const UNDOCUMENTED_LIVE: readonly { operation: string; status: number; code: string }[] = [
  { operation: 'GET /v1/mutation/invoice/outstanding', status: 400, code: 'MUTA_006' },
  { operation: 'GET /v1/mutation/invoice/outstanding', status: 400, code: 'MUTA_007' },
];
function isUndocumentedLive(e: Exchange): boolean {
  const name = contract().find(e.method, e.path)?.name;
  const code = (e.responseBody as { code?: string } | undefined)?.code;
  return UNDOCUMENTED_LIVE.some((u) => u.operation === name && u.status === e.status && u.code === code);
}

const recorder = new Recorder();
let ctx: SandboxContext;
let token = '';

function fresh(config: Partial<SandboxConfig> = {}) {
  ctx = createContext({ seed: 'demo', config });
  const app = createSandboxApp(ctx);
  return recorder.fetch((request) => app.fetch(request));
}
let fetcher = fresh();

interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}
async function call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const response = await fetcher(`http://sandbox${path}`, {
    method,
    headers: { Authorization: token, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}
/** A request the document does not allow, sent on purpose to see the live behaviour (read digits, ignore filters). */
async function offContract<T>(run: () => Promise<T>): Promise<T> {
  const label = recorder.label;
  recorder.label = 'off-contract';
  try {
    return await run();
  } finally {
    recorder.label = label;
  }
}
type List<T = Record<string, unknown>> = { items: T[]; count: number };
const list = async <T = Record<string, unknown>>(path: string) => (await call<List<T>>('GET', path)).body.items;

async function openSession(): Promise<void> {
  token = '';
  const answer = await call<{ token: string }>('POST', '/v1/session', {
    accessToken: ctx.config.apiToken,
    source: 'tests',
  });
  token = answer.body.token;
}

/** Ids the seed holds, read through the API. */
async function ids() {
  const ledgers = await list<{ id: number; code: string }>('/v1/ledger?limit=2000');
  const ledger = (code: string) => ledgers.find((l) => l.code === code)!.id;
  const relations = await list<{ id: number; code: string }>('/v1/relation');
  const templates = await list<{ id: number }>('/v1/invoicetemplate');
  const units = await list<{ id: number }>('/v1/unit');
  const groups = await list<{ id: number; code: string }>('/v1/product/groups');
  const costCenters = await list<{ id: number; parentId: number }>('/v1/costcenter');
  return {
    revenue: ledger('8000'),
    debtors: ledger('1300'),
    bank: ledger('1100'),
    relation: relations[0].id,
    template: templates[0].id,
    unit: units[0].id,
    group: groups[0],
    costCenter: costCenters[0].id,
  };
}

const line = (ledgerId: number, extra: Record<string, unknown> = {}) => ({
  description: 'Arbeid',
  quantity: 2,
  pricePerUnit: 50,
  vatCode: 'HOOG_VERK_21',
  ledgerId,
  ...extra,
});

beforeEach(async () => {
  fetcher = fresh();
  await openSession();
});

describe('the sandbox answers as openapi-v1.json says', () => {
  it('sessions: 200 with token and expiresIn, documented refusals, DELETE 204 then 401', async () => {
    recorder.label = 'session';
    const bad = await call('POST', '/v1/session', { accessToken: ctx.config.apiToken, source: 'my-app' });
    expect(bad).toMatchObject({ status: 400, body: { code: 'API_SESSION_002' } });
    const missing = await call('POST', '/v1/session', { accessToken: '', source: 'tests' });
    expect(missing).toMatchObject({ status: 400, body: { code: 'API_SESSION_003' } });
    const wrong = await call('POST', '/v1/session', { accessToken: 'not-the-token', source: 'tests' });
    expect(wrong.status).toBe(403);
    expect((await call('DELETE', '/v1/session')).status).toBe(204);
    expect((await call('DELETE', '/v1/session')).status).toBe(401);
    expect((await call('GET', '/v1/relation')).status).toBe(401);
  });

  it('administrations: EP_001 for an ordinary account, linked for everyone, both for an accountant', async () => {
    recorder.label = 'administration';
    expect(await call('GET', '/v1/administration')).toMatchObject({ status: 400, body: { code: 'EP_001' } });
    const linked = await call<List>('GET', '/v1/administration/linked');
    expect(linked.status).toBe(200);
    expect(linked.body.items.length).toBeGreaterThan(0);
    fetcher = fresh({ accountant: true });
    await openSession();
    expect((await call<List>('GET', '/v1/administration')).body.items.length).toBeGreaterThan(0);
  });

  it('relations: create 201, every accepted field round-trips, PATCH 204, documented filters, unknown ones ignored', async () => {
    recorder.label = 'relation';
    const created = await offContract(() =>
      call<{ id: number; code: string }>('POST', '/v1/relation', {
        type: 'B',
        name: 'Contract B.V.',
        emailAddress: 'info@contract.nl',
        emailAddressInvoice: 'facturen@contract.nl',
        emailAddressReminder: 'herinnering@contract.nl',
        mandate: true,
        mandateType: 'D',
        mandateId: 'MANDAAT-001',
        mandateSignedDate: '2026-01-15',
        termOfPayment: '21',
        city: 'Zwolle',
      }),
    );
    expect(created.status).toBe(201);
    const detail = await call('GET', `/v1/relation/${created.body.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      code: created.body.code,
      emailAddressInvoice: 'facturen@contract.nl',
      emailAddressReminder: 'herinnering@contract.nl',
      mandate: true,
      mandateType: 'D',
      mandateId: 'MANDAAT-001',
      mandateSignedDate: '2026-01-15',
      termOfPayment: 21,
    });
    const patched = await call('PATCH', `/v1/relation/${created.body.id}`, {
      name: 'Contract B.V.',
      emailAddressInvoice: 'boekhouding@contract.nl',
    });
    expect(patched.status).toBe(204);
    expect((await call('GET', `/v1/relation/${created.body.id}`)).body.emailAddressInvoice).toBe(
      'boekhouding@contract.nl',
    );
    const byCity = await list<{ id: number }>('/v1/relation?city=Zwolle&limit=2000');
    expect(byCity.map((r) => r.id)).toContain(created.body.id);
    const all = await list('/v1/relation?limit=2000');
    expect(await offContract(() => list('/v1/relation?limit=2000&notAFilter=1&id=1'))).toEqual(all);
    expect((await call('GET', '/v1/relation/999999999')).status).toBe(404);
    expect((await call('POST', '/v1/relation', { type: 'B' })).body).toMatchObject({ code: 'REL_002' });
  });

  it('products: list, detail, create 201, PATCH 204, DELETE 204, groups; documented filters', async () => {
    recorder.label = 'product';
    const { revenue, unit, group } = await ids();
    const created = await call<{ id: number }>('POST', '/v1/product', {
      code: 'CONTRACT-1',
      description: 'Contractproduct',
      unitId: unit,
      groupId: group.id,
      priceExcl: 12.5,
      vat: 'HOOG_VERK_21',
      ledgerId: revenue,
    });
    expect(created.status).toBe(201);
    const detail = await call('GET', `/v1/product/${created.body.id}`);
    expect(detail.body).toMatchObject({ code: 'CONTRACT-1', priceExcl: 12.5, vat: 'HOOG_VERK_21', ledgerId: revenue });
    expect((await call('PATCH', `/v1/product/${created.body.id}`, { description: 'Nieuw' })).status).toBe(204);
    expect((await call('GET', `/v1/product/${created.body.id}`)).body.description).toBe('Nieuw');
    expect((await list<{ id: number }>('/v1/product?code=CONTRACT-1')).map((p) => p.id)).toEqual([created.body.id]);
    const inGroup = await list<{ id: number }>(`/v1/product?groupCode=${group.code}&limit=2000`);
    expect(inGroup.map((p) => p.id)).toContain(created.body.id);
    const all = await list('/v1/product?limit=2000');
    expect(await offContract(() => list('/v1/product?limit=2000&active=false'))).toEqual(all);
    expect((await call('POST', '/v1/product', { code: 'X', description: 'x', ledgerId: revenue })).body).toMatchObject({
      code: 'ART_017',
    });
    expect((await call('DELETE', `/v1/product/${created.body.id}`)).status).toBe(204);
    expect((await call('GET', `/v1/product/${created.body.id}`)).status).toBe(404);
    expect((await call('DELETE', `/v1/product/${created.body.id}`)).status).toBe(404);
    expect((await call('GET', '/v1/product/groups')).status).toBe(200);
  });

  it('ledgers: list, detail, create 201, PATCH 204, balance and balances', async () => {
    recorder.label = 'ledger';
    const created = await call<{ id: number }>('POST', '/v1/ledger', {
      code: '8990',
      description: 'Overige omzet',
      category: 'VW',
    });
    expect(created.status).toBe(201);
    expect((await call('GET', `/v1/ledger/${created.body.id}`)).body).toMatchObject({ code: '8990', category: 'VW' });
    expect((await call('PATCH', `/v1/ledger/${created.body.id}`, { description: 'Omzet overig' })).status).toBe(204);
    expect((await call('GET', `/v1/ledger/${created.body.id}`)).body.description).toBe('Omzet overig');
    expect((await call('POST', '/v1/ledger', { code: '8990', description: 'dubbel' })).body).toMatchObject({
      code: 'LEDG_013',
    });
    expect((await list('/v1/ledger?category=VW&limit=2000')).every((l) => l.category === 'VW')).toBe(true);
    expect((await call('GET', `/v1/ledger/${created.body.id}/balance?from=2020-01-01&to=2030-12-31`)).status).toBe(200);
    const balances = await call<List>('GET', '/v1/ledger/balances?from=2020-01-01');
    expect(balances.status).toBe(200);
    const ledgerCount = (await list('/v1/ledger?limit=2000')).length;
    // No paging parameters in the document here: the live service ignores them.
    expect(await offContract(() => list('/v1/ledger/balances?limit=1'))).toHaveLength(ledgerCount);
    expect((await call('GET', '/v1/ledger/123/balance')).status).toBe(404);
  });

  it('cost centres: list, detail, create 201, PATCH 204, DELETE 204; documented filters', async () => {
    recorder.label = 'costcenter';
    const created = await call<{ id: number; active: boolean }>('POST', '/v1/costcenter', {
      description: 'Contract',
      active: true,
    });
    expect(created).toMatchObject({ status: 201, body: { active: true } });
    const child = await call<{ id: number }>('POST', '/v1/costcenter', {
      description: 'Sub',
      parentId: created.body.id,
    });
    expect(child.status).toBe(201);
    expect((await call('GET', `/v1/costcenter/${child.body.id}`)).body).toMatchObject({
      parentId: created.body.id,
      fullPath: expect.stringContaining('Contract'),
    });
    const children = await list<{ id: number }>(`/v1/costcenter?parentId=${created.body.id}`);
    expect(children.map((c) => c.id)).toEqual([child.body.id]);
    expect((await call('PATCH', `/v1/costcenter/${child.body.id}`, { description: 'Onder' })).status).toBe(204);
    expect((await call('DELETE', `/v1/costcenter/${created.body.id}`)).body).toMatchObject({ code: 'COST_009' });
    expect((await call('DELETE', `/v1/costcenter/${child.body.id}`)).status).toBe(204);
    expect((await call('GET', `/v1/costcenter/${child.body.id}`)).status).toBe(404);
    expect((await call('POST', '/v1/costcenter', { active: true })).body).toMatchObject({ code: 'COST_003' });
  });

  it('members: create 201, list, detail, PATCH 204, unknown id 404', async () => {
    recorder.label = 'member';
    const created = await call<{ id: number; memberNumber: string }>('POST', '/v1/member', {
      name: 'Jan Lid',
      emailAddressInvoice: 'jan@lid.nl',
      city: 'Utrecht',
    });
    expect(created.status).toBe(201);
    expect(created.body.memberNumber).toMatch(/\S/);
    expect((await call('GET', `/v1/member/${created.body.id}`)).body).toMatchObject({
      name: 'Jan Lid',
      emailAddressInvoice: 'jan@lid.nl',
    });
    expect((await call('PATCH', `/v1/member/${created.body.id}`, { name: 'Jan Lid', city: 'Zeist' })).status).toBe(204);
    expect((await list<{ id: number }>('/v1/member?city=Zeist')).map((m) => m.id)).toEqual([created.body.id]);
    expect((await call('GET', '/v1/member/999999')).status).toBe(404);
    expect((await call('POST', '/v1/member', { city: 'x' })).body).toMatchObject({ code: 'MEM_002' });
  });

  it('invoices: create 201, list and detail with urlPdfFile, discounts change totals, limits and codes', async () => {
    recorder.label = 'invoice';
    const { revenue, relation, template, debtors } = await ids();
    const base = { relationId: relation, templateId: template, termOfPayment: 14, date: '2026-03-01' };
    const created = await offContract(() =>
      call<{ id: number; invoiceNumber: string }>('POST', '/v1/invoice', {
        ...base,
        relationId: String(relation),
        items: [line(revenue, { discountPercentage: 10 }), line(revenue, { quantity: 1, discountAmount: 5 })],
        mutation: { paymentReference: 'REF-CONTRACT-1', checkPaymentReference: true, ledgerId: debtors },
      }),
    );
    expect(created.status).toBe(201);
    const detail = await call<Record<string, unknown> & { items: Record<string, unknown>[] }>(
      'GET',
      `/v1/invoice/${created.body.id}`,
    );
    // 2 × 50 − 10 % = 90, 1 × (50 − 5) = 45: 135.00 excl, 28.35 VAT.
    expect(detail.body).toMatchObject({ totalExcl: 135, vatAmount: 28.35, totalAmount: 163.35, relationId: relation });
    const pdf = await fetcher(String(detail.body.urlPdfFile));
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(await pdf.text()).toMatch(/^%PDF-1\.4[\s\S]*%%EOF\n$/);
    expect(detail.body.items[0]).toMatchObject({ discountPercentage: 10 });
    expect(detail.body.items[1]).toMatchObject({ discountAmount: 5 });
    const listed = await list<{ id: number; urlPdfFile: string }>(
      `/v1/invoice?invoiceNumber=${created.body.invoiceNumber}`,
    );
    expect(listed.map((i) => i.id)).toEqual([created.body.id]);
    expect(typeof listed[0].urlPdfFile).toBe('string');

    const again = await call('POST', '/v1/invoice', {
      ...base,
      items: [line(revenue)],
      mutation: { paymentReference: 'REF-CONTRACT-1', checkPaymentReference: true },
    });
    expect(again.body).toMatchObject({ code: 'FACT_VERWERK_004' });
    const unchecked = await call('POST', '/v1/invoice', {
      ...base,
      items: [line(revenue)],
      mutation: { paymentReference: 'REF-CONTRACT-1' },
    });
    expect(unchecked.status).toBe(201);

    const tooMany = await call('POST', '/v1/invoice', {
      ...base,
      items: Array.from({ length: 501 }, () => line(revenue)),
    });
    expect(tooMany.body).toMatchObject({ code: 'FACT_025' });
    const most = await call('POST', '/v1/invoice', {
      ...base,
      items: Array.from({ length: 500 }, () => line(revenue)),
    });
    expect(most.status).toBe(201);
    const longReference = await call('POST', '/v1/invoice', {
      ...base,
      reference: 'R'.repeat(51),
      items: [line(revenue)],
    });
    expect(longReference.body).toMatchObject({ code: 'FACT_014' });
    expect((await call('GET', '/v1/invoice/1')).status).toBe(404);
  });

  it('mutations: list with the opening balance (id 0, type 0), create 201, detail, limits and codes', async () => {
    recorder.label = 'mutation';
    const { revenue, bank } = await ids();
    const mutations = await list<{ id: number; type: number }>('/v1/mutation?limit=2000');
    expect(mutations[0]).toMatchObject({ id: 0, type: 0 });
    const row = { ledgerId: revenue, vatCode: 'HOOG_VERK_21', amount: 100 };
    const body = { type: 5, date: '2026-03-02', ledgerId: bank, description: 'Contant ontvangen', rows: [row] };
    const created = await offContract(() =>
      call<{ id: number }>('POST', '/v1/mutation', {
        ...body,
        type: '5',
        paymentReference: 'MUT-REF-1',
        checkPaymentReference: true,
      }),
    );
    expect(created.status).toBe(201);
    const detail = await call('GET', `/v1/mutation/${created.body.id}`);
    expect(detail.body).toMatchObject({ id: created.body.id, type: 5, description: 'Contant ontvangen' });
    expect((await list<{ id: number }>(`/v1/mutation?id=${created.body.id}`)).map((m) => m.id)).toEqual([
      created.body.id,
    ]);
    expect((await list<{ type: number }>('/v1/mutation?type=5&limit=2000')).every((m) => m.type === 5)).toBe(true);
    const reused = await call('POST', '/v1/mutation', {
      ...body,
      paymentReference: 'MUT-REF-1',
      checkPaymentReference: true,
    });
    expect(reused.body).toMatchObject({ code: 'MUTA_008' });
    expect((await call('POST', '/v1/mutation', { ...body, description: 'D'.repeat(51) })).status).toBe(400);
    expect((await call('POST', '/v1/mutation', { ...body, rows: Array.from({ length: 500 }, () => row) })).status).toBe(
      201,
    );
    expect(
      (await call('POST', '/v1/mutation', { ...body, rows: Array.from({ length: 501 }, () => row) })).body,
    ).toMatchObject({ code: 'MUT_101' });
    expect((await call('GET', '/v1/mutation/999999999')).status).toBe(404);
  });

  it('outstanding items, units, invoice and e-mail templates', async () => {
    recorder.label = 'lists';
    expect((await call('GET', '/v1/mutation/invoice/outstanding?credDeb=D')).status).toBe(200);
    expect((await call('GET', '/v1/mutation/invoice/outstanding?credDeb=C&invoiceNumber=X')).status).toBe(200);
    expect((await call('GET', '/v1/mutation/invoice/outstanding')).body).toMatchObject({ code: 'MUTA_006' });
    expect(
      (await list<{ singular: string }>('/v1/unit?singular=uur')).every((u) => u.singular.toLowerCase() === 'uur'),
    ).toBe(true);
    expect((await call('GET', '/v1/invoicetemplate?active=true')).status).toBe(200);
    expect((await call('GET', '/v1/emailtemplate')).status).toBe(200);
    expect((await call('GET', '/v1/relation?limit=0')).body).toMatchObject({ code: 'PAGE_001' });
  });

  it("full list items (restListItems: full) carry the detail fields of the document's list examples", async () => {
    recorder.label = 'full-lists';
    fetcher = fresh({ restListItems: 'full' });
    await openSession();
    const [relation] = await list<Record<string, unknown>>('/v1/relation?limit=1');
    const detail = await call('GET', `/v1/relation/${String(relation.id)}`);
    const { date: _date, isClubOrAssociationMember: _member, ...expected } = detail.body;
    expect(relation).toEqual(expected);
    const [product] = await list<Record<string, unknown>>('/v1/product?limit=1');
    expect(product).toEqual((await call('GET', `/v1/product/${String(product.id)}`)).body);
  });

  it('e-mail templates: listed, and an invoice refers to one or is refused with FACT_020', async () => {
    recorder.label = 'emailtemplate';
    const { revenue, relation, template } = await ids();
    const [email] = await list<{ id: number; useInvoice: boolean }>('/v1/emailtemplate');
    expect(email.useInvoice).toBe(true);
    const base = {
      relationId: relation,
      templateId: template,
      termOfPayment: 14,
      date: '2026-03-01',
      items: [line(revenue)],
    };
    const created = await call<{ id: number }>('POST', '/v1/invoice', { ...base, emailTemplateId: email.id });
    expect((await call('GET', `/v1/invoice/${created.body.id}`)).body.emailTemplateId).toBe(email.id);
    expect((await call('POST', '/v1/invoice', { ...base, emailTemplateId: 4242 })).body).toMatchObject({
      code: 'FACT_020',
    });
  });

  it('every answer above is one the document allows (operation, status and field named otherwise)', () => {
    const problems = recorder.responseProblems((e) => !isUndocumentedLive(e));
    expect(problems).toEqual([]);
  });

  it('every request above is one the document allows, except the refusals they provoke on purpose', () => {
    const problems = recorder.requestProblems((e) => e.status < 300 && e.label !== 'off-contract');
    expect(problems).toEqual([]);
  });

  it('every operation of the document under /v1 was exercised', () => {
    const seen = recorder.operationsSeen();
    const missing = contract()
      .operations.filter((o) => o.template.startsWith('/v1/'))
      .map((o) => o.name)
      .filter((name) => !seen.has(name));
    expect(missing).toEqual([]);
    expect([...seen.keys()].filter((k) => k.endsWith('(unknown)'))).toEqual([]);
  });
});
