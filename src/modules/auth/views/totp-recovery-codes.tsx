// The ten recovery codes, shown once right after they are made.
import { defineMessages, type Locale } from '../../../i18n.ts';
import { Heading1, Notice, Paragraph } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';

const m = defineMessages({
  title: { nl: 'Uw herstelcodes', en: 'Your recovery codes' },
  enabled: { nl: 'Tweestapsverificatie staat nu aan.', en: 'Two-step verification is now on.' },
  regenerated: {
    nl: 'Er zijn tien nieuwe herstelcodes gemaakt. De oude werken niet meer.',
    en: 'Ten new recovery codes have been made. The old ones no longer work.',
  },
  once: {
    nl: 'Bewaar deze codes nu op een veilige plek, bijvoorbeeld afgedrukt of in een wachtwoordmanager. Ze worden maar één keer getoond.',
    en: 'Keep these codes in a safe place now, for example printed or in a password manager. They are shown only once.',
  },
  use: {
    nl: 'Bent u uw telefoon kwijt? Vul bij het inloggen dan een herstelcode in plaats van de code uit de app in. Elke code werkt één keer.',
    en: 'Lost your phone? Then enter a recovery code instead of the code from the app when you log in. Each code works once.',
  },
  list: { nl: 'Herstelcodes', en: 'Recovery codes' },
  done: { nl: 'Ik heb de codes bewaard, ga verder', en: 'I have saved the codes, continue' },
});

export const recoveryCodesTitle = (locale: Locale) => m(locale).title;

export function RecoveryCodesPage(props: { codes: string[]; reason: 'enabled' | 'regenerated' }) {
  const { locale } = usePage();
  const t = m(locale);
  return (
    <div class="gaz-stack gaz-narrow">
      <Heading1>{t.title}</Heading1>
      <Notice kind="ok">{props.reason === 'enabled' ? t.enabled : t.regenerated}</Notice>
      <Notice kind="warning">{t.once}</Notice>
      <ol class="utrecht-ordered-list gaz-recovery-codes" aria-label={t.list}>
        {props.codes.map((code) => (
          <li class="utrecht-ordered-list__item gaz-code" key={code}>
            {code}
          </li>
        ))}
      </ol>
      <Paragraph>{t.use}</Paragraph>
      <Paragraph>
        <a class="utrecht-link" href="/account">
          {t.done}
        </a>
      </Paragraph>
    </div>
  );
}
