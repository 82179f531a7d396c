/**
 * The refresh rotation for REST relations and products, whose lists carry only a few fields.
 *
 * Every run earns "credit" in proportion to the time since the previous run:
 * known records × elapsed / refreshDays. Spending that credit on the next records after the
 * saved position (wrapping around) re-reads every record within `refreshDays` whatever the
 * run interval, while a run right after another re-reads next to nothing. A run after a long
 * pause re-reads at most MAX_PER_RUN (the rest of the credit carries over); trigger 'refresh'
 * re-reads everything at once.
 */
import type { StepContext } from '../step';
import { DAY_MS, throwIfAborted } from './common';

export interface RotationCursor {
  /** The last remote id re-read; the next run continues after it. */
  position: number;
  /** Records earned but not yet re-read. */
  credit: number;
  /** When credit was last earned (ms). */
  at: number;
}

export const MAX_PER_RUN = 500;
const CHUNK = 60;

export interface RotationSource {
  /** Known, not vanished remote ids greater than `after`, ascending, at most `limit`. */
  nextIds(after: number, limit: number): Promise<number[]>;
  count(): Promise<number>;
  /** Re-reads these records and stores them (counting in ctx.log). */
  refresh(ids: number[]): Promise<void>;
}

export async function rotate(
  ctx: StepContext,
  cursor: RotationCursor | undefined,
  source: RotationSource,
  save: (c: RotationCursor) => Promise<void>,
): Promise<void> {
  const now = ctx.now();
  const known = await source.count();
  if (!cursor) {
    // First run: the listing just read every new record in full.
    await save({ position: 0, credit: 0, at: now });
    return;
  }
  let budget: number;
  let credit: number;
  let position = cursor.position;
  if (ctx.trigger === 'refresh') {
    budget = known;
    credit = 0;
    position = 0;
  } else {
    const period = ctx.settings.refreshDays * DAY_MS;
    const earned = (known * Math.max(0, now - cursor.at)) / period;
    credit = Math.min(known, cursor.credit + earned);
    budget = Math.min(Math.floor(credit), MAX_PER_RUN);
    credit -= budget;
  }
  if (budget <= 0) {
    await save({ position, credit, at: now });
    return;
  }

  let ids = await source.nextIds(position, budget);
  if (ids.length < budget) {
    const wrapped = await source.nextIds(-Infinity, budget - ids.length);
    const seen = new Set(ids);
    ids = ids.concat(wrapped.filter((id) => !seen.has(id)));
  }
  let done = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    throwIfAborted(ctx.signal);
    const chunk = ids.slice(i, i + CHUNK);
    await source.refresh(chunk);
    done += chunk.length;
    position = chunk[chunk.length - 1];
    // Unspent budget stays as credit, so a cancelled rotation continues next time.
    await save({ position, credit: credit + (ids.length - done), at: now });
  }
  if (ids.length === 0) await save({ position, credit, at: now });
}
