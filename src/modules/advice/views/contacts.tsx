// Contacts: the list (with duplicate flags), the form (new and edit), and on a contact's page the
// export, the merge of a duplicate and the erasure.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages, formatDate } from '../../../i18n.ts';
import {
  ChoiceField,
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
import type { Contact } from '../contacts.service.ts';
import type { Values } from '../form-kit.ts';
import { CONTACT_ROLES, LAWFUL_BASES } from '../tables.ts';
import { BASIS_LABELS, common, ROLE_LABELS } from './labels.ts';

const m = defineMessages({
  listTitle: { nl: 'Contactpersonen', en: 'Contacts' },
  newTitle: { nl: 'Nieuwe contactpersoon', en: 'New contact' },
  add: { nl: 'Nieuwe contactpersoon', en: 'New contact' },
  filter: { nl: 'Filteren', en: 'Filter' },
  text: { nl: 'Naam of e-mailadres', en: 'Name or email address' },
  any: { nl: '— alle —', en: '— all —' },
  count: (n: number) => ({ nl: `${n} contactpersonen`, en: `${n} contacts` }),
  duplicate: { nl: 'mogelijk dubbel', en: 'possible duplicate' },
  dupEmail: { nl: 'zelfde e-mailadres als', en: 'same email address as' },
  dupName: { nl: 'zelfde naam in dezelfde gemeente of regio als', en: 'same name in the same municipality or region as' },
  since: { nl: 'In functie sinds', en: 'In post since' },
  until: { nl: 'In functie tot (de eerste dag niet meer)', en: 'In post until (the first day no longer)' },
  basis: { nl: 'Grondslag voor het bewaren van de gegevens', en: 'Lawful basis for keeping the data' },
  period: { nl: 'Periode', en: 'Period' },
  save: { nl: 'Contactpersoon opslaan', en: 'Save contact' },
  saved: { nl: 'De contactpersoon is opgeslagen.', en: 'The contact was saved.' },
  merged: { nl: 'De contactpersonen zijn samengevoegd.', en: 'The contacts were merged.' },
  export: { nl: 'Gegevens downloaden (JSON)', en: 'Download the data (JSON)' },
  merge: { nl: 'Dubbele contactpersoon samenvoegen', en: 'Merge a duplicate contact' },
  mergeHint: {
    nl: 'De gekozen contactpersoon gaat op in deze: lege velden worden aangevuld, aanwezigheid bij interacties verhuist mee, de andere verdwijnt.',
    en: 'The chosen contact is merged into this one: empty fields are filled, presence at interactions moves along, the other disappears.',
  },
  mergeWith: { nl: 'Samenvoegen met', en: 'Merge with' },
  mergeButton: { nl: 'Samenvoegen', en: 'Merge' },
  erase: { nl: 'Contactpersoon verwijderen (AVG)', en: 'Erase contact (GDPR)' },
  eraseHint: {
    nl: 'Verwijdert naam, e-mailadres en telefoonnummer overal: hier, in teksten van interacties en taken, en in het logboek. Aantallen blijven kloppen. Dit kan niet ongedaan worden gemaakt.',
    en: 'Removes name, email address and phone number everywhere: here, in texts of interactions and tasks, and in the audit trail. Counts stay right. This cannot be undone.',
  },
  eraseConfirm: { nl: 'Ja, verwijder deze persoon overal', en: 'Yes, erase this person everywhere' },
  eraseButton: { nl: 'Verwijderen', en: 'Erase' },
  erased: {
    nl: 'Deze contactpersoon is verwijderd; alleen functie en gemeente zijn bewaard.',
    en: 'This contact was erased; only role and municipality are kept.',
  },
  interactions: { nl: 'Interacties met deze gemeente', en: 'Interactions with this municipality' },
});

export const contactListTitle = (locale: 'nl' | 'en') => m(locale).listTitle;
export const contactNewTitle = (locale: 'nl' | 'en') => m(locale).newTitle;

function contactName(c: Contact, locale: 'nl' | 'en') {
  return c.erasedAt ? common(locale).erased : (c.name ?? common(locale).erased);
}

export function ContactListPage(p: {
  values: Values;
  errors: FieldError[];
  contacts: Contact[] | null;
  areas: { value: string; label: string }[];
}) {
  const { locale } = usePage();
  const t = m(locale);
  const c = common(locale);
  const byId = new Map((p.contacts ?? []).map((x) => [x.id, x]));
  return (
    <>
      <Heading1>{t.listTitle}</Heading1>
      <Paragraph>
        <a class="utrecht-link" href="/beheer/advies/contacten/nieuw">
          {t.add}
        </a>
      </Paragraph>
      <ErrorSummary errors={p.errors} labels={{ gebied: c.area, q: t.text }} />
      <Form action="/beheer/advies/contacten" method="get">
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend">{t.filter}</legend>
          <SelectField
            name="gebied"
            label={c.area}
            value={p.values.gebied ?? ''}
            errors={p.errors}
            options={[{ value: '', label: t.any }, ...p.areas]}
          />
          <TextField name="q" label={t.text} type="search" value={p.values.q} errors={p.errors} />
          <SubmitButton>{c.show}</SubmitButton>
        </fieldset>
      </Form>
      {p.contacts ? (
        <DataTable
          caption={t.count(p.contacts.length)}
          rows={p.contacts}
          columns={[
            {
              header: c.name,
              cell: (x) => (
                <a class="utrecht-link" href={`/beheer/advies/contacten/${x.id}`}>
                  {contactName(x, locale)}
                </a>
              ),
            },
            { header: c.role, cell: (x) => ROLE_LABELS[x.role][locale] },
            { header: c.area, cell: (x) => x.areaName },
            { header: c.email, cell: (x) => x.email ?? '' },
            {
              header: t.duplicate,
              cell: (x) => {
                if (!x.duplicate) return '';
                const others = x.duplicate.ids.filter((id) => id !== x.id).map((id) => byId.get(id)?.name ?? `#${id}`);
                return (
                  <strong class="gaz-advice-flag">{`${x.duplicate.reason === 'email' ? t.dupEmail : t.dupName} ${others.join(', ')}`}</strong>
                );
              },
            },
          ]}
        />
      ) : null}
    </>
  );
}

export function ContactForm(p: { action: string; values: Values; errors: FieldError[]; areas: { value: string; label: string }[] }) {
  const { locale } = usePage();
  const t = m(locale);
  const c = common(locale);
  const labels = {
    area: c.area,
    name: c.name,
    role: c.role,
    email: c.email,
    phone: c.phone,
    since: t.since,
    until: t.until,
    lawful_basis: t.basis,
  };
  return (
    <>
      <ErrorSummary errors={p.errors} labels={labels} />
      <Form action={p.action}>
        <SelectField
          name="area"
          label={c.area}
          value={p.values.area ?? ''}
          errors={p.errors}
          options={[{ value: '', label: '—' }, ...p.areas]}
        />
        <TextField name="name" label={c.name} value={p.values.name} errors={p.errors} required autocomplete="off" />
        <SelectField
          name="role"
          label={c.role}
          value={p.values.role ?? ''}
          errors={p.errors}
          options={CONTACT_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][locale] }))}
        />
        <TextField name="email" label={c.email} type="email" value={p.values.email} errors={p.errors} autocomplete="off" />
        <TextField name="phone" label={c.phone} type="tel" value={p.values.phone} errors={p.errors} autocomplete="off" />
        <TextField name="since" label={t.since} type="date" value={p.values.since} errors={p.errors} description={c.dateHint} />
        <TextField name="until" label={t.until} type="date" value={p.values.until} errors={p.errors} description={c.dateHint} />
        <SelectField
          name="lawful_basis"
          label={t.basis}
          value={p.values.lawful_basis ?? 'public-task'}
          errors={p.errors}
          options={LAWFUL_BASES.map((b) => ({ value: b, label: BASIS_LABELS[b][locale] }))}
        />
        <SubmitButton>{t.save}</SubmitButton>
      </Form>
    </>
  );
}

export function NewContactPage(p: { values: Values; errors: FieldError[]; areas: { value: string; label: string }[] }) {
  const { locale } = usePage();
  return (
    <>
      <Heading1>{m(locale).newTitle}</Heading1>
      <ContactForm action="/beheer/advies/contacten/nieuw" {...p} />
    </>
  );
}

export function ContactPage(p: {
  contact: Contact;
  values: Values;
  errors: FieldError[];
  areas: { value: string; label: string }[];
  others: Contact[];
  notice: 'saved' | 'merged' | null;
}) {
  const { locale } = usePage();
  const t = m(locale);
  const x = p.contact;
  return (
    <>
      <Heading1>{contactName(x, locale)}</Heading1>
      {p.notice ? (
        <Notice kind="ok">
          <Paragraph>{t[p.notice]}</Paragraph>
        </Notice>
      ) : null}
      {x.duplicate ? (
        <Notice kind="warning">
          <Paragraph>{`${t.duplicate}: ${x.duplicate.reason === 'email' ? t.dupEmail : t.dupName} ${x.duplicate.ids
            .filter((id) => id !== x.id)
            .map((id) => `#${id}`)
            .join(', ')}`}</Paragraph>
        </Notice>
      ) : null}
      <Paragraph>
        <a class="utrecht-link" href={`/beheer/advies/interacties?gemeente=${x.areaCode.startsWith('GM') ? x.areaCode : ''}`}>
          {t.interactions}
        </a>
        {' · '}
        <a class="utrecht-link" href={`/beheer/advies/contacten/${x.id}/export`} download>
          {t.export}
        </a>
      </Paragraph>
      {x.erasedAt ? (
        <Paragraph>{`${t.erased} ${formatDate(x.erasedAt, locale)}.`}</Paragraph>
      ) : (
        <>
          <ContactForm action={`/beheer/advies/contacten/${x.id}`} values={p.values} errors={p.errors} areas={p.areas} />
          <MergeForm contact={x} others={p.others} errors={p.errors} />
          <h2 class="utrecht-heading-2">{t.erase}</h2>
          <Paragraph>{t.eraseHint}</Paragraph>
          <Form action={`/beheer/advies/contacten/${x.id}/verwijderen`}>
            <ChoiceField type="checkbox" name="confirm" value="1" id="field-confirm" label={t.eraseConfirm} />
            <SubmitButton variant="secondary">{t.eraseButton}</SubmitButton>
          </Form>
        </>
      )}
    </>
  );
}

function MergeForm(p: { contact: Contact; others: Contact[]; errors: FieldError[] }) {
  const { locale } = usePage();
  const t = m(locale);
  if (p.others.length === 0) return null;
  return (
    <>
      <h2 class="utrecht-heading-2">{t.merge}</h2>
      <Paragraph>{t.mergeHint}</Paragraph>
      <Form action={`/beheer/advies/contacten/${p.contact.id}/samenvoegen`}>
        <SelectField
          name="other"
          label={t.mergeWith}
          errors={p.errors}
          options={p.others.map((o) => ({
            value: String(o.id),
            label: `${o.name ?? '#'} (${o.email ?? ROLE_LABELS[o.role][locale]}, #${o.id})`,
          }))}
        />
        <SubmitButton variant="secondary">{t.mergeButton}</SubmitButton>
      </Form>
    </>
  );
}
