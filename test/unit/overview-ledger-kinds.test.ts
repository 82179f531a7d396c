import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CATEGORY_KINDS, LEDGER_KINDS, ledgerKind } from '../../lib/workspace/ledger-kinds';
import { translate } from '../../lib/i18n/translate';
import { OPENAPI_PATH } from '../helpers/openapi';

const openapi = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as {
  components: { schemas: Record<string, unknown> };
};

/** Every `enum` in the document that lists the ledger categories (it has BAL and VW). */
function documentCategories(): string[] {
  const found = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (Array.isArray(o.enum) && o.enum.includes('BAL') && o.enum.includes('VW'))
        o.enum.forEach((c) => found.add(String(c)));
      Object.values(o).forEach(walk);
    }
  };
  walk(openapi.components.schemas);
  return [...found];
}

describe('ledger kinds', () => {
  it('maps every category the REST document and SOAP GetSaldi know', () => {
    const categories = documentCategories();
    // SOAP.md §Ledger categories: the GetSaldi categories.
    for (const c of ['AF19', 'AF6', 'AFOVERIG', 'BAL', 'BTWRC', 'CRED', 'DEB', 'FIN', 'VOOR', 'VW']) categories.push(c);
    expect(categories.length).toBeGreaterThan(10);
    for (const c of categories) expect(CATEGORY_KINDS[c], c).toBeDefined();
  });

  it('splits the profit and loss accounts by code: rubriek 8 is revenue', () => {
    expect(ledgerKind('VW', '8000')).toBe('revenue');
    expect(ledgerKind('VW', '8900')).toBe('revenue');
    expect(ledgerKind('VW', '4000')).toBe('cost');
    expect(ledgerKind('VW', '7000')).toBe('cost');
    expect(ledgerKind('VW', '9100')).toBe('cost');
  });

  it('splits FIN into cash (10xx) and bank', () => {
    expect(ledgerKind('FIN', '1000')).toBe('cash');
    expect(ledgerKind('FIN', '1010')).toBe('cash');
    expect(ledgerKind('FIN', '1100')).toBe('bank');
    expect(ledgerKind('FIN', '1110')).toBe('bank');
  });

  it('maps the balance-sheet categories, ignoring case and spaces, and an unknown one to other', () => {
    expect(ledgerKind('DEB', '1300')).toBe('debtors');
    expect(ledgerKind('cred ', '1600')).toBe('creditors');
    for (const c of ['AF19', 'AF6', 'AF', 'AFOVERIG', 'VOOR', 'BTWRC']) expect(ledgerKind(c, '1500')).toBe('vat');
    expect(ledgerKind('BAL', '0100')).toBe('other');
    expect(ledgerKind('NIEUW', '0100')).toBe('other');
  });

  it('names every kind in Dutch and English, differently where the words differ', () => {
    for (const kind of LEDGER_KINDS) {
      const nl = translate('nl', `ledgerKind.${kind}`);
      const en = translate('en', `ledgerKind.${kind}`);
      expect(nl).not.toBe(`ledgerKind.${kind}`);
      expect(en).not.toBe(`ledgerKind.${kind}`);
    }
    expect(translate('nl', 'ledgerKind.revenue')).toBe('Omzet');
    expect(translate('en', 'ledgerKind.revenue')).toBe('Revenue');
  });
});
