// Open and click counts per delivery, only when the programme turned them on (off by default; the
// privacy statement says so). A click goes only to a link that is in that edition's email.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { selectDeliveryByToken, selectEdition, updateDelivery } from './editions.queries.ts';
import { newsSettings } from './settings.ts';

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

export async function registerTrackingRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get<{ Params: { file: string } }>('/nieuwsbrief/o/:file', { config: { permission: 'public' } }, async (req, reply) => {
    const token = req.params.file.replace(/\.gif$/, '');
    if (TOKEN.test(token) && (await newsSettings(deps.db)).tracking) {
      const d = await selectDeliveryByToken(deps.db, token);
      if (d && !d.opened_at) await updateDelivery(deps.db, Number(d.id), { opened_at: deps.now().toISOString() });
    }
    return reply.type('image/gif').header('cache-control', 'no-store').send(GIF);
  });

  app.get<{ Params: { token: string; n: string } }>(
    '/nieuwsbrief/k/:token/:n',
    { config: { permission: 'public' } },
    async (req, reply) => {
      if (!TOKEN.test(req.params.token) || !/^\d{1,3}$/.test(req.params.n)) throw errors.notFound();
      const d = await selectDeliveryByToken(deps.db, req.params.token);
      const edition = d ? await selectEdition(deps.db, Number(d.edition_id)) : undefined;
      const target = edition ? (JSON.parse(edition.links_json) as string[])[Number(req.params.n)] : undefined;
      if (!d || !target) throw errors.notFound();
      if ((await newsSettings(deps.db)).tracking) {
        const now = deps.now().toISOString();
        await updateDelivery(deps.db, Number(d.id), { clicked_at: d.clicked_at ?? now, opened_at: d.opened_at ?? now });
      }
      return reply.redirect(target, 302);
    },
  );
}
