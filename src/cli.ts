// `npm run cli -- <command> [--options]`. Commands use the same services as the web app.

import { backupCommands } from './cli/backup.ts';
import { coreCommands } from './cli/core.ts';
import { type CliCommand, type CliContext, parseOptions } from './cli/registry.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createDatabase } from './db/database.ts';
import type { AppDeps } from './deps.ts';
import { modules } from './modules/index.ts';

const commands = new Map<string, CliCommand>([...coreCommands, ...backupCommands, ...modules.cliCommands()].map((c) => [c.name, c]));

function help(): string {
  const lines = ['Usage: npm run cli -- <command> [options]', '', 'Commands:'];
  for (const c of [...commands.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    lines.push(`  ${c.usage}`, `      ${c.description}`);
  }
  lines.push('', 'Configuration comes from the environment; see README.md (DATABASE_URL, …).');
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return 0;
  }
  const command = commands.get(name);
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help')) {
    console.log(`Usage: npm run cli -- ${command.usage}\n\n${command.description}`);
    return 0;
  }
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(rest);
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  let deps: AppDeps | undefined;
  const ctx: CliContext = {
    deps: async () => {
      if (!deps) {
        const config = loadConfig();
        deps = { config, db: createDatabase(config.databaseUrl), now: () => new Date(), modules };
      }
      return deps;
    },
    out: (line) => console.log(line),
    progress: (label, done, total) => {
      if (process.stdout.isTTY) {
        process.stdout.write(`\r${label} ${done}/${total}${done === total ? '\n' : ''}`);
      } else if (done === total || done % Math.max(1, Math.floor(total / 10)) === 0) {
        console.log(`${label} ${done}/${total}`);
      }
    },
  };
  try {
    return await command.run(options, ctx);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  } finally {
    await deps?.db.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
