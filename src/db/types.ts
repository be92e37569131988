// The whole database schema as Kysely sees it. Each module declares its own tables in its
// tables.ts and merges them into this interface there:
//
//   declare module '../../db/types.ts' { interface Database extends NetworkTables {} }
//
// so adding a module's tables touches no file outside the module. A module only queries its own
// tables (CONVENTIONS.md §3).
// biome-ignore lint/suspicious/noEmptyInterface: filled by module augmentation in each tables.ts
export interface Database {}
