/** Dutch words of the popup's glance: its state line, the change-connection control and its links. */
export const popupNl = {
  'popup.state.fine': 'Alles in orde',
  'popup.state.syncing': 'Bezig met synchroniseren',
  'popup.state.attention': 'Vraagt aandacht',
  'popup.state.reconnect': 'Opnieuw verbinden nodig',
  'popup.changeConnection': 'Verbinding wijzigen',
  'popup.openLog': 'Bekijk het synclogboek',
  'popup.moreProblems': 'en nog {count}',
  'popup.choicesDefaults':
    'Standaard gaat alles mee: klanten, artikelen, rekeningschema, mutaties en openstaande posten komen binnen; nieuwe klanten, werkbonnen en facturen gaan naar e-Boekhouden.',
  'popup.openChoices': 'Wat synchroniseert',
  'popup.openProxy': 'Proxy',
};

export type PopupKey = keyof typeof popupNl;
