/** The privacy policy as the options page shows it (the same as store/privacy.md). */
export const privacyNl = {
  'nav.privacy': 'Privacy',
  'privacy.intro':
    'Boekhoud Companion koppelt uw werkplaats (klanten, materialen, uursoorten, werkbonnen, facturen) aan uw eigen administratie bij e-Boekhouden.nl.',
  'privacy.storedHeading': 'Wat wordt bewaard, en waar',
  'privacy.stored':
    'Alles wat de extensie bewaart, staat alleen in uw browser, op deze computer: uw API-token of gebruikersnaam met Beveiligingscode 1 en 2, het adres en eventueel het token van de proxy, uw instellingen, wat uit e-Boekhouden wordt opgehaald (relaties, artikelen, grootboekrekeningen, mutaties, openstaande posten) en wat u hier maakt (werkbonnen, facturen, nieuwe klanten), met het synchronisatielogboek. Verwijdert u de extensie, dan verwijdert de browser deze gegevens.',
  'privacy.sentHeading': 'Wat wordt verstuurd, en naar wie',
  'privacy.sent':
    'De extensie stuurt gegevens alleen naar de proxy waarvan u het adres zelf invult (nu {proxy}), en die proxy stuurt ze alleen door naar e-Boekhouden.nl. Verstuurd worden uw inloggegevens voor e-Boekhouden (om een sessie te openen) en de facturen en nieuwe relaties die u laat exporteren. Een proxy op een andere computer moet https:// gebruiken.',
  'privacy.notHeading': 'Wat niet gebeurt',
  'privacy.not':
    'Geen analytics, geen tracking, geen advertenties, geen verkoop of delen van gegevens met derden, niets naar de makers van de extensie. De proxy schrijft per verzoek alleen tijd, methode, pad, status, duur en grootte in zijn logboek: nooit inhoud, tokens, beveiligingscodes of sessie-ID’s.',
  'privacy.rightsHeading': 'Uw rechten',
  'privacy.rights':
    'De gegevens staan bij u: u ziet ze op deze pagina en wist ze met "Verbinding verbreken" of door de extensie te verwijderen. Voor uw administratie bij e-Boekhouden.nl geldt het privacybeleid van e-Boekhouden.nl.',
} as const;

export type PrivacyKey = keyof typeof privacyNl;
