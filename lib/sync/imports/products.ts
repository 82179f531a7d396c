/**
 * products → materials and hour types. The unit decides (see isHourUnit); a product whose unit
 * changes moves to the other table instead of appearing twice. Both keep the product's VAT code
 * and counter account. Vanished products are marked 'gone', never deleted.
 *
 * Thin REST list items carry code, description, unit and active: a new or changed row gets its
 * details read (prices, VAT, ledger); known ones are re-read in rotation. REST list items with
 * every detail field, and SOAP lists, carry everything: no detail reads.
 */
import type { Article } from '../../db';
import type { Product, ProductListItem } from '../../eboekhouden/types';
import { articleTableFor, productToArticleFields, sameFields, type ArticleTable } from '../mapping';
import type { StepContext, SyncStep } from '../step';
import { readDetails, rowsByRemoteId } from './common';
import { runListingImport } from './listing';

const STEP = 'products';
const TABLES: ArticleTable[] = ['materials', 'hourTypes'];

interface Known {
  row: Article;
  table: ArticleTable;
}

export const importProducts: SyncStep = {
  name: STEP,
  enabled: (s) => s.imports.products,
  run: (ctx) =>
    runListingImport(ctx, {
      step: STEP,
      what: 'products',
      list: () => ctx.api.listProducts(),
      carriesDetails: (item) => item.product !== undefined,
      countLive,
      readKnown: (c, items) =>
        findKnown(
          c,
          items.map((i) => i.id),
        ),
      readPage,
      store: (c, records) => storeProducts(c, records, true),
      markVanished,
      rotationSource,
    }),
};

async function findKnown(ctx: StepContext, remoteIds: number[]): Promise<Map<number, Known>> {
  const known = new Map<number, Known>();
  // Both tables at once: one round trip instead of two.
  const rows = await Promise.all(TABLES.map((table) => rowsByRemoteId(ctx.db[table], remoteIds)));
  TABLES.forEach((table, i) => {
    for (const row of rows[i]) known.set(row.remoteId, { row, table });
  });
  return known;
}

function listChanged(known: Article, item: ProductListItem): boolean {
  return (
    known.status === 'gone' ||
    known.code !== item.code ||
    known.description !== item.description ||
    known.unit !== item.unit ||
    (known.status === 'active') !== item.active
  );
}

/** Imported products not marked gone, in both tables. */
async function countLive(ctx: StepContext): Promise<number> {
  let n = 0;
  for (const t of TABLES) n += (await ctx.db[t].count()) - (await ctx.db[t].where('status').equals('gone').count());
  return n;
}

/** See ListingImport.readPage. */
async function readPage(
  ctx: StepContext,
  items: ProductListItem[],
  known: Map<number, Known>,
  progress: (done: number) => void,
): Promise<{ full: Product[]; live: number }> {
  const full: Product[] = [];
  const needDetails: number[] = [];
  for (const item of items) {
    const k = known.get(item.id);
    if (item.product) full.push(item.product);
    else if (!k || listChanged(k.row, item)) needDetails.push(item.id);
    else ctx.log.unchanged++; // re-read in rotation
  }
  // Full reads are the slow part of a first import: report them as they come in.
  let read = items.length - needDetails.length;
  full.push(...(await readProducts(ctx, needDetails, () => progress(++read))));
  let live = 0;
  for (const k of known.values()) if (k.row.status !== 'gone') live++;
  return { full, live };
}

function readProducts(ctx: StepContext, ids: number[], onRead?: () => void): Promise<Product[]> {
  return readDetails(
    ctx,
    ids,
    (id) => ctx.api.getProduct(id),
    (gone) => markGone(ctx, gone),
    onRead,
  );
}

async function storeProducts(ctx: StepContext, products: Product[], countUnchanged: boolean): Promise<void> {
  if (products.length === 0) return;
  const { db } = ctx;
  const now = ctx.now();
  await db.transaction('rw', db.materials, db.hourTypes, async () => {
    const known = await findKnown(
      ctx,
      products.map((p) => p.id),
    );
    const puts: Record<ArticleTable, Article[]> = { materials: [], hourTypes: [] };
    const moves: Record<ArticleTable, number[]> = { materials: [], hourTypes: [] };
    for (const p of products) {
      const fields = productToArticleFields(p);
      const table = articleTableFor(p.unit);
      const k = known.get(p.id);
      if (!k) {
        ctx.log.created++;
        puts[table].push({ ...fields, refreshedAt: now, updatedAt: now });
      } else if (k.table !== table) {
        // The unit changed between hour and something else: move the record, keep no copy behind.
        ctx.log.updated++;
        moves[k.table].push(k.row.id!);
        puts[table].push({ ...fields, refreshedAt: now, updatedAt: now });
      } else if (sameFields(k.row, fields)) {
        if (countUnchanged) ctx.log.unchanged++;
        // A full SOAP list repeats every record each run: only a rotation read is worth a write.
        else puts[table].push({ ...k.row, refreshedAt: now });
      } else {
        ctx.log.updated++;
        puts[table].push({ ...k.row, ...fields, refreshedAt: now, updatedAt: now });
      }
    }
    for (const t of TABLES) {
      if (moves[t].length) await db[t].bulkDelete(moves[t]);
    }
    for (const t of TABLES) {
      if (puts[t].length) await db[t].bulkPut(puts[t]);
    }
  });
}

async function markGone(ctx: StepContext, remoteIds: number[]): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction('rw', ctx.db.materials, ctx.db.hourTypes, async () => {
    for (const t of TABLES) {
      const rows = (await rowsByRemoteId(ctx.db[t], remoteIds)).filter((a) => a.status !== 'gone');
      await ctx.db[t].bulkPut(rows.map((a) => ({ ...a, status: 'gone' as const, updatedAt: now })));
      ctx.log.updated += rows.length;
    }
  });
}

async function markVanished(ctx: StepContext, seen: Set<number>): Promise<void> {
  const missing: number[] = [];
  for (const t of TABLES) {
    for (const id of (await ctx.db[t].orderBy('remoteId').keys()) as number[]) if (!seen.has(id)) missing.push(id);
  }
  if (missing.length) await markGone(ctx, missing);
}

function rotationSource(ctx: StepContext) {
  return {
    async count() {
      return (await ctx.db.materials.count()) + (await ctx.db.hourTypes.count());
    },
    async nextIds(after: number, limit: number) {
      const ids: number[] = [];
      for (const t of TABLES) {
        const rows = await ctx.db[t]
          .where('remoteId')
          .above(after)
          .filter((a) => a.status !== 'gone')
          .limit(limit)
          .toArray();
        for (const r of rows) ids.push(r.remoteId);
      }
      return ids.sort((a, b) => a - b).slice(0, limit);
    },
    async refresh(ids: number[]) {
      await storeProducts(ctx, await readProducts(ctx, ids), false);
    },
  };
}
