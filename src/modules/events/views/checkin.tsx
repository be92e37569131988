// On the day: the mobile check-in list (search by name, tick attended, add walk-ins; plain forms,
// no JavaScript needed, large touch targets) and the printable attendance list.
import type { FieldError } from '../../../http/errors.ts';
import { ErrorSummary, Form, Heading1, Paragraph, SelectField, SubmitButton, TextField } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { EventView, RegistrationView } from '../presenters.ts';
import type { Option } from './public.tsx';
import { sm } from './staff-messages.ts';

export function CheckinPage(props: {
  e: EventView;
  people: RegistrationView[];
  query: string;
  attended: number;
  total: number;
  municipalities: Option[];
  values: Record<string, string>;
  errors: FieldError[];
}) {
  const { locale } = usePage();
  const t = sm(locale);
  const base = `/beheer/bijeenkomsten/${props.e.id}/aanwezigheid`;
  const q = props.query ? `?q=${encodeURIComponent(props.query)}` : '';
  return (
    <div class="gaz-checkin">
      <Heading1>
        {t.checkin}: {props.e.title}
      </Heading1>
      <Paragraph class="gaz-checkin__count" aria-live="polite">
        {props.attended} / {props.total} {t.present}
      </Paragraph>
      <Form action={base} method="get" class="gaz-checkin__search">
        <TextField name="q" label={t.search} type="search" value={props.query} />
        <SubmitButton variant="secondary">{t.find}</SubmitButton>
      </Form>
      {props.people.length === 0 ? <Paragraph>{t.nobody}</Paragraph> : null}
      <ul class="gaz-checkin__list">
        {props.people.map((p) => (
          <li class={`gaz-checkin__person ${p.attended ? 'gaz-checkin__person--present' : ''}`} key={p.id} data-registration={p.id}>
            <div class="gaz-checkin__who">
              <strong>{p.name}</strong>
              <span>{p.organisation}</span>
              <span class="gaz-checkin__state">{p.attended ? t.present : t.notPresent}</span>
            </div>
            <Form action={`${base}/${p.id}${q}`}>
              <input type="hidden" name="attended" value={p.attended ? '0' : '1'} />
              <button
                type="submit"
                class={`utrecht-button utrecht-button--${p.attended ? 'secondary' : 'primary'}-action gaz-checkin__button`}
                aria-label={`${p.attended ? t.undo : t.markPresent}: ${p.name}`}
              >
                {p.attended ? t.undo : t.markPresent}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <section aria-labelledby="walkin-heading" class="gaz-checkin__walkin">
        <h2 class="utrecht-heading-2" id="walkin-heading">
          {t.walkIn}
        </h2>
        <ErrorSummary errors={props.errors} labels={{ name: t.name, organisation: t.organisation, municipality: t.municipality }} />
        <Form action={`/beheer/bijeenkomsten/${props.e.id}/inloop`}>
          <TextField name="name" label={t.name} value={props.values.name} errors={props.errors} required />
          <TextField name="organisation" label={t.organisation} value={props.values.organisation} errors={props.errors} />
          <SelectField
            name="municipality"
            label={t.municipality}
            value={props.values.municipality ?? 'other'}
            errors={props.errors}
            options={[{ value: 'other', label: t.other }, ...props.municipalities]}
          />
          <SubmitButton>{t.add}</SubmitButton>
        </Form>
      </section>
    </div>
  );
}

export function PrintListPage(props: { e: EventView; people: RegistrationView[]; municipalityNames: Map<string, string> }) {
  const { locale } = usePage();
  const t = sm(locale);
  return (
    <div class="gaz-print-list">
      <Heading1>{props.e.title}</Heading1>
      <Paragraph>
        {props.e.dateLabel}, {props.e.startTime}–{props.e.endTime} · {props.e.place ?? 'online'}
      </Paragraph>
      <table class="utrecht-table utrecht-table--html-table">
        <caption class="utrecht-table__caption">{t.printList}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              {t.name}
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              {t.organisation}
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              {t.municipality}
            </th>
            <th class="utrecht-table__header-cell gaz-print-list__signature" scope="col">
              {t.signature}
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {props.people.map((p) => (
            <tr class="utrecht-table__row" key={p.id}>
              <td class="utrecht-table__cell">{p.name}</td>
              <td class="utrecht-table__cell">{p.organisation}</td>
              <td class="utrecht-table__cell">
                {p.municipalityCode ? (props.municipalityNames.get(p.municipalityCode) ?? p.municipalityCode) : t.other}
              </td>
              <td class="utrecht-table__cell gaz-print-list__signature" />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
