// SQL of the advice module's settings and advisers' public profiles.
import type { DbOrTx } from '../../db/database.ts';

export async function selectSettings(db: DbOrTx) {
  return db.selectFrom('advice_settings').select(['key', 'value']).execute();
}

export async function putSetting(db: DbOrTx, key: string, value: string, at: string) {
  const updated = await db.updateTable('advice_settings').set({ value, updated_at: at }).where('key', '=', key).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await db.insertInto('advice_settings').values({ key, value, updated_at: at }).execute();
}

export async function deleteSettingsLike(db: DbOrTx, prefix: string) {
  await db.deleteFrom('advice_settings').where('key', 'like', `${prefix}%`).execute();
}

export async function selectProfiles(db: DbOrTx) {
  return db.selectFrom('advice_adviser_profiles').selectAll().execute();
}

export async function selectProfile(db: DbOrTx, userId: number) {
  return db.selectFrom('advice_adviser_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function upsertProfile(
  db: DbOrTx,
  row: { user_id: number; display_name: string; role_title: string; organisation: string; published: number; updated_at: string },
) {
  const updated = await db.updateTable('advice_adviser_profiles').set(row).where('user_id', '=', row.user_id).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await db.insertInto('advice_adviser_profiles').values(row).execute();
}
