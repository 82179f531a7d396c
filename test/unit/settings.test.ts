/**
 * The invoice e-mail sender in the settings: the schema's cross-field rule, loading settings
 * stored before the fields existed, and the options page showing the fields only when
 * e-Boekhouden is to mail the invoice.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createSSRApp, h } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { DEFAULT_SETTINGS, restoreSettings, validateSettings, type Settings } from '../../lib/settings';
import { KV, WorkspaceDb } from '../../lib/db';
import { loadSettings, saveSettings } from '../../lib/sync/index';
import { setLanguage, translate } from '../../lib/i18n';
import { createPinia, setActivePinia } from 'pinia';
import { useStatusStore } from '../../lib/stores/status';
import type { StatusSnapshot } from '../../lib/background-requests';
import SettingsSection from '../../entrypoints/options/sections/SettingsSection.vue';

type Invoice = Settings['invoice'];
const withInvoice = (patch: Partial<Invoice>) => ({
  ...DEFAULT_SETTINGS,
  invoice: { ...DEFAULT_SETTINGS.invoice, ...patch },
});

let n = 0;
const newDb = () => new WorkspaceDb(`settings-${process.pid}-${Date.now()}-${n++}`);

describe('invoice e-mail sender', () => {
  it('needs a valid sender address when e-Boekhouden mails the invoice', () => {
    for (const address of ['', '   ', 'facturen', 'facturen@', '@bedrijf.nl', 'a b@bedrijf.nl']) {
      const r = validateSettings(withInvoice({ emailToCustomer: true, emailFromAddress: address }));
      expect(r, JSON.stringify(address)).toEqual({
        ok: false,
        errors: { 'invoice.emailFromAddress': 'settings.error.emailFromAddress' },
      });
    }
  });

  it('accepts a valid sender, trimmed, with an optional name', () => {
    const r = validateSettings(
      withInvoice({
        emailToCustomer: true,
        emailFromAddress: '  facturen@bedrijf.nl ',
        emailFromName: ' Loodgieter Jansen ',
      }),
    );
    expect(r.ok && r.settings.invoice).toMatchObject({
      emailToCustomer: true,
      emailFromAddress: 'facturen@bedrijf.nl',
      emailFromName: 'Loodgieter Jansen',
    });
    const noName = validateSettings(
      withInvoice({ emailToCustomer: true, emailFromAddress: 'facturen@bedrijf.nl', emailFromName: '' }),
    );
    expect(noName.ok).toBe(true);
  });

  it('does not ask for a sender while mailing is off', () => {
    expect(validateSettings(withInvoice({ emailToCustomer: false, emailFromAddress: '' })).ok).toBe(true);
    expect(validateSettings(withInvoice({ emailToCustomer: false, emailFromAddress: 'half-typed@' })).ok).toBe(true);
  });

  it('reports the sender next to other field errors, and refuses over-long values', () => {
    const r = validateSettings(withInvoice({ emailToCustomer: true, emailFromAddress: '', numberPrefix: 'B C' }));
    expect(r.ok ? {} : r.errors).toEqual({
      'invoice.numberPrefix': 'settings.error.prefixCharacters',
      'invoice.emailFromAddress': 'settings.error.emailFromAddress',
    });
    const long = validateSettings(
      withInvoice({
        emailToCustomer: true,
        emailFromAddress: `${'a'.repeat(140)}@bedrijf.nl`,
        emailFromName: 'n'.repeat(151),
      }),
    );
    expect(long.ok ? {} : long.errors).toEqual({
      'invoice.emailFromAddress': 'settings.error.emailFromAddressTooLong',
      'invoice.emailFromName': 'settings.error.emailFromNameTooLong',
    });
  });

  it('loads settings stored before the sender fields existed, with empty defaults', async () => {
    const { emailFromAddress: _a, emailFromName: _n, ...older } = DEFAULT_SETTINGS.invoice;
    const stored = {
      ...DEFAULT_SETTINGS,
      connection: { kind: 'token' as const, apiToken: 'tok' },
      invoice: { ...older, numberPrefix: 'JF' },
    };
    const direct = validateSettings(stored);
    expect(direct.ok && direct.settings.invoice).toMatchObject({
      numberPrefix: 'JF',
      emailFromAddress: '',
      emailFromName: '',
    });

    const db = newDb();
    await db.kv.put({ key: KV.settings, value: stored });
    const loaded = await loadSettings(db);
    expect(loaded.connection).toEqual({ kind: 'token', apiToken: 'tok' });
    expect(loaded.invoice).toMatchObject({ numberPrefix: 'JF', emailFromAddress: '', emailFromName: '' });
  });

  it('saves the sender and reads it back', async () => {
    const db = newDb();
    const r = await saveSettings(
      db,
      withInvoice({ emailToCustomer: true, emailFromAddress: 'facturen@bedrijf.nl', emailFromName: 'Jansen' }),
    );
    expect(r.ok).toBe(true);
    expect((await loadSettings(db)).invoice).toMatchObject({
      emailToCustomer: true,
      emailFromAddress: 'facturen@bedrijf.nl',
      emailFromName: 'Jansen',
    });
    const refused = await saveSettings(db, withInvoice({ emailToCustomer: true, emailFromAddress: '' }));
    expect(refused.ok).toBe(false);
    expect((await loadSettings(db)).invoice.emailFromAddress).toBe('facturen@bedrijf.nl');
  });
});

describe('options page: sender fields', () => {
  beforeEach(() => {
    setLanguage('nl');
    setActivePinia(createPinia());
  });

  function snapshot(invoice: Partial<Invoice>): StatusSnapshot {
    return {
      settings: { ...withInvoice(invoice), connection: { kind: 'token', apiToken: 'x' } },
      connection: { status: 'ok' },
      syncing: false,
      failedExports: 0,
      pendingExports: 0,
      administrations: [],
      health: 'fine',
    };
  }
  const render = () => renderToString(createSSRApp({ render: () => h(SettingsSection) }));

  it('shows the sender address and name, labelled, only while e-Boekhouden mails the invoice', async () => {
    useStatusStore().status = snapshot({ emailToCustomer: false });
    const off = await render();
    expect(off).toContain('id="settings-email"');
    expect(off).not.toContain('settings-emailFromAddress');
    expect(off).not.toContain('settings-emailFromName');

    useStatusStore().status = snapshot({
      emailToCustomer: true,
      emailFromAddress: 'facturen@bedrijf.nl',
      emailFromName: 'Jansen',
    });
    const on = await render();
    expect(on).toContain('<label for="settings-emailFromAddress">Afzenderadres</label>');
    expect(on).toMatch(/id="settings-emailFromAddress" type="email"[^>]*value="facturen@bedrijf.nl"/);
    expect(on).toContain('<label for="settings-emailFromName">Naam afzender (niet verplicht)</label>');
    expect(on).toMatch(/id="settings-emailFromName"[^>]*value="Jansen"/);
  });
});

describe('reading stored settings back', () => {
  const connection = { kind: 'token' as const, apiToken: 'tok-123' };

  it('keeps the connection and other choices when one stored value no longer passes', async () => {
    const stored = {
      ...DEFAULT_SETTINGS,
      connection,
      refreshDays: 500, // out of range now
      exports: { ...DEFAULT_SETTINGS.exports, invoices: false },
      invoice: { ...DEFAULT_SETTINGS.invoice, numberPrefix: 'JF', termOfPayment: -3 },
    };
    const restored = restoreSettings(stored);
    expect(restored.connection).toEqual(connection);
    expect(restored.refreshDays).toBe(DEFAULT_SETTINGS.refreshDays);
    expect(restored.exports.invoices).toBe(false);
    expect(restored.invoice).toMatchObject({
      numberPrefix: 'JF',
      termOfPayment: DEFAULT_SETTINGS.invoice.termOfPayment,
    });
  });

  it('mailing switched on without a sender falls back to the invoice defaults, not to a blank connection', async () => {
    const stored = withInvoice({ emailToCustomer: true, emailFromAddress: '', numberPrefix: 'JF' });
    const restored = restoreSettings({ ...stored, connection });
    expect(restored.connection).toEqual(connection);
    expect(restored.invoice.emailToCustomer).toBe(false);
    expect(validateSettings(restored).ok).toBe(true);

    // Both loaders (the engine's and the workspace's) read it the same way.
    const db = newDb();
    await db.kv.put({ key: KV.settings, value: { ...stored, connection } });
    const { loadSettings } = await import('../../lib/workspace');
    expect(await loadSettings(db)).toEqual(restored);
    expect(await loadSettings(db)).toEqual(restored);
  });

  it('a stored value that is not an object at all gives the defaults', () => {
    expect(restoreSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(restoreSettings({ ...DEFAULT_SETTINGS, invoice: 'x', connection: { kind: 'token', apiToken: '' } })).toEqual(
      DEFAULT_SETTINGS,
    );
  });
});

describe('proxy address', () => {
  const withProxy = (proxyUrl: string) => validateSettings({ ...DEFAULT_SETTINGS, proxyUrl });

  it('accepts https anywhere and http only on this computer', () => {
    for (const url of [
      'https://proxy.example.nl',
      'https://proxy.example.nl:8443/base',
      'http://127.0.0.1:8787',
      'http://localhost:9000',
      'http://[::1]:8787',
    ]) {
      expect(withProxy(url), url).toMatchObject({ ok: true });
    }
  });

  it('refuses plain http to another computer, saying why and what to use', () => {
    for (const url of ['http://proxy.example.nl', 'http://192.168.1.20:8787', 'http://127.0.0.1.example.nl']) {
      expect(withProxy(url), url).toMatchObject({ ok: false, errors: { proxyUrl: 'settings.error.proxyUrlInsecure' } });
    }
    expect(translate('en', 'settings.error.proxyUrlInsecure')).toMatch(/https:\/\/.*encrypted/);
    expect(translate('nl', 'settings.error.proxyUrlInsecure')).toMatch(/https:\/\/.*versleuteld/);
  });
});
