// Raising an event's capacity: each new place goes to the next person on the waiting list, with the
// same offer and deadline as a place freed by a cancellation (waiting-list.ts). Runs inside the
// transaction that changed the capacity, so the change and the offers commit together.
import type { ServiceCtx } from '../../deps.ts';
import type { RegistrationLinks } from './links.ts';
import { selectEvent, takePlace } from './queries.ts';
import { freePlace } from './waiting-list.ts';

/** Offers the places the capacity now has beyond those taken; returns how many were offered. */
export async function offerNewPlaces(ctx: ServiceCtx, links: RegistrationLinks, eventId: number): Promise<number> {
  const e = await selectEvent(ctx.db, eventId);
  if (e?.status !== 'published' || Date.parse(e.starts_at) <= ctx.now.getTime()) return 0;
  let offered = 0;
  // Take a place by the same conditional update as a registration, then hand it on (or release it
  // again when nobody is waiting).
  while (await takePlace(ctx.db, eventId)) {
    if ((await freePlace(ctx, links, e)) === null) break;
    offered += 1;
  }
  return offered;
}
