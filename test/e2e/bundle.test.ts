/**
 * The popup stays light: under 60 KB of gzipped JavaScript (its budget; since the catalogue split
 * under 50 KB), no Dexie, zod or API code in it, and only its own part of the text catalogue.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness';

describe('the built popup', () => {
  it('loads less than 60 KB of gzipped JavaScript without the heavy libraries', () => {
    const html = readFileSync(join(EXTENSION_DIR, 'popup.html'), 'utf8');
    const scripts = [...html.matchAll(/(?:src|href)="(\/chunks\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    const code = scripts.map((s) => readFileSync(join(EXTENSION_DIR, s)));
    const gzipped = code.reduce((sum, c) => sum + gzipSync(c).length, 0);
    expect(gzipped).toBeLessThan(60 * 1024);
    expect(gzipped).toBeLessThan(50 * 1024);
    const text = code.map((c) => c.toString('utf8')).join('\n');
    expect(text).not.toMatch(/IndexedDB API missing|Dexie/); // Dexie
    expect(text).not.toContain('SecurityCode1>'); // the SOAP transport
    expect(text).not.toContain('$ZodType'); // zod
    expect(text).not.toContain('Standaarden voor facturen'); // the options page's texts, loaded later
    expect(text).toContain('Verbinding wijzigen'); // the popup's own
  });
});
