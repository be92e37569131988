// Staff pages of the network: organisations, coordinators (with FTE and coverage), proposals,
// the gap report and the capacity norm. Also the coordinator's own page (/mijn-coordinatie).
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../../http/errors.ts';
import { formatDate, formatNumber, type Locale } from '../../../i18n.ts';
import {
  DataTable,
  ErrorSummary,
  Form,
  Heading1,
  Notice,
  Paragraph,
  SelectField,
  SubmitButton,
  TextField,
} from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { RegionChoice } from '../atlas-port.ts';
import type { Gap } from '../network.logic.ts';
import type { Coordinator, Organisation, Proposal } from '../service.ts';
import { ORGANISATION_TYPES, type OrganisationType } from '../tables.ts';

export const L = (locale: Locale, nl: string, en: string) => (locale === 'nl' ? nl : en);

export function orgTypeLabel(type: OrganisationType, locale: Locale) {
  const labels: Record<OrganisationType, [string, string]> = {
    ggd: ['GGD', 'Public health service (GGD)'],
    shelter: ['Opvangorganisatie', 'Shelter organisation'],
    'care-and-safety-house': ['Zorg- en Veiligheidshuis', 'Care and safety house'],
    municipality: ['Gemeente', 'Municipality'],
    other: ['Anders', 'Other'],
  };
  return L(locale, ...labels[type]);
}

type Values = Record<string, string | undefined>;

export function regionTypeLabel(type: string, locale: Locale) {
  const labels: Record<string, [string, string]> = {
    province: ['provincie', 'province'],
    'safety-region': ['veiligheidsregio', 'safety region'],
    'ggd-region': ['GGD-regio', 'GGD region'],
    custom: ['eigen regio', 'custom region'],
  };
  return L(locale, ...(labels[type] ?? [type, type]));
}

export function proposalStatusLabel(status: Proposal['status'], locale: Locale) {
  if (status === 'pending') return L(locale, 'wacht op besluit', 'awaiting decision');
  if (status === 'approved') return L(locale, 'goedgekeurd', 'approved');
  return L(locale, 'afgewezen', 'rejected');
}

export function StaffIndex(props: { pending: number; isAdmin: boolean }) {
  const { locale } = usePage();
  const link = (href: string, nl: string, en: string) => (
    <li class="utrecht-link-list__item">
      <a class="utrecht-link-list__link utrecht-link" href={href}>
        {L(locale, nl, en)}
      </a>
    </li>
  );
  return (
    <>
      <Heading1>{L(locale, 'Beheer netwerk zorgcoördinatoren', 'Manage the care-coordinator network')}</Heading1>
      {props.pending > 0 ? (
        <Notice kind="info">
          <Paragraph>
            {L(locale, `${props.pending} voorstel(len) wacht(en) op een besluit.`, `${props.pending} proposal(s) await a decision.`)}
          </Paragraph>
        </Notice>
      ) : null}
      <ul class="utrecht-link-list utrecht-link-list--html-ul">
        {link('/beheer/netwerk/coordinatoren', 'Zorgcoördinatoren', 'Care coordinators')}
        {link('/beheer/netwerk/organisaties', 'Organisaties', 'Organisations')}
        {link('/beheer/netwerk/voorstellen', 'Voorstellen tot wijziging van dekking', 'Coverage change proposals')}
        {link('/beheer/netwerk/regios', 'Eigen regio’s', 'Custom regions')}
        {link(
          '/beheer/netwerk/tekorten',
          'Tekorten: gemeenten zonder of met te weinig capaciteit',
          'Gaps: municipalities without or with too little capacity',
        )}
        {props.isAdmin ? link('/beheer/netwerk/norm', 'Capaciteitsnorm', 'Capacity norm') : null}
        {link('/netwerk', 'Openbare kaart van het netwerk', 'Public network map')}
      </ul>
    </>
  );
}

export function OrganisationList(props: { organisations: Organisation[] }) {
  const { locale } = usePage();
  return (
    <>
      <Heading1>{L(locale, 'Organisaties', 'Organisations')}</Heading1>
      <Paragraph>
        <a class="utrecht-link" href="/beheer/netwerk/organisaties/nieuw">
          {L(locale, 'Nieuwe organisatie', 'New organisation')}
        </a>
      </Paragraph>
      <DataTable
        caption={L(locale, 'Organisaties van zorgcoördinatoren', 'Host organisations of care coordinators')}
        rows={props.organisations}
        columns={[
          {
            header: L(locale, 'Naam', 'Name'),
            cell: (o) => (
              <a class="utrecht-link" href={`/beheer/netwerk/organisaties/${o.id}`}>
                {o.name}
              </a>
            ),
          },
          { header: L(locale, 'Soort', 'Type'), cell: (o) => orgTypeLabel(o.type, locale) },
          { header: L(locale, 'Website', 'Website'), cell: (o) => o.website ?? '–' },
        ]}
      />
    </>
  );
}

export function OrganisationFormPage(props: { id?: number; values: Values; errors: FieldError[] }) {
  const { locale } = usePage();
  const labels = {
    name: L(locale, 'Naam', 'Name'),
    type: L(locale, 'Soort organisatie', 'Type of organisation'),
    website: L(locale, 'Website', 'Website'),
  };
  return (
    <>
      <Heading1>
        {props.id ? L(locale, 'Organisatie wijzigen', 'Edit organisation') : L(locale, 'Nieuwe organisatie', 'New organisation')}
      </Heading1>
      <ErrorSummary errors={props.errors} labels={labels} />
      <Form action={props.id ? `/beheer/netwerk/organisaties/${props.id}` : '/beheer/netwerk/organisaties/nieuw'}>
        <TextField name="name" label={labels.name} value={props.values.name} errors={props.errors} required />
        <SelectField
          name="type"
          label={labels.type}
          value={props.values.type}
          errors={props.errors}
          options={ORGANISATION_TYPES.map((t) => ({ value: t, label: orgTypeLabel(t, locale) }))}
        />
        <TextField name="website" type="url" label={labels.website} value={props.values.website} errors={props.errors} />
        <SubmitButton>{L(locale, 'Opslaan', 'Save')}</SubmitButton>
      </Form>
      {props.id ? (
        <Form action={`/beheer/netwerk/organisaties/${props.id}/verwijderen`}>
          <SubmitButton variant="secondary">{L(locale, 'Verwijderen', 'Delete')}</SubmitButton>
        </Form>
      ) : null}
    </>
  );
}

export function CoordinatorList(props: { coordinators: Coordinator[]; today: string }) {
  const { locale } = usePage();
  return (
    <>
      <Heading1>{L(locale, 'Zorgcoördinatoren', 'Care coordinators')}</Heading1>
      <Paragraph>
        <a class="utrecht-link" href="/beheer/netwerk/coordinatoren/nieuw">
          {L(locale, 'Nieuwe zorgcoördinator', 'New care coordinator')}
        </a>
      </Paragraph>
      <DataTable
        caption={L(locale, 'Alle zorgcoördinatoren', 'All care coordinators')}
        rows={props.coordinators}
        columns={[
          {
            header: L(locale, 'Naam of functie', 'Name or post'),
            cell: (c) => (
              <a class="utrecht-link" href={`/beheer/netwerk/coordinatoren/${c.id}`}>
                {c.name}
              </a>
            ),
          },
          { header: L(locale, 'Organisatie', 'Organisation'), cell: (c) => c.organisation?.name ?? '–' },
          { header: 'FTE', cell: (c) => formatNumber(c.fte, locale, 2), numeric: true },
          {
            header: L(locale, 'Actief', 'Active'),
            cell: (c) => `${formatDate(c.activeFrom, locale)} – ${c.activeTo ? formatDate(c.activeTo, locale) : ''}`,
          },
        ]}
      />
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
  const { locale } = usePage();
  const e = props.errors;
  return (
    <>
      <TextField name="name" label={L(locale, 'Naam of functie', 'Name or post title')} value={props.values.name} errors={e} required />
      {props.organisations ? (
        <SelectField
          name="organisationId"
          label={L(locale, 'Organisatie', 'Organisation')}
          value={props.values.organisationId}
          errors={e}
          options={[
            { value: '', label: L(locale, '— kies —', '— choose —') },
            ...props.organisations.map((o) => ({ value: String(o.id), label: o.name })),
          ]}
        />
      ) : null}
      <TextField name="phone" type="tel" label={L(locale, 'Telefoon', 'Phone')} value={props.values.phone} errors={e} autocomplete="off" />
      <TextField
        name="email"
        type="email"
        label={L(locale, 'Functioneel e-mailadres', 'Functional email address')}
        value={props.values.email}
        errors={e}
      />
      <TextField name="webPage" type="url" label={L(locale, 'Webpagina', 'Web page')} value={props.values.webPage} errors={e} />
      {props.withFte ? (
        <TextField
          name="fte"
          label="FTE"
          value={props.values.fte}
          errors={e}
          required
          inputMode="decimal"
          description={L(locale, 'Bijvoorbeeld 0,8', 'For example 0.8')}
        />
      ) : null}
      {props.withDates ? (
        <>
          <TextField
            name="activeFrom"
            type="date"
            label={L(locale, 'Actief vanaf', 'Active from')}
            value={props.values.activeFrom}
            errors={e}
            required
          />
          <TextField
            name="activeTo"
            type="date"
            label={L(locale, 'Actief tot (eerste dag niet meer actief)', 'Active until (first day no longer active)')}
            value={props.values.activeTo}
            errors={e}
          />
        </>
      ) : null}
    </>
  );
}

const coordinatorLabels = (locale: Locale): Record<string, string> => ({
  name: L(locale, 'Naam of functie', 'Name or post title'),
  organisationId: L(locale, 'Organisatie', 'Organisation'),
  phone: L(locale, 'Telefoon', 'Phone'),
  email: L(locale, 'Functioneel e-mailadres', 'Functional email address'),
  webPage: L(locale, 'Webpagina', 'Web page'),
  fte: 'FTE',
  activeFrom: L(locale, 'Actief vanaf', 'Active from'),
  activeTo: L(locale, 'Actief tot', 'Active until'),
  effectiveFrom: L(locale, 'Ingangsdatum', 'Effective date'),
  effectiveDate: L(locale, 'Ingangsdatum', 'Effective date'),
  codes: L(locale, 'Gemeentecodes', 'Municipality codes'),
  region: L(locale, 'Regio', 'Region'),
  action: L(locale, 'Wijziging', 'Change'),
  note: L(locale, 'Toelichting', 'Note'),
});

export function NewCoordinatorPage(props: { values: Values; errors: FieldError[]; organisations: Organisation[] }) {
  const { locale } = usePage();
  return (
    <>
      <Heading1>{L(locale, 'Nieuwe zorgcoördinator', 'New care coordinator')}</Heading1>
      <ErrorSummary errors={props.errors} labels={coordinatorLabels(locale)} />
      <Form action="/beheer/netwerk/coordinatoren/nieuw">
        <CoordinatorFields values={props.values} errors={props.errors} organisations={props.organisations} withDates withFte />
        <SubmitButton>{L(locale, 'Opslaan', 'Save')}</SubmitButton>
      </Form>
    </>
  );
}

export interface AssignmentView {
  code: string;
  name: string;
  validFrom: string;
  validTo: string | null;
  source: string;
}

function CoverageForm(props: { action: string; regions: RegionChoice[]; values: Values; errors: FieldError[]; proposal?: boolean }) {
  const { locale } = usePage();
  const e = props.errors;
  return (
    <Form action={props.action}>
      <SelectField
        name="action"
        label={L(locale, 'Wijziging', 'Change')}
        value={props.values.action ?? 'add'}
        errors={e}
        options={[
          { value: 'add', label: L(locale, 'Gemeenten toevoegen', 'Add municipalities') },
          { value: 'remove', label: L(locale, 'Dekking beëindigen', 'End coverage') },
        ]}
      />
      {props.proposal ? null : (
        <SelectField
          name="region"
          label={L(locale, 'Een hele regio', 'A whole region')}
          value={props.values.region ?? ''}
          errors={e}
          options={[
            { value: '', label: L(locale, '— geen, alleen de codes hieronder —', '— none, only the codes below —') },
            ...props.regions.map((r) => ({ value: r.code, label: `${r.name} (${regionTypeLabel(r.type, locale)})` })),
          ]}
        />
      )}
      <TextField
        name="codes"
        label={L(locale, 'Losse gemeenten (CBS-codes)', 'Individual municipalities (CBS codes)')}
        description={L(
          locale,
          'Gescheiden door spaties of komma’s, bijvoorbeeld GM0363 GM0362',
          'Separated by spaces or commas, for example GM0363 GM0362',
        )}
        value={props.values.codes}
        errors={e}
      />
      <TextField
        name="effectiveDate"
        type="date"
        label={L(locale, 'Ingangsdatum', 'Effective date')}
        value={props.values.effectiveDate}
        errors={e}
        required
      />
      {props.proposal ? (
        <TextField name="note" label={L(locale, 'Toelichting', 'Note')} value={props.values.note} errors={e} multiline />
      ) : null}
      <SubmitButton>
        {props.proposal ? L(locale, 'Voorstel indienen', 'Submit proposal') : L(locale, 'Dekking vastleggen', 'Record coverage')}
      </SubmitButton>
    </Form>
  );
}

function AssignmentTable(props: { assignments: AssignmentView[] }) {
  const { locale } = usePage();
  return (
    <DataTable
      caption={L(locale, 'Dekking (geschiedenis, met data)', 'Coverage (history, dated)')}
      rows={props.assignments}
      columns={[
        { header: L(locale, 'Gemeente', 'Municipality'), cell: (a) => `${a.name} (${a.code})` },
        { header: L(locale, 'Vanaf', 'From'), cell: (a) => formatDate(a.validFrom, locale) },
        { header: L(locale, 'Tot', 'Until'), cell: (a) => (a.validTo ? formatDate(a.validTo, locale) : '–') },
        { header: L(locale, 'Bron', 'Source'), cell: (a) => (a.source === 'individual' ? L(locale, 'los', 'individual') : a.source) },
      ]}
    />
  );
}

export function CoordinatorEditPage(props: {
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
}) {
  const { locale } = usePage();
  const c = props.coordinator;
  const labels = coordinatorLabels(locale);
  return (
    <>
      <Heading1>{c.name}</Heading1>
      {props.notice ? (
        <Notice kind="ok">
          <Paragraph>{props.notice}</Paragraph>
        </Notice>
      ) : null}
      <ErrorSummary errors={[...props.errors, ...props.fteErrors, ...props.coverageErrors]} labels={labels} />
      <h2 class="utrecht-heading-2">{L(locale, 'Gegevens', 'Details')}</h2>
      <Form action={`/beheer/netwerk/coordinatoren/${c.id}`}>
        <CoordinatorFields values={props.values} errors={props.errors} organisations={props.organisations} withDates />
        <SubmitButton>{L(locale, 'Opslaan', 'Save')}</SubmitButton>
      </Form>
      <h2 class="utrecht-heading-2">FTE</h2>
      <DataTable
        caption={L(locale, 'FTE-geschiedenis', 'FTE history')}
        rows={props.fteHistory}
        columns={[
          { header: L(locale, 'Vanaf', 'From'), cell: (f) => formatDate(f.effectiveFrom, locale) },
          { header: 'FTE', cell: (f) => formatNumber(f.fte, locale, 2), numeric: true },
        ]}
      />
      <Form action={`/beheer/netwerk/coordinatoren/${c.id}/fte`}>
        <TextField
          name="fte"
          label={L(locale, 'Nieuwe FTE', 'New FTE')}
          value={props.fteValues.fte}
          errors={props.fteErrors}
          required
          inputMode="decimal"
        />
        <TextField
          name="effectiveFrom"
          type="date"
          label={L(locale, 'Ingangsdatum', 'Effective date')}
          value={props.fteValues.effectiveFrom}
          errors={props.fteErrors}
          required
        />
        <SubmitButton>{L(locale, 'FTE wijzigen', 'Change FTE')}</SubmitButton>
      </Form>
      <h2 class="utrecht-heading-2">{L(locale, 'Dekking', 'Coverage')}</h2>
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

export function ProposalList(props: { proposals: (Proposal & { coordinatorName: string })[]; userId: number }) {
  const { locale } = usePage();
  return (
    <>
      <Heading1>{L(locale, 'Voorstellen tot wijziging van dekking', 'Coverage change proposals')}</Heading1>
      {props.proposals.length === 0 ? <Paragraph>{L(locale, 'Er zijn geen voorstellen.', 'There are no proposals.')}</Paragraph> : null}
      {props.proposals.map((p) => (
        <section class="gaz-card" key={p.id} aria-labelledby={`proposal-${p.id}`}>
          <h2 class="utrecht-heading-2" id={`proposal-${p.id}`}>
            {p.coordinatorName}: {p.action === 'add' ? L(locale, 'toevoegen', 'add') : L(locale, 'beëindigen', 'end')} {p.codes.join(', ')}
          </h2>
          <Paragraph>
            {L(locale, 'Ingangsdatum', 'Effective date')}: {formatDate(p.effectiveDate, locale)}. {L(locale, 'Status', 'Status')}:{' '}
            {proposalStatusLabel(p.status, locale)}.{p.note ? ` ${p.note}` : ''}
          </Paragraph>
          {p.status === 'pending' && p.proposedBy !== props.userId ? (
            <Form action={`/beheer/netwerk/voorstellen/${p.id}`}>
              <SubmitButton name="decision" value="approved">
                {L(locale, 'Goedkeuren', 'Approve')}
              </SubmitButton>{' '}
              <SubmitButton name="decision" value="rejected" variant="secondary">
                {L(locale, 'Afwijzen', 'Reject')}
              </SubmitButton>
            </Form>
          ) : null}
        </section>
      ))}
    </>
  );
}

export function GapReport(props: { gaps: Gap[]; norm: number; date: string }) {
  const { locale } = usePage();
  const total = props.gaps.reduce((s, g) => s + g.extraFte, 0);
  return (
    <>
      <Heading1>{L(locale, 'Tekorten in het netwerk', 'Gaps in the network')}</Heading1>
      <form method="get" action="/beheer/netwerk/tekorten" class="utrecht-form gaz-inline-form">
        <div class="utrecht-form-field utrecht-form-field--text">
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for="field-datum">
              {L(locale, 'Datum', 'Date')}
            </label>
          </div>
          <div class="utrecht-form-field__input">
            <input class="utrecht-textbox" type="date" id="field-datum" name="datum" value={props.date} />
          </div>
        </div>
        <SubmitButton variant="secondary">{L(locale, 'Toon', 'Show')}</SubmitButton>
      </form>
      <Paragraph>
        {L(locale, 'Norm', 'Norm')}: {formatNumber(props.norm, locale, 2)}{' '}
        {L(locale, 'FTE per 100.000 inwoners', 'FTE per 100,000 inhabitants')}.{' '}
        {L(
          locale,
          `${props.gaps.length} gemeenten zonder zorgcoördinator of onder de norm; samen ${formatNumber(total, locale, 2)} FTE extra nodig.`,
          `${props.gaps.length} municipalities without a care coordinator or below the norm; together ${formatNumber(total, locale, 2)} extra FTE needed.`,
        )}
      </Paragraph>
      <Paragraph>
        <a class="utrecht-link" href={`/beheer/netwerk/tekorten.csv?datum=${props.date}`}>
          {L(locale, 'Download als CSV', 'Download as CSV')}
        </a>
        {' · '}
        <a class="utrecht-link" href={`/beheer/netwerk/tekorten.xlsx?datum=${props.date}`}>
          {L(locale, 'Download als Excel (XLSX)', 'Download as Excel (XLSX)')}
        </a>
      </Paragraph>
      <DataTable
        caption={L(
          locale,
          `Tekorten op ${formatDate(props.date, locale)}, meeste inwoners eerst`,
          `Gaps on ${formatDate(props.date, locale)}, most inhabitants first`,
        )}
        rows={props.gaps}
        columns={[
          { header: L(locale, 'Gemeente', 'Municipality'), cell: (g) => g.name },
          {
            header: L(locale, 'Status', 'Status'),
            cell: (g) =>
              g.status === 'remote' ? L(locale, 'geen zorgcoördinator', 'no coordinator') : L(locale, 'onder de norm', 'below the norm'),
          },
          { header: L(locale, 'Inwoners', 'Inhabitants'), cell: (g) => formatNumber(g.population, locale), numeric: true },
          { header: L(locale, 'FTE per 100.000', 'FTE per 100,000'), cell: (g) => formatNumber(g.ftePer100k, locale, 3), numeric: true },
          { header: L(locale, 'Extra FTE nodig', 'Extra FTE needed'), cell: (g) => formatNumber(g.extraFte, locale, 3), numeric: true },
        ]}
      />
    </>
  );
}

export function NormPage(props: { value: string; errors: FieldError[]; saved?: boolean }) {
  const { locale } = usePage();
  return (
    <>
      <Heading1>{L(locale, 'Capaciteitsnorm', 'Capacity norm')}</Heading1>
      {props.saved ? (
        <Notice kind="ok">
          <Paragraph>{L(locale, 'De norm is opgeslagen.', 'The norm has been saved.')}</Paragraph>
        </Notice>
      ) : null}
      <ErrorSummary errors={props.errors} labels={{ norm: L(locale, 'Norm', 'Norm') }} />
      <Paragraph>
        {L(
          locale,
          'De norm bepaalt wanneer de capaciteit in een gemeente voldoende is. Hij staat in de legenda van de kaart.',
          'The norm decides when the capacity in a municipality is sufficient. It is shown in the map legend.',
        )}
      </Paragraph>
      <Form action="/beheer/netwerk/norm">
        <TextField
          name="norm"
          label={L(locale, 'Norm in FTE per 100.000 inwoners', 'Norm in FTE per 100,000 inhabitants')}
          value={props.value}
          errors={props.errors}
          required
          inputMode="decimal"
        />
        <SubmitButton>{L(locale, 'Opslaan', 'Save')}</SubmitButton>
      </Form>
    </>
  );
}

export function CustomRegionsPage(props: {
  regions: { code: string; name: string; members: string[] }[];
  values: Values;
  errors: FieldError[];
}) {
  const { locale } = usePage();
  return (
    <>
      <Heading1>{L(locale, 'Eigen regio’s', 'Custom regions')}</Heading1>
      <DataTable
        caption={L(
          locale,
          'Eigen regio’s (bijvoorbeeld centrumgemeenteregio’s)',
          'Custom regions (for example centre-municipality regions)',
        )}
        rows={props.regions}
        columns={[
          { header: L(locale, 'Naam', 'Name'), cell: (r) => r.name },
          { header: L(locale, 'Gemeenten', 'Municipalities'), cell: (r) => r.members.join(', ') },
        ]}
      />
      <h2 class="utrecht-heading-2">{L(locale, 'Nieuwe regio', 'New region')}</h2>
      <ErrorSummary
        errors={props.errors}
        labels={{ name: L(locale, 'Naam', 'Name'), codes: L(locale, 'Gemeentecodes', 'Municipality codes') }}
      />
      <Form action="/beheer/netwerk/regios">
        <TextField name="name" label={L(locale, 'Naam', 'Name')} value={props.values.name} errors={props.errors} required />
        <TextField
          name="codes"
          label={L(locale, 'Gemeentecodes', 'Municipality codes')}
          description="GM0363 GM0362 …"
          value={props.values.codes}
          errors={props.errors}
          required
        />
        <SubmitButton>{L(locale, 'Opslaan', 'Save')}</SubmitButton>
      </Form>
    </>
  );
}

export function OwnCoordinatorPage(props: {
  coordinator: Coordinator;
  values: Values;
  errors: FieldError[];
  proposalValues: Values;
  proposalErrors: FieldError[];
  assignments: AssignmentView[];
  proposals: Proposal[];
  notice?: string;
}) {
  const { locale } = usePage();
  const labels = coordinatorLabels(locale);
  return (
    <>
      <Heading1>{L(locale, 'Mijn coördinatie', 'My coordination')}</Heading1>
      {props.notice ? (
        <Notice kind="ok">
          <Paragraph>{props.notice}</Paragraph>
        </Notice>
      ) : null}
      <ErrorSummary errors={[...props.errors, ...props.proposalErrors]} labels={labels} />
      <h2 class="utrecht-heading-2">{L(locale, 'Contactgegevens en FTE', 'Contact details and FTE')}</h2>
      <Paragraph>{props.coordinator.organisation?.name ?? ''}</Paragraph>
      <Form action="/mijn-coordinatie">
        <CoordinatorFields values={props.values} errors={props.errors} withFte />
        <SubmitButton>{L(locale, 'Opslaan', 'Save')}</SubmitButton>
      </Form>
      <h2 class="utrecht-heading-2">{L(locale, 'Dekking wijzigen', 'Change coverage')}</h2>
      <Paragraph>
        {L(
          locale,
          'Een wijziging van uw werkgebied is een voorstel; een adviseur keurt het goed of af.',
          'A change of your area is a proposal; an adviser approves or rejects it.',
        )}
      </Paragraph>
      <CoverageForm action="/mijn-coordinatie/voorstel" regions={[]} values={props.proposalValues} errors={props.proposalErrors} proposal />
      <DataTable
        caption={L(locale, 'Mijn voorstellen', 'My proposals')}
        rows={props.proposals}
        columns={[
          { header: L(locale, 'Wijziging', 'Change'), cell: (p) => `${p.action === 'add' ? '+' : '−'} ${p.codes.join(', ')}` },
          { header: L(locale, 'Ingangsdatum', 'Effective date'), cell: (p) => formatDate(p.effectiveDate, locale) },
          { header: L(locale, 'Status', 'Status'), cell: (p) => proposalStatusLabel(p.status, locale) },
        ]}
      />
      <AssignmentTable assignments={props.assignments} />
    </>
  );
}

export function Section(props: { children: ComponentChildren }) {
  return <>{props.children}</>;
}
