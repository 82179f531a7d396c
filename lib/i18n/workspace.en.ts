import type { WorkspaceKey } from './workspace.nl';

/** English words of the workspace (lib/workspace); typed against the Dutch keys. */
export const workspaceEn: Record<WorkspaceKey, string> = {
  'workspace.problems': '{first} {rest}',

  'workspace.record.newWorkOrder': 'New work order',
  'workspace.record.newInvoice': 'New invoice',

  'workspace.customer.codeTooLong':
    'Customer code "{code}" is {length} characters; e-Boekhouden allows at most 15. Choose a shorter code.',
  'workspace.customer.codeCharacters':
    'Customer code "{code}" may only contain letters, digits and . _ - /. Change the code.',
  'workspace.customer.nameRequired': "Fill in the customer's name.",
  'workspace.customer.codeInUse':
    'Customer code "{code}" is already in use. Choose another code or leave it empty to get one generated.',
  'workspace.customer.codeInUseChange': 'Customer code "{code}" is already in use. Choose another code.',
  'workspace.customer.notFound': 'Customer {id} does not exist (any more). Refresh the list.',
  'workspace.customer.fromEboekhouden':
    '{record} comes from e-Boekhouden. Change the relation there; the next sync brings the change in.',
  'workspace.customer.codeFixed': '{record} is in e-Boekhouden already; its code can no longer change.',
  'workspace.customer.exportInProgress': '{record} is being sent to e-Boekhouden right now. Try again after the sync.',

  'workspace.workOrder.notFound': 'Work order {id} does not exist (any more). Refresh the list.',
  'workspace.workOrder.unknownCustomer': '{record}: choose an existing customer.',
  'workspace.workOrder.descriptionTooLong': '{record}: the description is longer than 200 characters. Shorten it.',
  'workspace.workOrder.hourLine.unknownHourType': '{record}: hour line {line}: choose an existing hour type.',
  'workspace.workOrder.hourLine.invalidHours':
    '{record}: hour line {line}: hours must be more than 0, with at most 4 decimals.',
  'workspace.workOrder.hourLine.invalidPrice':
    '{record}: hour line {line}: the price must be an amount in whole cents.',
  'workspace.workOrder.materialLine.unknownMaterial': '{record}: material line {line}: choose an existing material.',
  'workspace.workOrder.materialLine.invalidQuantity':
    '{record}: material line {line}: the quantity cannot be 0 and has at most 4 decimals.',
  'workspace.workOrder.materialLine.invalidPrice':
    '{record}: material line {line}: the price must be an amount in whole cents.',
  'workspace.workOrder.alreadyCompleted': '{record} is already completed.',
  'workspace.workOrder.completedCannotDelete': '{record} is completed and cannot be deleted.',
  'workspace.workOrder.stillDraft': '{record} is still a draft. Complete the work order first.',
  'workspace.workOrder.alreadyExported': '{record} has already gone to e-Boekhouden as invoice {number}.',
  'workspace.workOrder.alreadyInvoiced': '{record} already has invoice {number}. Open that invoice.',

  'workspace.invalidDate': '{record}: date "{date}" is not a valid date (YYYY-MM-DD).',
  'workspace.queued':
    '{record} is queued to go to e-Boekhouden as invoice {number} and can no longer be changed. After the export you can edit it; the change then stays in the workspace only.',

  'workspace.invoice.notFound': 'Invoice {id} does not exist (any more). Refresh the list.',
  'workspace.invoice.unknownCustomer': 'Choose an existing customer for the invoice.',
  'workspace.invoice.line.noQuantity': '{record}: line {line}: enter a quantity.',
  'workspace.invoice.line.noPrice': '{record}: line {line}: enter a price.',
  'workspace.invoice.alreadyFinal': '{record} is already final.',
  'workspace.invoice.finalCannotDelete': '{record} is final and cannot be deleted.',

  'workspace.export.failed': '{record}: export failed: {message}. Correct the data and choose "Retry".',
  'workspace.export.notFound': 'Export {id} does not exist (any more). Refresh the list.',
  'workspace.export.notFailed': 'This export has not failed (state: {state}); there is nothing to retry.',
  'workspace.export.restarted': 'This export has been restarted already.',
  'workspace.export.customerGone': 'The customer of this export no longer exists.',
  'workspace.export.workOrderGone': 'The work order of this export no longer exists.',
  'workspace.export.invoiceGone': 'The invoice of this export no longer exists.',
};
