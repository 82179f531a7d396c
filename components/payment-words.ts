/** A payment state in the person's words: its name and what it means in money. */
import { formatMoney, t } from '../lib/i18n';
import type { PaymentState } from '../lib/workspace/index';

const money = (cents: number) => formatMoney(cents / 100);

export function stateName(s: PaymentState): string {
  return t(`payments.state.${s.kind}`);
}

export function stateDetail(s: PaymentState): string {
  switch (s.kind) {
    case 'paid':
      return t('payments.detail.paid', { paid: money(s.paid) });
    case 'partlyPaid':
      return t('payments.detail.partlyPaid', { paid: money(s.paid), left: money(s.left) });
    case 'open':
      return t('payments.detail.open', { left: money(s.left) });
    case 'overdue':
      return t('payments.detail.overdue', { days: s.daysOverdue, left: money(s.left) });
    case 'unknown':
      return t('payments.detail.unknown');
    case 'credited':
      return '';
  }
}
