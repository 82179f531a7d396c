/**
 * What the stores check, on the builds `npm test` makes: addons-linter on the Firefox build
 * (0 errors, no eval), and manifests that tell the truth and ask for no more than needed.
 */
import addonsLinter from 'addons-linter';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness';

const FIREFOX_DIR = join(dirname(EXTENSION_DIR), 'firefox-mv2');
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

describe('the Firefox package', () => {
  it('passes addons-linter with 0 errors and no eval warning', async () => {
    const linter = addonsLinter.createInstance({
      config: {
        _: [FIREFOX_DIR],
        logLevel: 'fatal',
        stack: false,
        pretty: false,
        warningsAsErrors: false,
        metadata: false,
        output: 'none',
        boring: false,
        selfHosted: false,
      },
      runAsBinary: false,
    });
    const result = await linter.run();
    expect(result.errors).toEqual([]);
    expect(result.warnings.filter((w) => w.code === 'DANGEROUS_EVAL')).toEqual([]);
  });

  it('has a real add-on id, a minimum version that knows its keys, and says which data leaves the browser', () => {
    const gecko = manifestOf(FIREFOX_DIR).browser_specific_settings.gecko;
    expect(gecko.id).toMatch(/^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/);
    expect(Number.parseFloat(gecko.strict_min_version)).toBeGreaterThanOrEqual(140);
    expect(gecko.data_collection_permissions.required).toEqual(
      expect.arrayContaining(['authenticationInfo', 'financialAndPaymentInfo']),
    );
    expect(gecko.data_collection_permissions.required).not.toContain('none');
  });
});

describe('both packages', () => {
  it.each([
    ['chrome', EXTENSION_DIR, 'optional_host_permissions'],
    ['firefox', FIREFOX_DIR, 'optional_permissions'],
  ])('%s: icons at every size, and no plain-http host beyond this computer', (_name, dir, optionalKey) => {
    const manifest = manifestOf(dir);
    for (const size of ['16', '32', '48', '128']) {
      expect(manifest.icons[size]).toBe(`icons/${size}.png`);
      expect(existsSync(join(dir, manifest.icons[size]))).toBe(true);
    }
    const hosts: string[] = manifest[optionalKey];
    expect(hosts).toContain('https://*/*');
    for (const host of hosts.filter((h) => h.startsWith('http:'))) {
      expect(host).toMatch(/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/\*$/);
    }
  });
});
