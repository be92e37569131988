// The whole database schema as Kysely sees it: each module declares its own tables in its
// tables.ts and they are merged here. A module only queries its own tables (CONVENTIONS.md §3).

import type { AtlasTables } from '../modules/atlas/tables.ts';
import type { AuditTables } from '../modules/audit/tables.ts';
import type { AuthTables } from '../modules/auth/tables.ts';
import type { NetworkTables } from '../modules/network/tables.ts';
import type { OutboxTables } from '../modules/outbox/tables.ts';

export interface Database extends AuthTables, AuditTables, OutboxTables, AtlasTables, NetworkTables {}
