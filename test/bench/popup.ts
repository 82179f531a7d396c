/**
 * The popup: gzip bytes of the JavaScript it loads (popup.html's module script and everything
 * it imports statically, from the built files) and the time from opening it to an interactive
 * form, in Chromium.
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchExtension } from './chromium';

export interface PopupBytes {
  files: { file: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
}

/** Static imports of a built ES module: `import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`. */
export function staticImports(source: string): string[] {
  const out = new Set<string>();
  const re = /(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g;
  for (let m = re.exec(source); m; m = re.exec(source)) out.add(m[1]);
  return [...out];
}

export function popupBytes(extensionDir: string): PopupBytes {
  const html = readFileSync(join(extensionDir, 'popup.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]);
  if (entries.length === 0) throw new Error('popup.html loads no module script');
  const seen = new Set<string>();
  const queue = entries.map((src) => posix.normalize(src.replace(/^\//, '')));
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(join(extensionDir, file), 'utf8');
    for (const spec of staticImports(source)) {
      if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
      queue.push(
        spec.startsWith('/') ? posix.normalize(spec.slice(1)) : posix.normalize(posix.join(posix.dirname(file), spec)),
      );
    }
  }
  const files = [...seen].map((file) => {
    const buf = readFileSync(join(extensionDir, file));
    return { file, bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length };
  });
  return {
    files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
  };
}

/**
 * Installed before any page script: notes (performance.now(), i.e. ms since navigation start)
 * the first moment the form has an enabled input that can take focus.
 */
const MARK_INTERACTIVE = `(() => {
  if (!location.pathname.endsWith('/popup.html')) return;
  const check = () => {
    if (window.__interactiveAt !== undefined) return;
    const input = document.querySelector('form input:not([disabled]), form select:not([disabled]), input:not([disabled])');
    if (input && input.getClientRects().length > 0) {
      window.__interactiveAt = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'hidden', 'style', 'class'] });
})();`;

export interface PopupTiming {
  runs: number[];
  medianMs: number;
}

export async function popupTiming(ext: BenchExtension, runs = 9): Promise<PopupTiming> {
  await ext.context.addInitScript({ content: MARK_INTERACTIVE });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 380, height: 760 });
    await page.goto(`chrome-extension://${ext.id}/popup.html`);
    const at = await page.waitForFunction(
      () => (window as unknown as { __interactiveAt?: number }).__interactiveAt,
      undefined,
      { timeout: 10_000 },
    );
    const ms = (await at.jsonValue()) as number;
    await page.close();
    // The first opening also starts the page renderer; it is kept (a person sees it too) but the median decides.
    times.push(ms);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { runs: times.map((t) => Math.round(t)), medianMs: sorted[Math.floor(sorted.length / 2)] };
}
