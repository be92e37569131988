// The survey's emails (Dutch first, English below): invitation, reminder, confirmation with a copy
// of the answers, and the feedback report. Each carries its own personal link.
import { formatDate, type Locale } from '../../i18n.ts';
import { formatAnswer } from './answers.logic.ts';
import type { ReportData } from './report.logic.ts';
import type { Answers, SurveyDef, SurveySummary } from './types.ts';

export interface Mail {
  subject: string;
  text: string;
}

const greeting = (name: string | null) => (name ? `Beste ${name},` : 'Beste collega,');

const FOOTER = [
  '',
  'De link is persoonlijk voor uw gemeente: collega’s met dezelfde link werken in dezelfde vragenlijst. Stuur hem niet verder buiten uw organisatie.',
  'Met vriendelijke groet,',
  'Programma Gemeenten aan zet',
];

export function invitationMail(s: SurveySummary, municipality: string, link: string, name: string | null): Mail {
  return {
    subject: `Uitnodiging: ${s.title.nl} — ${municipality}`,
    text: [
      greeting(name),
      '',
      `Wij nodigen gemeente ${municipality} uit om de vragenlijst “${s.title.nl}” in te vullen. Dat kan tot en met ${formatDate(s.closesOn, 'nl')}.`,
      '',
      link,
      '',
      'Uw antwoorden worden bewaard terwijl u invult: u kunt stoppen en later verdergaan. Na afloop ontvangt uw gemeente een terugkoppeling waarin uw antwoorden naast die van uw provincie, vergelijkbare gemeenten en heel Nederland staan.',
      ...FOOTER,
      '',
      '---',
      `You are invited to fill in “${s.title.en}” for ${municipality}, until ${formatDate(s.closesOn, 'en')}. Use the link above; your answers are saved as you go.`,
    ].join('\n'),
  };
}

export function reminderMail(s: SurveySummary, municipality: string, link: string, name: string | null, started: boolean): Mail {
  return {
    subject: `Herinnering: ${s.title.nl} — ${municipality}`,
    text: [
      greeting(name),
      '',
      started
        ? `Gemeente ${municipality} is begonnen aan de vragenlijst “${s.title.nl}”, maar heeft hem nog niet ingediend.`
        : `Gemeente ${municipality} heeft de vragenlijst “${s.title.nl}” nog niet ingevuld.`,
      `De vragenlijst sluit op ${formatDate(s.closesOn, 'nl')}. Via deze link gaat u verder waar u was:`,
      '',
      link,
      ...FOOTER,
      '',
      '---',
      `Reminder: “${s.title.en}” for ${municipality} closes on ${formatDate(s.closesOn, 'en')}. Continue with the link above.`,
    ].join('\n'),
  };
}

/** The confirmation after submitting, with a copy of every answer given. */
export function confirmationMail(def: SurveyDef, municipality: string, answers: Answers, submittedAt: string): Mail {
  const lines: string[] = [];
  for (const section of def.sections) {
    const answered = section.questions.filter((q) => answers[String(q.id)] !== undefined);
    if (answered.length === 0) continue;
    lines.push('', `== ${section.title.nl} ==`);
    for (const q of answered) lines.push(`- ${q.text.nl}`, `  ${formatAnswer(q, answers[String(q.id)], 'nl').replace(/\n/g, '\n  ')}`);
  }
  return {
    subject: `Ontvangen: ${def.title.nl} — ${municipality}`,
    text: [
      'Beste collega,',
      '',
      `Wij hebben de antwoorden van gemeente ${municipality} op “${def.title.nl}” ontvangen op ${formatDate(submittedAt, 'nl')}. Dank u wel!`,
      'Hieronder staat een kopie van de antwoorden. Wilt u nog iets wijzigen? Neem dan contact op met het programma: wij kunnen de vragenlijst voor u heropenen.',
      ...lines,
      '',
      'Met vriendelijke groet,',
      'Programma Gemeenten aan zet',
      '',
      '---',
      `We received ${municipality}'s answers to “${def.title.en}”. A copy of the answers (in Dutch) is above.`,
    ].join('\n'),
  };
}

export function reportMail(data: ReportData, htmlLink: string, pdfLink: string, locale: Locale = 'nl'): Mail {
  const highlights = data.sections
    .flatMap((s) => s.items)
    .filter((i) => i.kind !== 'text' && i.explanation[locale] !== '')
    .slice(0, 5)
    .map((i) => `- ${i.text.nl}\n  ${i.explanation.nl}`);
  return {
    subject: `Terugkoppeling: ${data.survey.title.nl} — ${data.municipality.name}`,
    text: [
      'Beste collega,',
      '',
      `De terugkoppeling van “${data.survey.title.nl}” voor gemeente ${data.municipality.name} staat klaar. Uw antwoorden staan daarin naast die van ${data.municipality.provinceName}, gemeenten van uw grootte (${data.municipality.sizeClass.nl.toLowerCase()}) en heel Nederland (${data.responses} gemeenten deden mee).`,
      '',
      `Lees de terugkoppeling: ${htmlLink}`,
      `Als PDF: ${pdfLink}`,
      '',
      'Een paar uitkomsten:',
      ...highlights,
      '',
      `Groepen met minder dan ${data.threshold} gemeenten tonen wij niet, zodat antwoorden niet tot één gemeente te herleiden zijn.`,
      'Met vriendelijke groet,',
      'Programma Gemeenten aan zet',
      '',
      '---',
      `The feedback report of “${data.survey.title.en}” for ${data.municipality.name} is ready: ${htmlLink} (PDF: ${pdfLink}).`,
    ].join('\n'),
  };
}
