/**
 * The shape customers and products share: a listing of records whose REST rows may need detail
 * reads (thin list items; items with every detail field carry the whole record). Three things overlap: the next list page is fetched and this page's details are read
 * while the previous page is written; writes stay in order, one at a time. Afterwards records no
 * longer listed are marked, and (REST) known records are re-read in rotation.
 */
import type { Page } from '../../eboekhouden/types';
import type { StepContext } from '../step';
import { forEachPage, logRejected, logTruncated, readCursor, trailingWrites, writeCursor } from './common';
import { rotate, type RotationCursor, type RotationSource } from './rotation';
import type { WHAT } from '../texts';

export interface ListingImport<Item extends { id: number }, Full, Known> {
  step: string;
  what: keyof typeof WHAT;
  list(): AsyncIterable<Page<Item>>;
  /** The list item carries the whole record (no detail read, no rotation needed for it). */
  carriesDetails(item: Item): boolean;
  /** Imported records not marked gone. */
  countLive(ctx: StepContext): Promise<number>;
  /** The stored rows of a page's records (read before the previous page's write, see trailingWrites). */
  readKnown(ctx: StepContext, items: Item[]): Promise<Known>;
  /**
   * Reads one page in full (details where needed, given its stored rows). `live`: how many of
   * its rows were already known and not gone.
   */
  readPage(
    ctx: StepContext,
    items: Item[],
    known: Known,
    progress: (done: number) => void,
  ): Promise<{ full: Full[]; live: number }>;
  store(ctx: StepContext, records: Full[]): Promise<void>;
  markVanished(ctx: StepContext, seen: Set<number>): Promise<void>;
  rotationSource(ctx: StepContext): RotationSource;
}

interface ListingCursor {
  rotation?: RotationCursor;
}

export async function runListingImport<Item extends { id: number }, Full, Known>(
  ctx: StepContext,
  spec: ListingImport<Item, Full, Known>,
): Promise<void> {
  const { db, api } = ctx;
  const cursor = (await readCursor<ListingCursor>(db, spec.step)) ?? {};
  const seen = new Set<number>();
  const liveBefore = await spec.countLive(ctx);
  let liveListed = 0;
  let complete = true;
  // Whether some listed item was thin: only then can a record change without the list showing it.
  let thinItems = false;
  const writes = trailingWrites();
  // The next page's stored rows, read while this page's details are read: each IndexedDB
  // round trip before a page's first detail request leaves the connection idle, more so on a
  // busy machine. Made after this page's flush, so it still sees every write but this page's.
  let knownAhead: { page: Page<Item>; known: Promise<Known> } | undefined;
  try {
    await forEachPage(spec.list(), ctx.signal, async (page, next) => {
      ctx.log.fetched += page.items.length;
      logRejected(ctx, page);
      if (page.truncated) {
        complete = false;
        logTruncated(ctx, page, spec.what);
      }
      for (const item of page.items) {
        seen.add(item.id);
        if (!thinItems && !spec.carriesDetails(item)) thinItems = true;
      }
      const before = page.received - page.items.length;
      const known = await (knownAhead?.page === page ? knownAhead.known : spec.readKnown(ctx, page.items));
      await writes.flush();
      knownAhead = undefined;
      void next.then((p) => {
        if (!p || ctx.signal.aborted) return;
        const read = spec.readKnown(ctx, p.items);
        // Awaited with its page; a failure there is thrown then.
        read.catch(() => undefined);
        knownAhead = { page: p, known: read };
      });
      const read = await spec.readPage(ctx, page.items, known, (done) => ctx.progress(before + done, page.total));
      liveListed += read.live;
      writes.hold(() => spec.store(ctx, read.full));
      ctx.progress(page.received, page.total);
    });
    await writes.drain();
  } finally {
    await writes.settle();
  }
  // A truncated list says nothing about the records it left out; when every live record was
  // listed again, nothing vanished and the key scan is not needed.
  if (complete && liveListed !== liveBefore) await spec.markVanished(ctx, seen);
  // Every record came whole with the list (SOAP, or REST list items with every detail field):
  // this run refreshed them all, so there is nothing to re-read in rotation.
  if (!api.capabilities.listsCarryDetails && thinItems) {
    await rotate(ctx, cursor.rotation, spec.rotationSource(ctx), (rotation) =>
      writeCursor(db, spec.step, { ...cursor, rotation }, ctx.now()),
    );
  }
}
