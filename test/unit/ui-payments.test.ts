/** The popup's overdue line and the editors' payment state, rendered with Vue's server renderer. */
import { beforeEach, describe, expect, it } from 'vitest';
import { createSSRApp, h, type Component } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { createPinia, setActivePinia } from 'pinia';
import OverdueLine from '../../components/OverdueLine.vue';
import PaymentStateLine from '../../components/PaymentStateLine.vue';
import { setLanguage } from '../../lib/i18n';
import { usePaymentsStore } from '../../lib/stores/payments';
import type { PaymentOverview } from '../../lib/workspace';

function render(component: Component, props: Record<string, unknown> = {}): Promise<string> {
  return renderToString(createSSRApp({ render: () => h(component, props) }));
}
const plain = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

const invoice = (number: string, state: PaymentOverview['invoices'][number]['state']) => ({
  number,
  origin: 'workspace' as const,
  customerName: 'Bakkerij',
  date: '2026-01-01',
  state,
});

beforeEach(() => {
  setLanguage('nl');
  setActivePinia(createPinia());
});

describe('OverdueLine', () => {
  it('counts the overdue invoices and their amount left, in both languages', async () => {
    usePaymentsStore().overview = {
      today: '2026-03-01',
      invoices: [
        invoice('A', { kind: 'overdue', daysOverdue: 3, paid: 0, left: 123450 }),
        invoice('B', { kind: 'overdue', daysOverdue: 40, paid: 100, left: 50 }),
        invoice('C', { kind: 'open', left: 99900 }),
        invoice('D', { kind: 'paid', paid: 500 }),
      ],
    };
    expect(plain(await render(OverdueLine))).toContain('2 facturen te laat, € 1.235,00');
    setLanguage('en');
    const html = await render(OverdueLine);
    expect(plain(html)).toContain('2 invoices overdue, €1,235.00');
    expect(html).toMatch(/href="[^"]*options\.html#collect"/);
  });

  it('is not there when nothing is overdue', async () => {
    usePaymentsStore().overview = { today: '2026-03-01', invoices: [invoice('C', { kind: 'open', left: 1 })] };
    expect(await render(OverdueLine)).not.toContain('overdue-line');
  });
});

describe('PaymentStateLine', () => {
  it('shows the state of an exported invoice and nothing for an unknown number', async () => {
    usePaymentsStore().overview = {
      today: '2026-03-01',
      asOf: Date.UTC(2026, 1, 28, 9, 30),
      invoices: [invoice('BC-1', { kind: 'partlyPaid', paid: 2500, left: 7500 })],
    };
    const text = plain(await render(PaymentStateLine, { number: 'BC-1' }));
    expect(text).toContain('Deels betaald');
    expect(text).toContain('€ 25,00 betaald, € 75,00 open');
    expect(await render(PaymentStateLine, { number: 'BC-2' })).not.toContain('payment-state');
  });
});
