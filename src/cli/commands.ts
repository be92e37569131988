// Loads every module's CLI commands (each file calls registerCommand()).
import './core.ts';
import './backup.ts';
import '../modules/atlas/cli.ts';
import '../modules/auth/cli.ts';
