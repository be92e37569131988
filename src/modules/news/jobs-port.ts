// The only calls into the jobs module: enqueue an edition's send in the caller's transaction (one
// job per edition: the key makes a second request return the same job).
import type { Db } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import { enqueueJob } from '../jobs/index.ts';
import { SEND_JOB_KIND } from './send.ts';

export async function enqueueSend(deps: AppDeps, trx: Db, editionId: number): Promise<number> {
  return enqueueJob({ db: trx, now: deps.now() }, { kind: SEND_JOB_KIND, payload: { editionId }, key: `news.send-edition:${editionId}` });
}
