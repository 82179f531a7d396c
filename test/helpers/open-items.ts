import type { OpenItemRow } from '../../lib/db';

/** An outstanding debtor item of R001 (Bakkerij De Vries), € 100 open, seen at `seenAt`; `o` overrides. */
export function debtorItem(seenAt: number, o: Partial<OpenItemRow> & { key: string }): OpenItemRow {
  return {
    side: 'debtors',
    date: '2026-01-01',
    relationCode: 'R001',
    relationName: 'Bakkerij De Vries',
    total: 100,
    paid: 0,
    outstanding: 100,
    open: true,
    seenAt,
    ...o,
  };
}
