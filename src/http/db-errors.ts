// Database errors caused by the input, turned into a 400 in one place (the error handler), for
// both engines: foreign-key, unique, not-null and check violations, and PostgreSQL's data
// exceptions (a number out of range, text it cannot store). The field is named where the engine
// tells it: PostgreSQL's detail "Key (organisation_id)=(9) …", SQLite's "UNIQUE constraint failed:
// regions.name". It is reported under the name the request used for it (organisationId or
// organisation_id, whichever the body or query has), else as the column. SQLite does not say which
// column a foreign key failed on; that message names no field.
import type { Localized } from '../i18n.ts';
import { AppError, type FieldError } from './errors.ts';

type Kind = 'foreign_key' | 'still_referenced' | 'unique' | 'not_null' | 'check' | 'data';

interface DbProblem {
  kind: Kind;
  /** Columns the engine named, if any. */
  columns: string[];
}

const SQLITE: Record<string, Kind> = {
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign_key',
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_NOTNULL: 'not_null',
  SQLITE_CONSTRAINT_CHECK: 'check',
  SQLITE_MISMATCH: 'data',
  SQLITE_TOOBIG: 'data',
};

/** PostgreSQL data exceptions that only bad input causes (class 22, the ones our queries can meet). */
const POSTGRES_DATA = new Set(['22001', '22003', '22007', '22008', '22021', '22P02', '22P05']);

interface EngineError {
  code?: unknown;
  message?: unknown;
  detail?: unknown;
  column?: unknown;
  severity?: unknown;
}

function sqliteColumns(message: string): string[] {
  // "UNIQUE constraint failed: regions.name, regions.kind" / "NOT NULL constraint failed: users.email"
  const list = message.match(/constraint failed: (.+)$/)?.[1];
  return list ? list.split(',').map((c) => c.trim().split('.').pop() ?? c.trim()) : [];
}

function postgresColumns(e: EngineError): string[] {
  if (typeof e.column === 'string' && e.column !== '') return [e.column];
  // "Key (organisation_id)=(999999) is not present in table …" / "Key (lower(name))=(x) already exists."
  const key = typeof e.detail === 'string' ? e.detail.match(/^Key \((.+?)\)=/)?.[1] : undefined;
  if (!key) return [];
  return key.split(',').map((c) => c.trim().replace(/^\w+\((\w+)\)$/, '$1'));
}

/** What kind of input problem a database error is, or null when it is not one. */
export function classifyDbError(error: unknown): DbProblem | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as EngineError;
  if (typeof e.code !== 'string') return null;
  const message = typeof e.message === 'string' ? e.message : '';
  if (e.code.startsWith('SQLITE_')) {
    const kind = SQLITE[e.code];
    return kind ? { kind, columns: sqliteColumns(message) } : null;
  }
  // pg's DatabaseError: a five-character SQLSTATE and a severity.
  if (!/^[0-9A-Z]{5}$/.test(e.code) || typeof e.severity !== 'string') return null;
  const columns = postgresColumns(e);
  if (e.code === '23503') {
    const referenced = typeof e.detail === 'string' && e.detail.includes('is still referenced');
    return { kind: referenced ? 'still_referenced' : 'foreign_key', columns };
  }
  if (e.code === '23505') return { kind: 'unique', columns };
  if (e.code === '23502') return { kind: 'not_null', columns };
  if (e.code === '23514') return { kind: 'check', columns };
  if (POSTGRES_DATA.has(e.code)) return { kind: 'data', columns: [] };
  return null;
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** The request's own name for a column: the body or query key that holds it, else the column. */
export function fieldFor(column: string, ...inputs: unknown[]): string {
  for (const input of inputs) {
    if (typeof input !== 'object' || input === null) continue;
    for (const name of [column, camel(column)]) if (Object.hasOwn(input, name)) return name;
  }
  return column;
}

const DETAIL: Record<Kind, Localized> = {
  foreign_key: {
    nl: 'Een gekozen waarde bestaat niet (meer). Kies een bestaande waarde en probeer het opnieuw.',
    en: 'A chosen value does not exist (any more). Choose an existing value and try again.',
  },
  still_referenced: {
    nl: 'Dit kan niet worden verwijderd, omdat andere gegevens er nog naar verwijzen. Haal die verwijzingen eerst weg.',
    en: 'This cannot be deleted because other records still refer to it. Remove those references first.',
  },
  unique: {
    nl: 'Deze waarde is al in gebruik. Kies een andere waarde.',
    en: 'This value is already in use. Choose a different value.',
  },
  not_null: {
    nl: 'Een verplicht veld is leeg. Vul het in en probeer het opnieuw.',
    en: 'A required field is empty. Fill it in and try again.',
  },
  check: {
    nl: 'Een waarde voldoet niet aan de regels. Controleer de invoer en probeer het opnieuw.',
    en: 'A value does not meet the rules. Check the input and try again.',
  },
  data: {
    nl: 'Een waarde kan zo niet worden opgeslagen of gezocht (bijvoorbeeld een getal dat te groot is). Controleer de invoer.',
    en: 'A value cannot be stored or searched for like this (for example a number that is too large). Check the input.',
  },
};

function fieldMessage(kind: Kind, field: string): Localized {
  switch (kind) {
    case 'foreign_key':
      return {
        nl: `De gekozen waarde bij "${field}" bestaat niet (meer). Kies een bestaande.`,
        en: `The value chosen for "${field}" does not exist (any more). Choose an existing one.`,
      };
    case 'unique':
      return {
        nl: `Deze waarde bij "${field}" is al in gebruik. Kies een andere.`,
        en: `This value for "${field}" is already in use. Choose a different one.`,
      };
    case 'not_null':
      return { nl: `Vul "${field}" in.`, en: `Fill in "${field}".` };
    default:
      return DETAIL[kind];
  }
}

/** A 400 for a database error caused by the input (naming the field where known), or null. */
export function dbInputError(error: unknown, ...inputs: unknown[]): AppError | null {
  const problem = classifyDbError(error);
  if (!problem) return null;
  const fields: FieldError[] =
    problem.kind === 'data' || problem.kind === 'still_referenced'
      ? []
      : problem.columns.map((column) => {
          const field = fieldFor(column, ...inputs);
          return { field, message: fieldMessage(problem.kind, field) };
        });
  const code = problem.kind === 'data' ? 'invalid_value' : `constraint_${problem.kind}`;
  return new AppError(400, code, DETAIL[problem.kind], fields);
}
