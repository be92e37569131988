// The advice module's settings (admin page): the intensive-contact threshold N and the adviser
// responsible per province or safety region, with a fallback; and each adviser's public profile
// (what /ondersteuning shows, as the adviser chooses to publish). Every change is audited.
import { type Db, inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { errors, type FieldError } from '../../http/errors.ts';
import { regionsOf } from '../atlas/index.ts';
import { recordAudit } from '../audit/index.ts';
import { staffById } from './people.ts';
import { adviceChanged } from './public-version.ts';
import { deleteSettingsLike, putSetting, selectProfile, selectProfiles, selectSettings, upsertProfile } from './settings.queries.ts';

export const DEFAULT_THRESHOLD = 3;
const THRESHOLD_KEY = 'intensive_threshold';
const ADVISER_PREFIX = 'adviser:';
const FALLBACK_KEY = 'adviser_fallback';

export interface AdviceSettings {
  /** Interactions in a period from which a municipality or region is an intensive contact. */
  threshold: number;
  /** Region code (PVxx province, VRxx safety region) → the responsible adviser's user id. */
  advisers: Record<string, number>;
  fallback: number | null;
}

export async function getSettings(db: Db): Promise<AdviceSettings> {
  const rows = await selectSettings(db);
  const get = (key: string) => rows.find((r) => r.key === key)?.value;
  const threshold = Number(get(THRESHOLD_KEY));
  const advisers: Record<string, number> = {};
  for (const r of rows) if (r.key.startsWith(ADVISER_PREFIX)) advisers[r.key.slice(ADVISER_PREFIX.length)] = Number(r.value);
  const fallback = Number(get(FALLBACK_KEY));
  return {
    threshold: Number.isInteger(threshold) && threshold >= 1 ? threshold : DEFAULT_THRESHOLD,
    advisers,
    fallback: Number.isInteger(fallback) && fallback > 0 ? fallback : null,
  };
}

/** Replaces the settings (threshold, advisers per region, fallback); advisers must be active staff. */
export async function saveSettings(ctx: ServiceCtx, next: AdviceSettings): Promise<void> {
  const staff = await staffById(ctx.db);
  const fields: FieldError[] = [];
  const notStaff = { nl: 'Kies een actieve adviseur of beheerder.', en: 'Choose an active adviser or administrator.' };
  for (const [region, userId] of Object.entries(next.advisers))
    if (!staff.has(userId)) fields.push({ field: `adviser_${region}`, message: notStaff });
  if (next.fallback !== null && !staff.has(next.fallback)) fields.push({ field: 'fallback', message: notStaff });
  if (!(Number.isInteger(next.threshold) && next.threshold >= 1 && next.threshold <= 100)) {
    fields.push({
      field: 'threshold',
      message: { nl: 'Vul een geheel getal in van 1 tot en met 100.', en: 'Enter a whole number from 1 to 100.' },
    });
  }
  if (fields.length > 0) throw errors.validation(fields);
  await inTransaction(ctx.db, async (trx) => {
    const before = await getSettings(trx);
    const at = ctx.now.toISOString();
    await putSetting(trx, THRESHOLD_KEY, String(next.threshold), at);
    await deleteSettingsLike(trx, ADVISER_PREFIX);
    for (const [region, userId] of Object.entries(next.advisers)) await putSetting(trx, `${ADVISER_PREFIX}${region}`, String(userId), at);
    if (next.fallback === null) await deleteSettingsLike(trx, FALLBACK_KEY);
    else await putSetting(trx, FALLBACK_KEY, String(next.fallback), at);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'update',
      entity: 'advice_settings',
      entityId: 'advice',
      before,
      after: next,
    });
    adviceChanged(trx);
  });
}

/**
 * The adviser responsible for a municipality on a date: the one set for its safety region, else for
 * its province, else the fallback; null when none is set (or that person is no longer active staff).
 */
export async function responsibleAdviser(db: Db, code: string, date: string): Promise<number | null> {
  const [settings, staff, regions] = await Promise.all([getSettings(db), staffById(db), regionsOf(db, code, date)]);
  const order = ['safety-region', 'province'];
  const candidates = [...regions]
    .filter((r) => order.includes(r.type))
    .sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type))
    .map((r) => settings.advisers[r.code]);
  for (const id of [...candidates, settings.fallback]) if (id && staff.has(id)) return id;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Public profiles

export interface AdviserProfile {
  userId: number;
  displayName: string;
  roleTitle: string;
  organisation: string;
  published: boolean;
}

function present(r: {
  user_id: number;
  display_name: string;
  role_title: string;
  organisation: string;
  published: number;
}): AdviserProfile {
  return {
    userId: Number(r.user_id),
    displayName: r.display_name,
    roleTitle: r.role_title,
    organisation: r.organisation,
    published: r.published === 1,
  };
}

/** The advisers who chose to be shown on /ondersteuning (active staff only), by name. */
export async function publishedAdvisers(db: Db): Promise<AdviserProfile[]> {
  const [rows, staff] = await Promise.all([selectProfiles(db), staffById(db)]);
  return rows
    .map(present)
    .filter((p) => p.published && staff.has(p.userId))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'));
}

export async function profileOf(db: Db, userId: number): Promise<AdviserProfile | null> {
  const row = await selectProfile(db, userId);
  return row ? present(row) : null;
}

/** An adviser sets their own public profile. */
export async function saveOwnProfile(ctx: ServiceCtx, userId: number, input: Omit<AdviserProfile, 'userId'>): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const before = await profileOf(trx, userId);
    await upsertProfile(trx, {
      user_id: userId,
      display_name: input.displayName,
      role_title: input.roleTitle,
      organisation: input.organisation,
      published: input.published ? 1 : 0,
      updated_at: ctx.now.toISOString(),
    });
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: before ? 'update' : 'create',
      entity: 'advice_adviser_profile',
      entityId: userId,
      before,
      after: { userId, ...input },
      subjectUserIds: [userId],
    });
    adviceChanged(trx);
  });
}
