// The bounce mailbox as a Maildir (the format Postfix, Exim, Dovecot and fetchmail/getmail write):
// the MTA delivers the mail to the newsletter's envelope sender into `new/`; this reader claims
// each message by renaming it to `cur/` (atomic, so of several app instances sharing the directory
// exactly one gets it), applies it (bounces.service.ts, once per message by its SHA-256, in one
// transaction), then marks it: `:2,S` (seen) when applied, `:2,F` (flagged, for a person to look
// at) when it held no report. A message claimed by a run that crashed keeps `:2,` and is taken up
// again by the next run; its SHA-256 makes sure it is not counted twice.
import { mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServiceCtx } from '../../deps.ts';
import { processBounceMessage } from './bounces.service.ts';

/** Where the bounce Maildir lives under the data directory (DATA_DIR). */
export const BOUNCE_MAILDIR = 'bounce-maildir';
/** Messages larger than this are flagged unread: a DSN is a few kilobytes plus the quoted original. */
const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

export interface MaildirOutcome {
  /** Messages read in this run. */
  messages: number;
  /** Bounces and complaints applied to a known subscriber. */
  recorded: number;
  /** Messages without a report (or too large): flagged and left for a person. */
  flagged: number;
  /** Messages applied before (read again after a crash): marked seen, nothing changed. */
  repeated: number;
}

function exists(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** The unique part of a Maildir file name, without the `:2,…` info. */
function baseName(file: string): string {
  const i = file.indexOf(':');
  return i < 0 ? file : file.slice(0, i);
}

/** Renames a file; false when it is gone (another reader claimed or marked it first). */
async function moved(from: string, to: string): Promise<boolean> {
  try {
    await rename(from, to);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

/** The claimed message's text; null when too large to be a report; undefined when it is gone. */
async function readClaimed(path: string): Promise<string | null | undefined> {
  try {
    if ((await stat(path)).size > MAX_MESSAGE_BYTES) return null;
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** The messages to read: new ones, and ones a crashed run claimed but never marked. */
async function pending(dir: string): Promise<{ from: string; base: string }[]> {
  const fresh = (await readdir(join(dir, 'new'))).filter((f) => !f.startsWith('.'));
  const stale = (await readdir(join(dir, 'cur'))).filter((f) => f.endsWith(':2,'));
  return [
    ...fresh.sort().map((f) => ({ from: join(dir, 'new', f), base: baseName(f) })),
    ...stale.sort().map((f) => ({ from: join(dir, 'cur', f), base: baseName(f) })),
  ];
}

/**
 * Reads every waiting message of the Maildir `dir`. Does nothing when the directory does not exist
 * (no bounce mailbox set up); creates `cur/` and `tmp/` beside an existing `new/` if missing.
 */
export async function readBounceMaildir(ctx: ServiceCtx, dir: string, limit = 1000): Promise<MaildirOutcome> {
  const outcome: MaildirOutcome = { messages: 0, recorded: 0, flagged: 0, repeated: 0 };
  if (!(await exists(join(dir, 'new')))) return outcome;
  await mkdir(join(dir, 'cur'), { recursive: true });
  await mkdir(join(dir, 'tmp'), { recursive: true });
  for (const { from, base } of (await pending(dir)).slice(0, limit)) {
    const claimed = join(dir, 'cur', `${base}:2,`);
    if (from !== claimed && !(await moved(from, claimed))) continue;
    const raw = await readClaimed(claimed);
    if (raw === undefined) continue;
    const result = raw === null ? null : await processBounceMessage(ctx, raw, 'maildir');
    outcome.messages++;
    const useful = result !== null && result.reports > 0;
    if (!useful) outcome.flagged++;
    else if (result.repeated) outcome.repeated++;
    else outcome.recorded += result.recorded;
    await moved(claimed, join(dir, 'cur', `${base}:2,${useful ? 'S' : 'F'}`));
  }
  return outcome;
}
