// The building blocks of a good local approach, read from the versioned data files in blocks/
// (policy-blocks-v<N>.json). The programme changes the list by adding a file with the next version;
// the highest version is the current list, and every status row keeps the version it was set under,
// so an old status still shows the block it was about.
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Localized } from '../../i18n.ts';

const localized = z.object({ nl: z.string().min(1), en: z.string().min(1) });

const blockFile = z
  .object({
    version: z.number().int().positive(),
    validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    source: z.string(),
    themes: z.array(z.object({ id: z.string().regex(/^[a-z-]+$/), label: localized })).min(1),
    blocks: z
      .array(
        z.object({
          id: z.string().regex(/^[a-z-]+$/),
          theme: z.string(),
          level: z.enum(['basis', 'verdieping']),
          label: localized,
          /** Derived blocks are never typed: 'network' = care coordination from the network on the date. */
          derived: z.enum(['network']).optional(),
        }),
      )
      .min(1),
  })
  .superRefine((file, ctx) => {
    const themes = new Set(file.themes.map((t) => t.id));
    const ids = new Set<string>();
    for (const b of file.blocks) {
      if (!themes.has(b.theme)) ctx.addIssue({ code: 'custom', message: `block ${b.id}: unknown theme ${b.theme}` });
      if (ids.has(b.id)) ctx.addIssue({ code: 'custom', message: `block ${b.id} is listed twice` });
      ids.add(b.id);
    }
  });

export type BlockList = z.infer<typeof blockFile>;
export type Block = BlockList['blocks'][number];
export type Theme = BlockList['themes'][number];
export type BlockLevel = Block['level'];

export const BLOCK_LEVEL_LABELS: Record<BlockLevel, Localized> = {
  basis: { nl: 'basis', en: 'basic' },
  verdieping: { nl: 'verdieping', en: 'advanced' },
};

/** Parses and checks one block file (throws naming the problem). */
export function parseBlockList(json: unknown, name = 'block file'): BlockList {
  const parsed = blockFile.safeParse(json);
  if (!parsed.success) throw new Error(`${name}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** The default directory of the block files (this module's blocks/). */
export const BLOCKS_DIR = new URL('./blocks/', import.meta.url);

/** Reads and checks every policy-blocks-v<N>.json of a directory, oldest version first (throws naming the problem). */
export function readBlockFiles(dir: URL): BlockList[] {
  const files = readdirSync(dir).filter((f) => /^policy-blocks-v\d+\.json$/.test(f));
  const lists = files.map((f) => parseBlockList(JSON.parse(readFileSync(new URL(f, dir), 'utf8')), f));
  const versions = new Set<number>();
  for (const l of lists) {
    if (versions.has(l.version)) throw new Error(`Two block files declare version ${l.version}.`);
    versions.add(l.version);
  }
  if (lists.length === 0) throw new Error(`No policy-blocks-v*.json in ${dir.pathname}.`);
  return lists.sort((a, b) => a.version - b.version);
}

let ALL = readBlockFiles(BLOCKS_DIR);

/**
 * Reads the block files again, from `dir` (default: blocks/). The list is read once at start-up; a
 * new file is seen after a restart. Tests use this to add a version to a copy of the directory.
 */
export function loadBlockFiles(dir: URL = BLOCKS_DIR): void {
  ALL = readBlockFiles(dir);
}

/** The current building-block list (the highest version). */
export function currentBlocks(): BlockList {
  return ALL[ALL.length - 1];
}

/** A block list by version, or null. */
export function blocksOfVersion(version: number): BlockList | null {
  return ALL.find((l) => l.version === version) ?? null;
}

/** A block of the current list, or of an older one (with the version it comes from). */
export function findBlock(id: string): { block: Block; version: number } | null {
  for (let i = ALL.length - 1; i >= 0; i--) {
    const block = ALL[i].blocks.find((b) => b.id === id);
    if (block) return { block, version: ALL[i].version };
  }
  return null;
}

/** Blocks of the current list that people set (not derived). */
export function editableBlocks(): Block[] {
  return currentBlocks().blocks.filter((b) => !b.derived);
}
