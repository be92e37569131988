// /beheer/netwerk/coordinatoren: the list, a new coordinator, and one coordinator's page with its
// details, FTE history and dated coverage.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages, formatDate, formatNumber } from '../../../i18n.ts';
import { DataTable, ErrorSummary, Form, Heading1, Paragraph, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { Coordinator, Organisation } from '../presenters.ts';
import {
  AssignmentTable,
  type AssignmentView,
  CoordinatorFields,
  CoverageForm,
  coordinatorLabels,
  type RegionChoice,
  SavedNotice,
  staffText,
  type Values,
} from './staff-common.tsx';

export const coordinatorText = defineMessages({
  list: { nl: 'Zorgcoördinatoren', en: 'Care coordinators' },
  new: { nl: 'Nieuwe zorgcoördinator', en: 'New care coordinator' },
  all: { nl: 'Alle zorgcoördinatoren', en: 'All care coordinators' },
  active: { nl: 'Actief', en: 'Active' },
  details: { nl: 'Gegevens', en: 'Details' },
  fteHistory: { nl: 'FTE-geschiedenis', en: 'FTE history' },
  newFte: { nl: 'Nieuwe FTE', en: 'New FTE' },
  changeFte: { nl: 'FTE wijzigen', en: 'Change FTE' },
  coverage: { nl: 'Dekking', en: 'Coverage' },
});

export function CoordinatorList(props: { coordinators: Coordinator[] }) {
  const { locale } = usePage();
  const t = coordinatorText(locale);
  const s = staffText(locale);
  return (
    <>
      <Heading1>{t.list}</Heading1>
      <Paragraph>
        <a class="utrecht-link" href="/beheer/netwerk/coordinatoren/nieuw">
          {t.new}
        </a>
      </Paragraph>
      <DataTable
        caption={t.all}
        rows={props.coordinators}
        columns={[
          {
            header: s.nameOrPost,
            cell: (c) => (
              <a class="utrecht-link" href={`/beheer/netwerk/coordinatoren/${c.id}`}>
                {c.name}
              </a>
            ),
          },
          { header: s.organisation, cell: (c) => c.organisation?.name ?? '–' },
          { header: s.fte, cell: (c) => formatNumber(c.fte, locale, 2), numeric: true },
          { header: t.active, cell: (c) => `${formatDate(c.activeFrom, locale)} – ${c.activeTo ? formatDate(c.activeTo, locale) : ''}` },
        ]}
      />
    </>
  );
}

export function NewCoordinatorPage(props: { values: Values; errors: FieldError[]; organisations: Organisation[] }) {
  const { locale } = usePage();
  return (
    <>
      <Heading1>{coordinatorText(locale).new}</Heading1>
      <ErrorSummary errors={props.errors} labels={coordinatorLabels(locale)} />
      <Form action="/beheer/netwerk/coordinatoren/nieuw">
        <CoordinatorFields values={props.values} errors={props.errors} organisations={props.organisations} withDates withFte />
        <SubmitButton>{staffText(locale).save}</SubmitButton>
      </Form>
    </>
  );
}

function FteSection(props: { id: number; history: { effectiveFrom: string; fte: number }[]; values: Values; errors: FieldError[] }) {
  const { locale } = usePage();
  const t = coordinatorText(locale);
  const s = staffText(locale);
  return (
    <>
      <h2 class="utrecht-heading-2">{s.fte}</h2>
      <DataTable
        caption={t.fteHistory}
        rows={props.history}
        columns={[
          { header: s.from, cell: (f) => formatDate(f.effectiveFrom, locale) },
          { header: s.fte, cell: (f) => formatNumber(f.fte, locale, 2), numeric: true },
        ]}
      />
      <Form action={`/beheer/netwerk/coordinatoren/${props.id}/fte`}>
        <TextField name="fte" label={t.newFte} value={props.values.fte} errors={props.errors} required inputMode="decimal" />
        <TextField
          name="effectiveFrom"
          type="date"
          label={s.effectiveDate}
          value={props.values.effectiveFrom}
          errors={props.errors}
          required
        />
        <SubmitButton>{t.changeFte}</SubmitButton>
      </Form>
    </>
  );
}

export interface CoordinatorEditProps {
  coordinator: Coordinator;
  organisations: Organisation[];
  values: Values;
  errors: FieldError[];
  fteValues: Values;
  fteErrors: FieldError[];
  coverageValues: Values;
  coverageErrors: FieldError[];
  regions: RegionChoice[];
  assignments: AssignmentView[];
  fteHistory: { effectiveFrom: string; fte: number }[];
  notice?: string;
}

export function CoordinatorEditPage(props: CoordinatorEditProps) {
  const { locale } = usePage();
  const t = coordinatorText(locale);
  const c = props.coordinator;
  return (
    <>
      <Heading1>{c.name}</Heading1>
      <SavedNotice text={props.notice} />
      <ErrorSummary errors={[...props.errors, ...props.fteErrors, ...props.coverageErrors]} labels={coordinatorLabels(locale)} />
      <h2 class="utrecht-heading-2">{t.details}</h2>
      <Form action={`/beheer/netwerk/coordinatoren/${c.id}`}>
        <CoordinatorFields values={props.values} errors={props.errors} organisations={props.organisations} withDates />
        <SubmitButton>{staffText(locale).save}</SubmitButton>
      </Form>
      <FteSection id={c.id} history={props.fteHistory} values={props.fteValues} errors={props.fteErrors} />
      <h2 class="utrecht-heading-2">{t.coverage}</h2>
      <CoverageForm
        action={`/beheer/netwerk/coordinatoren/${c.id}/dekking`}
        regions={props.regions}
        values={props.coverageValues}
        errors={props.coverageErrors}
      />
      <AssignmentTable assignments={props.assignments} />
    </>
  );
}
