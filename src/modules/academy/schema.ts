// Input of the academy's forms and API (Zod), with messages that say what to do.
import { z } from 'zod';
import { optionalDateField } from '../../http/route-kit.ts';
import { choiceList, msg, optionalText, optionalWebAddress, requiredText } from '../../http/validate.ts';
import { COURSE_KINDS, ROLES_AIMED } from './tables.ts';

const httpsUrl = optionalWebAddress();

const whole = (min: number, max: number, what: { nl: string; en: string }) =>
  z.coerce
    .number(msg({ nl: `Vul ${what.nl} in als getal.`, en: `Enter ${what.en} as a number.` }))
    .int(msg({ nl: 'Vul een heel getal in.', en: 'Enter a whole number.' }))
    .min(min, msg({ nl: `Vul een getal in van ${min} tot en met ${max}.`, en: `Enter a number from ${min} to ${max}.` }))
    .max(max, msg({ nl: `Vul een getal in van ${min} tot en met ${max}.`, en: `Enter a number from ${min} to ${max}.` }));

export const courseForm = z.object({
  title: requiredText(200),
  summary: requiredText(2000),
  kind: z.enum(COURSE_KINDS, msg({ nl: 'Kies de vorm van de cursus.', en: 'Choose the kind of course.' })),
  roles: choiceList(ROLES_AIMED).refine(
    (r) => r.length > 0,
    msg({ nl: 'Kies ten minste één functiegroep.', en: 'Choose at least one role.' }),
  ),
  externalUrl: httpsUrl,
  provider: optionalText(200),
  eventIds: z.preprocess(
    (v) => (typeof v === 'string' ? v.split(/[\s,;]+/).filter(Boolean) : []),
    z.array(
      z.coerce
        .number(msg({ nl: 'Vul nummers van bijeenkomsten in, gescheiden door spaties.', en: 'Enter event numbers separated by spaces.' }))
        .int()
        .positive(),
    ),
  ),
  passMark: whole(1, 100, { nl: 'de cesuur (percentage goed)', en: 'the pass mark (percentage)' }),
  durationMinutes: whole(5, 6000, { nl: 'de duur in minuten', en: 'the duration in minutes' }),
  lessons: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().max(100_000)),
  quiz: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().max(50_000)),
  status: z.enum(['published', 'draft']).default('published'),
});
export type CourseInput = z.infer<typeof courseForm>;

const email = z
  .string(msg({ nl: 'Vul uw e-mailadres in.', en: 'Enter your email address.' }))
  .trim()
  .max(200)
  .pipe(z.email(msg({ nl: 'Vul een geldig e-mailadres in, zoals naam@gemeente.nl.', en: 'Enter a valid email address.' })));

export const signupForm = z.object({
  name: requiredText(200),
  email,
  municipality: z
    .string(msg({ nl: 'Kies de gemeente waarvoor u werkt.', en: 'Choose the municipality you work for.' }))
    .regex(/^GM\d{4}$/, msg({ nl: 'Kies de gemeente waarvoor u werkt.', en: 'Choose the municipality you work for.' })),
  website: z.string().max(500).optional(),
});

export const passwordForm = z.object({
  password: z
    .string(msg({ nl: 'Kies een wachtwoord.', en: 'Choose a password.' }))
    .min(
      12,
      msg({
        nl: 'Kies een wachtwoord van minstens 12 tekens, bijvoorbeeld een korte zin.',
        en: 'Choose a password of at least 12 characters.',
      }),
    )
    .max(200),
});

export const importForm = z.object({
  csv: z
    .string(msg({ nl: 'Plak de regels van het CSV-bestand.', en: 'Paste the lines of the CSV file.' }))
    .min(1, msg({ nl: 'Plak de regels van het CSV-bestand.', en: 'Paste the lines of the CSV file.' }))
    .max(1_000_000),
  action: z.enum(['check', 'import']).default('check'),
});

export const periodQuery = z.object({ from: optionalDateField, to: optionalDateField });
