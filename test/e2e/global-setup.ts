/**
 * Once per e2e run: a free port for the proxy and a build of the extension for it (see
 * proxy-build.ts), handed to the test files through `inject`; the build is removed afterwards.
 * So the run never waits for, or fails on, a proxy that already listens on 127.0.0.1:8787.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildExtensionFor, freePort } from './proxy-build';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The port each test file's proxy listens on (127.0.0.1). */
    e2eProxyPort: number;
    /** The extension built with that proxy as its default and its host permission. */
    e2eExtensionDir: string;
    /** The same, built for Firefox. */
    e2eFirefoxDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const port = await freePort();
  const outDir = resolve(`.output/e2e-${port}`);
  const extensionDir = buildExtensionFor(`http://127.0.0.1:${port}`, outDir);
  const firefoxDir = buildExtensionFor(`http://127.0.0.1:${port}`, outDir, 'firefox');
  project.provide('e2eProxyPort', port);
  project.provide('e2eExtensionDir', extensionDir);
  project.provide('e2eFirefoxDir', firefoxDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
