// SQL of the policy monitor. Status rows are append-only: a change is a new row.
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { AdvicePolicyStatusesTable } from './tables.ts';

export async function insertStatus(db: DbOrTx, row: Omit<AdvicePolicyStatusesTable, 'id'>): Promise<number> {
  const { id } = await db.insertInto('advice_policy_statuses').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export async function selectStatus(db: DbOrTx, id: number) {
  return db.selectFrom('advice_policy_statuses').selectAll().where('id', '=', id).executeTakeFirst();
}

export type StatusRow = NonNullable<Awaited<ReturnType<typeof selectStatus>>>;

/** The whole history of one municipality's blocks. */
export async function selectHistory(db: DbOrTx, code: string) {
  return db.selectFrom('advice_policy_statuses').selectAll().where('municipality_code', '=', code).execute();
}

/** Per municipality and block, the newest row in force on `date` (one window query, both engines). */
export async function selectStatusesOn(db: DbOrTx, date: string) {
  return db
    .selectFrom((eb) =>
      eb
        .selectFrom('advice_policy_statuses')
        .select(['municipality_code', 'block_id', 'blocks_version', 'status', 'source', 'effective_date'])
        .select(
          sql<number>`row_number() over (partition by municipality_code, block_id order by effective_date desc, recorded_at desc, id desc)`.as(
            'rn',
          ),
        )
        .where('effective_date', '<=', date)
        .as('s'),
    )
    .select(['s.municipality_code', 's.block_id', 's.blocks_version', 's.status', 's.source', 's.effective_date'])
    .where('s.rn', '=', 1)
    .execute();
}
