// The network's settings (the capacity norm, an admin setting) and its data version: a row bumped by
// every write in the write's own transaction, so caches keyed on it are right across instances.
import { type Db, inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { combinedVersion, publicCacheVersion } from '../../http/public-cache.ts';
import { atlasPublicCache, referenceDataVersion } from '../atlas/index.ts';
import { recordAudit } from '../audit/index.ts';
import { clearNetworkCache } from './caches.ts';
import { ruleMessages } from './messages.ts';
import * as q from './queries.ts';
import { isValidNorm } from './rules.ts';

/** The default capacity norm: 0.1 FTE care coordination per 100,000 inhabitants (1 FTE per million) (admin setting). */
export const DEFAULT_NORM = 0.1;
const NORM_KEY = 'capacity_norm';
const VERSION_KEY = 'data_version';

export async function getNorm(db: Db): Promise<number> {
  const n = Number(await q.getSetting(db, NORM_KEY));
  return isValidNorm(n) ? n : DEFAULT_NORM;
}

/** The network's own data version for the public cache: read at most every 2 s, a write here is seen at once. */
export const networkOwnVersion = publicCacheVersion('network', async (db) => (await q.getSetting(db, VERSION_KEY)) ?? '0');

/** What the network's public pages and API show: its own data and the atlas' reference data. */
export const networkPublicCache = combinedVersion('network+atlas', [networkOwnVersion, atlasPublicCache]);

/** Every write calls this inside its transaction: caches key on the version (safe across instances). */
export async function bumpVersion(db: Db, now: Date): Promise<void> {
  const version = `${now.toISOString()}#${Math.random().toString(36).slice(2, 8)}`;
  await q.putSetting(db, VERSION_KEY, version, now.toISOString());
  clearNetworkCache();
  networkOwnVersion.changed(db, version);
}

/** Changes whenever the network or the atlas' reference data changes. */
export async function networkDataVersion(db: Db): Promise<string> {
  const [own, atlas] = await Promise.all([q.getSetting(db, VERSION_KEY), referenceDataVersion(db)]);
  return `${own ?? '0'}|${atlas}`;
}

export async function setNorm(ctx: ServiceCtx, value: number): Promise<void> {
  if (!isValidNorm(value)) throw errors.validation([{ field: 'norm', message: ruleMessages.normRange }]);
  await inTransaction(ctx.db, async (trx) => {
    const before = await getNorm(trx);
    await q.putSetting(trx, NORM_KEY, String(value), ctx.now.toISOString());
    await bumpVersion(trx, ctx.now);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'update',
      entity: 'network_setting',
      entityId: NORM_KEY,
      before: { norm: before },
      after: { norm: value },
    });
  });
}
