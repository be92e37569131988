// Writing news (permission `editor`: advisers, and anyone an admin grants it): articles and stories,
// scheduling, withdrawal, revisions with a diff, the image library. Forms post and redirect (303);
// bad input re-renders the form with 400, the messages beside the fields and everything typed kept.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { AppError, errors, type FieldError } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { formValues, idParam, serviceCtx } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import type { Crumb } from '../../views/layout.tsx';
import { type ArticleRow, selectAllArticles, selectRevisions } from './articles.queries.ts';
import { articleForm, withdrawForm } from './articles.schema.ts';
import { getArticle, isoToAmsterdam, revisionDiff, saveArticle, withdrawArticle } from './articles.service.ts';
import { listImages, MAX_IMAGE_BYTES, storeImage } from './images.service.ts';
import { visibilityOf } from './news.logic.ts';
import { articlePath, presentStaffArticle } from './presenters.ts';
import { ArticleFormPage, ArticleListPage, e } from './views/editor.tsx';
import { DiffPage, ImagesPage, RevisionsPage } from './views/revisions.tsx';

const EDITOR = { permission: 'editor' as const };
type Id = { Params: { id: string } };

function crumbs(req: FastifyRequest, ...rest: Crumb[]): Crumb[] {
  return [
    { href: '/beheer', label: req.locale === 'nl' ? 'Beheer' : 'Staff' },
    { href: '/beheer/nieuws', label: e(req.locale).manage },
    ...rest,
  ];
}

function valuesOf(a: ArticleRow): Record<string, string> {
  return {
    title: a.title,
    summary: a.summary,
    bodyMd: a.body_md,
    tags: a.tags,
    authorName: a.author_name,
    publishAt: a.publish_at ? isoToAmsterdam(a.publish_at) : '',
    pseudonym: a.pseudonym ?? '',
    contentNote: a.content_note ?? '',
    consentConfirmed: a.consent_confirmed_at ? 'on' : '',
  };
}

function editorKit(deps: AppDeps) {
  const formPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    o: { id?: number; kind: 'article' | 'story'; values: Record<string, string>; errors: FieldError[]; row?: ArticleRow },
  ) => {
    const t = e(req.locale);
    const title = o.id ? (o.kind === 'story' ? t.editStory : t.editArticle) : o.kind === 'story' ? t.newStory : t.newArticle;
    const saved = (req.query as Record<string, unknown>)?.opgeslagen === '1';
    return sendPage(
      req,
      reply,
      { title, breadcrumbs: crumbs(req, { label: title }), status: o.errors.length > 0 ? 400 : 200 },
      <ArticleFormPage
        id={o.id}
        kind={o.kind}
        values={o.values}
        errors={o.errors}
        notice={saved ? t.saved : undefined}
        visibility={o.row ? visibilityOf(o.row.status, o.row.publish_at, deps.now()) : undefined}
        publicPath={o.row ? articlePath(o.row) : undefined}
      />,
    );
  };
  const kindOf = (req: FastifyRequest) => ((req.query as Record<string, unknown>)?.soort === 'verhaal' ? 'story' : 'article');

  /** Validates and saves; a field problem found by the service (Markdown, story rules) re-renders the form too. */
  const save = async (req: FastifyRequest, reply: FastifyReply, id: number | null, kind: 'article' | 'story', row?: ArticleRow) => {
    const parsed = parseInput(articleForm, req.body);
    const again = (errs: FieldError[]) =>
      formPage(req, reply, { id: id ?? undefined, kind, values: formValues(req.body), errors: errs, row });
    if (!parsed.ok) return again(parsed.errors);
    try {
      const saved = await saveArticle(serviceCtx(req, deps), deps, id, kind, parsed.data);
      return reply.redirect(`/beheer/nieuws/${saved}?opgeslagen=1`, 303);
    } catch (err) {
      if (err instanceof AppError && err.status === 400 && err.fields.length > 0) return again(err.fields);
      throw err;
    }
  };

  const load = async (req: FastifyRequest) => {
    const row = await getArticle(deps.db, idParam(req));
    if (!row) throw errors.notFound();
    return row;
  };
  return { formPage, kindOf, save, load };
}

type Kit = ReturnType<typeof editorKit>;

function registerArticleRoutes(app: FastifyInstance, deps: AppDeps, { formPage, kindOf, save, load }: Kit) {
  app.get('/beheer/nieuws', { config: EDITOR }, async (req, reply) => {
    const rows = (await selectAllArticles(deps.db)).map((a) => presentStaffArticle(a, deps.now()));
    return sendPage(req, reply, { title: e(req.locale).manage, breadcrumbs: crumbs(req).slice(0, 1) }, <ArticleListPage rows={rows} />);
  });

  app.get('/beheer/nieuws/nieuw', { config: EDITOR }, async (req, reply) =>
    formPage(req, reply, {
      kind: kindOf(req),
      values: { authorName: req.user?.name || 'Redactie Gemeenten aan zet', tags: '' },
      errors: [],
    }),
  );
  app.post('/beheer/nieuws/nieuw', { config: EDITOR }, async (req, reply) => save(req, reply, null, kindOf(req)));

  app.get<Id>('/beheer/nieuws/:id', { config: EDITOR }, async (req, reply) => {
    const row = await load(req);
    return formPage(req, reply, { id: Number(row.id), kind: row.kind, values: valuesOf(row), errors: [], row });
  });
  app.post<Id>('/beheer/nieuws/:id', { config: EDITOR }, async (req, reply) => {
    const row = await load(req);
    return save(req, reply, Number(row.id), row.kind, row);
  });
  app.post<Id>('/beheer/nieuws/:id/intrekken', { config: EDITOR }, async (req, reply) => {
    const row = await load(req);
    const parsed = parseInput(withdrawForm, req.body);
    if (!parsed.ok) return formPage(req, reply, { id: Number(row.id), kind: row.kind, values: valuesOf(row), errors: parsed.errors, row });
    await withdrawArticle(serviceCtx(req, deps), Number(row.id), parsed.data.reason);
    return reply.redirect(`/beheer/nieuws/${row.id}?opgeslagen=1`, 303);
  });
}

function registerRevisionRoutes(app: FastifyInstance, deps: AppDeps, { load }: Kit) {
  app.get<Id>('/beheer/nieuws/:id/versies', { config: EDITOR }, async (req, reply) => {
    const row = await load(req);
    const revisions = (await selectRevisions(deps.db, Number(row.id))).map((r) => ({
      revision: Number(r.revision),
      at: r.at,
      by: r.edited_by_label,
      status: r.status,
    }));
    const t = e(req.locale);
    return sendPage(
      req,
      reply,
      {
        title: `${t.revisions}: ${row.title}`,
        breadcrumbs: crumbs(req, { href: `/beheer/nieuws/${row.id}`, label: row.title }, { label: t.revisions }),
      },
      <RevisionsPage id={Number(row.id)} title={row.title} revisions={revisions} />,
    );
  });
  app.get<{ Params: { id: string; revision: string } }>('/beheer/nieuws/:id/versies/:revision', { config: EDITOR }, async (req, reply) => {
    const row = await load(req);
    const diff = await revisionDiff(deps.db, Number(row.id), idParam(req, 'revision'));
    if (!diff) throw errors.notFound();
    const t = e(req.locale);
    return sendPage(
      req,
      reply,
      {
        title: `${t.revision} ${diff.current.revision}: ${row.title}`,
        breadcrumbs: crumbs(
          req,
          { href: `/beheer/nieuws/${row.id}/versies`, label: t.revisions },
          { label: String(diff.current.revision) },
        ),
      },
      <DiffPage title={row.title} revision={Number(diff.current.revision)} lines={diff.lines} />,
    );
  });
}

async function registerImageRoutes(app: FastifyInstance, deps: AppDeps) {
  const imagesPage = async (req: FastifyRequest, reply: FastifyReply, errs: FieldError[]) =>
    sendPage(
      req,
      reply,
      { title: e(req.locale).images, breadcrumbs: crumbs(req, { label: e(req.locale).images }), status: errs.length > 0 ? 400 : 200 },
      <ImagesPage
        images={await listImages(deps.db)}
        errors={errs}
        notice={(req.query as Record<string, unknown>)?.opgeslagen === '1' ? e(req.locale).saved : undefined}
      />,
    );
  app.get('/beheer/nieuws/afbeeldingen', { config: EDITOR }, async (req, reply) => imagesPage(req, reply, []));

  // Uploads are multipart: parsed only in this scope, into req.body (so the CSRF field is read as usual).
  await app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_IMAGE_BYTES + 1, files: 1, fields: 5 },
    });
    scope.post('/beheer/nieuws/afbeeldingen', { config: EDITOR }, async (req, reply) => {
      const file = (req.body as Record<string, unknown> | undefined)?.file;
      if (!Buffer.isBuffer(file) || file.length === 0)
        return imagesPage(req, reply, [
          { field: 'file', message: { nl: 'Kies een bestand om te uploaden.', en: 'Choose a file to upload.' } },
        ]);
      try {
        await storeImage(serviceCtx(req, deps), file);
      } catch (err) {
        if (err instanceof AppError && err.status === 400) return imagesPage(req, reply, err.fields);
        throw err;
      }
      return reply.redirect('/beheer/nieuws/afbeeldingen?opgeslagen=1', 303);
    });
  });
}

export async function registerEditorRoutes(app: FastifyInstance, deps: AppDeps) {
  const kit = editorKit(deps);
  registerArticleRoutes(app, deps, kit);
  registerRevisionRoutes(app, deps, kit);
  await registerImageRoutes(app, deps);
}
