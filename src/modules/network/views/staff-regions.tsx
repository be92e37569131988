// /beheer/netwerk/regios: custom regions (e.g. centre-municipality regions) to pick coverage from.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages } from '../../../i18n.ts';
import { DataTable, ErrorSummary, Form, Heading1, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { CustomRegion } from '../coverage.service.ts';
import { staffText, type Values } from './staff-common.tsx';

export const regionText = defineMessages({
  title: { nl: 'Eigen regio’s', en: 'Custom regions' },
  caption: { nl: 'Eigen regio’s (bijvoorbeeld centrumgemeenteregio’s)', en: 'Custom regions (for example centre-municipality regions)' },
  municipalities: { nl: 'Gemeenten', en: 'Municipalities' },
  new: { nl: 'Nieuwe regio', en: 'New region' },
});

export function CustomRegionsPage(props: { regions: CustomRegion[]; values: Values; errors: FieldError[] }) {
  const { locale } = usePage();
  const t = regionText(locale);
  const s = staffText(locale);
  return (
    <>
      <Heading1>{t.title}</Heading1>
      <DataTable
        caption={t.caption}
        rows={props.regions}
        columns={[
          { header: s.name, cell: (r) => r.name },
          { header: t.municipalities, cell: (r) => r.members.join(', ') },
        ]}
      />
      <h2 class="utrecht-heading-2">{t.new}</h2>
      <ErrorSummary errors={props.errors} labels={{ name: s.name, codes: s.codes }} />
      <Form action="/beheer/netwerk/regios">
        <TextField name="name" label={s.name} value={props.values.name} errors={props.errors} required />
        <TextField name="codes" label={s.codes} description="GM0363 GM0362 …" value={props.values.codes} errors={props.errors} required />
        <SubmitButton>{s.save}</SubmitButton>
      </Form>
    </>
  );
}
