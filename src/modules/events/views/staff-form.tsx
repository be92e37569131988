// The staff form to create or change an event.
import type { FieldError } from '../../../http/errors.ts';
import { ChoiceGroup, ErrorSummary, Form, Heading1, SelectField, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import { AUDIENCE_LABELS, TYPE_LABELS } from '../labels.ts';
import { AUDIENCES, EVENT_TYPES } from '../tables.ts';
import type { Option } from './public.tsx';
import { sm } from './staff-messages.ts';

export function EventFormPage(p: {
  action: string;
  heading: string;
  values: Record<string, string>;
  errors: FieldError[];
  provinces: Option[];
}) {
  const { locale } = usePage();
  const t = sm(locale);
  const v = p.values;
  const labels: Record<string, string> = {
    title: t.title,
    type: t.type,
    audiences: t.audiences,
    description: t.description,
    date: t.date,
    startTime: t.startTime,
    endTime: t.endTime,
    place: t.place,
    onlineUrl: t.onlineUrl,
    organisers: t.organisers,
    capacity: t.capacity,
    registrationOpens: t.registrationOpens,
    registrationCloses: t.registrationCloses,
    access: t.access,
    questions: t.questions,
    targetProvince: t.targetProvince,
    targetCodes: t.targetCodes,
  };
  return (
    <>
      <Heading1>{p.heading}</Heading1>
      <ErrorSummary errors={p.errors} labels={labels} />
      <Form action={p.action}>
        <TextField name="title" label={t.title} value={v.title} errors={p.errors} required />
        <SelectField
          name="type"
          label={t.type}
          value={v.type ?? 'workshop'}
          errors={p.errors}
          options={EVENT_TYPES.map((x) => ({ value: x, label: TYPE_LABELS[x][locale] }))}
        />
        <ChoiceGroup
          type="checkbox"
          class="gaz-checkbox-group"
          name="audiences"
          legend={t.audiences}
          checked={(v.audiences ?? '').split(' ')}
          errors={p.errors}
          options={AUDIENCES.map((x) => ({ value: x, label: AUDIENCE_LABELS[x][locale] }))}
        />
        <TextField name="description" label={t.description} value={v.description} errors={p.errors} required multiline />
        <TextField name="date" label={t.date} type="date" value={v.date} errors={p.errors} required />
        <TextField name="startTime" label={t.startTime} value={v.startTime} errors={p.errors} required inputMode="numeric" />
        <TextField name="endTime" label={t.endTime} value={v.endTime} errors={p.errors} required inputMode="numeric" />
        <TextField name="place" label={t.place} value={v.place} errors={p.errors} />
        <TextField name="onlineUrl" label={t.onlineUrl} type="url" value={v.onlineUrl} errors={p.errors} description={t.onlineHint} />
        <TextField name="organisers" label={t.organisers} value={v.organisers} errors={p.errors} required />
        <TextField name="capacity" label={t.capacity} type="number" value={v.capacity} errors={p.errors} required />
        <TextField
          name="registrationOpens"
          label={t.registrationOpens}
          type="date"
          value={v.registrationOpens}
          errors={p.errors}
          required
        />
        <TextField
          name="registrationCloses"
          label={t.registrationCloses}
          type="date"
          value={v.registrationCloses}
          errors={p.errors}
          required
        />
        <SelectField
          name="access"
          label={t.access}
          value={v.access ?? 'public'}
          errors={p.errors}
          options={[
            { value: 'public', label: t.accessPublic },
            { value: 'invitation', label: t.accessInvitation },
          ]}
        />
        <TextField name="questions" label={t.questions} value={v.questions} errors={p.errors} multiline description={t.questionsHint} />
        <SelectField
          name="targetProvince"
          label={t.targetProvince}
          value={v.targetProvince ?? ''}
          errors={p.errors}
          options={[{ value: '', label: t.none }, ...p.provinces]}
        />
        <TextField name="targetCodes" label={t.targetCodes} value={v.targetCodes} errors={p.errors} description={t.targetCodesHint} />
        <SelectField
          name="status"
          label={t.status}
          value={v.status ?? 'published'}
          errors={p.errors}
          options={[
            { value: 'published', label: t.published },
            { value: 'draft', label: t.draft },
            { value: 'cancelled', label: t.cancelledStatus },
          ]}
        />
        <SubmitButton>{t.save}</SubmitButton>
      </Form>
    </>
  );
}
