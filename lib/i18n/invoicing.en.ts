import type { InvoicingKey } from './invoicing.nl';

/** English words of invoicing extras: discounts, the e-mail from e-Boekhouden, credit notes; typed against the Dutch keys. */
export const invoicingEn: Record<InvoicingKey, string> = {
  'invoice.line.discountBoth':
    '{where}: the line has both a discount amount and a discount percentage. Choose one; e-Boekhouden takes only one.',
  'invoice.line.discountPercentage':
    '{where}: discount percentage {value} is not possible. Enter a percentage from 0 to 100, with at most 2 decimals.',
  'invoice.line.discountAmount':
    '{where}: discount {value} is not possible. The discount comes off the price per unit ({price}): enter an amount from 0 up to that price, in whole cents.',
  'invoice.line.discountSoap':
    '{where}: this line has a discount, but the connection with security codes (SOAP) cannot send a discount. Connect with an API token, or work the discount into the price and remove it.',
  'discount.label': 'Discount',
  'discount.kind': 'Kind of discount',
  'discount.none': 'None',
  'discount.percentage': '%',
  'discount.amount': '€ per unit',
  'discount.value': 'Discount',
  'discount.percentageOf': '{value}% discount',
  'discount.amountOf': '{value} discount per unit',
  'export.invoice.mailRefused':
    '{record}: e-Boekhouden created the invoice but did not e-mail it ({code}). Nothing is lost: send it from e-Boekhouden.',
  'invoices.mailRefused': 'Not e-mailed by e-Boekhouden ({code}): send the invoice from e-Boekhouden.',
  'invoices.emailToCustomer': 'Let e-Boekhouden e-mail this invoice to the customer',
  'invoices.emailToCustomerHint': 'By default as the setting says ({setting}); can be turned on or off per invoice.',
  'invoices.emailSettingOn': 'on',
  'invoices.emailSettingOff': 'off',
  'workspace.credit.notExported':
    '{record} is not in e-Boekhouden yet. A credit note can only follow the export; wait for the next sync.',
  'workspace.credit.isCreditNote': '{record} is itself a credit note; it cannot be credited again.',
  'credit.make': 'Make a credit note',
  'credit.confirmTitle': 'Make a credit note for {number}?',
  'credit.confirmBody':
    'A new invoice is made with the same lines with negative quantities (total {total}) and its own number. The next sync sends it to e-Boekhouden.',
  'credit.confirm': 'Make credit note',
  'credit.made': 'Credit note {number} is made and will be sent at the next sync.',
  'credit.creditedBy': 'Credited by credit note {number}.',
  'credit.credits': 'Credit note for invoice {number}.',
} as const;
