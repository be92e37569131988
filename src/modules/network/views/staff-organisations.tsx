// /beheer/netwerk/organisaties: the host organisations, a new one, and editing one.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages } from '../../../i18n.ts';
import { DataTable, ErrorSummary, Form, Heading1, Paragraph, SelectField, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { Organisation } from '../presenters.ts';
import { ORGANISATION_TYPES } from '../tables.ts';
import { orgTypeLabel, staffText, type Values } from './staff-common.tsx';

export const organisationText = defineMessages({
  list: { nl: 'Organisaties', en: 'Organisations' },
  new: { nl: 'Nieuwe organisatie', en: 'New organisation' },
  edit: { nl: 'Organisatie wijzigen', en: 'Edit organisation' },
  caption: { nl: 'Organisaties van zorgcoördinatoren', en: 'Host organisations of care coordinators' },
  type: { nl: 'Soort', en: 'Type' },
  typeLong: { nl: 'Soort organisatie', en: 'Type of organisation' },
  website: { nl: 'Website', en: 'Website' },
  delete: { nl: 'Verwijderen', en: 'Delete' },
});

export function OrganisationList(props: { organisations: Organisation[] }) {
  const { locale } = usePage();
  const t = organisationText(locale);
  return (
    <>
      <Heading1>{t.list}</Heading1>
      <Paragraph>
        <a class="utrecht-link" href="/beheer/netwerk/organisaties/nieuw">
          {t.new}
        </a>
      </Paragraph>
      <DataTable
        caption={t.caption}
        rows={props.organisations}
        columns={[
          {
            header: staffText(locale).name,
            cell: (o) => (
              <a class="utrecht-link" href={`/beheer/netwerk/organisaties/${o.id}`}>
                {o.name}
              </a>
            ),
          },
          { header: t.type, cell: (o) => orgTypeLabel(o.type, locale) },
          { header: t.website, cell: (o) => o.website ?? '–' },
        ]}
      />
    </>
  );
}

export function OrganisationFormPage(props: { id?: number; values: Values; errors: FieldError[] }) {
  const { locale } = usePage();
  const t = organisationText(locale);
  const s = staffText(locale);
  const labels = { name: s.name, type: t.typeLong, website: t.website };
  return (
    <>
      <Heading1>{props.id ? t.edit : t.new}</Heading1>
      <ErrorSummary errors={props.errors} labels={labels} />
      <Form action={props.id ? `/beheer/netwerk/organisaties/${props.id}` : '/beheer/netwerk/organisaties/nieuw'}>
        <TextField name="name" label={labels.name} value={props.values.name} errors={props.errors} required />
        <SelectField
          name="type"
          label={labels.type}
          value={props.values.type}
          errors={props.errors}
          options={ORGANISATION_TYPES.map((type) => ({ value: type, label: orgTypeLabel(type, locale) }))}
        />
        <TextField name="website" type="url" label={labels.website} value={props.values.website} errors={props.errors} />
        <SubmitButton>{s.save}</SubmitButton>
      </Form>
      {props.id ? (
        <Form action={`/beheer/netwerk/organisaties/${props.id}/verwijderen`}>
          <SubmitButton variant="secondary">{t.delete}</SubmitButton>
        </Form>
      ) : null}
    </>
  );
}
