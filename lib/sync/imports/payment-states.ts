/**
 * After the outstanding items were read: derives every exported invoice's payment state, logs
 * what changed since the last derivation ("F2026-0042 paid, €1,234.50") and keeps the states
 * as the base for the next comparison. The pages derive the states themselves from the same
 * tables (lib/workspace/payments); nothing here is needed to show them.
 *
 * Runs only when the lists were read in full since the last time (the open-items cursor moved):
 * a skipped or failed open-items step leaves the previous states and the log untouched.
 */
import { KV, type WorkspaceDb } from '../../db';
import { moneyWords } from '../../i18n/money';
import { text, type Text } from '../../i18n/translate';
import { loadPaymentOverview, type PaymentState } from '../../workspace/payments/index';
import type { SyncStep } from '../step';
import { readCursor } from './common';

const STEP = 'paymentStates';
/** More changes than this in one run are counted, not listed. */
export const MAX_PAYMENT_NOTES = 50;

interface Snapshot {
  readAt: number;
  states: Record<string, PaymentState>;
}

/** The same state with the same amounts; days overdue grow every day and are not a change. */
function sameState(a: PaymentState | undefined, b: PaymentState): boolean {
  const amounts = (s: PaymentState) => `${s.kind}:${'paid' in s ? s.paid : ''}:${'left' in s ? s.left : ''}`;
  return a !== undefined && amounts(a) === amounts(b);
}

export function paymentNote(number: string, s: PaymentState): Text | undefined {
  switch (s.kind) {
    case 'paid':
      return text('payments.log.paid', { number, paid: moneyWords(s.paid) });
    case 'partlyPaid':
      return text('payments.log.partlyPaid', { number, paid: moneyWords(s.paid), left: moneyWords(s.left) });
    case 'overdue':
      return text('payments.log.overdue', { number, days: s.daysOverdue, left: moneyWords(s.left) });
    case 'open':
      return text('payments.log.open', { number, left: moneyWords(s.left) });
    case 'credited':
      return text('payments.log.credited', { number });
    case 'unknown':
      return undefined;
  }
}

async function readSnapshot(db: WorkspaceDb): Promise<Snapshot | undefined> {
  return (await db.kv.get(KV.paymentStates))?.value as Snapshot | undefined;
}

export const derivePaymentStates: SyncStep = {
  name: STEP,
  enabled: (s) => s.imports.openItems,
  async run(ctx) {
    const { db } = ctx;
    const readAt = (await readCursor<{ readAt?: number }>(db, 'openItems'))?.readAt;
    const before = await readSnapshot(db);
    if (readAt === undefined || before?.readAt === readAt) return;
    const overview = await loadPaymentOverview(db, ctx.now());
    const states: Record<string, PaymentState> = {};
    const notes: Text[] = [];
    let changed = 0;
    for (const inv of overview.invoices) {
      if (inv.origin !== 'workspace') continue;
      states[inv.number] = inv.state;
      ctx.log.fetched++;
      if (sameState(before?.states[inv.number], inv.state)) {
        ctx.log.unchanged++;
        continue;
      }
      ctx.log.updated++;
      // The very first derivation only sets the base: it would list every invoice ever sent.
      const note = before ? paymentNote(inv.number, inv.state) : undefined;
      if (!note) continue;
      changed++;
      if (notes.length < MAX_PAYMENT_NOTES) notes.push(note);
    }
    if (changed > notes.length) notes.push(text('payments.log.more', { count: changed - notes.length }));
    if (notes.length > 0) ctx.log.notes = notes;
    await db.kv.put({ key: KV.paymentStates, value: { readAt, states } satisfies Snapshot });
  },
};
