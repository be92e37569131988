// Reach: attendance per municipality and province over a period, on a choropleth (the shared
// renderer in src/views/choropleth) with the same figures as tables; and the settings page.
import type { FieldError } from '../../../http/errors.ts';
import { type LegendClass, MapWithLegend } from '../../../views/choropleth/index.ts';
import { DataTable, ErrorSummary, Form, Heading1, Notice, Paragraph, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import { NOT_REACHED } from '../reach.ts';
import { sm } from './staff-messages.ts';

export interface ReachRow {
  code: string;
  name: string;
  people: number;
  events: number;
}

export function ReachPage(props: {
  from: string;
  to: string;
  svg: string | null;
  legend: LegendClass[];
  counts: Map<string, number>;
  municipalities: ReachRow[];
  provinces: { name: string; people: number; municipalities: number }[];
  totals: { people: number; events: number; municipalities: number };
  errors: FieldError[];
}) {
  const { locale } = usePage();
  const t = sm(locale);
  return (
    <>
      <Heading1>{t.reachTitle}</Heading1>
      <ErrorSummary errors={props.errors} labels={{ from: t.from, to: t.to }} />
      <Form action="/beheer/bijeenkomsten/bereik" method="get" class="gaz-filter">
        <TextField name="from" label={t.from} type="date" value={props.from} errors={props.errors} />
        <TextField name="to" label={t.to} type="date" value={props.to} errors={props.errors} />
        <SubmitButton variant="secondary">{t.show}</SubmitButton>
      </Form>
      <dl class="gaz-figures">
        <div>
          <dt>{t.people}</dt>
          <dd>{props.totals.people}</dd>
        </div>
        <div>
          <dt>{t.events}</dt>
          <dd>{props.totals.events}</dd>
        </div>
        <div>
          <dt>{t.reachedMunicipalities}</dt>
          <dd>{props.totals.municipalities}</dd>
        </div>
      </dl>
      <MapWithLegend
        svg={props.svg}
        legend={{ id: 'events-reach-legend', heading: t.legend, classes: props.legend, locale, counts: props.counts, noData: NOT_REACHED }}
      />
      <DataTable
        caption={t.perProvince}
        rows={props.provinces}
        columns={[
          { header: 'Provincie', cell: (r) => r.name },
          { header: t.people, cell: (r) => r.people, numeric: true },
          { header: t.reachedMunicipalities, cell: (r) => r.municipalities, numeric: true },
        ]}
      />
      <DataTable
        caption={t.perMunicipality}
        rows={props.municipalities}
        columns={[
          { header: t.municipality, cell: (r) => r.name },
          { header: t.people, cell: (r) => r.people, numeric: true },
          { header: t.events, cell: (r) => r.events, numeric: true },
        ]}
      />
    </>
  );
}

export function SettingsPage(props: { values: Record<string, string>; errors: FieldError[]; saved: boolean }) {
  const { locale } = usePage();
  const t = sm(locale);
  return (
    <>
      <Heading1>{t.settingsTitle}</Heading1>
      {props.saved ? <Notice kind="ok">{t.saved}</Notice> : null}
      <ErrorSummary
        errors={props.errors}
        labels={{ retentionDays: t.retentionDays, reminderDays: t.reminderDays, offerHours: t.offerHours }}
      />
      <Form action="/beheer/bijeenkomsten/instellingen">
        <TextField
          name="retentionDays"
          label={t.retentionDays}
          type="number"
          value={props.values.retentionDays}
          errors={props.errors}
          required
          description={t.retentionHint}
        />
        <TextField
          name="reminderDays"
          label={t.reminderDays}
          type="number"
          value={props.values.reminderDays}
          errors={props.errors}
          required
        />
        <TextField name="offerHours" label={t.offerHours} type="number" value={props.values.offerHours} errors={props.errors} required />
        <SubmitButton>{t.save}</SubmitButton>
      </Form>
      <Paragraph>
        <a class="utrecht-link" href="/beheer/bijeenkomsten">
          {t.staffTitle}
        </a>
      </Paragraph>
    </>
  );
}
