/**
 * Dutch words of the workspace (lib/workspace): why a customer, work order, invoice or export
 * retry is refused, and how to fix it. {record} is the record's own name (record.*).
 */
export const workspaceNl = {
  // Several problems at once: each one's words, one after the other.
  'workspace.problems': '{first} {rest}',

  // Names of records that have none yet.
  'workspace.record.newWorkOrder': 'Nieuwe werkbon',
  'workspace.record.newInvoice': 'Nieuwe factuur',

  // Customers.
  'workspace.customer.codeTooLong':
    'Klantcode "{code}" is {length} tekens; e-Boekhouden staat er hoogstens 15 toe. Kies een kortere code.',
  'workspace.customer.codeCharacters':
    'Klantcode "{code}" mag alleen letters, cijfers en . _ - / bevatten. Pas de code aan.',
  'workspace.customer.nameRequired': 'Vul de naam van de klant in.',
  'workspace.customer.codeInUse':
    'Klantcode "{code}" is al in gebruik. Kies een andere code of laat het veld leeg voor een automatische code.',
  'workspace.customer.codeInUseChange': 'Klantcode "{code}" is al in gebruik. Kies een andere code.',
  'workspace.customer.notFound': 'Klant {id} bestaat niet (meer). Vernieuw de lijst.',
  'workspace.customer.fromEboekhouden':
    '{record} komt uit e-Boekhouden. Wijzig de relatie daar; de volgende synchronisatie neemt de wijziging over.',
  'workspace.customer.codeFixed': '{record} staat al in e-Boekhouden; de code kan niet meer veranderen.',
  'workspace.customer.exportInProgress':
    '{record} wordt op dit moment naar e-Boekhouden verstuurd. Probeer het na de synchronisatie opnieuw.',

  // Work orders.
  'workspace.workOrder.notFound': 'Werkbon {id} bestaat niet (meer). Vernieuw de lijst.',
  'workspace.workOrder.unknownCustomer': '{record}: kies een bestaande klant.',
  'workspace.workOrder.descriptionTooLong': '{record}: de omschrijving is langer dan 200 tekens. Maak haar korter.',
  'workspace.workOrder.hourLine.unknownHourType': '{record}: urenregel {line}: kies een bestaand uursoort.',
  'workspace.workOrder.hourLine.invalidHours':
    '{record}: urenregel {line}: het aantal uren moet groter dan 0 zijn, met hoogstens 4 decimalen.',
  'workspace.workOrder.hourLine.invalidPrice':
    '{record}: urenregel {line}: de prijs moet een bedrag in hele centen zijn.',
  'workspace.workOrder.materialLine.unknownMaterial': '{record}: materiaalregel {line}: kies een bestaand materiaal.',
  'workspace.workOrder.materialLine.invalidQuantity':
    '{record}: materiaalregel {line}: het aantal mag niet 0 zijn en heeft hoogstens 4 decimalen.',
  'workspace.workOrder.materialLine.invalidPrice':
    '{record}: materiaalregel {line}: de prijs moet een bedrag in hele centen zijn.',
  'workspace.workOrder.alreadyCompleted': '{record} is al afgerond.',
  'workspace.workOrder.completedCannotDelete': '{record} is afgerond en kan niet worden verwijderd.',
  'workspace.workOrder.stillDraft': '{record} is nog een concept. Rond de werkbon eerst af.',
  'workspace.workOrder.alreadyExported': '{record} is al als factuur {number} naar e-Boekhouden gegaan.',
  'workspace.workOrder.alreadyInvoiced': '{record} heeft al factuur {number}. Open die factuur.',

  // Work orders and invoices.
  'workspace.invalidDate': '{record}: datum "{date}" is geen geldige datum (JJJJ-MM-DD).',
  'workspace.queued':
    '{record} staat klaar om als factuur {number} naar e-Boekhouden te gaan en kan niet meer worden gewijzigd. Na de export kunt u hem aanpassen; de wijziging blijft dan alleen in de werkruimte.',

  // Invoices.
  'workspace.invoice.notFound': 'Factuur {id} bestaat niet (meer). Vernieuw de lijst.',
  'workspace.invoice.unknownCustomer': 'Kies een bestaande klant voor de factuur.',
  'workspace.invoice.line.noQuantity': '{record}: regel {line}: vul een aantal in.',
  'workspace.invoice.line.noPrice': '{record}: regel {line}: vul een prijs in.',
  'workspace.invoice.alreadyFinal': '{record} is al definitief.',
  'workspace.invoice.finalCannotDelete': '{record} is definitief en kan niet worden verwijderd.',

  // The export preview and retry.
  'workspace.export.failed': '{record}: export mislukt: {message}. Pas de gegevens aan en kies "Opnieuw proberen".',
  'workspace.export.notFound': 'Export {id} bestaat niet (meer). Vernieuw de lijst.',
  'workspace.export.notFailed': 'Deze export is niet mislukt (status: {state}); er valt niets opnieuw te proberen.',
  'workspace.export.restarted': 'Deze export is intussen al opnieuw gestart.',
  'workspace.export.customerGone': 'De klant van deze export bestaat niet meer.',
  'workspace.export.workOrderGone': 'De werkbon van deze export bestaat niet meer.',
  'workspace.export.invoiceGone': 'De factuur van deze export bestaat niet meer.',
} as const;

export type WorkspaceKey = keyof typeof workspaceNl;
