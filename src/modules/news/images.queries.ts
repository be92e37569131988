// SQL of the image library: one row per uploaded image, its resized variants as bytes.
import type { Db } from '../../db/database.ts';

export async function selectImageBySha(db: Db, sha256: string) {
  return db.selectFrom('news_images').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

export async function insertImage(
  db: Db,
  row: { sha256: string; width: number; height: number; uploaded_by: number | null; created_at: string },
  variants: { width: number; format: 'webp' | 'jpeg'; bytes: Buffer }[],
): Promise<number> {
  const r = await db.insertInto('news_images').values(row).returning('id').executeTakeFirstOrThrow();
  const id = Number(r.id);
  for (const v of variants)
    await db
      .insertInto('news_image_variants')
      .values({ image_id: id, ...v })
      .execute();
  return id;
}

export async function selectVariant(db: Db, id: number, width: number, format: 'webp' | 'jpeg'): Promise<Buffer | null> {
  const r = await db
    .selectFrom('news_image_variants')
    .select('bytes')
    .where('image_id', '=', id)
    .where('width', '=', width)
    .where('format', '=', format)
    .executeTakeFirst();
  return r ? Buffer.from(r.bytes) : null;
}

export function selectImages(db: Db, limit = 200) {
  return db.selectFrom('news_images').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

export function selectImageSizes(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('news_images').select(['id', 'width', 'height']).where('id', 'in', ids).execute();
}
