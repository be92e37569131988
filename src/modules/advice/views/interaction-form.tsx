// The interaction form (new and edit): date, type, subject, summary, municipalities and/or a region,
// advisers, contacts present, and on a new one an optional first follow-up task.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages, formatNumber } from '../../../i18n.ts';
import { ErrorSummary, Form, Heading1, Paragraph, SelectField, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import { listValue, type Values } from '../form-kit.ts';
import { SUMMARY_MAX } from '../interactions.service.ts';
import { INTERACTION_TYPES } from '../tables.ts';
import { common, TYPE_LABELS } from './labels.ts';

const m = defineMessages({
  newTitle: { nl: 'Nieuwe interactie', en: 'New interaction' },
  editTitle: { nl: 'Interactie bewerken', en: 'Edit interaction' },
  summary: { nl: 'Samenvatting', en: 'Summary' },
  summaryHint: (max: string) => ({ nl: `Hoogstens ${max} tekens.`, en: `At most ${max} characters.` }),
  where: { nl: 'Met wie', en: 'With whom' },
  whereHint: {
    nl: 'Kies een of meer gemeenten en/of een regio. Een regio telt mee voor alle gemeenten die er op de datum bij horen.',
    en: 'Choose one or more municipalities and/or a region. A region counts for all municipalities that belong to it on the date.',
  },
  noRegion: { nl: '— geen regio —', en: '— no region —' },
  contacts: { nl: 'Aanwezige contactpersonen', en: 'Contacts present' },
  noContacts: {
    nl: 'Contactpersonen kiest u uit die van de gekozen gemeenten; sla de interactie eerst op en kies ze daarna via Bewerken.',
    en: 'Contacts are chosen from those of the chosen municipalities; save the interaction first and choose them via Edit.',
  },
  task: { nl: 'Eerste vervolgtaak (niet verplicht)', en: 'First follow-up task (optional)' },
  taskTitle: { nl: 'Wat moet er gebeuren?', en: 'What needs doing?' },
  nobody: { nl: '— nog niemand —', en: '— nobody yet —' },
  save: { nl: 'Interactie opslaan', en: 'Save interaction' },
});

export const interactionFormTitle = (locale: 'nl' | 'en', edit: boolean) => (edit ? m(locale).editTitle : m(locale).newTitle);

export interface InteractionChoices {
  municipalities: { value: string; label: string }[];
  regions: { type: string; choices: { value: string; label: string }[] }[];
  staff: { value: string; label: string }[];
  contacts: { value: string; label: string }[];
}

type FieldsProps = { values: Values; errors: FieldError[] };

/** Where the interaction took place: municipalities and/or a region (province or safety region). */
function WhereFields(p: FieldsProps & { choices: InteractionChoices }) {
  const { locale } = usePage();
  const t = m(locale);
  const c = common(locale);
  const regionOptions = [{ value: '', label: t.noRegion }];
  for (const group of p.choices.regions) {
    const prefix = group.type === 'province' ? c.province : c.safetyRegion;
    for (const r of group.choices) regionOptions.push({ value: r.value, label: `${prefix} ${r.label}` });
  }
  return (
    <fieldset class="utrecht-form-fieldset">
      <legend class="utrecht-form-fieldset__legend">{t.where}</legend>
      <Paragraph>{t.whereHint}</Paragraph>
      <SelectField
        name="municipalities"
        multiple
        controlClass="gaz-advice-multiselect"
        label={c.municipalities}
        options={p.choices.municipalities}
        selected={listValue(p.values, 'municipalities')}
        errors={p.errors}
        description={c.multiHint}
      />
      <SelectField name="region" label={c.region} value={p.values.region ?? ''} errors={p.errors} options={regionOptions} />
    </fieldset>
  );
}

/** The optional first follow-up task of a new interaction. */
function FirstTaskFields(p: FieldsProps & { staff: { value: string; label: string }[] }) {
  const { locale } = usePage();
  const t = m(locale);
  const c = common(locale);
  return (
    <fieldset class="utrecht-form-fieldset">
      <legend class="utrecht-form-fieldset__legend">{t.task}</legend>
      <TextField name="task_title" label={t.taskTitle} value={p.values.task_title} errors={p.errors} />
      <SelectField
        name="task_owner"
        label={c.owner}
        value={p.values.task_owner ?? ''}
        errors={p.errors}
        options={[{ value: '', label: t.nobody }, ...p.staff]}
      />
      <TextField name="task_due" label={c.due} type="date" value={p.values.task_due} errors={p.errors} description={c.dateHint} />
    </fieldset>
  );
}

export function InteractionFormPage(p: { id?: number; values: Values; errors: FieldError[]; choices: InteractionChoices }) {
  const { locale } = usePage();
  const t = m(locale);
  const c = common(locale);
  const edit = p.id !== undefined;
  const labels: Record<string, string> = {
    date: c.date,
    type: c.type,
    subject: c.subject,
    summary: t.summary,
    municipalities: c.municipalities,
    region: c.region,
    advisers: c.advisers,
    contacts: t.contacts,
    task_title: t.taskTitle,
    task_owner: c.owner,
    task_due: c.due,
  };
  return (
    <>
      <Heading1>{interactionFormTitle(locale, edit)}</Heading1>
      <ErrorSummary errors={p.errors} labels={labels} />
      <Form action={edit ? `/beheer/advies/interacties/${p.id}/bewerken` : '/beheer/advies/interacties/nieuw'}>
        <TextField name="date" label={c.date} type="date" value={p.values.date} errors={p.errors} required description={c.dateHint} />
        <SelectField
          name="type"
          label={c.type}
          value={p.values.type}
          errors={p.errors}
          options={INTERACTION_TYPES.map((v) => ({ value: v, label: TYPE_LABELS[v][locale] }))}
        />
        <TextField name="subject" label={c.subject} value={p.values.subject} errors={p.errors} required />
        <TextField
          name="summary"
          label={t.summary}
          value={p.values.summary}
          errors={p.errors}
          multiline
          description={t.summaryHint(formatNumber(SUMMARY_MAX, locale))}
        />
        <WhereFields values={p.values} errors={p.errors} choices={p.choices} />
        <SelectField
          name="advisers"
          multiple
          controlClass="gaz-advice-multiselect"
          label={c.advisers}
          options={p.choices.staff}
          selected={listValue(p.values, 'advisers')}
          errors={p.errors}
          description={c.multiHint}
          size={4}
        />
        {p.choices.contacts.length > 0 ? (
          <SelectField
            name="contacts"
            multiple
            controlClass="gaz-advice-multiselect"
            label={t.contacts}
            options={p.choices.contacts}
            selected={listValue(p.values, 'contacts')}
            errors={p.errors}
            description={c.multiHint}
            size={4}
          />
        ) : (
          <Paragraph>{t.noContacts}</Paragraph>
        )}
        {edit ? null : <FirstTaskFields values={p.values} errors={p.errors} staff={p.choices.staff} />}
        <SubmitButton>{t.save}</SubmitButton>
      </Form>
    </>
  );
}
