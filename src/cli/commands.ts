// Loads every module's CLI commands (each file calls registerCommand()).
import './core.ts';
