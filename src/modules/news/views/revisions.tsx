// Staff pages beside the article form: revisions with a diff, and the image library.
import type { FieldError } from '../../../http/errors.ts';
import { formatDateTime } from '../../../i18n.ts';
import { CsrfField, DataTable, ErrorSummary, FileField, Heading1, Notice, SubmitButton } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { DiffLine } from '../news.logic.ts';
import { e } from './editor.tsx';

export function RevisionsPage(props: {
  id: number;
  title: string;
  revisions: { revision: number; at: string; by: string; status: string }[];
}) {
  const page = usePage();
  const t = e(page.locale);
  return (
    <>
      <Heading1>{`${t.revisions}: ${props.title}`}</Heading1>
      <DataTable
        caption={t.revisions}
        rows={props.revisions}
        columns={[
          {
            header: t.revision,
            cell: (r) => (
              <a class="utrecht-link" href={`/beheer/nieuws/${props.id}/versies/${r.revision}`}>
                {r.revision}
              </a>
            ),
            numeric: true,
          },
          { header: t.when, cell: (r) => formatDateTime(r.at, page.locale) },
          { header: t.by, cell: (r) => r.by },
          { header: t.status, cell: (r) => r.status },
        ]}
      />
    </>
  );
}

export function DiffPage(props: { title: string; revision: number; lines: DiffLine[] }) {
  const page = usePage();
  const t = e(page.locale);
  const mark = { same: '  ', add: '+ ', del: '- ' } as const;
  return (
    <>
      <Heading1>{`${t.revision} ${props.revision}: ${props.title}`}</Heading1>
      <h2 class="utrecht-heading-2">{t.changes}</h2>
      <pre class="gaz-diff">
        {props.lines.map((l, i) =>
          l.op === 'add' ? (
            <ins key={i}>{`${mark.add}${l.text}\n`}</ins>
          ) : l.op === 'del' ? (
            <del key={i}>{`${mark.del}${l.text}\n`}</del>
          ) : (
            <span key={i}>{`${mark.same}${l.text}\n`}</span>
          ),
        )}
      </pre>
    </>
  );
}

export function ImagesPage(props: { images: { id: number; width: number; height: number }[]; errors: FieldError[]; notice?: string }) {
  const page = usePage();
  const t = e(page.locale);
  return (
    <>
      <Heading1>{t.images}</Heading1>
      {props.notice ? <Notice kind="ok">{props.notice}</Notice> : null}
      <ErrorSummary errors={props.errors} labels={{ file: t.file }} />
      <form method="post" action="/beheer/nieuws/afbeeldingen" enctype="multipart/form-data" class="utrecht-form" noValidate>
        <CsrfField />
        <FileField
          name="file"
          label={t.file}
          accept="image/jpeg,image/png,image/webp"
          description={t.uploadHelp}
          errors={props.errors}
          required
        />
        <SubmitButton>{t.upload}</SubmitButton>
      </form>
      <ul class="gaz-image-list">
        {props.images.map((img) => (
          <li key={img.id}>
            <img
              src={`/nieuws/afbeelding/${img.id}-480.webp`}
              alt={t.previewAlt(img.id)}
              width={240}
              height={Math.round((img.height * 240) / img.width)}
              loading="lazy"
            />
            <p>
              {t.useAs}: <code>{`![…](afbeelding:${img.id})`}</code> ({img.width}×{img.height})
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
