/**
 * relations → customers. Upsert by remote id (or by code, for a workspace customer that was
 * exported and is now seen coming back); relations that vanish are marked 'gone', never deleted.
 *
 * Thin REST list items carry id, type and code only: new or changed rows get their details read
 * (6 at a time), known ones are re-read in rotation. REST list items with every detail field (the
 * document's example) and SOAP lists carry everything: no detail reads (SOAP: at most 2,000).
 */
import type { Table } from 'dexie';
import type { Customer } from '../../db';
import type { Relation, RelationListItem } from '../../eboekhouden/types';
import { TEXT } from '../texts';
import { relationToCustomerFields, sameFields } from '../mapping';
import type { StepContext, SyncStep } from '../step';
import { readDetails, rowsByRemoteId } from './common';
import { runListingImport } from './listing';

const STEP = 'customers';

export const importCustomers: SyncStep = {
  name: STEP,
  enabled: (s) => s.imports.customers,
  run: (ctx) =>
    runListingImport(ctx, {
      step: STEP,
      what: 'relations',
      list: () => ctx.api.listRelations(),
      carriesDetails: (item) => item.relation !== undefined,
      countLive,
      readKnown: (c, items) =>
        rowsByRemoteId(
          c.db.customers,
          items.map((i) => i.id),
        ),
      readPage,
      store: (c, records) => storeRelations(c, records, true),
      markVanished,
      rotationSource,
    }),
};

/** Imported customers not marked gone. */
async function countLive(ctx: StepContext): Promise<number> {
  return (
    (await ctx.db.customers.orderBy('remoteId').count()) -
    (await ctx.db.customers.where('status').equals('gone').count())
  );
}

/** See ListingImport.readPage. */
async function readPage(
  ctx: StepContext,
  items: RelationListItem[],
  existing: Customer[],
  progress: (done: number) => void,
): Promise<{ full: Relation[]; live: number }> {
  const byRemote = new Map(existing.map((c) => [c.remoteId!, c]));
  const full: Relation[] = [];
  const needDetails: number[] = [];
  for (const item of items) {
    const known = byRemote.get(item.id);
    if (item.relation) full.push(item.relation);
    else if (!known || known.code !== item.code || known.type !== item.type || known.status === 'gone')
      needDetails.push(item.id);
    else ctx.log.unchanged++; // re-read in rotation
  }
  // Full reads are the slow part of a first import: report them as they come in.
  let read = items.length - needDetails.length;
  full.push(...(await readRelations(ctx, needDetails, () => progress(++read))));
  return { full, live: existing.filter((c) => c.status !== 'gone').length };
}

function readRelations(ctx: StepContext, ids: number[], onRead?: () => void): Promise<Relation[]> {
  return readDetails(
    ctx,
    ids,
    (id) => ctx.api.getRelation(id),
    (gone) => markGone(ctx, gone),
    onRead,
  );
}

async function storeRelations(ctx: StepContext, relations: Relation[], countUnchanged: boolean): Promise<void> {
  if (relations.length === 0) return;
  const { db } = ctx;
  const now = ctx.now();
  await db.transaction('rw', db.customers, async () => {
    const byRemote = new Map(
      (
        await rowsByRemoteId(
          db.customers,
          relations.map((r) => r.id),
        )
      ).map((c) => [c.remoteId!, c]),
    );
    // Who holds each code: only asked for new relations and changed codes.
    const holders = await codeHolders(
      db.customers,
      relations.filter((r) => byRemote.get(r.id)?.code !== r.code).map((r) => r.code),
    );
    const byCode = new Map<string, Customer>();
    for (const c of byRemote.values()) byCode.set(c.code, c);
    for (const c of holders) if (c) byCode.set(c.code, c);
    const rows: Customer[] = [];
    for (const r of relations) {
      const fields = relationToCustomerFields(r);
      const holder = byCode.get(r.code);
      let target = byRemote.get(r.id);
      // A workspace customer exported earlier (no remote id yet), or a vanished one whose code came back.
      if (!target && holder && (holder.remoteId === undefined || holder.status === 'gone')) target = holder;
      if (holder && holder.id !== target?.id) {
        ctx.log.failed++;
        ctx.problem({ record: r.code, code: 'CODE_IN_USE', ...TEXT.codeInUse(r.code) });
        continue;
      }
      if (!target) {
        ctx.log.created++;
        rows.push({ ...fields, origin: 'eboekhouden', refreshedAt: now, updatedAt: now });
      } else if (target.origin === 'workspace' && target.changedAfterExport) {
        // Local edits after export win; only link the record.
        if (countUnchanged) ctx.log.unchanged++;
        if (target.remoteId !== r.id || !countUnchanged) rows.push({ ...target, remoteId: r.id, refreshedAt: now });
      } else if (sameFields(target, fields)) {
        if (countUnchanged) ctx.log.unchanged++;
        // A full SOAP list repeats every record each run: only a rotation read is worth a write.
        else rows.push({ ...target, refreshedAt: now });
      } else {
        ctx.log.updated++;
        rows.push({ ...target, ...fields, refreshedAt: now, updatedAt: now });
      }
    }
    await db.customers.bulkPut(rows);
  });
}

/**
 * The customers holding any of `codes`. A page's codes mostly lie close together (codes follow
 * the order relations were made in), so one range read between the lowest and the highest is one
 * request instead of one per code; when that range holds many more customers than codes, one
 * indexed read per code.
 */
async function codeHolders(table: Table<Customer>, codes: readonly string[]): Promise<Customer[]> {
  if (codes.length === 0) return [];
  const sorted = [...codes].sort();
  const limit = codes.length * 4 + 16;
  const inRange = await table
    .where('code')
    .between(sorted[0], sorted[sorted.length - 1], true, true)
    .limit(limit + 1)
    .toArray();
  const want = new Set(codes);
  if (inRange.length <= limit) return inRange.filter((c) => want.has(c.code));
  const one = await Promise.all(codes.map((code) => table.where('code').equals(code).first()));
  return one.filter((c): c is Customer => c !== undefined);
}

async function markGone(ctx: StepContext, remoteIds: number[]): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction('rw', ctx.db.customers, async () => {
    const rows = (await rowsByRemoteId(ctx.db.customers, remoteIds)).filter((c) => c.status !== 'gone');
    await ctx.db.customers.bulkPut(rows.map((c) => ({ ...c, status: 'gone' as const, updatedAt: now })));
    ctx.log.updated += rows.length;
  });
}

async function markVanished(ctx: StepContext, seen: Set<number>): Promise<void> {
  const local = (await ctx.db.customers.orderBy('remoteId').keys()) as number[];
  const missing = local.filter((id) => !seen.has(id));
  if (missing.length) await markGone(ctx, missing);
}

function rotationSource(ctx: StepContext) {
  return {
    count: () => ctx.db.customers.orderBy('remoteId').count(),
    async nextIds(after: number, limit: number) {
      const rows = await ctx.db.customers
        .where('remoteId')
        .above(after)
        .filter((c) => c.status !== 'gone')
        .limit(limit)
        .toArray();
      return rows.map((c) => c.remoteId!);
    },
    async refresh(ids: number[]) {
      await storeRelations(ctx, await readRelations(ctx, ids), false);
    },
  };
}
