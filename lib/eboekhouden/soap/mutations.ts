/**
 * GetMutaties in MutatieNr windows: all matching mutations, oldest first, although one answer
 * holds at most the last 500.
 */
import type { MutationQuery } from '../api';
import type { Mutation, Page, RejectedRecord } from '../types';
import { malformed } from '../validate';
import type { SoapClient } from './client';
import { items, page } from './pages';
import { ALL_DATES } from './requests';
import { mutatieSchema, toMutation } from './wire';
import { long } from './xml';

/** GetMutaties returns only the last this-many matching mutations. */
export const SOAP_MUTATION_CAP = 500;
/** Upper bound for an open MutatieNr window; larger than any real mutation number. */
const NO_UPPER_BOUND = 2_147_483_647;

type MutationWindow = { items: Mutation[]; rejected: RejectedRecord[]; received: number };

/** listMutations of the interface, over the session's calls. */
export function mutationLister(call: SoapClient['call']): (query?: MutationQuery) => AsyncIterable<Page<Mutation>> {
  async function getMutaties(query: { from: string; to: string }, van: number, tm: number) {
    const result = await call('GetMutaties', [
      [
        'cFilter',
        [
          ['MutatieNr', '0'],
          ['MutatieNrVan', long(van)],
          ['MutatieNrTm', long(tm)],
          ['Factuurnummer', ''],
          ['DatumVan', query.from],
          ['DatumTm', query.to],
        ],
      ],
    ]);
    const got = items('GetMutaties', result, 'Mutaties', 'cMutatieList', mutatieSchema, toMutation);
    if (got.received > SOAP_MUTATION_CAP) {
      throw malformed(
        'GetMutaties',
        'Mutaties',
        `expected at most ${SOAP_MUTATION_CAP} mutations per answer, got ${got.received}`,
      );
    }
    for (const m of got.items) {
      if (m.id < van || m.id > tm)
        throw malformed('GetMutaties', 'MutatieNr', `a mutation outside the window ${van}–${tm} was returned`);
    }
    got.items.sort((a, b) => a.id - b.id);
    return got;
  }

  /**
   * Every matching mutation with a number in [lo, hi], oldest first. GetMutaties returns only the
   * last 500 matching, so an answer of fewer than 500 is complete; a full answer is complete only
   * when the window spans at most 500 numbers (numbers are unique). A full answer from a wider
   * window covers [its lowest number, hi]; the part below it is walked first, in 500-number
   * windows, while that answer waits. Windows widen while answers come back sparse (gaps, date
   * filters), to spend fewer calls of the monthly GetMutaties quota.
   */
  async function* walk(
    query: { from: string; to: string },
    lo: number,
    hi: number,
    size: number,
  ): AsyncGenerator<MutationWindow> {
    while (lo <= hi) {
      const top = Math.min(hi, lo + size - 1);
      const got = await getMutaties(query, lo, top);
      const complete = got.received < SOAP_MUTATION_CAP || top - lo + 1 <= SOAP_MUTATION_CAP;
      if (complete) {
        yield got;
      } else {
        const numbers = [...got.items.map((m) => m.id), ...got.rejected.map((r) => r.id ?? Number.NaN)].filter(
          Number.isFinite,
        );
        if (numbers.length === 0) {
          // cannot tell where this answer starts: walk the whole window in 500s instead
          yield* walk(query, lo, top, SOAP_MUTATION_CAP);
        } else {
          yield* walk(query, lo, Math.min(...numbers) - 1, SOAP_MUTATION_CAP);
          yield got;
        }
      }
      lo = top + 1;
      size = got.received < SOAP_MUTATION_CAP / 2 ? Math.min(size * 2, NO_UPPER_BOUND) : SOAP_MUTATION_CAP;
    }
  }

  async function* listMutations(query: MutationQuery = {}): AsyncIterable<Page<Mutation>> {
    const dates = { from: query.from ?? ALL_DATES.from, to: query.to ?? ALL_DATES.to };
    const first = Math.max(0, query.afterId ?? 0) + 1;
    let received = 0;
    let lastId = first - 1;
    for await (const got of walk(dates, first, NO_UPPER_BOUND, NO_UPPER_BOUND)) {
      for (const m of got.items) {
        if (m.id <= lastId)
          throw malformed('GetMutaties', 'MutatieNr', 'mutation numbers came back out of order or twice');
        lastId = m.id;
      }
      received += got.received;
      if (got.items.length === 0 && got.rejected.length === 0) continue;
      yield page(got.items, got.rejected, received);
    }
  }

  return listMutations;
}
