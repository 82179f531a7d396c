/**
 * The popup carries only its own part of the catalogue and loads the rest later: every key the
 * popup's components ask for by name is in that part, and until the rest arrives a key of it reads
 * as nothing (never as the bare key), afterwards as its words.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { popupNl } from '../../lib/i18n/popup.nl';
import { popupEn } from '../../lib/i18n/popup.en';
import { nl } from '../../lib/i18n/nl';

/** The popup's own source files: App.vue and every .vue/.ts under entrypoints, components and lib it imports. */
function popupSources(): string[] {
  const seen = new Set<string>();
  const queue = ['entrypoints/popup/App.vue', 'entrypoints/popup/main.ts'];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/^import\s[^'"]*['"](\.[^'"]+)['"]/gm)) {
      const target = normalize(join(dirname(file), m[1]));
      if (target.endsWith('.css') || target.startsWith('lib/i18n')) continue;
      if (target.endsWith('.vue')) queue.push(target);
      else if (target.startsWith('lib/stores') || target === 'lib/sync-outcome') queue.push(`${target}.ts`);
    }
  }
  return [...seen];
}

describe("the popup's part of the catalogue", () => {
  it('holds every key the popup asks for by name, in both languages', () => {
    const files = popupSources();
    expect(files).toEqual(expect.arrayContaining(['components/SyncPanel.vue', 'components/ConnectionFields.vue']));
    const used = new Set<string>();
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]);
      for (const m of src.matchAll(/(?<!:)message-key="([a-z]+\.[a-zA-Z0-9_.]+)"/g)) used.add(m[1]);
      for (const m of src.matchAll(/:message-key="[^"]*"/g))
        for (const q of m[0].matchAll(/'([a-z]+\.[a-zA-Z0-9_.]+)'/g)) used.add(q[1]);
      for (const m of src.matchAll(/(?:key|: )'([a-z]+\.[a-zA-Z0-9_.]+)'/g)) if (m[1] in nl) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((k) => !(k in popupNl))).toEqual([]);
    expect(Object.keys(popupEn).sort()).toEqual(Object.keys(popupNl).sort());
  });

  it('is all that translate knows before the rest is loaded; then it knows everything', async () => {
    vi.resetModules();
    const fresh = await import('../../lib/i18n/translate');
    expect(fresh.translate('nl', 'popup.changeConnection')).toBe('Verbinding wijzigen');
    expect(fresh.translate('en', 'sync.now')).toBe('Sync now');
    expect(fresh.isTextKey('log.runs')).toBe(false);
    expect(fresh.translate('nl', 'log.runs')).toBe('');
    expect(fresh.say('en', fresh.text('error.kind.network'))).toBe('');

    await import('../../lib/i18n/catalogue');
    expect(fresh.isTextKey('log.runs')).toBe(true);
    expect(fresh.translate('nl', 'log.runs')).toBe(nl['log.runs']);
    expect(fresh.say('en', fresh.text('error.kind.network'))).toMatch(/e-Boekhouden/);
    expect(fresh.translate('en', 'no.such.key')).toBe('no.such.key');
  });
});
