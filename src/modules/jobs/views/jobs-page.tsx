// Beheer › Achtergrondtaken: running jobs with their progress, the queue, failed jobs with their
// last error and a "retry now" button, and recently finished ones. Plain forms: works without JavaScript.
import type { ComponentChildren } from 'preact';
import { defineMessages, formatDateTime, formatNumber, type Locale } from '../../../i18n.ts';
import { DataTable, Form, Heading1, Notice, Paragraph, SubmitButton } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { JobRowView, JobsPageView } from '../present.ts';
import { FINISHED_LIMIT } from '../staff.ts';

export const jm = defineMessages({
  title: { nl: 'Achtergrondtaken', en: 'Background jobs' },
  staff: { nl: 'Beheer', en: 'Management' },
  intro: {
    nl: 'Taken die het platform op de achtergrond uitvoert, zoals herinneringen, verzendingen en opruimwerk. Een mislukte taak kunt u hier opnieuw laten proberen.',
    en: 'Work the platform does in the background, such as reminders, mailings and clean-up. A failed job can be retried here.',
  },
  summary: (c: JobsPageView['counts']) => ({
    nl: `${c.running} bezig, ${c.queued} in de wachtrij, ${c.failed} mislukt.`,
    en: `${c.running} running, ${c.queued} queued, ${c.failed} failed.`,
  }),
  running: { nl: 'Bezig', en: 'Running' },
  queued: { nl: 'In de wachtrij', en: 'Queued' },
  failed: { nl: 'Mislukt', en: 'Failed' },
  finished: { nl: 'Onlangs afgerond', en: 'Recently finished' },
  noneRunning: { nl: 'Er loopt nu geen taak.', en: 'No job is running.' },
  noneQueued: { nl: 'Er wacht geen taak.', en: 'No job is waiting.' },
  noneFailed: { nl: 'Er zijn geen mislukte taken.', en: 'There are no failed jobs.' },
  noneFinished: { nl: 'Er zijn nog geen afgeronde taken.', en: 'No jobs have finished yet.' },
  more: (shown: number, total: number) => ({
    nl: `De eerste ${shown} van ${total} worden getoond.`,
    en: `The first ${shown} of ${total} are shown.`,
  }),
  latest: (n: number) => ({ nl: `De laatste ${n}.`, en: `The latest ${n}.` }),
  job: { nl: 'Taak', en: 'Job' },
  kind: { nl: 'Soort', en: 'Kind' },
  unknownKind: { nl: 'geen module voert deze soort uit', en: 'no module runs this kind' },
  progress: { nl: 'Voortgang', en: 'Progress' },
  noProgress: { nl: 'niet gemeld', en: 'not reported' },
  progressText: (done: string, total: string, percent: string) => ({
    nl: `${done} van ${total} (${percent}%)`,
    en: `${done} of ${total} (${percent}%)`,
  }),
  started: { nl: 'Gestart', en: 'Started' },
  runAt: { nl: 'Uitvoeren vanaf', en: 'Run from' },
  attempt: { nl: 'Poging', en: 'Attempt' },
  attemptOf: (n: number, max: number) => ({ nl: `${n} van ${max}`, en: `${n} of ${max}` }),
  lastError: { nl: 'Laatste fout', en: 'Last error' },
  failedAt: { nl: 'Mislukt op', en: 'Failed at' },
  finishedAt: { nl: 'Afgerond op', en: 'Finished at' },
  status: { nl: 'Afloop', en: 'Outcome' },
  done: { nl: 'klaar', en: 'done' },
  cancelled: { nl: 'geannuleerd', en: 'cancelled' },
  stopping: { nl: 'wordt gestopt', en: 'stopping' },
  action: { nl: 'Actie', en: 'Action' },
  retry: { nl: 'Nu opnieuw proberen', en: 'Retry now' },
  cancel: { nl: 'Annuleren', en: 'Cancel' },
  jobNumber: (id: number) => ({ nl: `taak ${id}`, en: `job ${id}` }),
  retried: (id: number) => ({
    nl: `Taak ${id} staat weer in de wachtrij en wordt zo snel mogelijk uitgevoerd.`,
    en: `Job ${id} is queued again and runs as soon as possible.`,
  }),
  cancelledNotice: (id: number) => ({ nl: `Taak ${id} is geannuleerd.`, en: `Job ${id} has been cancelled.` }),
  cancellingNotice: (id: number) => ({
    nl: `Taak ${id} wordt gestopt zodra dat veilig kan.`,
    en: `Job ${id} stops as soon as it safely can.`,
  }),
});

export type JobsNotice = { kind: 'retried' | 'cancelled' | 'cancelling'; id: number };

const when = (iso: string | null, locale: Locale) => (iso ? formatDateTime(iso, locale) : '–');

function KindCell(props: { row: JobRowView }) {
  const { locale } = usePage();
  const t = jm(locale);
  return (
    <>
      {props.row.description ? props.row.description[locale] : <em>{t.unknownKind}</em>}
      <br />
      <code>{props.row.kind}</code>
    </>
  );
}

function ProgressCell(props: { row: JobRowView }) {
  const { locale } = usePage();
  const t = jm(locale);
  const p = props.row.progress;
  if (!p) return <>{t.noProgress}</>;
  const text = t.progressText(formatNumber(p.done, locale), formatNumber(p.total, locale), String(p.percent ?? 0));
  return (
    <>
      <progress max={Math.max(1, p.total)} value={p.done} aria-label={`${t.progress} ${t.jobNumber(props.row.id)}`}>
        {text}
      </progress>{' '}
      {text}
    </>
  );
}

function ActionButton(props: { id: number; action: 'opnieuw' | 'annuleren'; label: string }) {
  const { locale } = usePage();
  return (
    <Form action={`/beheer/taken/${props.id}/${props.action}`}>
      <SubmitButton variant="secondary">
        {props.label} <span class="gaz-visually-hidden">{jm(locale).jobNumber(props.id)}</span>
      </SubmitButton>
    </Form>
  );
}

function Section(props: {
  id: string;
  title: string;
  count: number;
  shown: number;
  empty: string;
  latest?: number;
  children: ComponentChildren;
}) {
  const { locale } = usePage();
  const t = jm(locale);
  return (
    <section aria-labelledby={`jobs-${props.id}`}>
      <h2 class="utrecht-heading-2" id={`jobs-${props.id}`}>
        {props.title} ({formatNumber(props.count, locale)})
      </h2>
      {props.shown === 0 ? <Paragraph>{props.empty}</Paragraph> : props.children}
      {props.latest !== undefined && props.shown > 0 ? <Paragraph>{t.latest(props.latest)}</Paragraph> : null}
      {props.latest === undefined && props.count > props.shown ? <Paragraph>{t.more(props.shown, props.count)}</Paragraph> : null}
    </section>
  );
}

function JobCell(props: { row: JobRowView }) {
  const { locale } = usePage();
  return <>{jm(locale).jobNumber(props.row.id)}</>;
}

function RunningTable(props: { rows: JobRowView[] }) {
  const { locale } = usePage();
  const t = jm(locale);
  return (
    <DataTable
      caption={t.running}
      captionHidden
      rows={props.rows}
      columns={[
        { header: t.job, cell: (r) => <JobCell row={r} /> },
        { header: t.kind, cell: (r) => <KindCell row={r} /> },
        { header: t.progress, cell: (r) => <ProgressCell row={r} /> },
        { header: t.started, cell: (r) => when(r.startedAt, locale) },
        { header: t.attempt, cell: (r) => t.attemptOf(r.attempts, r.maxAttempts) },
        {
          header: t.action,
          cell: (r) => (r.cancelRequested ? t.stopping : <ActionButton id={r.id} action="annuleren" label={t.cancel} />),
        },
      ]}
    />
  );
}

function QueuedTable(props: { rows: JobRowView[] }) {
  const { locale } = usePage();
  const t = jm(locale);
  return (
    <DataTable
      caption={t.queued}
      captionHidden
      rows={props.rows}
      columns={[
        { header: t.job, cell: (r) => <JobCell row={r} /> },
        { header: t.kind, cell: (r) => <KindCell row={r} /> },
        { header: t.runAt, cell: (r) => when(r.runAt, locale) },
        { header: t.attempt, cell: (r) => (r.attempts === 0 ? '–' : t.attemptOf(r.attempts + 1, r.maxAttempts)) },
        { header: t.lastError, cell: (r) => r.lastError ?? '–' },
        { header: t.action, cell: (r) => <ActionButton id={r.id} action="annuleren" label={t.cancel} /> },
      ]}
    />
  );
}

function FailedTable(props: { rows: JobRowView[] }) {
  const { locale } = usePage();
  const t = jm(locale);
  return (
    <DataTable
      caption={t.failed}
      captionHidden
      rows={props.rows}
      columns={[
        { header: t.job, cell: (r) => <JobCell row={r} /> },
        { header: t.kind, cell: (r) => <KindCell row={r} /> },
        { header: t.lastError, cell: (r) => r.lastError ?? '–' },
        { header: t.failedAt, cell: (r) => when(r.finishedAt, locale) },
        { header: t.attempt, cell: (r) => t.attemptOf(r.attempts, r.maxAttempts) },
        { header: t.action, cell: (r) => <ActionButton id={r.id} action="opnieuw" label={t.retry} /> },
      ]}
    />
  );
}

function FinishedTable(props: { rows: JobRowView[] }) {
  const { locale } = usePage();
  const t = jm(locale);
  return (
    <DataTable
      caption={t.finished}
      captionHidden
      rows={props.rows}
      columns={[
        { header: t.job, cell: (r) => <JobCell row={r} /> },
        { header: t.kind, cell: (r) => <KindCell row={r} /> },
        { header: t.status, cell: (r) => (r.status === 'done' ? t.done : t.cancelled) },
        { header: t.progress, cell: (r) => (r.progress ? <ProgressCell row={r} /> : '–') },
        { header: t.finishedAt, cell: (r) => when(r.finishedAt, locale) },
      ]}
    />
  );
}

function NoticeOf(props: { notice?: JobsNotice }) {
  const { locale } = usePage();
  const t = jm(locale);
  const n = props.notice;
  if (!n) return null;
  const text = n.kind === 'retried' ? t.retried(n.id) : n.kind === 'cancelled' ? t.cancelledNotice(n.id) : t.cancellingNotice(n.id);
  return (
    <Notice kind="ok">
      <Paragraph>{text}</Paragraph>
    </Notice>
  );
}

export function JobsPage(props: { view: JobsPageView; notice?: JobsNotice }) {
  const { locale } = usePage();
  const t = jm(locale);
  const { view } = props;
  return (
    <div class="gaz-stack">
      <Heading1>{t.title}</Heading1>
      <NoticeOf notice={props.notice} />
      <Paragraph>{t.intro}</Paragraph>
      <Paragraph>{t.summary(view.counts)}</Paragraph>
      <Section id="running" title={t.running} count={view.counts.running} shown={view.running.length} empty={t.noneRunning}>
        <RunningTable rows={view.running} />
      </Section>
      <Section id="failed" title={t.failed} count={view.counts.failed} shown={view.failed.length} empty={t.noneFailed}>
        <FailedTable rows={view.failed} />
      </Section>
      <Section id="queued" title={t.queued} count={view.counts.queued} shown={view.queued.length} empty={t.noneQueued}>
        <QueuedTable rows={view.queued} />
      </Section>
      <Section
        id="finished"
        title={t.finished}
        count={view.counts.done + view.counts.cancelled}
        shown={view.finished.length}
        empty={t.noneFinished}
        latest={FINISHED_LIMIT}
      >
        <FinishedTable rows={view.finished} />
      </Section>
    </div>
  );
}
