// The CLI's option parser. Commands come from src/cli (platform commands) and from each module's
// manifest (`cli`); `npm run cli -- --help` prints them all.
export type { CliCommand, CliContext } from '../module.ts';

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
