/** The guard shared by work orders and invoices: what is queued for export is not changed any more. */
import type { OutboxEntry } from '../db';
import type { NewInvoice } from '../eboekhouden/types';
import { fail } from './errors';

/** Refuses a change to a record that is queued for export (or being sent). */
export function refuseWhileQueued(entry: OutboxEntry | undefined, label: { nl: string; en: string }): void {
  if (!entry || entry.state === 'failed') return;
  const number = (entry.payload as NewInvoice).number;
  fail(
    'EXPORT_QUEUED',
    `${label.nl} staat klaar om als factuur ${number} naar e-Boekhouden te gaan en kan niet meer worden gewijzigd. Na de export kunt u hem aanpassen; de wijziging blijft dan alleen in de werkruimte.`,
    `${label.en} is queued to go to e-Boekhouden as invoice ${number} and can no longer be changed. After the export you can edit it; the change then stays in the workspace only.`,
  );
}
