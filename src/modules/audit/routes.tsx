// The audit trail page for admins: /beheer/audit, filters as a GET form, newest first.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { sendPage } from '../../http/render.tsx';
import { parseInput } from '../../http/validate.ts';
import { selectAuditFacets } from './queries.ts';
import { type AuditFilterInput, auditFilterSchema } from './schema.ts';
import { listAudit } from './service.ts';
import { AuditPage, auditCrumbs, auditTitle, presentAuditEntry } from './views/audit-page.tsx';

function toServiceFilter(f: AuditFilterInput) {
  const actor = f.actor;
  return {
    entity: f.entity,
    action: f.action,
    actorUserId: actor && /^\d+$/.test(actor) ? Number(actor) : undefined,
    q: actor && !/^\d+$/.test(actor) ? actor : undefined,
    from: f.from,
    to: f.to,
    page: f.page ?? 1,
  };
}

export async function registerAuditRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/audit', { config: { permission: 'admin' } }, async (req, reply) => {
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const parsed = parseInput(auditFilterSchema, raw);
    const facets = await selectAuditFacets(deps.db);
    const values = Object.fromEntries(
      ['entity', 'action', 'actor', 'from', 'to'].map((k) => [k, typeof raw[k] === 'string' ? (raw[k] as string) : '']),
    );
    const options = { title: auditTitle(req.locale), breadcrumbs: auditCrumbs(req.locale) };
    if (!parsed.ok) {
      return sendPage(
        req,
        reply,
        { ...options, status: 400 },
        <AuditPage facets={facets} values={values} errors={parsed.errors} result={null} />,
      );
    }
    const result = await listAudit(deps.db, toServiceFilter(parsed.data));
    return sendPage(
      req,
      reply,
      options,
      <AuditPage facets={facets} values={values} errors={[]} result={{ ...result, entries: result.entries.map(presentAuditEntry) }} />,
    );
  });
}
