// The emails around a subscription: confirm (double opt-in), "you are already subscribed" (sent to
// the address instead of telling the requester), and the invitation to confirm an imported address.
// Each has a plain-text and an HTML part; the HTML is built from escaped strings only.
import type { Locale } from '../../i18n.ts';
import { CONFIRM_HOURS } from './news.logic.ts';

export const CONSENT_TEXT_VERSION = '2026-12-v1';

export const CONSENT_TEXT = {
  nl:
    'Ik wil de nieuwsbrief van Gemeenten aan zet ontvangen over de onderwerpen die ik kies. Mijn gegevens worden alleen ' +
    'daarvoor gebruikt en niet gedeeld. Ik kan mij altijd afmelden met de link in elke nieuwsbrief.',
  en:
    'I want to receive the Gemeenten aan zet newsletter on the topics I choose. My details are used only for that and are ' +
    'not shared. I can unsubscribe at any time with the link in every newsletter.',
} as const;

export const IMPORT_CONSENT_TEXT =
  'Geïmporteerd door een medewerker uit een bestaande lijst; ontvangt niets tot de persoon zelf bevestigt via de link.';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function html(paragraphs: string[], link: { href: string; label: string }): string {
  return (
    '<!DOCTYPE html><html lang="nl"><body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a">' +
    paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
    `<p><a href="${escapeHtml(link.href)}" style="color:#01689b">${escapeHtml(link.label)}</a></p></body></html>`
  );
}

export interface Mail {
  subject: string;
  text: string;
  html: string;
}

export function confirmationMail(locale: Locale, confirmUrl: string, imported = false): Mail {
  if (locale === 'en') {
    const lines = [
      imported
        ? 'Programme staff added your address to the Gemeenten aan zet newsletter list. You will receive nothing unless you confirm.'
        : 'You (or someone using your address) asked to receive the Gemeenten aan zet newsletter.',
      `Confirm within ${CONFIRM_HOURS} hours with the link below. If you do nothing, your address is deleted.`,
    ];
    return {
      subject: 'Confirm your subscription to the newsletter',
      text: `${lines.join('\n\n')}\n\n${confirmUrl}\n`,
      html: html(lines, { href: confirmUrl, label: 'Confirm subscription' }),
    };
  }
  const lines = [
    imported
      ? 'Een medewerker van Gemeenten aan zet heeft uw adres op de lijst van de nieuwsbrief gezet. U ontvangt niets tenzij u dit bevestigt.'
      : 'U (of iemand met uw adres) heeft gevraagd om de nieuwsbrief van Gemeenten aan zet.',
    `Bevestig binnen ${CONFIRM_HOURS} uur met de link hieronder. Doet u niets, dan wordt uw adres verwijderd.`,
  ];
  return {
    subject: 'Bevestig uw aanmelding voor de nieuwsbrief',
    text: `${lines.join('\n\n')}\n\n${confirmUrl}\n`,
    html: html(lines, { href: confirmUrl, label: 'Aanmelding bevestigen' }),
  };
}

export function alreadySubscribedMail(locale: Locale, manageUrl: string): Mail {
  if (locale === 'en') {
    const lines = [
      'Someone asked to subscribe this address to the Gemeenten aan zet newsletter, but it is already subscribed. Nothing has changed.',
      'You can change your topics or unsubscribe on your personal page:',
    ];
    return {
      subject: 'You already receive the newsletter',
      text: `${lines.join('\n\n')}\n\n${manageUrl}\n`,
      html: html(lines, { href: manageUrl, label: 'My newsletter preferences' }),
    };
  }
  const lines = [
    'Iemand heeft gevraagd dit adres aan te melden voor de nieuwsbrief van Gemeenten aan zet, maar het is al aangemeld. Er is niets veranderd.',
    'Op uw persoonlijke pagina kunt u uw onderwerpen wijzigen of u afmelden:',
  ];
  return {
    subject: 'U ontvangt de nieuwsbrief al',
    text: `${lines.join('\n\n')}\n\n${manageUrl}\n`,
    html: html(lines, { href: manageUrl, label: 'Mijn voorkeuren voor de nieuwsbrief' }),
  };
}
