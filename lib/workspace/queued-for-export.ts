/** The guard shared by work orders and invoices: what is queued for export is not changed any more. */
import type { OutboxEntry } from '../db';
import type { Text } from '../i18n/translate';
import { fail } from './errors';

/** Refuses a change to a record that is queued for export (or being sent). */
export function refuseWhileQueued(entry: OutboxEntry | undefined, record: Text): void {
  if (!entry || entry.state === 'failed') return;
  const number = entry.kind === 'invoice' ? entry.payload.number : entry.payload.code;
  fail('EXPORT_QUEUED', 'workspace.queued', { record, number });
}
