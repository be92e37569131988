// Input of the events module's forms and API (Zod). Messages say what to do, in Dutch and English.
import { z } from 'zod';
import { dateField, optionalDateField } from '../../http/route-kit.ts';
import { choiceList, msg, optionalText, optionalWebAddress, requiredText } from '../../http/validate.ts';
import { AUDIENCES, EVENT_TYPES } from './tables.ts';

const time = z
  .string()
  .trim()
  .regex(
    /^([01]\d|2[0-3]):[0-5]\d$/,
    msg({ nl: 'Vul een tijd in als UU:MM, bijvoorbeeld 13:30.', en: 'Enter a time as HH:MM, e.g. 13:30.' }),
  );

const httpsUrl = optionalWebAddress();

/** The text of a localized message for `ctx.addIssue` (which takes `message`, not `error`). */
const msgText = (text: { nl: string; en: string }) => msg(text).error;

export const eventForm = z
  .object({
    title: requiredText(200),
    type: z.enum(EVENT_TYPES, msg({ nl: 'Kies het soort bijeenkomst.', en: 'Choose the kind of event.' })),
    audiences: choiceList(AUDIENCES).refine(
      (a) => a.length > 0,
      msg({ nl: 'Kies ten minste één doelgroep.', en: 'Choose at least one audience.' }),
    ),
    description: requiredText(5000),
    date: dateField,
    startTime: time,
    endTime: time,
    place: optionalText(300),
    onlineUrl: httpsUrl,
    organisers: requiredText(300),
    capacity: z.coerce
      .number(msg({ nl: 'Vul het aantal plaatsen in als getal, bijvoorbeeld 40.', en: 'Enter the number of places, e.g. 40.' }))
      .int(msg({ nl: 'Vul een heel getal in.', en: 'Enter a whole number.' }))
      .min(1, msg({ nl: 'Er is minstens 1 plaats nodig.', en: 'At least 1 place is needed.' }))
      .max(10000, msg({ nl: 'Hoogstens 10.000 plaatsen.', en: 'At most 10,000 places.' })),
    registrationOpens: dateField,
    registrationCloses: dateField,
    access: z.enum(['public', 'invitation'], msg({ nl: 'Kies wie zich kan aanmelden.', en: 'Choose who can register.' })),
    questions: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().max(3000)),
    targetProvince: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .regex(/^PV\d{2}$/)
        .optional(),
    ),
    targetCodes: z.preprocess(
      (v) =>
        typeof v === 'string'
          ? v
              .toUpperCase()
              .split(/[\s,;]+/)
              .filter(Boolean)
          : [],
      z.array(
        z
          .string()
          .regex(/^GM\d{4}$/, msg({ nl: 'Vul CBS-codes in zoals GM0363, gescheiden door spaties.', en: 'Enter CBS codes like GM0363.' })),
      ),
    ),
    status: z.enum(['published', 'draft', 'cancelled']).default('published'),
  })
  .superRefine((v, ctx) => {
    if (v.endTime <= v.startTime)
      ctx.addIssue({
        code: 'custom',
        path: ['endTime'],
        message: msgText({ nl: 'De eindtijd moet na de begintijd liggen.', en: 'The end must be after the start.' }),
      });
    if (v.registrationCloses < v.registrationOpens)
      ctx.addIssue({
        code: 'custom',
        path: ['registrationCloses'],
        message: msgText({
          nl: 'De aanmelding sluit vóór ze opent. Kies een latere sluitdatum.',
          en: 'Registration closes before it opens.',
        }),
      });
    if (v.registrationCloses > v.date)
      ctx.addIssue({
        code: 'custom',
        path: ['registrationCloses'],
        message: msgText({
          nl: 'De aanmelding moet uiterlijk op de dag zelf sluiten.',
          en: 'Registration must close by the day of the event.',
        }),
      });
    if (!v.place && !v.onlineUrl)
      ctx.addIssue({
        code: 'custom',
        path: ['place'],
        message: msgText({
          nl: 'Vul een adres in, of een link voor online deelname.',
          en: 'Enter an address, or a link to take part online.',
        }),
      });
  });
export type EventInput = z.infer<typeof eventForm>;

const email = z
  .string(msg({ nl: 'Vul uw e-mailadres in.', en: 'Enter your email address.' }))
  .trim()
  .max(200)
  .pipe(z.email(msg({ nl: 'Vul een geldig e-mailadres in, zoals naam@gemeente.nl.', en: 'Enter a valid email address.' })));

export const registrationForm = z.object({
  name: requiredText(200),
  email,
  organisation: requiredText(200),
  municipality: z
    .string(msg({ nl: 'Kies uw gemeente, of “Andere organisatie”.', en: 'Choose your municipality, or “Other organisation”.' }))
    .regex(
      /^(GM\d{4}|other)$/,
      msg({ nl: 'Kies uw gemeente, of “Andere organisatie”.', en: 'Choose your municipality, or “Other organisation”.' }),
    ),
  /** The honeypot: people never see it; a filled-in value means a robot. */
  website: z.string().max(500).optional(),
  invite: z.string().max(100).optional(),
});
export type RegistrationInput = z.infer<typeof registrationForm>;

export const walkInForm = z.object({
  name: requiredText(200),
  organisation: optionalText(200),
  municipality: z
    .string()
    .regex(
      /^(GM\d{4}|other)$/,
      msg({ nl: 'Kies de gemeente, of “Andere organisatie”.', en: 'Choose the municipality, or “Other organisation”.' }),
    ),
});

export const evaluationForm = z.object({
  rating: z.coerce
    .number(msg({ nl: 'Kies een cijfer van 1 tot en met 5.', en: 'Choose a score from 1 to 5.' }))
    .int()
    .min(1, msg({ nl: 'Kies een cijfer van 1 tot en met 5.', en: 'Choose a score from 1 to 5.' }))
    .max(5, msg({ nl: 'Kies een cijfer van 1 tot en met 5.', en: 'Choose a score from 1 to 5.' })),
  comment: optionalText(2000),
});

export const listQuery = z.object({
  type: z.preprocess((v) => (v === '' ? undefined : v), z.enum(EVENT_TYPES).optional()),
  audience: z.preprocess((v) => (v === '' ? undefined : v), z.enum(AUDIENCES).optional()),
  province: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^PV\d{2}$/)
      .optional(),
  ),
});

export const checkinQuery = z.object({ q: z.preprocess((v) => (typeof v === 'string' ? v.trim().slice(0, 100) : ''), z.string()) });

export const periodQuery = z.object({ from: optionalDateField, to: optionalDateField });

export const settingsForm = z.object({
  retentionDays: z.coerce
    .number(msg({ nl: 'Vul een aantal dagen in.', en: 'Enter a number of days.' }))
    .int()
    .min(30, msg({ nl: 'Bewaar gegevens minstens 30 dagen na afloop.', en: 'Keep data at least 30 days.' }))
    .max(3650, msg({ nl: 'Hoogstens 3650 dagen (10 jaar).', en: 'At most 3650 days.' })),
  reminderDays: z.coerce
    .number()
    .int()
    .min(1, msg({ nl: 'Vul 1 tot 14 dagen in.', en: 'Enter 1 to 14 days.' }))
    .max(14, msg({ nl: 'Vul 1 tot 14 dagen in.', en: 'Enter 1 to 14 days.' })),
  offerHours: z.coerce
    .number()
    .int()
    .min(12, msg({ nl: 'Vul 12 tot 168 uur in.', en: 'Enter 12 to 168 hours.' }))
    .max(168, msg({ nl: 'Vul 12 tot 168 uur in.', en: 'Enter 12 to 168 hours.' })),
});
