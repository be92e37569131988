// /mijn-coordinatie: a coordinator's own contact details and FTE, its proposals and its coverage.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages, formatDate } from '../../../i18n.ts';
import { DataTable, ErrorSummary, Form, Heading1, Paragraph, SubmitButton } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { Coordinator, Proposal } from '../presenters.ts';
import {
  AssignmentTable,
  type AssignmentView,
  CoordinatorFields,
  CoverageForm,
  coordinatorLabels,
  proposalStatusLabel,
  SavedNotice,
  staffText,
  type Values,
} from './staff-common.tsx';

export const ownText = defineMessages({
  title: { nl: 'Mijn coördinatie', en: 'My coordination' },
  saved: { nl: 'Uw gegevens zijn opgeslagen.', en: 'Your details have been saved.' },
  proposed: {
    nl: 'Uw voorstel is ingediend. Een adviseur beoordeelt het.',
    en: 'Your proposal has been submitted. An adviser will review it.',
  },
  contact: { nl: 'Contactgegevens en FTE', en: 'Contact details and FTE' },
  changeCoverage: { nl: 'Dekking wijzigen', en: 'Change coverage' },
  proposalIntro: {
    nl: 'Een wijziging van uw werkgebied is een voorstel; een adviseur keurt het goed of af.',
    en: 'A change of your area is a proposal; an adviser approves or rejects it.',
  },
  myProposals: { nl: 'Mijn voorstellen', en: 'My proposals' },
  status: { nl: 'Status', en: 'Status' },
});

export interface OwnCoordinatorProps {
  coordinator: Coordinator;
  values: Values;
  errors: FieldError[];
  proposalValues: Values;
  proposalErrors: FieldError[];
  assignments: AssignmentView[];
  proposals: Proposal[];
  notice?: string;
}

export function OwnCoordinatorPage(props: OwnCoordinatorProps) {
  const { locale } = usePage();
  const t = ownText(locale);
  const s = staffText(locale);
  return (
    <>
      <Heading1>{t.title}</Heading1>
      <SavedNotice text={props.notice} />
      <ErrorSummary errors={[...props.errors, ...props.proposalErrors]} labels={coordinatorLabels(locale)} />
      <h2 class="utrecht-heading-2">{t.contact}</h2>
      <Paragraph>{props.coordinator.organisation?.name ?? ''}</Paragraph>
      <Form action="/mijn-coordinatie">
        <CoordinatorFields values={props.values} errors={props.errors} withFte />
        <SubmitButton>{s.save}</SubmitButton>
      </Form>
      <h2 class="utrecht-heading-2">{t.changeCoverage}</h2>
      <Paragraph>{t.proposalIntro}</Paragraph>
      <CoverageForm action="/mijn-coordinatie/voorstel" regions={[]} values={props.proposalValues} errors={props.proposalErrors} proposal />
      <DataTable
        caption={t.myProposals}
        rows={props.proposals}
        columns={[
          { header: s.change, cell: (p) => `${p.action === 'add' ? '+' : '−'} ${p.codes.join(', ')}` },
          { header: s.effectiveDate, cell: (p) => formatDate(p.effectiveDate, locale) },
          { header: t.status, cell: (p) => proposalStatusLabel(p.status, locale) },
        ]}
      />
      <AssignmentTable assignments={props.assignments} />
    </>
  );
}
