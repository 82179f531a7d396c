/**
 * Running numbers kept in db.kv: invoice numbers (prefix + year + 4 digits), work order numbers,
 * customer codes. An invoice number is allocated once and stored with the export entry, so a
 * retry sends the same number and can look it up in e-Boekhouden.
 */
import type { Settings } from '../settings';
import type { WorkspaceDb } from '../db';

export const COUNTER_PREFIX = 'counter:';

export function formatInvoiceNumber(prefix: string, year: number | string, seq: number): string {
  return `${prefix}${year}-${String(seq).padStart(4, '0')}`;
}

async function readCounter(db: WorkspaceDb, name: string): Promise<number> {
  const row = await db.kv.get(COUNTER_PREFIX + name);
  return typeof row?.value === 'number' ? row.value : 0;
}

/** Is this invoice number used anywhere we know of: our invoices, our outbox, or imported from e-Boekhouden? */
async function invoiceNumberTaken(db: WorkspaceDb, number: string): Promise<boolean> {
  const [inv, entry, tx, open] = await Promise.all([
    db.invoices.where('number').equals(number).count(),
    db.outbox.where('key').equals(`invoice:${number}`).count(),
    db.transactions.where('invoiceNumber').equals(number).count(),
    db.openItems.where('invoiceNumber').equals(number).count(),
  ]);
  return inv + entry + tx + open > 0;
}

function yearOf(date: string): string {
  return /^\d{4}/.test(date) ? date.slice(0, 4) : String(new Date().getUTCFullYear());
}

/**
 * Allocates the next free invoice number for the invoice date's year and saves the counter.
 * Runs in its own read-write transaction, or joins the caller's when that includes these tables.
 */
export function allocateInvoiceNumber(db: WorkspaceDb, settings: Settings, date: string): Promise<string> {
  const prefix = settings.invoice.numberPrefix;
  const year = yearOf(date);
  const name = `invoice:${prefix}${year}`;
  return db.transaction('rw', [db.kv, db.invoices, db.outbox, db.transactions, db.openItems], async () => {
    let seq = await readCounter(db, name);
    let number: string;
    do {
      seq += 1;
      number = formatInvoiceNumber(prefix, year, seq);
    } while (await invoiceNumberTaken(db, number));
    await db.kv.put({ key: COUNTER_PREFIX + name, value: seq });
    return number;
  });
}

/** The numbers the next allocations would give, without saving anything (for the preview). */
export async function peekInvoiceNumbers(
  db: WorkspaceDb,
  settings: Settings,
  date: string,
  count: number,
): Promise<string[]> {
  const prefix = settings.invoice.numberPrefix;
  const year = yearOf(date);
  let seq = await readCounter(db, `invoice:${prefix}${year}`);
  const out: string[] = [];
  while (out.length < count) {
    seq += 1;
    const number = formatInvoiceNumber(prefix, year, seq);
    if (!(await invoiceNumberTaken(db, number))) out.push(number);
  }
  return out;
}

/**
 * A plain running number (work orders, concept invoices, customer codes). `taken` skips values
 * already in use, e.g. a code typed by hand that happens to look generated.
 */
export function nextNumber(
  db: WorkspaceDb,
  name: string,
  format: (seq: number) => string,
  taken: (value: string) => Promise<boolean>,
): Promise<string> {
  return db.transaction('rw', [db.kv, db.customers, db.workOrders, db.invoices], async () => {
    let seq = await readCounter(db, name);
    let value: string;
    do {
      seq += 1;
      value = format(seq);
    } while (await taken(value));
    await db.kv.put({ key: COUNTER_PREFIX + name, value: seq });
    return value;
  });
}
