// Field messages of the network's own rules (Dutch first), used by the forms (schema.ts) and by the
// services, which check the same rules again for every caller and answer with the same messages.
import type { Localized } from '../../i18n.ts';

export const FTE_MAX = 10;
export const NORM_MIN = 0.001;
export const NORM_MAX = 10;

export const ruleMessages = {
  fteNumber: {
    nl: 'Vul een getal in met een komma of punt, bijvoorbeeld 0,8.',
    en: 'Enter a number with a decimal comma or point, for example 0.8.',
  },
  fteRange: {
    nl: `Vul een FTE in van 0 tot en met ${FTE_MAX}, bijvoorbeeld 0,8.`,
    en: `Enter an FTE from 0 to ${FTE_MAX}, for example 0.8.`,
  },
  normNumber: {
    nl: 'Vul een getal in met een komma of punt, bijvoorbeeld 0,1.',
    en: 'Enter a number with a decimal comma or point, for example 0.1.',
  },
  normRange: {
    nl: `Vul een norm in van 0,001 tot en met ${NORM_MAX} FTE per 100.000 inwoners, bijvoorbeeld 0,1.`,
    en: `Enter a norm from 0.001 to ${NORM_MAX} FTE per 100,000 inhabitants, for example 0.1.`,
  },
  organisation: { nl: 'Kies een organisatie uit de lijst.', en: 'Choose an organisation from the list.' },
  activeToAfterFrom: {
    nl: '“Actief tot” is de eerste dag dat de zorgcoördinator níet meer actief is: kies een dag na “Actief vanaf”.',
    en: '“Active until” is the first day the coordinator is no longer active: choose a day after “Active from”.',
  },
  regionNameTaken: {
    nl: 'Er is al een regio met deze naam. Kies een andere naam.',
    en: 'There is already a region with this name. Choose another name.',
  },
  codesRequired: { nl: 'Vul minstens één gemeentecode in.', en: 'Enter at least one municipality code.' },
  codesFormat: { nl: 'Gebruik CBS-codes zoals GM0363.', en: 'Use CBS codes such as GM0363.' },
  codesTooMany: { nl: 'Vul hoogstens 400 gemeentecodes in.', en: 'Enter at most 400 municipality codes.' },
  regionOrCodes: {
    nl: 'Kies een regio of vul minstens één gemeentecode in.',
    en: 'Choose a region or enter at least one municipality code.',
  },
  action: { nl: 'Kies toevoegen of beëindigen.', en: 'Choose add or end.' },
  organisationType: { nl: 'Kies het soort organisatie.', en: 'Choose the type of organisation.' },
  email: {
    nl: 'Vul een geldig e-mailadres in, zoals zorg@voorbeeld.nl.',
    en: 'Enter a valid email address, such as care@example.org.',
  },
} satisfies Record<string, Localized>;

/** "These municipalities did not exist on that date: …" */
export function unknownCodesMessage(codes: string[]): Localized {
  return {
    nl: `Deze gemeenten bestonden niet op die datum: ${codes.join(', ')}.`,
    en: `These municipalities did not exist on that date: ${codes.join(', ')}.`,
  };
}

/** The timeline's range bound, named in the 400. */
export function timelineRangeMessage(months: number, earliest: string): Localized {
  return {
    nl: `Vraag hoogstens ${months} maanden tegelijk op: kies een begindatum vanaf ${earliest}, of een eerdere einddatum.`,
    en: `Ask for at most ${months} months at once: choose a start date from ${earliest}, or an earlier end date.`,
  };
}
