/**
 * The pages' building blocks. Components are rendered to HTML with Vue's server renderer (the
 * unit project runs in Node); scrolling, clicking and typing are covered in real Chromium by
 * test/e2e. Here: the virtual window and search/sort over 10,000 rows, the rendered table,
 * the sync panel's progress and pause message, the connection fields' errors, the draft.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createSSRApp, h, reactive, ref, type Component } from 'vue';
import { renderToString } from 'vue/server-renderer';
import DataTable, { type Column } from '../../components/DataTable.vue';
import SyncPanel from '../../components/SyncPanel.vue';
import ConnectionFields from '../../components/ConnectionFields.vue';
import InvoicePdfLink from '../../entrypoints/options/sections/InvoicePdfLink.vue';
import { filterRows, rowWindow, searchIndex, sortRows } from '../../components/virtual';
import { createPinia, setActivePinia } from 'pinia';
import { useStatusStore } from '../../lib/stores/status';
import { outcomeOf } from '../../lib/sync-outcome';
import { pick, setLanguage } from '../../lib/i18n';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { draftFromSettings, extraOriginFor, settingsFromDraft } from '../../lib/settings-draft';
import type { StatusSnapshot } from '../../lib/background-requests';
import type { RowSource } from '../../lib/stores/table-window';

interface Row {
  id: number;
  name: string;
  amount: number;
}
const rows: Row[] = Array.from({ length: 10_000 }, (_, i) => ({
  id: i + 1,
  name: `Klant ${String(i + 1).padStart(5, '0')}`,
  amount: (i * 37) % 1000,
}));
const columns: Column<Row>[] = [
  { key: 'name', label: 'Naam', value: (r) => r.name },
  { key: 'amount', label: 'Bedrag', value: (r) => r.amount, numeric: true },
];

function render(component: Component, props: Record<string, unknown>): Promise<string> {
  return renderToString(createSSRApp({ render: () => h(component, props) }));
}

beforeEach(() => {
  setLanguage('nl');
  setActivePinia(createPinia());
});

describe('the virtual window', () => {
  it('covers the viewport plus overscan, and the spacers stand in for every other row', () => {
    const w = rowWindow({ scrollTop: 36 * 5000, viewport: 360, rowHeight: 36, count: 10_000, overscan: 8 });
    expect(w.start).toBe(4992);
    expect(w.end).toBe(5018);
    expect(w.padTop + (w.end - w.start) * 36 + w.padBottom).toBe(10_000 * 36);
  });

  it('stays inside the rows at both ends and when there are none', () => {
    expect(rowWindow({ scrollTop: 0, viewport: 360, rowHeight: 36, count: 10_000, overscan: 8 })).toMatchObject({
      start: 0,
      end: 18,
      padTop: 0,
    });
    const last = rowWindow({ scrollTop: 36 * 10_000, viewport: 360, rowHeight: 36, count: 10_000, overscan: 8 });
    expect(last.end).toBe(10_000);
    expect(last.padBottom).toBe(0);
    expect(rowWindow({ scrollTop: 500, viewport: 360, rowHeight: 36, count: 0, overscan: 8 })).toMatchObject({
      start: 0,
      end: 0,
      padTop: 0,
      padBottom: 0,
    });
  });

  it('searches every row by every word, and sorts numbers and codes naturally', () => {
    const index = searchIndex(
      rows,
      columns.map((c) => c.value),
    );
    expect(filterRows(rows, index, 'klant 09999').map((r) => r.id)).toEqual([9999]);
    expect(filterRows(rows, index, '09999 KLANT')).toHaveLength(1);
    expect(filterRows(rows, index, '   ')).toBe(rows);
    expect(sortRows(rows, (r) => r.amount, -1)[0].amount).toBe(999);
    const codes = [{ c: 'K10' }, { c: 'K2' }, { c: undefined }, { c: 'K1' }];
    expect(sortRows(codes, (r) => r.c, 1).map((r) => r.c)).toEqual(['K1', 'K2', 'K10', undefined]);
  });
});

describe('DataTable', () => {
  it('puts only a window of 10,000 rows in the page, and tells how many there are', async () => {
    const html = await render(DataTable, {
      rows,
      columns,
      rowKey: (r: Row) => r.id,
      caption: 'Klanten',
      height: 360,
      rowHeight: 36,
    });
    const dataRows = html.match(/<tr aria-rowindex="\d+" style/g) ?? [];
    expect(dataRows.length).toBe(18);
    expect(html).toContain('aria-rowcount="10001"');
    expect(html).toContain('Klant 00001');
    expect(html).not.toContain('Klant 00100');
    expect(html).toContain('10000 van 10000 rijen');
    expect(html).toContain(`height:${(10_000 - 18) * 36}px`);
    // The scroll area can be reached and scrolled with the keyboard, and is named.
    expect(html).toMatch(/class="scroller" tabindex="0" role="region" aria-label="Klanten"/);
  });

  it('shows the rows it has before their number is known, and no number until then', async () => {
    const counted = ref(false);
    const count = ref(0);
    const source: RowSource<Row> = {
      count,
      total: count,
      counted,
      start: ref(0),
      rows: ref(rows.slice(0, 60)),
      show: () => undefined,
      sortKey: ref('name'),
      sortDir: ref(1),
      sortBy: () => undefined,
      canSort: () => true,
    };
    const props = { source, columns, rowKey: (r: Row) => r.id, caption: 'Mutaties', height: 360, rowHeight: 36 };
    const before = await render(DataTable, props);
    expect(before).toContain('Klant 00001');
    expect(before).toContain('aria-rowcount="-1"');
    expect(before).toContain('Rijen tellen…');
    expect(before).not.toMatch(/van \d+ rijen|Niets gevonden/);
    // The rows it has and no spacer below them: the list ends where the rows end, for now.
    expect(before).not.toContain('class="pad"');

    count.value = 60_000;
    counted.value = true;
    const after = await render(DataTable, props);
    expect(after).toContain('aria-rowcount="60001"');
    expect(after).toContain('60000 van 60000 rijen');
    expect(after).toContain(`height:${(60_000 - 60) * 36}px`);
  });

  it('renders only the matches of a search', async () => {
    const html = await render(DataTable, {
      rows,
      columns,
      rowKey: (r: Row) => r.id,
      caption: 'Klanten',
      query: 'klant 0999',
    });
    // 00999 and 09990…09999
    expect(html).toContain('11 van 10000 rijen');
    expect(html).toContain('Klant 09990');
  });
});

function snapshot(patch: Partial<StatusSnapshot>): StatusSnapshot {
  return {
    settings: { ...DEFAULT_SETTINGS, connection: { kind: 'token', apiToken: 'x' } },
    connection: { status: 'ok' },
    syncing: false,
    failedExports: 0,
    pendingExports: 0,
    administrations: [],
    health: 'fine',
    ...patch,
  };
}

describe('SyncPanel', () => {
  it('shows the step, the count and a stop button while syncing', async () => {
    useStatusStore().status = snapshot({
      syncing: true,
      health: 'syncing',
      progress: { running: true, step: 'customers', done: 1200, total: 10000, updatedAt: 1 },
    });
    const html = await render(SyncPanel, { idPrefix: 't' });
    expect(html).toContain('Klanten: 1.200 van 10.000');
    expect(html).toMatch(/<progress id="t-progress" value="1200" max="10000"/);
    expect(html).toContain('data-testid="sync-cancel"');
    expect(html).toMatch(/role="status" aria-live="polite"/);
    setLanguage('en');
    expect(await render(SyncPanel, { idPrefix: 't' })).toContain('Customers: 1,200 of 10,000');
  });

  it('says how far each step is when import steps run side by side', async () => {
    useStatusStore().status = snapshot({
      syncing: true,
      health: 'syncing',
      progress: {
        running: true,
        step: 'transactions',
        done: 4000,
        total: 60000,
        steps: [
          { step: 'customers', done: 1200, total: 10000 },
          { step: 'transactions', done: 4000, total: 60000 },
        ],
        updatedAt: 1,
      },
    });
    const html = await render(SyncPanel, { idPrefix: 't' });
    expect(html).toMatch(/Klanten: 1\.200 van 10\.000 · [^<:]+: 4\.000 van 60\.000/);
    expect(html).toMatch(/<progress id="t-progress" value="4000" max="60000"/);
  });

  it('says that auto-sync is paused, and why, when the credentials were rejected', async () => {
    useStatusStore().status = snapshot({
      connection: {
        status: 'needsReconnect',
        message: { nl: 'Het API-token is verlopen. Maak een nieuw token aan.', en: 'The API token has expired.' },
      },
      health: 'attention',
    });
    const html = await render(SyncPanel, { idPrefix: 't' });
    expect(html).toContain('Gepauzeerd tot je opnieuw verbindt');
    expect(html).toContain('Het API-token is verlopen');
    expect(html).toContain('Vraagt aandacht');
  });

  it('tells the outcome of a run in plain words', () => {
    const run = { trigger: 'manual' as const, startedAt: 1, steps: [], problems: [] };
    expect(outcomeOf({ ...run, result: 'ok' }, pick).key).toBe('sync.doneOk');
    expect(
      outcomeOf(
        {
          ...run,
          result: 'warning',
          problems: [
            { step: 'x', nl: 'a', en: 'a' },
            { step: 'x', nl: 'b', en: 'b' },
          ],
        },
        pick,
      ),
    ).toEqual({ kind: 'warn', key: 'sync.doneWarning', params: { count: 2 } });
    expect(
      outcomeOf(
        {
          ...run,
          result: 'failed',
          error: { kind: 'network', nl: 'De proxy antwoordt niet.', en: 'The proxy does not answer.' },
        },
        pick,
      ),
    ).toEqual({ kind: 'error', key: 'sync.doneFailed', params: { message: 'De proxy antwoordt niet.' } });
    expect(
      outcomeOf({ ...run, result: 'cancelled', error: { kind: 'sync', code: 'BUSY', nl: '', en: '' } }, pick).key,
    ).toBe('sync.busy');
  });
});

describe('InvoicePdfLink', () => {
  const remote = { number: 'F2026-0001', pdfUrl: 'https://secure.e-boekhouden.nl/factuur/F2026-0001.pdf' };

  it('links to the PDF of an exported invoice in a new tab, named by its number', async () => {
    const html = await render(InvoicePdfLink, { entry: { kind: 'invoice', state: 'done', remote } });
    const link = html.match(/<a [^>]*>[^<]*<\/a>/)?.[0] ?? '';
    expect(link).toContain('href="https://secure.e-boekhouden.nl/factuur/F2026-0001.pdf"');
    expect(link).toContain('target="_blank"');
    expect(link).toContain('rel="noopener"');
    expect(link).toContain('aria-label="Open de PDF van factuur F2026-0001 (opent in een nieuw tabblad)"');
    expect(link).toMatch(/>Open de PDF<\/a>$/);
    expect(html).toContain('In e-Boekhouden als F2026-0001');
    setLanguage('en');
    const en = await render(InvoicePdfLink, { entry: { kind: 'invoice', state: 'done', remote } });
    expect(en).toContain('>Open the PDF</a>');
    expect(en).toContain('aria-label="Open the PDF of invoice F2026-0001 (opens in a new tab)"');
  });

  it('shows nothing without an http(s) link (SOAP gives none), or before the invoice is there', async () => {
    const none = [
      { kind: 'invoice', state: 'done', remote: { number: 'F2026-0001' } },
      { kind: 'invoice', state: 'done', remote: { ...remote, pdfUrl: 'javascript:alert(1)' } },
      { kind: 'invoice', state: 'pending', remote },
      undefined,
    ];
    for (const entry of none) {
      const html = await render(InvoicePdfLink, { entry });
      expect(html).not.toContain('<a');
      expect(html).not.toContain('javascript:');
    }
  });
});

describe('ConnectionFields and the settings draft', () => {
  it('shows each error in plain words, linked to its field', async () => {
    const draft = reactive({ ...draftFromSettings(DEFAULT_SETTINGS), connectionKind: 'securityCodes' as const });
    const html = await render(ConnectionFields, {
      draft,
      errors: { 'connection.username': 'settings.error.usernameRequired', proxyUrl: 'settings.error.proxyUrlInvalid' },
      idPrefix: 'p',
    });
    expect(html).not.toContain('id="p-apiToken"');
    expect(html).toMatch(/id="p-username"[^>]*aria-invalid="true"[^>]*aria-describedby="p-username-error"/);
    expect(html).toContain(
      '<span id="p-username-error" class="error">Vul je gebruikersnaam van e-Boekhouden in.</span>',
    );
    expect(html).toContain('<label for="p-securityCode1">Beveiligingscode 1</label>');
    // The proxy section opens by itself when one of its fields is wrong.
    expect(html).toMatch(/<details class="proxy[^"]*" open/);
    expect(html).toContain('Begin met http:// of https://');
  });

  it('keeps both kinds of credentials while editing and sends only the chosen one', () => {
    const draft = draftFromSettings({ ...DEFAULT_SETTINGS, connection: { kind: 'token', apiToken: 'tok' } });
    Object.assign(draft, { connectionKind: 'securityCodes', username: 'demo', securityCode1: 'a', securityCode2: 'b' });
    expect((settingsFromDraft(draft) as { connection: unknown }).connection).toEqual({
      kind: 'securityCodes',
      username: 'demo',
      securityCode1: 'a',
      securityCode2: 'b',
    });
    draft.connectionKind = 'token';
    expect((settingsFromDraft(draft) as { connection: unknown }).connection).toEqual({
      kind: 'token',
      apiToken: 'tok',
    });
  });

  it('asks for a host permission only for a proxy other than the default', () => {
    expect(extraOriginFor('http://127.0.0.1:8787')).toBeUndefined();
    expect(extraOriginFor('http://127.0.0.1:8787/')).toBeUndefined();
    expect(extraOriginFor('https://proxy.example.nl/base')).toBe('https://proxy.example.nl/*');
    // Without the port: Firefox cannot request a pattern with one.
    expect(extraOriginFor('http://localhost:8788')).toBe('http://localhost/*');
    expect(extraOriginFor('https://proxy.example.nl:8443/base')).toBe('https://proxy.example.nl/*');
    expect(extraOriginFor('http://127.0.0.1:8788')).toBe('http://127.0.0.1/*');
    expect(extraOriginFor('not a url')).toBeUndefined();
  });
});
