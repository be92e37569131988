// Staff routes of the import of a round run elsewhere. The form is multipart (a file upload), parsed
// only in this scope into req.body (so the CSRF field is read as usual); pasting the CSV works too.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { idParam, serviceCtx } from '../../http/route-kit.ts';
import type { ImportPlan } from './import.logic.ts';
import { commitImport, dryRun } from './import.service.ts';
import { requireSurvey } from './surveys.service.ts';
import type { SurveyDef } from './types.ts';
import { L, staffCrumbs, T } from './views/common.tsx';
import { ImportPage } from './views/import.tsx';

const STAFF = { permission: 'staff' as const };
const MAX_BYTES = 2 * 1024 * 1024;

function page(
  req: FastifyRequest,
  reply: FastifyReply,
  survey: SurveyDef,
  props: { csv?: string; plan?: ImportPlan | null; notice?: string | null; problem?: string | null; status?: number },
) {
  const crumbs = staffCrumbs(req.locale, survey, { label: L(req.locale, 'Importeren', 'Import') });
  return sendPage(
    req,
    reply,
    { title: `${L(req.locale, 'Importeren', 'Import')} — ${T(req.locale, survey.title)}`, breadcrumbs: crumbs, status: props.status },
    <ImportPage
      locale={req.locale}
      survey={survey}
      csv={props.csv ?? ''}
      plan={props.plan ?? null}
      notice={props.notice ?? null}
      problem={props.problem ?? null}
    />,
  );
}

/** The CSV text: the uploaded file (UTF-8, or Windows-1252 from older spreadsheets) or the pasted text. */
function csvOf(body: Record<string, unknown>): string {
  const file = body.file;
  if (Buffer.isBuffer(file) && file.length > 0) {
    const utf8 = file.toString('utf8');
    return utf8.includes('\uFFFD') ? new TextDecoder('windows-1252').decode(file) : utf8;
  }
  return typeof body.csv === 'string' ? body.csv : '';
}

export async function registerImportRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/enquetes/:id/import', { config: STAFF }, async (req, reply) =>
    page(req, reply, await requireSurvey(deps.db, idParam(req)), {}),
  );

  await app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_BYTES, files: 1, fields: 5, fieldSize: MAX_BYTES },
    });
    scope.post('/beheer/enquetes/:id/import', { config: STAFF }, async (req, reply) => {
      const survey = await requireSurvey(deps.db, idParam(req));
      const body = (req.body ?? {}) as Record<string, unknown>;
      const csv = csvOf(body);
      if (csv.trim() === '')
        return page(req, reply, survey, {
          problem: L(req.locale, 'Kies een CSV-bestand of plak de inhoud in het tekstvak.', 'Choose a CSV file or paste its content.'),
          status: 400,
        });
      if (csv.length > MAX_BYTES)
        return page(req, reply, survey, {
          problem: L(req.locale, 'Het bestand is groter dan 2 MB. Splits het op.', 'The file is larger than 2 MB. Split it.'),
          status: 400,
        });
      const shown = csv.length <= 200_000 ? csv : '';
      if (body.mode !== 'importeren') return page(req, reply, survey, { csv: shown, plan: await dryRun(deps.db, survey, csv) });
      try {
        const { imported } = await commitImport(serviceCtx(req, deps), survey, csv, todayOf(deps));
        const fresh = await requireSurvey(deps.db, survey.id);
        return page(req, reply, fresh, {
          notice: L(
            req.locale,
            `${imported} gemeenten geïmporteerd als ingediende antwoorden.`,
            `${imported} municipalities imported as submitted responses.`,
          ),
        });
      } catch (e) {
        if (!(e instanceof AppError) || e.status !== 400) throw e;
        return page(req, reply, survey, {
          csv: shown,
          plan: await dryRun(deps.db, survey, csv),
          problem: T(req.locale, e.detail),
          status: 400,
        });
      }
    });
  });
}
