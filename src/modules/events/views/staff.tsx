// Staff pages: the list of events with their figures, and one event's detail with its
// registrations, attendance figures and actions.
import { formatNumber } from '../../../i18n.ts';
import { DataTable, Form, Heading1, Notice, Paragraph, SubmitButton } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { EventReport } from '../attendance.service.ts';
import { STATUS_LABELS } from '../labels.ts';
import type { EventView, RegistrationView } from '../presenters.ts';
import { sm } from './staff-messages.ts';

export interface StaffEventRow {
  e: EventView;
  status: string;
  taken: number;
  waiting: number;
  attended: number;
}

export function StaffEventsPage(props: { rows: StaffEventRow[] }) {
  const { locale } = usePage();
  const t = sm(locale);
  return (
    <>
      <Heading1>{t.staffTitle}</Heading1>
      <Paragraph>
        <a class="utrecht-button-link utrecht-button-link--primary-action" href="/beheer/bijeenkomsten/nieuw">
          {t.newEvent}
        </a>{' '}
        <a class="utrecht-link" href="/beheer/bijeenkomsten/bereik">
          {t.reach}
        </a>{' '}
        <a class="utrecht-link" href="/beheer/bijeenkomsten/instellingen">
          {t.settings}
        </a>
      </Paragraph>
      <DataTable
        caption={t.staffTitle}
        captionHidden
        rows={props.rows}
        columns={[
          {
            header: t.title,
            cell: (r) => (
              <a class="utrecht-link" href={`/beheer/bijeenkomsten/${r.e.id}`}>
                {r.e.title}
              </a>
            ),
          },
          { header: t.date, cell: (r) => `${r.e.date} ${r.e.startTime}` },
          { header: t.status, cell: (r) => r.status },
          { header: t.taken, cell: (r) => `${r.taken} / ${r.e.capacity}`, numeric: true },
          { header: t.waiting, cell: (r) => r.waiting, numeric: true },
          { header: t.attended, cell: (r) => r.attended, numeric: true },
        ]}
      />
    </>
  );
}

export function StaffEventPage(props: {
  e: EventView;
  report: EventReport;
  registrations: RegistrationView[];
  municipalityNames: Map<string, string>;
  inviteLink: string | null;
  notice?: string;
}) {
  const { locale } = usePage();
  const t = sm(locale);
  const { e, report } = props;
  const base = `/beheer/bijeenkomsten/${e.id}`;
  const rate = report.noShowRate === null ? '—' : `${formatNumber(report.noShowRate * 100, locale)}%`;
  return (
    <>
      <Heading1>{e.title}</Heading1>
      {props.notice ? <Notice kind="ok">{props.notice}</Notice> : null}
      <Paragraph>
        {e.dateLabel}, {e.startTime}–{e.endTime} · {e.typeLabel} · {e.place ?? 'online'}
      </Paragraph>
      <Paragraph>
        <a class="utrecht-link" href={`${base}/bewerken`}>
          {t.edit}
        </a>{' '}
        ·{' '}
        <a class="utrecht-link" href={`${base}/aanwezigheid`}>
          {t.checkin}
        </a>{' '}
        ·{' '}
        <a class="utrecht-link" href={`${base}/presentielijst`}>
          {t.printList}
        </a>{' '}
        ·{' '}
        <a class="utrecht-link" href={e.url}>
          {e.url}
        </a>
      </Paragraph>
      {props.inviteLink ? (
        <Paragraph>
          {t.inviteLink}: <code>{props.inviteLink}</code>
        </Paragraph>
      ) : null}
      <dl class="gaz-figures gaz-event-figures">
        <div>
          <dt>{t.taken}</dt>
          <dd>
            {report.byStatus.registered + report.byStatus.offered} / {e.capacity}
          </dd>
        </div>
        <div>
          <dt>{t.waiting}</dt>
          <dd>{report.byStatus.waiting}</dd>
        </div>
        <div>
          <dt>{t.attended}</dt>
          <dd>{report.attended}</dd>
        </div>
        <div>
          <dt>{t.walkIns}</dt>
          <dd>{report.walkIns}</dd>
        </div>
        <div>
          <dt>{t.noShowRate}</dt>
          <dd>{rate}</dd>
        </div>
        <div>
          <dt>{t.evaluations}</dt>
          <dd>
            {report.evaluations.n}
            {report.evaluations.avg !== null ? ` (${t.average} ${formatNumber(report.evaluations.avg, locale, 1)})` : ''}
          </dd>
        </div>
      </dl>
      <Form action={`${base}/evaluatie`}>
        <SubmitButton variant="secondary">{t.sendEvaluation}</SubmitButton>
      </Form>
      <DataTable
        caption={t.registrations}
        rows={props.registrations}
        columns={[
          { header: t.name, cell: (r) => r.name },
          { header: t.organisation, cell: (r) => r.organisation },
          {
            header: t.municipality,
            cell: (r) => (r.municipalityCode ? (props.municipalityNames.get(r.municipalityCode) ?? r.municipalityCode) : t.other),
          },
          { header: t.status, cell: (r) => (r.walkIn ? t.walkIns : STATUS_LABELS[r.status][locale]) },
          { header: t.attended, cell: (r) => (r.attended ? '✓' : '') },
          {
            header: t.cancelRegistration,
            cell: (r) =>
              r.status === 'registered' || r.status === 'waiting' || r.status === 'offered' ? (
                <Form action={`${base}/aanmeldingen/${r.id}/annuleren`}>
                  <button type="submit" class="utrecht-button utrecht-button--subtle" aria-label={`${t.cancelRegistration}: ${r.name}`}>
                    {t.cancelRegistration}
                  </button>
                </Form>
              ) : null,
          },
        ]}
      />
    </>
  );
}
