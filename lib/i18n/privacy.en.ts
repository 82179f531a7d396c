import type { PrivacyKey } from './privacy.nl';

/** The privacy policy in English; typed against the Dutch keys. */
export const privacyEn: Record<PrivacyKey, string> = {
  'nav.privacy': 'Privacy',
  'privacy.intro':
    'Boekhoud Companion connects your workspace (customers, materials, hour types, work orders, invoices) with your own administration at e-Boekhouden.nl.',
  'privacy.storedHeading': 'What is stored, and where',
  'privacy.stored':
    'Everything the extension stores stays in your browser, on this computer: your API token or username with Security Code 1 and 2, the proxy’s address and optional token, your settings, what is fetched from e-Boekhouden (relations, products, ledger accounts, transactions, outstanding items) and what you create here (work orders, invoices, new customers), with the sync log. Removing the extension makes the browser delete this data.',
  'privacy.sentHeading': 'What is sent, and to whom',
  'privacy.sent':
    'The extension sends data only to the proxy whose address you enter yourself (now {proxy}), and that proxy passes it on only to e-Boekhouden.nl. Sent are your e-Boekhouden credentials (to open a session) and the invoices and new relations you choose to export. A proxy on another computer must use https://.',
  'privacy.notHeading': 'What does not happen',
  'privacy.not':
    'No analytics, no tracking, no advertising, no selling or sharing of data with third parties, nothing sent to the extension’s makers. Per request the proxy logs only time, method, path, status, duration and size: never contents, tokens, security codes or session ids.',
  'privacy.rightsHeading': 'Your rights',
  'privacy.rights':
    'The data is with you: you see it on this page and erase it with "Disconnect" or by removing the extension. Your administration at e-Boekhouden.nl is covered by e-Boekhouden.nl’s own privacy policy.',
};
