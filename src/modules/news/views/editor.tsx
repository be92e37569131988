// Staff pages for writing: the list of articles and stories, the edit form (Markdown, tags,
// schedule, story fields with the consent confirmation), withdrawal, revisions with a diff, images.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages, formatDateTime } from '../../../i18n.ts';
import {
  ChoiceGroup,
  DataTable,
  ErrorSummary,
  Form,
  Heading1,
  Notice,
  Paragraph,
  SubmitButton,
  TextField,
} from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { StaffArticleRow } from '../presenters.ts';
import { TAGS } from '../tables.ts';
import { TAG_LABELS } from './public.tsx';

export const e = defineMessages({
  manage: { nl: 'Nieuws en verhalen', en: 'News and stories' },
  newArticle: { nl: 'Nieuw bericht', en: 'New article' },
  newStory: { nl: 'Nieuw verhaal', en: 'New story' },
  editArticle: { nl: 'Bericht bewerken', en: 'Edit article' },
  editStory: { nl: 'Verhaal bewerken', en: 'Edit story' },
  images: { nl: 'Afbeeldingen', en: 'Images' },
  title: { nl: 'Titel', en: 'Title' },
  summary: { nl: 'Samenvatting', en: 'Summary' },
  summaryHelp: {
    nl: 'Eén of twee zinnen voor de lijst, de feed en de nieuwsbrief.',
    en: 'One or two sentences for the list, the feed and the newsletter.',
  },
  body: { nl: 'Tekst (Markdown)', en: 'Text (Markdown)' },
  bodyHelp: {
    nl: 'Kopjes met ##, lijsten met -, links als [tekst](https://…), citaten met >, afbeeldingen als ![beschrijving](afbeelding:NUMMER) en live cijfers als {{netwerk 2019-09-30}}. HTML wordt als tekst getoond.',
    en: 'Headings with ##, lists with -, links as [text](https://…), quotes with >, images as ![description](afbeelding:NUMBER) and live figures as {{netwerk 2019-09-30}}. HTML is shown as text.',
  },
  tags: { nl: 'Onderwerpen', en: 'Tags' },
  author: { nl: 'Auteur (zoals getoond)', en: 'Author (as shown)' },
  publishAt: { nl: 'Publicatiemoment', en: 'Publication time' },
  publishAtHelp: {
    nl: 'JJJJ-MM-DDTUU:MM in Nederlandse tijd. Leeg: nu. Een moment in de toekomst plant het bericht in.',
    en: 'YYYY-MM-DDTHH:MM, Dutch time. Empty: now. A future moment schedules it.',
  },
  pseudonym: { nl: 'Schuilnaam', en: 'Pseudonym' },
  contentNote: { nl: 'Inhoudswaarschuwing (getoond vóór de tekst)', en: 'Content note (shown before the text)' },
  consent: { nl: 'Bevestiging redactie', en: 'Editor’s confirmation' },
  consentText: {
    nl: 'Ik bevestig dat er toestemming is voor publicatie en dat het verhaal geanonimiseerd is.',
    en: 'I confirm that consent to publish is held and that the story is anonymised.',
  },
  noPersonalData: {
    nl: 'Dit platform bewaart geen gegevens over de persoon achter een verhaal: geen echte naam, geen contactgegevens en geen toestemmingsformulieren. Bewaar die buiten dit systeem, volgens het protocol van uw organisatie.',
    en: 'This platform stores no data about the person behind a story: no real name, no contact details and no consent forms. Keep those outside this system, following your organisation’s protocol.',
  },
  saveDraft: { nl: 'Opslaan als concept', en: 'Save as draft' },
  publish: { nl: 'Publiceren (of inplannen)', en: 'Publish (or schedule)' },
  withdraw: { nl: 'Intrekken', en: 'Withdraw' },
  reason: { nl: 'Reden van intrekken (openbaar)', en: 'Reason for withdrawal (public)' },
  revisions: { nl: 'Versies', en: 'Revisions' },
  revision: { nl: 'Versie', en: 'Revision' },
  by: { nl: 'Door', en: 'By' },
  when: { nl: 'Wanneer', en: 'When' },
  status: { nl: 'Status', en: 'Status' },
  changes: { nl: 'Wijzigingen', en: 'Changes' },
  view: { nl: 'Bekijk', en: 'View' },
  saved: { nl: 'Opgeslagen.', en: 'Saved.' },
  upload: { nl: 'Afbeelding uploaden', en: 'Upload image' },
  file: { nl: 'Bestand (JPEG, PNG of WebP, hoogstens 8 MB)', en: 'File (JPEG, PNG or WebP, at most 8 MB)' },
  uploadHelp: {
    nl: 'Locatie en andere metadata worden verwijderd; de afbeelding wordt verkleind tot de maten die pagina’s gebruiken.',
    en: 'Location and other metadata are removed; the image is resized to the widths pages use.',
  },
  useAs: { nl: 'Gebruik in de tekst', en: 'Use in the text' },
  previewAlt: (id: number) => ({ nl: `Voorbeeld van afbeelding ${id}`, en: `Preview of image ${id}` }),
});

export const VISIBILITY = {
  draft: { nl: 'concept', en: 'draft' },
  scheduled: { nl: 'ingepland', en: 'scheduled' },
  published: { nl: 'gepubliceerd', en: 'published' },
  withdrawn: { nl: 'ingetrokken', en: 'withdrawn' },
} as const;

export function ArticleListPage(props: { rows: StaffArticleRow[] }) {
  const page = usePage();
  const t = e(page.locale);
  return (
    <>
      <Heading1>{t.manage}</Heading1>
      <ul class="gaz-inline-list">
        <li>
          <a class="utrecht-link" href="/beheer/nieuws/nieuw">
            {t.newArticle}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href="/beheer/nieuws/nieuw?soort=verhaal">
            {t.newStory}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href="/beheer/nieuws/afbeeldingen">
            {t.images}
          </a>
        </li>
      </ul>
      <DataTable
        caption={t.manage}
        rows={props.rows}
        columns={[
          {
            header: t.title,
            cell: (r) => (
              <a class="utrecht-link" href={`/beheer/nieuws/${r.id}`}>
                {r.title}
              </a>
            ),
          },
          {
            header: t.status,
            cell: (r) =>
              `${r.kind === 'story' ? `${page.locale === 'nl' ? 'verhaal' : 'story'}, ` : ''}${VISIBILITY[r.visibility][page.locale]}`,
          },
          { header: t.publishAt, cell: (r) => (r.publishAt ? formatDateTime(r.publishAt, page.locale) : '—') },
          {
            header: t.revision,
            cell: (r) => (
              <a class="utrecht-link" href={`/beheer/nieuws/${r.id}/versies`}>
                {r.revision}
              </a>
            ),
            numeric: true,
          },
        ]}
      />
    </>
  );
}

export function ArticleFormPage(props: {
  id?: number;
  kind: 'article' | 'story';
  values: Record<string, string | undefined>;
  errors: FieldError[];
  notice?: string;
  visibility?: keyof typeof VISIBILITY;
  publicPath?: string;
}) {
  const page = usePage();
  const t = e(page.locale);
  const story = props.kind === 'story';
  const action = props.id ? `/beheer/nieuws/${props.id}` : `/beheer/nieuws/nieuw${story ? '?soort=verhaal' : ''}`;
  const v = props.values;
  return (
    <>
      <Heading1>{props.id ? (story ? t.editStory : t.editArticle) : story ? t.newStory : t.newArticle}</Heading1>
      {props.notice ? <Notice kind="ok">{props.notice}</Notice> : null}
      {props.visibility ? (
        <Paragraph>
          {t.status}: {VISIBILITY[props.visibility][page.locale]}
          {props.publicPath && props.visibility === 'published' ? (
            <>
              {' '}
              ·{' '}
              <a class="utrecht-link" href={props.publicPath}>
                {t.view}
              </a>
            </>
          ) : null}
        </Paragraph>
      ) : null}
      {story ? <Notice kind="info">{t.noPersonalData}</Notice> : null}
      <ErrorSummary
        errors={props.errors}
        labels={{
          title: t.title,
          summary: t.summary,
          bodyMd: t.body,
          tags: t.tags,
          authorName: t.author,
          publishAt: t.publishAt,
          pseudonym: t.pseudonym,
          contentNote: t.contentNote,
          consentConfirmed: t.consent,
        }}
      />
      <Form action={action}>
        <TextField name="title" label={t.title} required value={v.title} errors={props.errors} />
        <TextField
          name="summary"
          label={t.summary}
          required
          multiline
          description={t.summaryHelp}
          value={v.summary}
          errors={props.errors}
        />
        {story ? (
          <>
            <TextField name="pseudonym" label={t.pseudonym} required value={v.pseudonym} errors={props.errors} />
            <TextField name="contentNote" label={t.contentNote} value={v.contentNote} errors={props.errors} />
          </>
        ) : null}
        <TextField name="bodyMd" label={t.body} required multiline description={t.bodyHelp} value={v.bodyMd} errors={props.errors} />
        <ChoiceGroup
          type="checkbox"
          name="tags"
          legend={t.tags}
          options={TAGS.map((x) => ({ value: x, label: TAG_LABELS[x][page.locale] }))}
          checked={(v.tags ?? '').split(' ')}
          errors={props.errors}
        />
        <TextField name="authorName" label={t.author} required value={v.authorName} errors={props.errors} />
        <TextField name="publishAt" label={t.publishAt} description={t.publishAtHelp} value={v.publishAt} errors={props.errors} />
        {story ? (
          <ChoiceGroup
            type="checkbox"
            name="consentConfirmed"
            legend={t.consent}
            options={[{ value: 'on', label: t.consentText }]}
            checked={v.consentConfirmed === 'on' ? ['on'] : []}
            errors={props.errors}
          />
        ) : null}
        <div class="utrecht-button-group">
          <SubmitButton name="action" value="draft" variant="secondary">
            {t.saveDraft}
          </SubmitButton>
          <SubmitButton name="action" value="publish">
            {t.publish}
          </SubmitButton>
        </div>
      </Form>
      {props.id && props.visibility !== 'withdrawn' && props.visibility !== 'draft' ? (
        <Form action={`/beheer/nieuws/${props.id}/intrekken`} class="gaz-stack">
          <h2 class="utrecht-heading-2">{t.withdraw}</h2>
          <TextField name="reason" label={t.reason} required errors={props.errors} />
          <SubmitButton variant="secondary">{t.withdraw}</SubmitButton>
        </Form>
      ) : null}
      {props.id ? (
        <Paragraph>
          <a class="utrecht-link" href={`/beheer/nieuws/${props.id}/versies`}>
            {t.revisions}
          </a>
        </Paragraph>
      ) : null}
    </>
  );
}
