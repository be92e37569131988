// The questionnaire of the 2019 baseline (demo data), organised around the municipality's four roles
// in the approach to human trafficking: signaller; policy-maker and regulator; director of the
// integrated approach; responsible for shelter and care of victims. Options carry stable codes.
import type { QuestionDraft } from './builder.logic.ts';

const t = (nl: string, en: string) => ({ nl, en });
const none = t('', '');
const opts = (...list: [string, string, string][]) => list.map(([value, nl, en]) => ({ value, label: t(nl, en) }));

type DemoQuestion = QuestionDraft & { conditionKey?: string };

const q = (over: Partial<DemoQuestion> & Pick<QuestionDraft, 'key' | 'type' | 'text'>): DemoQuestion => ({
  help: none,
  required: false,
  allowUnknown: false,
  condition: null,
  min: null,
  max: null,
  lowLabel: none,
  highLabel: none,
  options: [],
  ...over,
});

export interface DemoSection {
  title: { nl: string; en: string };
  intro: { nl: string; en: string };
  /** `conditionKey`: the key of the question (earlier in the list) whose answer shows this one. */
  questions: DemoQuestion[];
}

export const DEMO_SECTIONS: DemoSection[] = [
  {
    title: t('Uw gemeente', 'Your municipality'),
    intro: t(
      'Eerst een paar vragen over hoe de aanpak in uw gemeente is belegd.',
      'First a few questions on how the approach is organised.',
    ),
    questions: [
      q({
        key: 'aandachtsfunctionaris',
        type: 'yesno',
        required: true,
        allowUnknown: true,
        text: t(
          'Heeft uw gemeente een aandachtsfunctionaris mensenhandel?',
          'Does your municipality have an anti-trafficking contact official?',
        ),
      }),
      q({
        key: 'uren',
        type: 'number',
        min: 0,
        max: 80,
        allowUnknown: true,
        text: t(
          'Hoeveel uur per week is er in uw gemeente beschikbaar voor de aanpak van mensenhandel?',
          'How many hours a week are available for the approach?',
        ),
        help: t('Een schatting is goed. Tel alle medewerkers samen.', 'An estimate is fine.'),
      }),
    ],
  },
  {
    title: t('Signaleren', 'Signaller'),
    intro: t(
      'Medewerkers van de gemeente kunnen signalen van mensenhandel herkennen en doorzetten.',
      'Municipal staff can recognise and pass on signals of trafficking.',
    ),
    questions: [
      q({
        key: 'training',
        type: 'single',
        required: true,
        allowUnknown: true,
        text: t(
          'Zijn medewerkers getraind in het herkennen van signalen van mensenhandel?',
          'Are staff trained to recognise signals of trafficking?',
        ),
        options: opts(['nee', 'Nee', 'No'], ['deel', 'Een deel', 'Some'], ['meeste', 'De meeste', 'Most'], ['alle', 'Alle', 'All']),
      }),
      q({
        key: 'getraind',
        type: 'multiple',
        conditionKey: 'training',
        condition: { questionId: 0, values: ['deel', 'meeste', 'alle'] },
        text: t('Welke medewerkers zijn getraind?', 'Which staff have been trained?'),
        options: opts(
          ['wijkteam', 'Wijkteams', 'Neighbourhood teams'],
          ['leerplicht', 'Leerplicht', 'School attendance'],
          ['handhaving', 'Handhaving en toezicht', 'Enforcement'],
          ['burgerzaken', 'Burgerzaken', 'Civil affairs'],
          ['schuldhulp', 'Schuldhulpverlening', 'Debt counselling'],
          ['werk', 'Werk en inkomen', 'Work and income'],
        ),
      }),
      q({
        key: 'melden',
        type: 'scale',
        text: t('Hoe goed weten medewerkers waar zij een signaal kunnen melden?', 'How well do staff know where to report a signal?'),
        lowLabel: t('helemaal niet', 'not at all'),
        highLabel: t('heel goed', 'very well'),
      }),
    ],
  },
  {
    title: t('Beleidsmaker en regelgever', 'Policy-maker and regulator'),
    intro: none,
    questions: [
      q({
        key: 'beleid',
        type: 'single',
        required: true,
        text: t('Is de aanpak van mensenhandel opgenomen in beleid?', 'Is the approach to trafficking part of policy?'),
        options: opts(
          ['nee', 'Nee', 'No'],
          ['voorbereiding', 'In voorbereiding', 'Being prepared'],
          ['integraal', 'Ja, in het integraal veiligheidsplan', 'Yes, in the integrated safety plan'],
          ['apart', 'Ja, in apart beleid', 'Yes, in separate policy'],
        ),
      }),
      q({
        key: 'vormen',
        type: 'multiple',
        conditionKey: 'beleid',
        condition: { questionId: 0, values: ['integraal', 'apart'] },
        text: t('Welke vormen van uitbuiting komen in het beleid aan bod?', 'Which forms of exploitation does the policy cover?'),
        options: opts(
          ['seksueel', 'Seksuele uitbuiting', 'Sexual exploitation'],
          ['arbeid', 'Arbeidsuitbuiting', 'Labour exploitation'],
          ['crimineel', 'Criminele uitbuiting', 'Criminal exploitation'],
          ['organen', 'Orgaanhandel', 'Organ trafficking'],
        ),
      }),
      q({
        key: 'apv',
        type: 'yesno',
        allowUnknown: true,
        text: t(
          'Bevat de APV of het prostitutiebeleid bepalingen tegen uitbuiting?',
          'Do local bye-laws contain provisions against exploitation?',
        ),
      }),
    ],
  },
  {
    title: t('Regisseur van de integrale aanpak', 'Director of the integrated approach'),
    intro: none,
    questions: [
      q({
        key: 'overleg',
        type: 'yesno',
        required: true,
        text: t(
          'Neemt uw gemeente deel aan een lokaal of regionaal overleg over mensenhandel?',
          'Does your municipality take part in a local or regional consultation on trafficking?',
        ),
      }),
      q({
        key: 'partners',
        type: 'multiple',
        text: t('Met welke partners werkt uw gemeente samen?', 'Which partners does your municipality work with?'),
        options: opts(
          ['politie', 'Politie', 'Police'],
          ['zorgcoordinator', 'Zorgcoördinator mensenhandel', 'Care coordinator'],
          ['zvh', 'Zorg- en Veiligheidshuis', 'Care and safety house'],
          ['riec', 'RIEC', 'RIEC'],
          ['inspectie', 'Inspectie SZW', 'Labour inspectorate'],
          ['om', 'Openbaar Ministerie', 'Public prosecution'],
        ),
      }),
      q({
        key: 'samenwerking',
        type: 'scale',
        allowUnknown: true,
        text: t('Hoe beoordeelt u de samenwerking met deze partners?', 'How do you rate the cooperation with these partners?'),
        lowLabel: t('slecht', 'poor'),
        highLabel: t('uitstekend', 'excellent'),
      }),
    ],
  },
  {
    title: t('Opvang en zorg voor slachtoffers', 'Shelter and care for victims'),
    intro: none,
    questions: [
      q({
        key: 'zorgcoordinator',
        type: 'yesno',
        required: true,
        text: t(
          'Weet uw gemeente wie de zorgcoördinator mensenhandel in uw regio is?',
          'Does your municipality know who the regional care coordinator is?',
        ),
      }),
      q({
        key: 'opvang',
        type: 'single',
        allowUnknown: true,
        text: t('Zijn er afspraken over de opvang van slachtoffers?', 'Are there agreements on sheltering victims?'),
        options: opts(['nee', 'Nee', 'No'], ['voorbereiding', 'In voorbereiding', 'Being prepared'], ['ja', 'Ja', 'Yes']),
      }),
      q({
        key: 'knelpunten',
        type: 'long_text',
        text: t('Welke knelpunten ervaart u bij de opvang en zorg?', 'Which bottlenecks do you experience in shelter and care?'),
        help: t(
          'Noem geen namen of andere gegevens van (mogelijke) slachtoffers.',
          'Do not name (possible) victims or give their details.',
        ),
      }),
    ],
  },
  {
    title: t('Tot slot', 'Finally'),
    intro: none,
    questions: [
      q({
        key: 'behoefte',
        type: 'long_text',
        text: t('Wat heeft uw gemeente nodig van het programma?', 'What does your municipality need from the programme?'),
      }),
      q({
        key: 'functie',
        type: 'short_text',
        text: t(
          'Wat is de functie van degene die de vragenlijst invulde?',
          'What is the role of the person who filled in the questionnaire?',
        ),
        help: t('Alleen de functie, geen naam.', 'Only the role, not a name.'),
      }),
    ],
  },
];
