/**
 * Deterministic seeds. No clock, no Math.random: a seeded PRNG and fixed reference dates,
 * so every reset gives byte-identical data.
 *
 * One file per seed: `base.ts` (what every seed starts with), `demo.ts` (with its tables in
 * `demo-data.ts`) and `large.ts`; `kit.ts` holds what they share.
 */
import { Store, type SeedName } from '../store';
import { seedBase } from './base';
import { seedDemo } from './demo';
import { seedLarge } from './large';

/** A store holding a seed's records: what the sandbox starts with. */
export function seededStore(seed: SeedName): Store {
  const store = new Store();
  reseed(store, seed);
  return store;
}

/** Empties the store and fills it with a seed's records again (the control API's reset). */
export function reseed(store: Store, seed: SeedName): void {
  store.clear(seed);
  applySeed(store, seed);
}

function applySeed(store: Store, seed: SeedName): void {
  seedBase(store);
  if (seed === 'demo') seedDemo(store);
  else if (seed === 'large') seedLarge(store);
}
