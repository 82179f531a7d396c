import type { PopupKey } from './popup.nl';

/** English words of the popup's glance; typed against the Dutch keys. */
export const popupEn: Record<PopupKey, string> = {
  'popup.state.fine': 'All fine',
  'popup.state.syncing': 'Syncing',
  'popup.state.attention': 'Needs attention',
  'popup.state.reconnect': 'Reconnect needed',
  'popup.changeConnection': 'Change connection',
  'popup.openLog': 'Open the sync log',
  'popup.moreProblems': 'and {count} more',
  'popup.choicesDefaults':
    'By default everything syncs: customers, products, the chart of accounts, transactions and open items come in; new customers, work orders and invoices go to e-Boekhouden.',
  'popup.openChoices': 'What syncs',
  'popup.openProxy': 'Proxy',
};
