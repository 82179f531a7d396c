/**
 * Dutch words of the sync engine, the exports and the errors: the sync log, problems, notices.
 * Domain code names them by key with parameters; {record} is the record's own name (record.*).
 */
export const syncNl = {
  // Errors by e-Boekhouden's (or the proxy's) code: what happened and what to do.
  'error.code.API_SESSION_004':
    'Het API-token is verlopen. Maak in e-Boekhouden een nieuw token aan (Beheer → Inrichting → Koppelingen → API) en vul het hier in.',
  'error.code.API_SESSION_003': 'Er is geen API-token ingevuld. Vul het token uit e-Boekhouden in.',
  'error.code.E001.1':
    'e-Boekhouden herkent de gebruikersnaam of beveiligingscodes niet. Na een wachtwoordwijziging verandert Beveiligingscode 1: haal de codes opnieuw op (Beheer → Instellingen → API/SOAP).',
  'error.code.E001.3': 'Beveiligingscode 2 klopt niet. Kopieer hem opnieuw uit e-Boekhouden.',
  'error.code.E001.5': 'Deze gebruiker mag de API niet gebruiken. Geef de gebruiker API-rechten in e-Boekhouden.',
  'error.code.E003.1':
    'Het maandelijkse maximum van 5.000 opvragingen van mutaties via SOAP is bereikt. Koppel met een API-token; dat kent deze grens niet.',
  'error.code.EP_001': 'Alleen accountants kunnen administraties opvragen.',
  'error.code.PROXY_TOKEN':
    'De proxy vraagt om een (ander) proxytoken; er is niets naar e-Boekhouden gestuurd. Vul het proxytoken in bij Verbinding → Proxy.',
  'error.code.PROXY_ORIGIN':
    'De proxy laat deze extensie niet toe; er is niets naar e-Boekhouden gestuurd. Zet de ID van de extensie in ALLOWED_EXTENSION_IDS van de proxy.',
  'error.code.PROXY_PATH':
    'Het proxyadres klopt niet: de proxy kent dit verzoek niet en er is niets naar e-Boekhouden gestuurd. Vul alleen het adres van de proxy in, zoals http://127.0.0.1:8787, zonder pad.',
  'error.code.REQUEST_TOO_LARGE':
    'Dit record is te groot voor de proxy; er is niets naar e-Boekhouden gestuurd. Maak het kleiner (minder regels, kortere teksten) of verhoog BODY_LIMIT_BYTES van de proxy.',
  // Errors by kind, when the code has no words of its own.
  'error.kind.auth':
    'e-Boekhouden weigert de inloggegevens. Vul nieuwe gegevens in om weer te synchroniseren; je gegevens blijven bewaard.',
  'error.kind.session':
    'De sessie bij e-Boekhouden is verlopen en kon niet worden vernieuwd. Probeer het later opnieuw.',
  'error.kind.validation': 'e-Boekhouden heeft de gegevens geweigerd. Pas het record aan en probeer het opnieuw.',
  'error.kind.limit':
    'e-Boekhouden beperkt het aantal verzoeken. De volgende synchronisatie probeert het vanzelf opnieuw.',
  'error.kind.network':
    'e-Boekhouden is niet bereikbaar. Controleer de internetverbinding en of de proxy draait; de volgende synchronisatie probeert het opnieuw.',
  'error.kind.upstream':
    'e-Boekhouden gaf een antwoord dat we niet kunnen gebruiken. De volgende synchronisatie probeert het opnieuw.',
  'error.unknown': 'Er ging iets onverwachts mis. De volgende synchronisatie probeert het opnieuw.',
  'error.withDetail': '{text} ({detail})',

  // The run as a whole.
  'run.busy': 'Er loopt al een synchronisatie. Deze wordt overgeslagen.',
  'run.cancelled': 'De synchronisatie is gestopt. De volgende gaat verder waar deze bleef.',
  'run.notConfigured': 'Er is nog geen koppeling met e-Boekhouden. Vul een API-token of de beveiligingscodes in.',
  'run.paused': 'Automatisch synchroniseren staat stil tot je nieuwe inloggegevens invult.',
  'run.interrupted':
    'Deze synchronisatie werd onderbroken (de browser of de achtergrondtaak stopte). De volgende ging verder waar deze bleef.',
  'run.leaseLost': 'De synchronisatie duurde te lang zonder teken van leven en is gestopt; een nieuwe neemt het over.',
  'run.administrationSwitch':
    'Deze inloggegevens horen bij een andere administratie dan de gegevens die hier staan. Bevestig de wissel: de geïmporteerde gegevens worden dan gewist en opnieuw opgehaald.',
  'run.stepFailed': 'Stap {step}: {error}',
  'run.moreProblems': 'Er zijn meer problemen; alleen de eerste 500 zijn bewaard.',

  // Imports.
  'import.truncated':
    'e-Boekhouden gaf via de beveiligingscodes maar {received} van de {what} (maximum {limit} per keer); de rest ontbreekt. Koppel met een API-token om alles op te halen.',
  'import.what.relations': 'relaties',
  'import.what.products': 'artikelen',
  'import.rejected':
    'Dit record van e-Boekhouden is ongeldig en is overgeslagen: {message}. De overige records zijn geïmporteerd.',
  'import.codeInUse': 'De code {code} wordt hier al door een andere klant gebruikt; deze relatie is overgeslagen.',

  // The names of records in problems.
  'record.customer': 'Klant {code} ({name})',
  'record.workOrder': 'Werkbon {number}',
  'record.invoice': 'Factuur {number}',
  'record.workOrderInvoice': 'Werkbon {workOrder} (factuur {number})',

  // Exports: the outbox.
  'export.what.invoices': 'facturen',
  'export.what.customers': 'klanten',
  'export.refused':
    '{record}: e-Boekhouden weigerde het{code}: {message}. Pas de gegevens aan en kies daarna "Opnieuw proberen".',
  'export.duplicateNotFound':
    '{record}: e-Boekhouden meldt dat het nummer of de code al bestaat, maar het is niet terug te vinden. Controleer het in e-Boekhouden en probeer het daarna opnieuw.',
  'export.tooLarge':
    '{record}: te groot om via de proxy te versturen (HTTP 413); er is niets naar e-Boekhouden gegaan. Maak het kleiner (minder regels of kortere omschrijvingen) of verhoog BODY_LIMIT_BYTES van de proxy, en kies daarna "Opnieuw proberen".',
  'export.refusedUnprocessed':
    '{record}: het verzoek werd geweigerd zonder te worden verwerkt (HTTP {status}): {message} Kies "Opnieuw proberen" als het probleem is opgelost.',
  'export.blocked.PROXY_TOKEN':
    'De proxy vraagt om een proxy-token of accepteert het ingevulde token niet. Vul het juiste proxy-token in bij Verbinding. Er is niets naar e-Boekhouden verstuurd; de {what} blijven klaarstaan en gaan bij de volgende synchronisatie alsnog mee.',
  'export.blocked.PROXY_ORIGIN':
    'De proxy weigert verzoeken van deze extensie. Zet de ID van de extensie in ALLOWED_EXTENSION_IDS van de proxy. Er is niets naar e-Boekhouden verstuurd; de {what} blijven klaarstaan en gaan bij de volgende synchronisatie alsnog mee.',
  'export.blocked.PROXY_PATH':
    'De proxy kent dit adres niet. Controleer het proxy-adres bij Verbinding: alleen het adres van de proxy zelf, zoals http://127.0.0.1:8787. Er is niets naar e-Boekhouden verstuurd; de {what} blijven klaarstaan en gaan bij de volgende synchronisatie alsnog mee.',
  'export.blocked.other':
    'De proxy weigerde het verzoek (HTTP {status}). Er is niets naar e-Boekhouden verstuurd; de {what} blijven klaarstaan en gaan bij de volgende synchronisatie alsnog mee.',
  'export.limited':
    '{count} {what} konden nu niet worden verstuurd (e-Boekhouden beperkt het aantal verzoeken). De volgende synchronisatie probeert het opnieuw; er wordt niets dubbel geboekt.',
  'export.deferred':
    '{count} {what} konden nu niet worden verstuurd (e-Boekhouden antwoordde niet goed). De volgende synchronisatie probeert het opnieuw; er wordt niets dubbel geboekt.',

  // Exports: customers.
  'export.field.code': 'code',
  'export.field.name': 'naam',
  'export.field.email': 'e-mailadres',
  'export.field.emailInvoice': 'e-mailadres voor facturen',
  'export.field.emailReminder': 'e-mailadres voor herinneringen',
  'export.field.cocNumber': 'KvK-nummer',
  'export.field.termOfPayment': 'betalingstermijn',
  'export.customer.invalidField': '{record}: {field} is ongeldig ({message}). Pas de klant aan.',
  'export.customer.codeTaken':
    '{record}: code {code} is in e-Boekhouden al in gebruik voor "{name}". Geef de klant een andere code en synchroniseer opnieuw.',
  'export.customer.codeAlreadyExported':
    '{record}: code {code} is al eerder voor een andere klant naar e-Boekhouden gestuurd. Geef deze klant een andere code.',

  // Exports: invoices found by lookup.
  'export.invoice.amountDiffers':
    '{record}: gevonden in e-Boekhouden onder hetzelfde nummer en dezelfde klant, maar met {there} excl. btw in plaats van {sent}. Controleer de factuur in e-Boekhouden; er is niets opnieuw verstuurd.',
  'export.invoice.numberTaken':
    '{record}: factuurnummer {number} bestaat in e-Boekhouden al voor een andere factuur (klant {customer}, {amount} excl. btw). Kies "Opnieuw proberen" om een nieuw nummer te gebruiken.',

  // The invoice builder's checks.
  'invoice.unknownHourType':
    'Werkbon {number}, urenregel {line}: het uursoort bestaat niet (meer) in de werkruimte. Kies een ander uursoort of synchroniseer de artikelen opnieuw.',
  'invoice.unknownMaterial':
    'Werkbon {number}, materiaalregel {line}: het materiaal bestaat niet (meer) in de werkruimte. Kies een ander materiaal of synchroniseer de artikelen opnieuw.',
  'invoice.unknownCustomer': '{record}: de klant bestaat niet in de werkruimte. Kies een bestaande klant.',
  'invoice.inactiveCustomer':
    '{record}: klant {code} ({name}) is inactief of verwijderd in e-Boekhouden. Activeer de relatie in e-Boekhouden of kies een andere klant.',
  'invoice.customerNotExported':
    '{record}: wacht tot klant {code} ({name}) naar e-Boekhouden is geëxporteerd; daarna wordt de factuur verstuurd. Staat het exporteren van klanten uit, zet het dan aan in de instellingen.',
  'invoice.noLines': '{record}: er staan geen regels op. Voeg minstens één uren- of materiaalregel toe.',
  'invoice.tooManyLines':
    '{record}: {count} regels; e-Boekhouden accepteert er hoogstens {max}. Verdeel het over twee facturen.',
  'invoice.line': '{record}, regel {line} ({what})',
  'invoice.line.noCode': '{where}: geen artikelcode. Kies een artikel of uursoort met een code.',
  'invoice.line.noDescription': '{where}: geen omschrijving. Vul een omschrijving in.',
  'invoice.line.noVatCode':
    '{where}: geen btw-code. Geef het artikel een btw-code in e-Boekhouden en synchroniseer, of stel voor uren een standaard btw-code in bij de instellingen.',
  'invoice.line.purchaseVat':
    '{where}: btw-code {vatCode} is een inkoopcode en mag niet op een verkoopfactuur. Gebruik een verkoopcode, bijvoorbeeld HOOG_VERK_21.',
  'invoice.line.divergentVat':
    '{where}: btw-code {vatCode} (afwijkend) vraagt een btw-bedrag per regel, dat de werkruimte niet bijhoudt. Kies een gewone verkoopcode.',
  'invoice.line.unknownVat':
    '{where}: btw-code {vatCode} is onbekend. Kies een verkoopcode, bijvoorbeeld HOOG_VERK_21.',
  'invoice.line.noLedger':
    '{where}: geen tegenrekening. Geef het artikel een omzetrekening in e-Boekhouden en synchroniseer, of stel voor uren een standaard tegenrekening in bij de instellingen.',
  'invoice.line.priceDecimals': '{where}: prijs {price} heeft meer dan 2 decimalen. Rond de prijs af op hele centen.',
  'invoice.line.quantityDecimals': '{where}: aantal {quantity} heeft meer dan 4 decimalen. Rond het aantal af.',
  'invoice.line.zeroQuantity': '{where}: het aantal is 0. Vul een aantal in of verwijder de regel.',
  'invoice.totalRounding':
    '{record}: de regelbedragen, elk afgerond op centen, tellen op tot {rounded}, maar het exacte totaal is {exact}. Pas aantallen of prijzen aan zodat elke regel op hele centen uitkomt.',
  'invoice.noTemplate': '{record}: er is geen factuursjabloon gekozen. Kies een sjabloon bij Instellingen → Facturen.',
  'invoice.noSenderAddress':
    '{record}: e-Boekhouden kan de factuur alleen mailen met een geldig afzenderadres. Vul het afzenderadres in bij Synchronisatie → Standaarden voor facturen, of zet "e-Boekhouden mailt de factuur naar de klant" uit.',
  'invoice.noCustomerEmail':
    '{record}: klant {code} ({name}) heeft geen e-mailadres, dus e-Boekhouden kan de factuur niet mailen. Vul bij de klant een e-mailadres (of een e-mailadres voor facturen) in, in e-Boekhouden voor een klant uit e-Boekhouden, of zet "e-Boekhouden mailt de factuur naar de klant" uit.',
  'invoice.invalidField': '{record}: veld {field} is ongeldig ({message}). Pas het veld aan.',
  // What the invoice itself says in e-Boekhouden and in its e-mail (always Dutch: the customer reads it).
  'invoice.booking': 'Factuur {number}',
  'invoice.bookingWithDescription': 'Factuur {number} {description}',
  'invoice.mailSubject': 'Factuur {number}',
  'invoice.mailBody': 'Hierbij ontvangt u factuur {number}.',
} as const;

export type SyncKey = keyof typeof syncNl;
