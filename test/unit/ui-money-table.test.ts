/** The overview's money tables (MoneyTable), rendered with Vue's server renderer. */
import { describe, expect, it } from 'vitest';
import { createSSRApp, h } from 'vue';
import { renderToString } from 'vue/server-renderer';
import MoneyTable, { type MoneyColumn } from '../../entrypoints/options/sections/MoneyTable.vue';
import { setLanguage } from '../../lib/i18n';

type Row = { month: string; cash: number; bank: number };
const rows: Row[] = [
  { month: '2026-01', cash: 123_450, bank: -99 },
  { month: '2026-02', cash: 0, bank: 100_000_00 },
];
const columns: MoneyColumn<Row>[] = [
  { key: 'cash', label: 'overview.col.cash', cents: (r) => r.cash },
  { key: 'bank', label: 'overview.col.bank', cents: (r) => r.bank, signed: true },
];

function render(props: Record<string, unknown>, slots?: Record<string, unknown>): Promise<string> {
  return renderToString(createSSRApp({ render: () => h(MoneyTable as never, props, slots as never) }));
}
const cells = (html: string) =>
  [...html.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) =>
    m[1]
      .replace(/<!--.*?-->/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );

describe('MoneyTable', () => {
  it('writes cents as euros in the page language, one labelled row per month', async () => {
    setLanguage('nl');
    const nl = await render({ rows, columns, caption: 'overview.money.caption', 'data-testid': 'money-table' });
    expect(cells(nl)).toEqual(['€ 1.234,50', '€ -0,99', '€ 0,00', '€ 100.000,00']);
    expect(nl).toMatch(/<table[^>]*data-testid="money-table"/);
    expect(nl).toContain('<caption class="sr-only"');
    expect(nl).toMatch(/<th scope="row"[^>]*>januari 2026<\/th>/);
    expect(nl).toMatch(/<th scope="col"[^>]*>Kas<\/th>/);
    setLanguage('en');
    const en = await render({ rows, columns, caption: 'overview.money.caption' });
    expect(cells(en)).toEqual(['€1,234.50', '-€0.99', '€0.00', '€100,000.00']);
    expect(en).toMatch(/<th scope="row"[^>]*>January 2026<\/th>/);
  });

  it('marks only a signed column below zero, and offers copying only when asked', async () => {
    setLanguage('en');
    const html = await render({ rows, columns, caption: 'overview.money.caption' });
    expect(html.match(/<td class="[^"]*\bnegative\b/g)?.length).toBe(1);
    expect(html).not.toContain('copy-results');
    expect(await render({ rows, columns, caption: 'overview.money.caption', copyable: true })).toContain(
      'copy-results',
    );
  });

  it('lets the caller replace a cell, given its text', async () => {
    setLanguage('en');
    const html = await render(
      { rows, columns, caption: 'overview.money.caption' },
      {
        cell: ({ column, text }: { column: MoneyColumn<Row>; text: string }) =>
          column.key === 'cash' ? h('button', text) : text,
      },
    );
    expect(html).toContain('<button>€1,234.50</button>');
    expect(html).not.toContain('<button>-€0.99</button>');
  });
});
