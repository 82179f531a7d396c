/**
 * Bundled (esbuild, IIFE) and evaluated in the extension's service worker: the floor with the real
 * transports, and the raw-put floor (raw-put.ts). The bundle's banner makes zod jitless: code
 * evaluated through the debugger may compile code, later turns may not (the extension's CSP),
 * and the built background never does.
 */
import { createEBoekhouden } from '../../lib/eboekhouden/index';
import { transportOptions, type Settings } from '../../lib/settings';
import { floorWalk, type FloorResult } from './floor';
import { rawPutFloor, type RawPutPlan, type RawPutResult } from './raw-put';

const g = globalThis as unknown as {
  __benchFloor: (s: Settings) => Promise<FloorResult & { ms: number }>;
  __benchRawPut: (source: string, plan: RawPutPlan) => Promise<RawPutResult>;
};

g.__benchFloor = async (settings) => {
  const t0 = performance.now();
  const api = createEBoekhouden(transportOptions(settings));
  try {
    const result = await floorWalk(api);
    return { ...result, ms: performance.now() - t0 };
  } finally {
    await api.close();
  }
};
g.__benchRawPut = rawPutFloor;
