// Small helpers that hide the few DDL differences between SQLite and PostgreSQL.
// Storage conventions (docs/adr/0002): timestamps are ISO-8601 UTC text, dates are YYYY-MM-DD text,
// booleans are integers 0/1, JSON is text. That keeps results identical on both engines.
import type { CreateTableBuilder, Kysely } from 'kysely';
import { dialectOf } from './database.ts';

/** Adds an auto-incrementing integer primary key `id`. */
export function withIdColumn<T extends string, DB>(db: Kysely<DB>, tb: CreateTableBuilder<T, never>) {
  return dialectOf(db) === 'postgres'
    ? tb.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : tb.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** The column type for large JSON or text bodies. */
export const textType = 'text' as const;
