// The admin page of the advice module's settings, and an adviser's own public profile.
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages } from '../../../i18n.ts';
import {
  ChoiceField,
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
import type { Values } from '../form-kit.ts';
import { common } from './labels.ts';

const m = defineMessages({
  title: { nl: 'Instellingen advies', en: 'Advice settings' },
  threshold: { nl: 'Drempel voor intensief contact', en: 'Threshold for intensive contact' },
  thresholdHint: {
    nl: 'Een gemeente of regio is een intensief contact bij zoveel interacties of meer in de gekozen periode (standaard 3).',
    en: 'A municipality or region is an intensive contact with this many interactions or more in the chosen period (default 3).',
  },
  responsible: { nl: 'Verantwoordelijke adviseur', en: 'Responsible adviser' },
  responsibleHint: {
    nl: 'Een ondersteuningsvraag wordt een taak voor de adviseur van de veiligheidsregio van de gemeente, anders van de provincie, anders voor de vaste adviseur.',
    en: 'A support request becomes a task for the adviser of the municipality’s safety region, else of its province, else for the fallback adviser.',
  },
  fallback: { nl: 'Vaste adviseur (als er geen andere is)', en: 'Fallback adviser (when there is no other)' },
  provinces: { nl: 'Per provincie', en: 'Per province' },
  safety: { nl: 'Per veiligheidsregio', en: 'Per safety region' },
  nobody: { nl: '— niemand —', en: '— nobody —' },
  saved: { nl: 'De instellingen zijn opgeslagen.', en: 'The settings were saved.' },
  profileTitle: { nl: 'Mijn openbare profiel', en: 'My public profile' },
  profileIntro: {
    nl: 'Wat de pagina Ondersteuning (/ondersteuning) over u toont, als u dat wilt: uw naam, functie en organisatie. Uw e-mailadres wordt nooit getoond.',
    en: 'What the Support page (/ondersteuning) shows about you, if you want: your name, role and organisation. Your email address is never shown.',
  },
  displayName: { nl: 'Naam zoals getoond', en: 'Name as shown' },
  roleTitle: { nl: 'Functie', en: 'Role' },
  organisation: { nl: 'Organisatie', en: 'Organisation' },
  published: { nl: 'Toon mij op de pagina Ondersteuning', en: 'Show me on the Support page' },
  profileSaved: { nl: 'Uw profiel is opgeslagen.', en: 'Your profile was saved.' },
});

export const settingsTitle = (locale: 'nl' | 'en') => m(locale).title;
export const profileTitle = (locale: 'nl' | 'en') => m(locale).profileTitle;

type Choice = { value: string; label: string };

export function SettingsPage(p: {
  values: Values;
  errors: FieldError[];
  staff: Choice[];
  provinces: Choice[];
  safetyRegions: Choice[];
  saved: boolean;
}) {
  const { locale } = usePage();
  const t = m(locale);
  const options = [{ value: '', label: t.nobody }, ...p.staff];
  const labels: Record<string, string> = { threshold: t.threshold, fallback: t.fallback };
  for (const r of [...p.provinces, ...p.safetyRegions]) labels[`adviser_${r.value}`] = r.label;
  const group = (legend: string, regions: Choice[]) => (
    <fieldset class="utrecht-form-fieldset">
      <legend class="utrecht-form-fieldset__legend">{legend}</legend>
      {regions.map((r) => (
        <SelectField
          key={r.value}
          name={`adviser_${r.value}`}
          label={r.label}
          value={p.values[`adviser_${r.value}`] ?? ''}
          errors={p.errors}
          options={options}
        />
      ))}
    </fieldset>
  );
  return (
    <>
      <Heading1>{t.title}</Heading1>
      {p.saved ? (
        <Notice kind="ok">
          <Paragraph>{t.saved}</Paragraph>
        </Notice>
      ) : null}
      <ErrorSummary errors={p.errors} labels={labels} />
      <Form action="/beheer/advies/instellingen">
        <TextField
          name="threshold"
          label={t.threshold}
          type="number"
          inputMode="numeric"
          value={p.values.threshold}
          errors={p.errors}
          required
          description={t.thresholdHint}
        />
        <h2 class="utrecht-heading-2">{t.responsible}</h2>
        <Paragraph>{t.responsibleHint}</Paragraph>
        <SelectField name="fallback" label={t.fallback} value={p.values.fallback ?? ''} errors={p.errors} options={options} />
        {group(t.provinces, p.provinces)}
        {group(t.safety, p.safetyRegions)}
        <SubmitButton>{common(locale).save}</SubmitButton>
      </Form>
    </>
  );
}

export function ProfilePage(p: { values: Values; errors: FieldError[]; saved: boolean }) {
  const { locale } = usePage();
  const t = m(locale);
  return (
    <>
      <Heading1>{t.profileTitle}</Heading1>
      <Paragraph>{t.profileIntro}</Paragraph>
      {p.saved ? (
        <Notice kind="ok">
          <Paragraph>{t.profileSaved}</Paragraph>
        </Notice>
      ) : null}
      <ErrorSummary errors={p.errors} labels={{ display_name: t.displayName, role_title: t.roleTitle, organisation: t.organisation }} />
      <Form action="/beheer/advies/profiel">
        <TextField name="display_name" label={t.displayName} value={p.values.display_name} errors={p.errors} required autocomplete="name" />
        <TextField
          name="role_title"
          label={t.roleTitle}
          value={p.values.role_title}
          errors={p.errors}
          required
          autocomplete="organization-title"
        />
        <TextField
          name="organisation"
          label={t.organisation}
          value={p.values.organisation}
          errors={p.errors}
          required
          autocomplete="organization"
        />
        <ChoiceField
          type="checkbox"
          name="published"
          value="1"
          id="field-published"
          label={t.published}
          checked={p.values.published === '1'}
        />
        <SubmitButton>{common(locale).save}</SubmitButton>
      </Form>
    </>
  );
}
