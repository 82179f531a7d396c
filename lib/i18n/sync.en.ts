import type { SyncKey } from './sync.nl';

/** English words of the sync engine, the exports and the errors; typed against the Dutch keys. */
export const syncEn: Record<SyncKey, string> = {
  'error.code.API_SESSION_004':
    'The API token has expired. Create a new token in e-Boekhouden (Beheer → Inrichting → Koppelingen → API) and enter it here.',
  'error.code.API_SESSION_003': 'No API token was entered. Enter the token from e-Boekhouden.',
  'error.code.E001.1':
    'e-Boekhouden does not recognise the username or security codes. Security Code 1 changes when the password changes: copy the codes again (Beheer → Instellingen → API/SOAP).',
  'error.code.E001.3': 'Security Code 2 is not right. Copy it again from e-Boekhouden.',
  'error.code.E001.5': 'This user may not use the API. Give the user API rights in e-Boekhouden.',
  'error.code.E003.1':
    'The monthly limit of 5,000 mutation requests over SOAP has been reached. Connect with an API token, which has no such limit.',
  'error.code.EP_001': 'Only accountants can list administrations.',
  'error.code.PROXY_TOKEN':
    'The proxy asks for a (different) proxy token; nothing was sent to e-Boekhouden. Enter the proxy token under Connection → Proxy.',
  'error.code.PROXY_ORIGIN':
    "The proxy does not accept this extension; nothing was sent to e-Boekhouden. Add the extension's ID to the proxy's ALLOWED_EXTENSION_IDS.",
  'error.code.PROXY_PATH':
    "The proxy address is not right: the proxy does not serve this request and nothing was sent to e-Boekhouden. Enter just the proxy's address, such as http://127.0.0.1:8787, without a path.",
  'error.code.REQUEST_TOO_LARGE':
    "This record is too large for the proxy; nothing was sent to e-Boekhouden. Make it smaller (fewer lines, shorter texts) or raise the proxy's BODY_LIMIT_BYTES.",
  'error.kind.auth': 'e-Boekhouden refuses the credentials. Enter new ones to sync again; your data is kept.',
  'error.kind.session': 'The e-Boekhouden session expired and could not be renewed. Try again later.',
  'error.kind.validation': 'e-Boekhouden refused the data. Correct the record and try again.',
  'error.kind.limit': 'e-Boekhouden is limiting requests. The next sync tries again by itself.',
  'error.kind.network':
    'e-Boekhouden cannot be reached. Check the internet connection and that the proxy is running; the next sync tries again.',
  'error.kind.upstream': 'e-Boekhouden sent an answer we cannot use. The next sync tries again.',
  'error.unknown': 'Something unexpected went wrong. The next sync tries again.',
  'error.withDetail': '{text} ({detail})',

  'run.busy': 'A sync is already running. This one is skipped.',
  'run.cancelled': 'The sync was stopped. The next one continues where this one left off.',
  'run.notConfigured': 'There is no connection with e-Boekhouden yet. Enter an API token or the security codes.',
  'run.paused': 'Automatic sync is paused until you enter new credentials.',
  'run.interrupted':
    'This sync was interrupted (the browser or the background task stopped). The next one continued where it left off.',
  'run.leaseLost': 'The sync showed no sign of life for too long and stopped; a new one takes over.',
  'run.administrationSwitch':
    'These credentials belong to a different administration than the data stored here. Confirm the switch: the imported data is then cleared and fetched again.',
  'run.stepFailed': 'Step {step}: {error}',
  'run.moreProblems': 'There are more problems; only the first 500 were kept.',

  'import.truncated':
    'With security codes e-Boekhouden returned only {received} {what} (at most {limit} at a time); the rest is missing. Connect with an API token to fetch everything.',
  'import.what.relations': 'relations',
  'import.what.products': 'products',
  'import.rejected':
    'This record from e-Boekhouden is invalid and was skipped: {message}. The other records were imported.',
  'import.codeInUse': 'The code {code} is already used here by another customer; this relation was skipped.',

  'record.customer': 'Customer {code} ({name})',
  'record.workOrder': 'Work order {number}',
  'record.invoice': 'Invoice {number}',
  'record.workOrderInvoice': 'Work order {workOrder} (invoice {number})',

  'export.what.invoices': 'invoices',
  'export.what.customers': 'customers',
  'export.refused': '{record}: e-Boekhouden refused it{code}: {message}. Correct the data, then choose "Retry".',
  'export.duplicateNotFound':
    '{record}: e-Boekhouden says the number or code already exists, but it cannot be found. Check it in e-Boekhouden, then retry.',
  'export.tooLarge':
    '{record}: too large to send through the proxy (HTTP 413); nothing reached e-Boekhouden. Make it smaller (fewer lines or shorter descriptions) or raise the proxy\'s BODY_LIMIT_BYTES, then choose "Retry".',
  'export.refusedUnprocessed':
    '{record}: the request was refused without being processed (HTTP {status}): {message} Choose "Retry" once the problem is solved.',
  'export.blocked.PROXY_TOKEN':
    'The proxy asks for a proxy token or does not accept the one entered. Enter the right proxy token under Connection. Nothing was sent to e-Boekhouden; the {what} stay queued and go with the next sync.',
  'export.blocked.PROXY_ORIGIN':
    "The proxy refuses requests from this extension. Add the extension's ID to the proxy's ALLOWED_EXTENSION_IDS. Nothing was sent to e-Boekhouden; the {what} stay queued and go with the next sync.",
  'export.blocked.PROXY_PATH':
    "The proxy does not serve this address. Check the proxy address under Connection: just the proxy's own address, such as http://127.0.0.1:8787. Nothing was sent to e-Boekhouden; the {what} stay queued and go with the next sync.",
  'export.blocked.other':
    'The proxy refused the request (HTTP {status}). Nothing was sent to e-Boekhouden; the {what} stay queued and go with the next sync.',
  'export.limited':
    '{count} {what} could not be sent now (e-Boekhouden is limiting requests). The next sync tries again; nothing is booked twice.',
  'export.deferred':
    '{count} {what} could not be sent now (e-Boekhouden did not answer properly). The next sync tries again; nothing is booked twice.',

  'export.field.code': 'code',
  'export.field.name': 'name',
  'export.field.email': 'e-mail address',
  'export.field.emailInvoice': 'e-mail address for invoices',
  'export.field.emailReminder': 'e-mail address for reminders',
  'export.field.cocNumber': 'Chamber of Commerce number',
  'export.field.termOfPayment': 'payment term',
  'export.customer.invalidField': '{record}: {field} is invalid ({message}). Edit the customer.',
  'export.customer.codeTaken':
    '{record}: code {code} is already used in e-Boekhouden by "{name}". Give the customer another code and sync again.',
  'export.customer.codeAlreadyExported':
    '{record}: code {code} was already sent to e-Boekhouden for another customer. Give this customer another code.',

  'export.invoice.amountDiffers':
    '{record}: found in e-Boekhouden under the same number and customer, but with {there} excl. VAT instead of {sent}. Check the invoice in e-Boekhouden; nothing was sent again.',
  'export.invoice.numberTaken':
    '{record}: invoice number {number} is already used in e-Boekhouden by another invoice (customer {customer}, {amount} excl. VAT). Choose "Retry" to use a new number.',

  'invoice.unknownHourType':
    'Work order {number}, hour line {line}: the hour type no longer exists in the workspace. Choose another hour type or sync the products again.',
  'invoice.unknownMaterial':
    'Work order {number}, material line {line}: the material no longer exists in the workspace. Choose another material or sync the products again.',
  'invoice.unknownCustomer': '{record}: the customer does not exist in the workspace. Choose an existing customer.',
  'invoice.inactiveCustomer':
    '{record}: customer {code} ({name}) is inactive or removed in e-Boekhouden. Reactivate the relation in e-Boekhouden or choose another customer.',
  'invoice.customerNotExported':
    '{record}: waits until customer {code} ({name}) has been exported to e-Boekhouden; the invoice is sent after that. If exporting customers is off, turn it on in the settings.',
  'invoice.noLines': '{record}: there are no lines. Add at least one hour or material line.',
  'invoice.tooManyLines': '{record}: {count} lines; e-Boekhouden accepts at most {max}. Split it over two invoices.',
  'invoice.line': '{record}, line {line} ({what})',
  'invoice.line.noCode': '{where}: no product code. Choose a material or hour type that has a code.',
  'invoice.line.noDescription': '{where}: no description. Fill in a description.',
  'invoice.line.noVatCode':
    '{where}: no VAT code. Give the product a VAT code in e-Boekhouden and sync, or set a default VAT code for hours in the settings.',
  'invoice.line.purchaseVat':
    '{where}: VAT code {vatCode} is a purchase code and cannot be used on a sales invoice. Use a sales code, for example HOOG_VERK_21.',
  'invoice.line.divergentVat':
    '{where}: VAT code {vatCode} (divergent) needs a VAT amount per line, which the workspace does not keep. Choose a regular sales code.',
  'invoice.line.unknownVat': '{where}: VAT code {vatCode} is unknown. Choose a sales code, for example HOOG_VERK_21.',
  'invoice.line.noLedger':
    '{where}: no counter account. Give the product a revenue account in e-Boekhouden and sync, or set a default counter account for hours in the settings.',
  'invoice.line.priceDecimals': '{where}: price {price} has more than 2 decimals. Round the price to whole cents.',
  'invoice.line.quantityDecimals': '{where}: quantity {quantity} has more than 4 decimals. Round the quantity.',
  'invoice.line.zeroQuantity': '{where}: the quantity is 0. Enter a quantity or remove the line.',
  'invoice.totalRounding':
    '{record}: the line amounts, each rounded to the cent, add up to {rounded}, but the exact total is {exact}. Adjust quantities or prices so every line comes to whole cents.',
  'invoice.noTemplate': '{record}: no invoice template is chosen. Pick a template under Settings → Invoices.',
  'invoice.noSenderAddress':
    '{record}: e-Boekhouden can only e-mail the invoice from a valid sender address. Fill in the sender address under Sync settings → Invoice defaults, or turn off "e-Boekhouden e-mails the invoice to the customer".',
  'invoice.noCustomerEmail':
    '{record}: customer {code} ({name}) has no e-mail address, so e-Boekhouden cannot e-mail the invoice. Fill in an e-mail address (or one for invoices) for the customer, in e-Boekhouden for a customer from e-Boekhouden, or turn off "e-Boekhouden e-mails the invoice to the customer".',
  'invoice.invalidField': '{record}: field {field} is invalid ({message}). Correct the field.',
  'invoice.booking': 'Invoice {number}',
  'invoice.bookingWithDescription': 'Invoice {number} {description}',
  'invoice.mailSubject': 'Invoice {number}',
  'invoice.mailBody': 'Please find invoice {number} enclosed.',
};
