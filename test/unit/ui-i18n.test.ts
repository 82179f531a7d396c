/** The dictionaries: complete in both languages, every settings error and every key the pages use. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nl } from '../../lib/i18n/nl';
import { en } from '../../lib/i18n/en';
import { translate } from '../../lib/i18n/translate';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.(vue|ts)$/.test(name) && !name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

describe('dictionaries', () => {
  it('have the same keys, no empty text, and the same placeholders in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const [key, text] of Object.entries(nl)) {
      expect(text.trim(), key).not.toBe('');
      expect(en[key as keyof typeof nl].trim(), key).not.toBe('');
      expect(placeholders(en[key as keyof typeof nl]), key).toEqual(placeholders(text));
    }
  });

  it('explain every settings error the schema can give, in both languages', () => {
    const source = readFileSync('lib/settings.ts', 'utf8');
    const keys = [...new Set([...source.matchAll(/'(settings\.error\.\w+)'/g)].map((m) => m[1]))];
    expect(keys.length).toBeGreaterThan(10);
    for (const key of keys) {
      expect(nl, key).toHaveProperty([key]);
      expect(en, key).toHaveProperty([key]);
    }
  });

  it('contain every key the pages ask for by name', () => {
    const used = new Set<string>();
    for (const f of [...files('components'), ...files('entrypoints'), ...files('lib/stores'), 'lib/sync-outcome.ts']) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]);
      for (const m of src.matchAll(/message-key="([^"]*)"/g))
        for (const q of m[1].matchAll(/'([a-z]+\.[a-zA-Z0-9_.]+)'/g)) used.add(q[1]);
      for (const m of src.matchAll(/key: '([a-z]+\.[a-zA-Z0-9_.]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((k) => !(k in nl));
    expect(missing).toEqual([]);
  });

  it('cover the keys the pages build from states', () => {
    const families: Record<string, readonly string[]> = {
      health: ['notConfigured', 'syncing', 'attention', 'fine'],
      'sync.result': ['running', 'ok', 'warning', 'failed', 'cancelled'],
      trigger: ['alarm', 'manual', 'startup', 'refresh'],
      export: ['none', 'pending', 'sending', 'done', 'failed'],
      'workOrders.status': ['draft', 'completed', 'exported'],
      'invoices.status': ['draft', 'final', 'exported'],
      'connection.status': ['ok', 'notConfigured', 'needsReconnect'],
      'data.mutationType': ['0', '1', '2', '3', '4', '5', '6', '7'],
      step: [
        'customers',
        'products',
        'ledgerAccounts',
        'transactions',
        'openItems',
        'invoiceTemplates',
        'administrations',
        'exportCustomers',
        'exportInvoices',
      ],
    };
    for (const [family, members] of Object.entries(families))
      for (const m of members) expect(nl, `${family}.${m}`).toHaveProperty([`${family}.${m}`]);
  });

  it('fills placeholders and leaves unknown keys readable', () => {
    expect(translate('nl', 'sync.stepProgress', { step: 'Klanten', done: 5, total: 40 })).toBe('Klanten: 5 van 40');
    expect(translate('en', 'sync.stepProgress', { step: 'Customers', done: 5, total: 40 })).toBe('Customers: 5 of 40');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });
});

describe('numbers and dates in the current language', () => {
  it('follow a change of language, each formatter made once per language', async () => {
    const { formatDate, formatMoney, formatNumber, setLanguage } = await import('../../lib/i18n');
    // Intl puts no-break spaces between the euro sign and the amount.
    const plain = (s: string) => s.replace(/\s/g, ' ');
    const Real = Intl.NumberFormat;
    let made = 0;
    Intl.NumberFormat = class extends Real {
      constructor(...args: ConstructorParameters<typeof Real>) {
        super(...args);
        made++;
      }
    } as typeof Real;
    try {
      setLanguage('nl');
      expect(plain(formatMoney(1234.5))).toBe('€ 1.234,50');
      expect(plain(formatDate('2026-03-07'))).toBe('7 mrt 2026');
      expect(plain(formatNumber(1.234))).toBe('1,23');
      setLanguage('en');
      expect(plain(formatMoney(1234.5))).toBe('€1,234.50');
      expect(plain(formatDate('2026-03-07'))).toBe('7 Mar 2026');
      expect(plain(formatNumber(1.234, 1))).toBe('1.2');
      setLanguage('nl');
      for (let i = 0; i < 50; i++) formatMoney(i);
      expect(plain(formatMoney(-2))).toBe('€ -2,00');
      // nl money, nl number, en money, en number with 1 decimal: no formatter per call.
      expect(made).toBeLessThanOrEqual(4);
    } finally {
      Intl.NumberFormat = Real;
    }
  });
});
