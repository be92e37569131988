// The emails of the events module (Dutch, with a short English line), queued through the outbox.
import { formatDateTime } from '../../i18n.ts';
import type { EventRow } from './queries.ts';

const FOOTER = ['', '---', 'Gemeenten aan zet — programma aanpak mensenhandel.'];

function when(e: EventRow): string {
  return `${formatDateTime(e.starts_at, 'nl')} tot ${formatDateTime(e.ends_at, 'nl').split(' ').pop()} (Nederlandse tijd)`;
}

/** The place, and for a registered person also the online link (an event may have both). */
function where(e: EventRow, registered: boolean): string {
  const online = registered && e.online_url ? e.online_url : null;
  if (e.place) return online ? `${e.place}, of online: ${online}` : e.place;
  return online ? `Online: ${online}` : 'Online (de link staat op uw persoonlijke pagina)';
}

export function confirmationEmail(e: EventRow, name: string, link: string) {
  return {
    subject: `Aanmelding bevestigd: ${e.title}`,
    text: [
      `Beste ${name},`,
      '',
      `U bent aangemeld voor “${e.title}”.`,
      `Wanneer: ${when(e)}`,
      `Waar: ${where(e, true)}`,
      '',
      'In de bijlage staat de afspraak voor uw agenda. Bekijk of annuleer uw aanmelding via uw persoonlijke link:',
      link,
      '',
      'You are registered. The calendar file is attached; use the link above to view or cancel.',
      ...FOOTER,
    ].join('\n'),
  };
}

export function waitingEmail(e: EventRow, name: string, link: string, position: number) {
  return {
    subject: `Wachtlijst: ${e.title}`,
    text: [
      `Beste ${name},`,
      '',
      `“${e.title}” is vol. U staat op de wachtlijst (plaats ${position}).`,
      'Komt er een plaats vrij, dan krijgt u een e-mail en kunt u die plaats binnen de gestelde termijn bevestigen.',
      `Bekijk of annuleer uw aanmelding: ${link}`,
      '',
      'The event is full; you are on the waiting list. We will email you when a place becomes free.',
      ...FOOTER,
    ].join('\n'),
  };
}

export function alreadyRegisteredEmail(e: EventRow, name: string | null, link: string) {
  return {
    subject: `U bent al aangemeld: ${e.title}`,
    text: [
      name ? `Beste ${name},` : 'Beste,',
      '',
      `Met dit e-mailadres is al een aanmelding gedaan voor “${e.title}”. Er is geen tweede aanmelding gemaakt.`,
      `Bekijk uw aanmelding: ${link}`,
      '',
      'This address is already registered; no second registration was made.',
      ...FOOTER,
    ].join('\n'),
  };
}

export function offerEmail(e: EventRow, name: string, link: string, deadline: string) {
  return {
    subject: `Er is een plaats vrij: ${e.title}`,
    text: [
      `Beste ${name},`,
      '',
      `Er is een plaats vrijgekomen bij “${e.title}” (${when(e)}).`,
      `Bevestig vóór ${formatDateTime(deadline, 'nl')} dat u komt; daarna gaat de plaats naar de volgende op de wachtlijst.`,
      `Bevestigen: ${link}`,
      '',
      'A place became free. Confirm with the link above before the deadline.',
      ...FOOTER,
    ].join('\n'),
  };
}

export function cancelledEmail(e: EventRow, name: string) {
  return {
    subject: `Aanmelding geannuleerd: ${e.title}`,
    text: [
      `Beste ${name},`,
      '',
      `Uw aanmelding voor “${e.title}” is geannuleerd.`,
      '',
      'Your registration has been cancelled.',
      ...FOOTER,
    ].join('\n'),
  };
}

export function reminderEmail(e: EventRow, name: string, link: string) {
  return {
    subject: `Herinnering: ${e.title}`,
    text: [
      `Beste ${name},`,
      '',
      `Binnenkort is “${e.title}”.`,
      `Wanneer: ${when(e)}`,
      `Waar: ${where(e, true)}`,
      '',
      `Kunt u niet komen? Annuleer dan via ${link}, zodat iemand van de wachtlijst uw plaats krijgt.`,
      '',
      'A reminder of the event above. Cannot come? Cancel with the link so someone else gets your place.',
      ...FOOTER,
    ].join('\n'),
  };
}

export function evaluationEmail(e: EventRow, name: string, link: string) {
  return {
    subject: `Hoe was “${e.title}”?`,
    text: [
      `Beste ${name},`,
      '',
      `Dank voor uw komst naar “${e.title}”. Wilt u in een minuut laten weten hoe u het vond?`,
      link,
      '',
      'Thank you for coming. Tell us in a minute how it was, with the link above.',
      ...FOOTER,
    ].join('\n'),
  };
}
