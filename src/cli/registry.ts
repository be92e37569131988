// The CLI's commands. Each module adds its commands in its own cli.ts and is listed in
// src/cli/commands.ts; `npm run cli -- --help` prints them all.
import type { AppDeps } from '../deps.ts';

export interface CliContext {
  /** Built lazily: commands like --help need no database. */
  deps: () => Promise<AppDeps>;
  out: (line: string) => void;
  /** Progress for long commands: writes "label 40/355" on one line in a terminal. */
  progress: (label: string, done: number, total: number) => void;
}

export interface CliCommand {
  name: string;
  usage: string;
  description: string;
  /** Parsed `--flag value` options; returns the exit code. */
  run: (options: Record<string, string | true>, ctx: CliContext) => Promise<number>;
}

export const commands = new Map<string, CliCommand>();

export function registerCommand(command: CliCommand) {
  commands.set(command.name, command);
}

/** Parses `--email x --role y --flag` into an object; rejects stray words. */
export function parseOptions(argv: string[]): Record<string, string | true> {
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}". Options look like --name value.`);
    const [key, inline] = arg.slice(2).split('=', 2);
    if (inline !== undefined) options[key] = inline;
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) options[key] = argv[++i];
    else options[key] = true;
  }
  return options;
}
