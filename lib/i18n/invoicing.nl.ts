/** Dutch words of invoicing extras: discounts, the e-mail from e-Boekhouden, credit notes. */
export const invoicingNl = {
  'invoice.line.discountBoth':
    '{where}: er staan een kortingsbedrag én een kortingspercentage. Kies één van de twee; e-Boekhouden neemt er maar één.',
  'invoice.line.discountPercentage':
    '{where}: kortingspercentage {value} kan niet. Vul een percentage van 0 tot en met 100 in, met hoogstens 2 decimalen.',
  'invoice.line.discountAmount':
    '{where}: korting {value} kan niet. De korting gaat van de prijs per eenheid ({price}) af: vul een bedrag van 0 tot en met die prijs in, in hele centen.',
  'invoice.line.discountSoap':
    '{where}: deze regel heeft korting, maar de koppeling met beveiligingscodes (SOAP) kan geen korting meesturen. Koppel met een API-token, of verwerk de korting in de prijs en haal de korting weg.',
  'discount.label': 'Korting',
  'discount.kind': 'Soort korting',
  'discount.none': 'Geen',
  'discount.percentage': '%',
  'discount.amount': '€ per eenheid',
  'discount.value': 'Korting',
  'discount.percentageOf': '{value}% korting',
  'discount.amountOf': '{value} korting per eenheid',
  'export.invoice.mailRefused':
    '{record}: e-Boekhouden heeft de factuur gemaakt, maar niet ge-e-maild ({code}). Er is niets verloren: verstuur hem vanuit e-Boekhouden.',
  'invoices.mailRefused': 'Niet ge-e-maild door e-Boekhouden ({code}): verstuur de factuur vanuit e-Boekhouden.',
  'invoices.emailToCustomer': 'Laat e-Boekhouden deze factuur naar de klant e-mailen',
  'invoices.emailToCustomerHint': 'Standaard volgens de instelling ({setting}); per factuur aan of uit te zetten.',
  'invoices.emailSettingOn': 'aan',
  'invoices.emailSettingOff': 'uit',
  'workspace.credit.notExported':
    '{record} staat nog niet in e-Boekhouden. Een creditnota kan pas na de export; wacht tot de volgende synchronisatie.',
  'workspace.credit.isCreditNote': '{record} is zelf een creditnota; die kun je niet nog eens crediteren.',
  'credit.make': 'Maak een creditnota',
  'credit.confirmTitle': 'Creditnota maken voor {number}?',
  'credit.confirmBody':
    'Er komt een nieuwe factuur met dezelfde regels met negatieve aantallen (totaal {total}) en een eigen nummer. Die wordt bij de volgende synchronisatie naar e-Boekhouden gestuurd.',
  'credit.confirm': 'Creditnota maken',
  'credit.made': 'Creditnota {number} is gemaakt en wordt bij de volgende synchronisatie verstuurd.',
  'credit.creditedBy': 'Gecrediteerd met creditnota {number}.',
  'credit.credits': 'Creditnota voor factuur {number}.',
} as const;

export type InvoicingKey = keyof typeof invoicingNl;
