/**
 * Plain words, in Dutch and English, for everything a sync can run into: what happened and
 * what the person can do about it. Used by the sync log and by the pages (`describeError`).
 * Texts never include a token, security code or session id: they are built from the error's
 * kind and code only, plus the transport's own (already redacted) message as a detail.
 */
import { isEBoekhoudenError, redactSecrets } from '../eboekhouden/errors';

export interface ErrorText {
  kind: string;
  code?: string;
  nl: string;
  en: string;
}

export interface Text {
  nl: string;
  en: string;
}

/** Errors the sync engine itself raises, with a stable code. */
export class SyncError extends Error {
  readonly code: string;
  readonly text: Text;
  constructor(code: string, text: Text) {
    super(text.en);
    this.name = 'SyncError';
    this.code = code;
    this.text = text;
  }
}

const BY_CODE: Record<string, Text> = {
  API_SESSION_004: {
    nl: 'Het API-token is verlopen. Maak in e-Boekhouden een nieuw token aan (Beheer → Inrichting → Koppelingen → API) en vul het hier in.',
    en: 'The API token has expired. Create a new token in e-Boekhouden (Beheer → Inrichting → Koppelingen → API) and enter it here.',
  },
  API_SESSION_003: {
    nl: 'Er is geen API-token ingevuld. Vul het token uit e-Boekhouden in.',
    en: 'No API token was entered. Enter the token from e-Boekhouden.',
  },
  'E001.1': {
    nl: 'e-Boekhouden herkent de gebruikersnaam of beveiligingscodes niet. Na een wachtwoordwijziging verandert Beveiligingscode 1: haal de codes opnieuw op (Beheer → Instellingen → API/SOAP).',
    en: 'e-Boekhouden does not recognise the username or security codes. Security Code 1 changes when the password changes: copy the codes again (Beheer → Instellingen → API/SOAP).',
  },
  'E001.3': {
    nl: 'Beveiligingscode 2 klopt niet. Kopieer hem opnieuw uit e-Boekhouden.',
    en: 'Security Code 2 is not right. Copy it again from e-Boekhouden.',
  },
  'E001.5': {
    nl: 'Deze gebruiker mag de API niet gebruiken. Geef de gebruiker API-rechten in e-Boekhouden.',
    en: 'This user may not use the API. Give the user API rights in e-Boekhouden.',
  },
  'E003.1': {
    nl: 'Het maandelijkse maximum van 5.000 opvragingen van mutaties via SOAP is bereikt. Koppel met een API-token; dat kent deze grens niet.',
    en: 'The monthly limit of 5,000 mutation requests over SOAP has been reached. Connect with an API token, which has no such limit.',
  },
  EP_001: {
    nl: 'Alleen accountants kunnen administraties opvragen.',
    en: 'Only accountants can list administrations.',
  },
  // The proxy's own refusals: nothing reached e-Boekhouden, the setup needs a change.
  PROXY_TOKEN: {
    nl: 'De proxy vraagt om een (ander) proxytoken; er is niets naar e-Boekhouden gestuurd. Vul het proxytoken in bij Verbinding → Proxy.',
    en: 'The proxy asks for a (different) proxy token; nothing was sent to e-Boekhouden. Enter the proxy token under Connection → Proxy.',
  },
  PROXY_ORIGIN: {
    nl: 'De proxy laat deze extensie niet toe; er is niets naar e-Boekhouden gestuurd. Zet de ID van de extensie in ALLOWED_EXTENSION_IDS van de proxy.',
    en: "The proxy does not accept this extension; nothing was sent to e-Boekhouden. Add the extension's ID to the proxy's ALLOWED_EXTENSION_IDS.",
  },
  PROXY_PATH: {
    nl: 'Het proxyadres klopt niet: de proxy kent dit verzoek niet en er is niets naar e-Boekhouden gestuurd. Vul alleen het adres van de proxy in, zoals http://127.0.0.1:8787, zonder pad.',
    en: "The proxy address is not right: the proxy does not serve this request and nothing was sent to e-Boekhouden. Enter just the proxy's address, such as http://127.0.0.1:8787, without a path.",
  },
  REQUEST_TOO_LARGE: {
    nl: 'Dit record is te groot voor de proxy; er is niets naar e-Boekhouden gestuurd. Maak het kleiner (minder regels, kortere teksten) of verhoog BODY_LIMIT_BYTES van de proxy.',
    en: "This record is too large for the proxy; nothing was sent to e-Boekhouden. Make it smaller (fewer lines, shorter texts) or raise the proxy's BODY_LIMIT_BYTES.",
  },
};

/** Codes whose text above says everything: no English detail from the error appended. */
const COMPLETE_TEXTS = new Set(['PROXY_TOKEN', 'PROXY_ORIGIN', 'PROXY_PATH', 'REQUEST_TOO_LARGE']);

const BY_KIND: Record<string, Text> = {
  auth: {
    nl: 'e-Boekhouden weigert de inloggegevens. Vul nieuwe gegevens in om weer te synchroniseren; je gegevens blijven bewaard.',
    en: 'e-Boekhouden refuses the credentials. Enter new ones to sync again; your data is kept.',
  },
  session: {
    nl: 'De sessie bij e-Boekhouden is verlopen en kon niet worden vernieuwd. Probeer het later opnieuw.',
    en: 'The e-Boekhouden session expired and could not be renewed. Try again later.',
  },
  validation: {
    nl: 'e-Boekhouden heeft de gegevens geweigerd. Pas het record aan en probeer het opnieuw.',
    en: 'e-Boekhouden refused the data. Correct the record and try again.',
  },
  limit: {
    nl: 'e-Boekhouden beperkt het aantal verzoeken. De volgende synchronisatie probeert het vanzelf opnieuw.',
    en: 'e-Boekhouden is limiting requests. The next sync tries again by itself.',
  },
  network: {
    nl: 'e-Boekhouden is niet bereikbaar. Controleer de internetverbinding en of de proxy draait; de volgende synchronisatie probeert het opnieuw.',
    en: 'e-Boekhouden cannot be reached. Check the internet connection and that the proxy is running; the next sync tries again.',
  },
  upstream: {
    nl: 'e-Boekhouden gaf een antwoord dat we niet kunnen gebruiken. De volgende synchronisatie probeert het opnieuw.',
    en: 'e-Boekhouden sent an answer we cannot use. The next sync tries again.',
  },
};

const UNKNOWN: Text = {
  nl: 'Er ging iets onverwachts mis. De volgende synchronisatie probeert het opnieuw.',
  en: 'Something unexpected went wrong. The next sync tries again.',
};

/** Plain words and the fix, for pages and the sync log. */
export function describeError(e: unknown): ErrorText {
  if (e instanceof SyncError) return { kind: 'sync', code: e.code, ...e.text };
  if (isEBoekhoudenError(e)) {
    const text = (e.code && BY_CODE[e.code]) || BY_KIND[e.kind] || UNKNOWN;
    // For validation/upstream problems e-Boekhouden's own message names the field; keep it as detail.
    const detail =
      (e.kind === 'validation' || e.kind === 'upstream') && !(e.code && COMPLETE_TEXTS.has(e.code))
        ? ` (${redactSecrets(e.message)})`
        : '';
    return { kind: e.kind, code: e.code, nl: text.nl + detail, en: text.en + detail };
  }
  if (isAbort(e)) return { kind: 'cancelled', code: 'CANCELLED', ...TEXT.cancelled };
  return { kind: 'unknown', ...UNKNOWN };
}

export function isAbort(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}

export const TEXT = {
  busy: {
    nl: 'Er loopt al een synchronisatie. Deze wordt overgeslagen.',
    en: 'A sync is already running. This one is skipped.',
  },
  cancelled: {
    nl: 'De synchronisatie is gestopt. De volgende gaat verder waar deze bleef.',
    en: 'The sync was stopped. The next one continues where this one left off.',
  },
  notConfigured: {
    nl: 'Er is nog geen koppeling met e-Boekhouden. Vul een API-token of de beveiligingscodes in.',
    en: 'There is no connection with e-Boekhouden yet. Enter an API token or the security codes.',
  },
  paused: {
    nl: 'Automatisch synchroniseren staat stil tot je nieuwe inloggegevens invult.',
    en: 'Automatic sync is paused until you enter new credentials.',
  },
  interrupted: {
    nl: 'Deze synchronisatie werd onderbroken (de browser of de achtergrondtaak stopte). De volgende ging verder waar deze bleef.',
    en: 'This sync was interrupted (the browser or the background task stopped). The next one continued where it left off.',
  },
  leaseLost: {
    nl: 'De synchronisatie duurde te lang zonder teken van leven en is gestopt; een nieuwe neemt het over.',
    en: 'The sync showed no sign of life for too long and stopped; a new one takes over.',
  },
  administrationSwitch: {
    nl: 'Deze inloggegevens horen bij een andere administratie dan de gegevens die hier staan. Bevestig de wissel: de geïmporteerde gegevens worden dan gewist en opnieuw opgehaald.',
    en: 'These credentials belong to a different administration than the data stored here. Confirm the switch: the imported data is then cleared and fetched again.',
  },
  truncated: (what: Text, received: number, limit: number): Text => ({
    nl: `e-Boekhouden gaf via de beveiligingscodes maar ${received} van de ${what.nl} (maximum ${limit} per keer); de rest ontbreekt. Koppel met een API-token om alles op te halen.`,
    en: `With security codes e-Boekhouden returned only ${received} ${what.en} (at most ${limit} at a time); the rest is missing. Connect with an API token to fetch everything.`,
  }),
  rejected: (message: string): Text => ({
    nl: `Dit record van e-Boekhouden is ongeldig en is overgeslagen: ${message}. De overige records zijn geïmporteerd.`,
    en: `This record from e-Boekhouden is invalid and was skipped: ${message}. The other records were imported.`,
  }),
  codeInUse: (code: string): Text => ({
    nl: `De code ${code} wordt hier al door een andere klant gebruikt; deze relatie is overgeslagen.`,
    en: `The code ${code} is already used here by another customer; this relation was skipped.`,
  }),
  stepFailed: (step: string, e: ErrorText): Text => ({ nl: `Stap ${step}: ${e.nl}`, en: `Step ${step}: ${e.en}` }),
} as const;

export const WHAT = {
  relations: { nl: 'relaties', en: 'relations' },
  products: { nl: 'artikelen', en: 'products' },
} as const;
