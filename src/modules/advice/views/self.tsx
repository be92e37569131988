// A municipality's own scorecard (/gemeente/{code}/beleid): its status per building block on a date,
// with history, and the form to report its own status (self-assessment).
import type { FieldError } from '../../../http/errors.ts';
import { defineMessages } from '../../../i18n.ts';
import { Heading1, Notice, Paragraph } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';
import type { Values } from '../form-kit.ts';
import type { Scorecard } from '../scorecard.ts';
import { ScorecardDateForm, ScorecardTable, StatusForm, scorecardHeading } from './scorecard.tsx';

const m = defineMessages({
  title: (name: string) => ({ nl: `Beleidsmonitor ${name}`, en: `Policy monitor ${name}` }),
  intro: {
    nl: 'De bouwstenen van een goede lokale aanpak van mensenhandel, zoals het programma ze voor uw gemeente bijhoudt. Geef door wat er bij u veranderd is; een adviseur bevestigt of corrigeert het.',
    en: 'The building blocks of a good local approach to human trafficking, as the programme keeps them for your municipality. Report what has changed; an adviser confirms or corrects it.',
  },
  sent: {
    nl: 'Uw melding is ontvangen en staat als “zelf gemeld” op de kaart.',
    en: 'Your report was received and shows as “self-reported”.',
  },
  help: { nl: 'Vragen? Neem contact op met de adviseurs.', en: 'Questions? Contact the advisers.' },
});

export const selfTitle = (locale: 'nl' | 'en', name: string) => m(locale).title(name);

export function SelfScorecardPage(p: {
  code: string;
  name: string;
  date: string;
  card: Scorecard;
  values: Values;
  errors: FieldError[];
  sent: boolean;
}) {
  const { locale } = usePage();
  const t = m(locale);
  const action = `/gemeente/${p.code}/beleid`;
  return (
    <>
      <Heading1>{t.title(p.name)}</Heading1>
      <Paragraph>{t.intro}</Paragraph>
      {p.sent ? (
        <Notice kind="ok">
          <Paragraph>{t.sent}</Paragraph>
        </Notice>
      ) : null}
      <ScorecardDateForm action={action} date={p.date} errors={p.errors} />
      <h2 class="utrecht-heading-2">{scorecardHeading(locale, p.date)}</h2>
      <ScorecardTable card={p.card} review={false} />
      <StatusForm action={action} values={p.values} errors={p.errors.filter((e) => e.field !== 'datum')} self />
      <Paragraph>
        <a class="utrecht-link" href="/ondersteuning">
          {t.help}
        </a>
      </Paragraph>
    </>
  );
}
