// What the staff pages and the coordinator's own page share: their words (ADR 0005), the labels of
// the coordinator fields, the coordinator fields themselves, the coverage form and the dated
// coverage table.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages, formatDate, type Locale } from '../../../i18n.ts';
import { DataTable, Form, Notice, Paragraph, SelectField, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { Organisation, Proposal } from '../presenters.ts';
import type { OrganisationType } from '../tables.ts';

export type Values = Record<string, string | undefined>;

export const staffText = defineMessages({
  staff: { nl: 'Beheer', en: 'Staff' },
  network: { nl: 'Netwerk', en: 'Network' },
  manage: { nl: 'beheer', en: 'manage' },
  save: { nl: 'Opslaan', en: 'Save' },
  saved: { nl: 'De wijziging is opgeslagen.', en: 'The change has been saved.' },
  choose: { nl: '— kies —', en: '— choose —' },
  name: { nl: 'Naam', en: 'Name' },
  nameOrPost: { nl: 'Naam of functie', en: 'Name or post title' },
  organisation: { nl: 'Organisatie', en: 'Organisation' },
  phone: { nl: 'Telefoon', en: 'Phone' },
  email: { nl: 'Functioneel e-mailadres', en: 'Functional email address' },
  webPage: { nl: 'Webpagina', en: 'Web page' },
  fte: { nl: 'FTE', en: 'FTE' },
  fteHint: { nl: 'Bijvoorbeeld 0,8', en: 'For example 0.8' },
  activeFrom: { nl: 'Actief vanaf', en: 'Active from' },
  activeTo: { nl: 'Actief tot', en: 'Active until' },
  activeToLong: { nl: 'Actief tot (eerste dag niet meer actief)', en: 'Active until (first day no longer active)' },
  effectiveDate: { nl: 'Ingangsdatum', en: 'Effective date' },
  codes: { nl: 'Gemeentecodes', en: 'Municipality codes' },
  region: { nl: 'Regio', en: 'Region' },
  change: { nl: 'Wijziging', en: 'Change' },
  note: { nl: 'Toelichting', en: 'Note' },
  addMunicipalities: { nl: 'Gemeenten toevoegen', en: 'Add municipalities' },
  endCoverage: { nl: 'Dekking beëindigen', en: 'End coverage' },
  wholeRegion: { nl: 'Een hele regio', en: 'A whole region' },
  noRegion: { nl: '— geen, alleen de codes hieronder —', en: '— none, only the codes below —' },
  individualCodes: { nl: 'Losse gemeenten (CBS-codes)', en: 'Individual municipalities (CBS codes)' },
  codesHint: {
    nl: 'Gescheiden door spaties of komma’s, bijvoorbeeld GM0363 GM0362',
    en: 'Separated by spaces or commas, for example GM0363 GM0362',
  },
  submitProposal: { nl: 'Voorstel indienen', en: 'Submit proposal' },
  recordCoverage: { nl: 'Dekking vastleggen', en: 'Record coverage' },
  coverageHistory: { nl: 'Dekking (geschiedenis, met data)', en: 'Coverage (history, dated)' },
  municipality: { nl: 'Gemeente', en: 'Municipality' },
  from: { nl: 'Vanaf', en: 'From' },
  until: { nl: 'Tot', en: 'Until' },
  source: { nl: 'Bron', en: 'Source' },
  individual: { nl: 'los', en: 'individual' },
  pending: { nl: 'wacht op besluit', en: 'awaiting decision' },
  approved: { nl: 'goedgekeurd', en: 'approved' },
  rejected: { nl: 'afgewezen', en: 'rejected' },
  ggd: { nl: 'GGD', en: 'Public health service (GGD)' },
  shelter: { nl: 'Opvangorganisatie', en: 'Shelter organisation' },
  careAndSafetyHouse: { nl: 'Zorg- en Veiligheidshuis', en: 'Care and safety house' },
  municipalityType: { nl: 'Gemeente', en: 'Municipality' },
  other: { nl: 'Anders', en: 'Other' },
  province: { nl: 'provincie', en: 'province' },
  safetyRegion: { nl: 'veiligheidsregio', en: 'safety region' },
  ggdRegion: { nl: 'GGD-regio', en: 'GGD region' },
  customRegion: { nl: 'eigen regio', en: 'custom region' },
});

type StaffText = ReturnType<typeof staffText>;

const ORGANISATION_TYPE_LABEL: Record<OrganisationType, keyof StaffText> = {
  ggd: 'ggd',
  shelter: 'shelter',
  'care-and-safety-house': 'careAndSafetyHouse',
  municipality: 'municipalityType',
  other: 'other',
};

export function orgTypeLabel(type: OrganisationType, locale: Locale): string {
  return staffText(locale)[ORGANISATION_TYPE_LABEL[type]];
}

const REGION_TYPE_LABEL: Record<string, keyof StaffText> = {
  province: 'province',
  'safety-region': 'safetyRegion',
  'ggd-region': 'ggdRegion',
  custom: 'customRegion',
};

export function regionTypeLabel(type: string, locale: Locale): string {
  const key = REGION_TYPE_LABEL[type];
  return key ? staffText(locale)[key] : type;
}

export function proposalStatusLabel(status: Proposal['status'], locale: Locale): string {
  return staffText(locale)[status];
}

/** The labels of every field on the coordinator pages, for the error summary. */
export function coordinatorLabels(locale: Locale): Record<string, string> {
  const t = staffText(locale);
  return {
    name: t.nameOrPost,
    organisationId: t.organisation,
    phone: t.phone,
    email: t.email,
    webPage: t.webPage,
    fte: t.fte,
    activeFrom: t.activeFrom,
    activeTo: t.activeTo,
    effectiveFrom: t.effectiveDate,
    effectiveDate: t.effectiveDate,
    codes: t.codes,
    region: t.region,
    action: t.change,
    note: t.note,
  };
}

export function SavedNotice(props: { text?: string }) {
  if (!props.text) return null;
  return (
    <Notice kind="ok">
      <Paragraph>{props.text}</Paragraph>
    </Notice>
  );
}

function ActivePeriodFields(props: { values: Values; errors: FieldError[] }) {
  const t = staffText(usePage().locale);
  return (
    <>
      <TextField name="activeFrom" type="date" label={t.activeFrom} value={props.values.activeFrom} errors={props.errors} required />
      <TextField name="activeTo" type="date" label={t.activeToLong} value={props.values.activeTo} errors={props.errors} />
    </>
  );
}

export function CoordinatorFields(props: {
  values: Values;
  errors: FieldError[];
  organisations?: Organisation[];
  withDates?: boolean;
  withFte?: boolean;
}) {
  const t = staffText(usePage().locale);
  const e = props.errors;
  return (
    <>
      <TextField name="name" label={t.nameOrPost} value={props.values.name} errors={e} required />
      {props.organisations ? (
        <SelectField
          name="organisationId"
          label={t.organisation}
          value={props.values.organisationId}
          errors={e}
          options={[{ value: '', label: t.choose }, ...props.organisations.map((o) => ({ value: String(o.id), label: o.name }))]}
        />
      ) : null}
      <TextField name="phone" type="tel" label={t.phone} value={props.values.phone} errors={e} autocomplete="off" />
      <TextField name="email" type="email" label={t.email} value={props.values.email} errors={e} />
      <TextField name="webPage" type="url" label={t.webPage} value={props.values.webPage} errors={e} />
      {props.withFte ? (
        <TextField name="fte" label={t.fte} value={props.values.fte} errors={e} required inputMode="decimal" description={t.fteHint} />
      ) : null}
      {props.withDates ? <ActivePeriodFields values={props.values} errors={e} /> : null}
    </>
  );
}

export interface RegionChoice {
  code: string;
  name: string;
  type: string;
}

export function CoverageForm(props: { action: string; regions: RegionChoice[]; values: Values; errors: FieldError[]; proposal?: boolean }) {
  const { locale } = usePage();
  const t = staffText(locale);
  const e = props.errors;
  return (
    <Form action={props.action}>
      <SelectField
        name="action"
        label={t.change}
        value={props.values.action ?? 'add'}
        errors={e}
        options={[
          { value: 'add', label: t.addMunicipalities },
          { value: 'remove', label: t.endCoverage },
        ]}
      />
      {props.proposal ? null : (
        <SelectField
          name="region"
          label={t.wholeRegion}
          value={props.values.region ?? ''}
          errors={e}
          options={[
            { value: '', label: t.noRegion },
            ...props.regions.map((r) => ({ value: r.code, label: `${r.name} (${regionTypeLabel(r.type, locale)})` })),
          ]}
        />
      )}
      <TextField name="codes" label={t.individualCodes} description={t.codesHint} value={props.values.codes} errors={e} />
      <TextField name="effectiveDate" type="date" label={t.effectiveDate} value={props.values.effectiveDate} errors={e} required />
      {props.proposal ? <TextField name="note" label={t.note} value={props.values.note} errors={e} multiline /> : null}
      <SubmitButton>{props.proposal ? t.submitProposal : t.recordCoverage}</SubmitButton>
    </Form>
  );
}

export interface AssignmentView {
  code: string;
  name: string;
  validFrom: string;
  validTo: string | null;
  source: string;
}

export function AssignmentTable(props: { assignments: AssignmentView[] }) {
  const { locale } = usePage();
  const t = staffText(locale);
  return (
    <DataTable
      caption={t.coverageHistory}
      rows={props.assignments}
      columns={[
        { header: t.municipality, cell: (a) => `${a.name} (${a.code})` },
        { header: t.from, cell: (a) => formatDate(a.validFrom, locale) },
        { header: t.until, cell: (a) => (a.validTo ? formatDate(a.validTo, locale) : '–') },
        { header: t.source, cell: (a) => (a.source === 'individual' ? t.individual : a.source) },
      ]}
    />
  );
}
