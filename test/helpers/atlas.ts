// The shared CBS reference data for tests (read from ../shared, never copied), and an app with it imported.
import { resolve } from 'node:path';
import type { Config } from '../../src/config.ts';
import type { ModuleManifest } from '../../src/module.ts';
import { importReferenceData } from '../../src/modules/atlas/index.ts';
import { createTestApp, type TestApp } from './app.ts';

export const REFERENCE_DIR = resolve(process.cwd(), '..', 'shared', 'data', 'cbs');

/** A test app on a fresh database with the reference data imported, its clock at `now` (fixed or a function). */
export async function createAtlasTestApp(
  now: Date | (() => Date),
  overrides: { config?: Partial<Config>; logLines?: Record<string, unknown>[]; modules?: ModuleManifest[] } = {},
): Promise<TestApp> {
  const t = await createTestApp({ ...overrides, now: typeof now === 'function' ? now : () => now });
  await importReferenceData(t.deps, REFERENCE_DIR);
  return t;
}
