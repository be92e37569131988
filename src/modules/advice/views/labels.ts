// The advice module's words for its codes (roles, types, statuses), Dutch first (ADR 0005).
import { defineMessages, type Locale, type Localized } from '../../../i18n.ts';
import type { ContactRole, InteractionType, LawfulBasis, PolicyStatusValue, StatusSource } from '../tables.ts';

export const ROLE_LABELS: Record<ContactRole, Localized> = {
  aandachtsfunctionaris: { nl: 'Aandachtsfunctionaris mensenhandel', en: 'Anti-trafficking contact official' },
  'policy-safety': { nl: 'Beleidsadviseur openbare orde en veiligheid', en: 'Policy officer public safety' },
  'manager-social': { nl: 'Manager sociaal domein', en: 'Manager social domain' },
  alderman: { nl: 'Wethouder', en: 'Alderman' },
  mayor: { nl: 'Burgemeester', en: 'Mayor' },
  other: { nl: 'Anders', en: 'Other' },
};

export const TYPE_LABELS: Record<InteractionType, Localized> = {
  'advice-conversation': { nl: 'Adviesgesprek', en: 'Advice conversation' },
  'regional-consultation': { nl: 'Regionaal overleg', en: 'Regional consultation' },
  phone: { nl: 'Telefonisch contact', en: 'Phone call' },
  email: { nl: 'E-mailcontact', en: 'Email contact' },
  workshop: { nl: 'Workshop', en: 'Workshop' },
  presentation: { nl: 'Presentatie', en: 'Presentation' },
  intake: { nl: 'Intake (ondersteuningsvraag)', en: 'Intake (support request)' },
};

/** The label of an interaction type; types from other modules' feeds are shown as they come. */
export function typeLabel(type: string, locale: Locale): string {
  return (TYPE_LABELS as Record<string, Localized>)[type]?.[locale] ?? type;
}

export const BASIS_LABELS: Record<LawfulBasis, Localized> = {
  'public-task': { nl: 'Publieke taak (AVG art. 6 lid 1 e)', en: 'Public task (GDPR art. 6(1)(e))' },
  'legitimate-interest': { nl: 'Gerechtvaardigd belang (AVG art. 6 lid 1 f)', en: 'Legitimate interest (GDPR art. 6(1)(f))' },
  consent: { nl: 'Toestemming (AVG art. 6 lid 1 a)', en: 'Consent (GDPR art. 6(1)(a))' },
};

export const STATUS_LABELS: Record<PolicyStatusValue, Localized> = {
  'not-started': { nl: 'Niet gestart', en: 'Not started' },
  'in-progress': { nl: 'In ontwikkeling', en: 'In progress' },
  'in-place': { nl: 'Op orde', en: 'In place' },
};

export const SOURCE_LABELS: Record<StatusSource | 'network', Localized> = {
  adviser: { nl: 'vastgesteld door adviseur', en: 'set by an adviser' },
  self: { nl: 'zelf gemeld, nog niet beoordeeld', en: 'self-reported, not yet reviewed' },
  confirmed: { nl: 'zelf gemeld, bevestigd door adviseur', en: 'self-reported, confirmed by an adviser' },
  corrected: { nl: 'zelf gemeld, gecorrigeerd door adviseur', en: 'self-reported, corrected by an adviser' },
  network: { nl: 'afgeleid uit het netwerk van zorgcoördinatoren', en: 'derived from the care coordinator network' },
};

export const common = defineMessages({
  staff: { nl: 'Beheer', en: 'Staff' },
  advice: { nl: 'Advies en beleidsmonitor', en: 'Advice and policy monitor' },
  contacts: { nl: 'Contactpersonen', en: 'Contacts' },
  interactions: { nl: 'Interacties', en: 'Interactions' },
  tasks: { nl: 'Taken', en: 'Tasks' },
  dashboard: { nl: 'Programmadashboard', en: 'Programme dashboard' },
  settings: { nl: 'Instellingen advies', en: 'Advice settings' },
  requests: { nl: 'Ondersteuningsvragen', en: 'Support requests' },
  profile: { nl: 'Mijn openbare profiel', en: 'My public profile' },
  date: { nl: 'Datum', en: 'Date' },
  type: { nl: 'Soort', en: 'Type' },
  subject: { nl: 'Onderwerp', en: 'Subject' },
  municipality: { nl: 'Gemeente', en: 'Municipality' },
  municipalities: { nl: 'Gemeenten', en: 'Municipalities' },
  region: { nl: 'Regio', en: 'Region' },
  area: { nl: 'Gemeente of regio', en: 'Municipality or region' },
  advisers: { nl: 'Adviseurs', en: 'Advisers' },
  adviser: { nl: 'Adviseur', en: 'Adviser' },
  name: { nl: 'Naam', en: 'Name' },
  role: { nl: 'Functie', en: 'Role' },
  email: { nl: 'E-mailadres', en: 'Email address' },
  phone: { nl: 'Telefoonnummer', en: 'Phone number' },
  owner: { nl: 'Eigenaar', en: 'Owner' },
  due: { nl: 'Uiterlijk', en: 'Due' },
  status: { nl: 'Status', en: 'Status' },
  none: { nl: 'geen', en: 'none' },
  nobody: { nl: 'nog niemand', en: 'nobody yet' },
  overdue: { nl: 'te laat', en: 'overdue' },
  done: { nl: 'afgerond', en: 'done' },
  open: { nl: 'open', en: 'open' },
  save: { nl: 'Opslaan', en: 'Save' },
  show: { nl: 'Toon', en: 'Show' },
  from: { nl: 'Van', en: 'From' },
  to: { nl: 'Tot en met', en: 'Up to and including' },
  erased: { nl: '[verwijderd]', en: '[erased]' },
  source: { nl: 'Bron', en: 'Source' },
  readOnly: { nl: 'alleen-lezen, uit een ander onderdeel', en: 'read-only, from another part of the platform' },
  ageDays: (n: number) => ({ nl: n === 1 ? '1 dag' : `${n} dagen`, en: n === 1 ? '1 day' : `${n} days` }),
  province: { nl: 'Provincie', en: 'Province' },
  safetyRegion: { nl: 'Veiligheidsregio', en: 'Safety region' },
  dateHint: { nl: 'JJJJ-MM-DD, bijvoorbeeld 2019-09-30', en: 'YYYY-MM-DD, for example 2019-09-30' },
  multiHint: {
    nl: 'Houd Ctrl (of Cmd) ingedrukt om er meer te kiezen.',
    en: 'Hold Ctrl (or Cmd) to choose more than one.',
  },
});
