// The 2019 demo content (fictional, labelled): the programme's news item split into its sections,
// other items through 2019, one personal story with a content note, and the two newsletters.
import type { Tag } from './tables.ts';

export interface DemoArticle {
  key: string;
  kind: 'article' | 'story';
  title: string;
  summary: string;
  body: string;
  tags: Tag[];
  publishAt: string;
  pseudonym?: string;
  contentNote?: string;
}

const AUTHOR = 'Redactie Gemeenten aan zet (voorbeeld)';
export const DEMO_AUTHOR = AUTHOR;

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    key: 'policy-guide',
    kind: 'article',
    title: 'Handreiking voor een lokale aanpak van mensenhandel',
    summary: 'Een handreiking helpt gemeenten hun aanpak van mensenhandel stap voor stap op te bouwen.',
    body: '## Waarom een lokale aanpak\n\nGemeenten zijn verantwoordelijk voor zorg en veiligheid. De handreiking beschrijft de bouwstenen van een goede aanpak.\n\n- Een vast aanspreekpunt\n- Afspraken over zorg en opvang\n- Signalen herkennen in de eigen organisatie',
    tags: ['policy'],
    publishAt: '2019-02-14T10:00',
  },
  {
    key: 'flevoland',
    kind: 'article',
    title: 'Flevoland en Gooi en Vechtstreek krijgen een zorgcoördinator',
    summary: 'Twee regio’s die nog geen zorgcoördinator mensenhandel hadden, sluiten aan bij het netwerk.',
    body: 'Met de nieuwe zorgcoördinatoren groeit het netwerk verder.\n\n{{netwerk 2019-06-30}}',
    tags: ['network'],
    publishAt: '2019-07-02T09:00',
  },
  {
    key: 'main',
    kind: 'article',
    title: 'Gemeenten aan zet: aanpak mensenhandel breidt uit',
    summary:
      'Steeds meer gemeenten werken aan een eigen aanpak van mensenhandel. Een overzicht van zorgcoördinatie, de enquête, de workshops en de academy.',
    body:
      '## Meer gemeenten aan zet\n\nHet programma ondersteunt gemeenten bij het opbouwen van hun aanpak. In deze nieuwsbrief leest u over de stand van zaken per onderdeel:\n\n' +
      '- [Zorgcoördinatie](/nieuws/zorgcoordinatie-27-zorgcoordinatoren-in-september)\n- [De resultaten van de enquête](/nieuws/eerste-resultaten-van-de-enquete-onder-gemeenten)\n' +
      '- [Workshops](/nieuws/workshops-voor-hoofden-openbare-orde-en-veiligheid)\n- [De Mensenhandel Academy](/nieuws/mensenhandel-academy-e-learning-signalen-herkennen)',
    tags: ['policy', 'network'],
    publishAt: '2019-09-26T09:00',
  },
  {
    key: 'care',
    kind: 'article',
    title: 'Zorgcoördinatie: 27 zorgcoördinatoren in september',
    summary: 'Eind 2018 waren er 23 zorgcoördinatoren mensenhandel; in september 2019 zijn het er 27. Het netwerk is nog niet sluitend.',
    body:
      '## Het netwerk groeit\n\nNieuw zijn Tilburg, Helmond, Gooi en Vechtstreek en Flevoland.\n\n{{netwerk 2019-09-30}}\n\n' +
      '> Een zorgcoördinator zorgt dat een slachtoffer snel de juiste hulp krijgt.\n\nWaar nog geen zorgcoördinator is, helpt CoMensha.',
    tags: ['network'],
    publishAt: '2019-09-26T09:05',
  },
  {
    key: 'survey',
    kind: 'article',
    title: 'Eerste resultaten van de enquête onder gemeenten',
    summary: '135 van de 355 gemeenten vulden de enquête over hun aanpak van mensenhandel in.',
    body: '## Respons\n\n135 van de 355 gemeenten deden mee. Iedere gemeente krijgt een eigen terugkoppeling, naast die van vergelijkbare gemeenten.',
    tags: ['survey'],
    publishAt: '2019-09-26T09:10',
  },
  {
    key: 'workshops',
    kind: 'article',
    title: 'Workshops voor hoofden openbare orde en veiligheid',
    summary: 'In het najaar organiseert het programma workshops voor hoofden openbare orde en veiligheid en voor de politie.',
    body: '## Aanmelden\n\nDe workshops zijn bedoeld voor medewerkers van gemeenten en politie. Aanmelden kan via de evenementenpagina.',
    tags: ['events'],
    publishAt: '2019-09-26T09:15',
  },
  {
    key: 'academy',
    kind: 'article',
    title: 'Mensenhandel Academy: e-learning signalen herkennen',
    summary: 'De Mensenhandel Academy biedt een e-learning voor medewerkers die signalen van mensenhandel willen leren herkennen.',
    body: 'De e-learning duurt ongeveer een uur en is gratis voor medewerkers van gemeenten en hun partners.',
    tags: ['academy'],
    publishAt: '2019-09-26T09:20',
  },
  {
    key: 'regional',
    kind: 'article',
    title: 'Regionale bijeenkomsten in Rotterdam en Alkmaar',
    summary: 'Gemeenten uit de regio’s Rotterdam en Alkmaar wisselden ervaringen uit over hun aanpak.',
    body: 'Tijdens de bijeenkomsten stonden de samenwerking met zorgpartners en de rol van de zorgcoördinator centraal.',
    tags: ['events', 'network'],
    publishAt: '2019-10-10T09:00',
  },
  {
    key: 'congress',
    kind: 'article',
    title: 'Congres op 31 oktober: samen tegen mensenhandel',
    summary: 'Op 31 oktober 2019 komen gemeenten, zorgpartners en politie bijeen op het congres van het programma.',
    body: '## Programma\n\n- Opening\n- Workshops in de middag\n- Afsluiting met de resultaten van de enquête',
    tags: ['events'],
    publishAt: '2019-10-17T09:00',
  },
  {
    key: 'kim',
    kind: 'story',
    title: 'KIM: “Ik dacht dat ik een baan had gevonden”',
    summary: 'KIM (schuilnaam) vertelt hoe een baan in de horeca uitbuiting bleek, en wat haar hielp. Een verzonnen verhaal voor de demo.',
    body: 'Ik kwam naar Nederland voor werk. De eerste weken leek alles goed.\n\n> Pas toen ik hulp kreeg, zag ik dat het niet mijn schuld was.\n\nDe zorgcoördinator regelde opvang en een advocaat.',
    tags: [],
    publishAt: '2019-10-24T09:00',
    pseudonym: 'KIM',
    contentNote: 'uitbuiting en dwang',
  },
];

export const DEMO_EDITIONS = [
  {
    title: 'Nieuwsbrief september 2019',
    issueDate: '2019-09-01',
    sentAt: '2019-09-30T08:00:00.000Z',
    intro: 'In deze nieuwsbrief: **Gemeenten aan zet**, de aanpak van mensenhandel breidt uit.',
    articles: ['main', 'care', 'survey', 'workshops', 'academy'],
  },
  {
    title: 'Nieuwsbrief oktober 2019',
    issueDate: '2019-10-01',
    sentAt: '2019-10-28T08:00:00.000Z',
    intro: 'Terugblik op de regionale bijeenkomsten, het congres van 31 oktober en het verhaal van KIM.',
    articles: ['regional', 'congress', 'kim'],
  },
];

export const DEMO_SUBSCRIBERS: {
  email: string;
  name: string;
  status: 'confirmed' | 'pending' | 'unsubscribed' | 'bounced';
  topics: string;
}[] = [
  { email: 'lezer.een@demo.gemeentenaanzet.invalid', name: 'Lotte Lezer (voorbeeld)', status: 'confirmed', topics: 'all' },
  { email: 'lezer.twee@demo.gemeentenaanzet.invalid', name: 'Bram Beleid (voorbeeld)', status: 'confirmed', topics: 'municipalities' },
  { email: 'lezer.drie@demo.gemeentenaanzet.invalid', name: 'Zeynep Zorg (voorbeeld)', status: 'confirmed', topics: 'care' },
  { email: 'nieuw@demo.gemeentenaanzet.invalid', name: 'Nina Nieuw (voorbeeld)', status: 'pending', topics: 'all' },
  { email: 'weg@demo.gemeentenaanzet.invalid', name: 'Wim Weg (voorbeeld)', status: 'unsubscribed', topics: 'all' },
  { email: 'onbereikbaar@demo.gemeentenaanzet.invalid', name: 'Otto Onbereikbaar (voorbeeld)', status: 'bounced', topics: 'all' },
];
