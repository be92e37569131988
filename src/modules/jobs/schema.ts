// Input of the staff jobs page: the notice after an action (a redirect's query string). A value
// that does not fit is ignored rather than refused: it only decides whether a notice shows.
import { z } from 'zod';
import { MAX_ID } from '../../http/route-kit.ts';

const optionalId = z.coerce.number().int().min(1).max(MAX_ID).optional().catch(undefined);

export const jobsPageQuery = z.object({
  opnieuw: optionalId,
  geannuleerd: optionalId,
  gestopt: optionalId,
});
