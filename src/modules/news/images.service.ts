// The image library: an upload (JPEG, PNG or WebP, at most MAX_IMAGE_BYTES) is checked by its
// bytes, turned upright, and stored as WebP and JPEG in the widths pages need, without metadata
// (sharp writes none unless asked: EXIF location, camera and the like are gone). Bytes live in the
// database, so several app instances serve the same images.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { Db } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { insertImage, selectImageBySha, selectImageSizes, selectImages, selectVariant } from './images.queries.ts';
import { IMAGE_WIDTHS, type ImageInfo, widthsFor } from './markdown.logic.ts';

export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
const MAX_PIXELS = 40_000_000;

export function imageTypeOf(bytes: Buffer): 'jpeg' | 'png' | 'webp' | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.length > 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

const WRONG_TYPE = {
  nl: 'Kies een foto of afbeelding als JPEG, PNG of WebP.',
  en: 'Choose a photo or picture as JPEG, PNG or WebP.',
};

/** Stores an upload; the same bytes twice give the same image. Returns the image id. */
export async function storeImage(ctx: ServiceCtx, bytes: Buffer): Promise<number> {
  if (bytes.length > MAX_IMAGE_BYTES)
    throw errors.badRequest(
      { nl: 'De afbeelding is groter dan 8 MB. Verklein haar eerst.', en: 'The image is larger than 8 MB. Make it smaller first.' },
      [{ field: 'file', message: { nl: 'Kies een afbeelding van hoogstens 8 MB.', en: 'Choose an image of at most 8 MB.' } }],
    );
  if (!imageTypeOf(bytes)) throw errors.badRequest(WRONG_TYPE, [{ field: 'file', message: WRONG_TYPE }]);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const existing = await selectImageBySha(ctx.db, sha256);
  if (existing) return Number(existing.id);
  let upright: Buffer;
  let info: ImageInfo;
  try {
    const out = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).rotate().toBuffer({ resolveWithObject: true });
    upright = out.data;
    info = { width: out.info.width, height: out.info.height };
  } catch {
    throw errors.badRequest(WRONG_TYPE, [{ field: 'file', message: WRONG_TYPE }]);
  }
  const variants: { width: number; format: 'webp' | 'jpeg'; bytes: Buffer }[] = [];
  for (const width of widthsFor(info)) {
    const resized = sharp(upright).resize({ width, withoutEnlargement: true });
    variants.push({ width, format: 'webp', bytes: await resized.clone().webp({ quality: 78 }).toBuffer() });
    variants.push({
      width,
      format: 'jpeg',
      bytes: await resized.clone().flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true }).toBuffer(),
    });
  }
  const id = await insertImage(
    ctx.db,
    { sha256, width: info.width, height: info.height, uploaded_by: ctx.actor.userId, created_at: ctx.now.toISOString() },
    variants,
  );
  await recordAudit(ctx.db, { at: ctx.now, actor: ctx.actor, action: 'create', entity: 'news_image', entityId: id, after: { ...info } });
  return id;
}

export async function imageVariant(db: Db, id: number, width: number, format: 'webp' | 'jpeg'): Promise<Buffer | null> {
  if (!(IMAGE_WIDTHS as readonly number[]).includes(width)) return null;
  return selectVariant(db, id, width, format);
}

export async function listImages(db: Db) {
  return (await selectImages(db)).map((r) => ({
    id: Number(r.id),
    width: Number(r.width),
    height: Number(r.height),
    createdAt: r.created_at,
  }));
}

export async function imageSizes(db: Db, ids: readonly number[]): Promise<Map<number, ImageInfo>> {
  return new Map((await selectImageSizes(db, ids)).map((r) => [Number(r.id), { width: Number(r.width), height: Number(r.height) }]));
}
