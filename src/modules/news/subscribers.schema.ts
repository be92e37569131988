// Input of the sign-up form, the API, the preferences page, the import, the webhook and settings.
import { z } from 'zod';
import { dateField } from '../../http/route-kit.ts';
import { asList, msg, optionalText, requiredText } from '../../http/validate.ts';
import { isEmail } from './news.logic.ts';
import { TOPICS } from './tables.ts';

const EMAIL_MESSAGE = msg({
  nl: 'Vul een geldig e-mailadres in, zoals naam@gemeente.nl.',
  en: 'Enter a valid email address, like name@example.org.',
});

export const emailField = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
  z.string(EMAIL_MESSAGE).refine(isEmail, EMAIL_MESSAGE),
);
const topicsField = z.preprocess(
  asList,
  z.array(z.enum(TOPICS, msg({ nl: 'Kies een onderwerp uit de lijst.', en: 'Choose a topic from the list.' }))).max(TOPICS.length),
);
const municipalityField = z.preprocess(
  (v) => (v === '' || v === null ? undefined : typeof v === 'string' ? v.trim().toUpperCase() : v),
  z
    .string()
    .regex(/^GM\d{4}$/, msg({ nl: 'Kies een gemeente uit de lijst.', en: 'Choose a municipality from the list.' }))
    .optional(),
);

const preferences = {
  name: optionalText(120),
  organisation: optionalText(200),
  municipalityCode: municipalityField,
  topics: topicsField,
};

export const signupForm = z.object({
  email: emailField,
  ...preferences,
  /** The honeypot: people leave it empty; a filled one is answered as usual and nothing happens. */
  website: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().max(500)).optional(),
  consent: z.preprocess(
    (v) => v === 'on' || v === '1' || v === true || v === 'true',
    z.literal(true, msg({ nl: 'Vink aan dat u de nieuwsbrief wilt ontvangen.', en: 'Tick that you want to receive the newsletter.' })),
  ),
});

export const apiSubscriptionBody = z.object({
  email: emailField,
  name: z.string().trim().max(120).optional(),
  organisation: z.string().trim().max(200).optional(),
  municipalityCode: municipalityField,
  topics: topicsField.optional().default([]),
  consent: z.literal(
    true,
    msg({ nl: 'Zet consent op true: de persoon heeft ingestemd met de tekst.', en: 'Set consent to true: the person agreed to the text.' }),
  ),
});

export const preferencesForm = z.object(preferences);

export const importForm = z.object({ csv: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().trim().min(1).max(2_000_000)) });

export const searchQuery = z.object({ q: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(200)) });

export const webhookBody = z.object({
  events: z
    .array(
      z.object({
        type: z.enum(['hard_bounce', 'soft_bounce', 'complaint']),
        email: z.string().trim().max(254).optional(),
        delivery: z.string().trim().max(64).optional(),
        status: z.string().trim().max(20).optional(),
      }),
    )
    .min(1)
    .max(1000),
});

const positiveInt = (max: number) =>
  z.coerce
    .number(msg({ nl: 'Vul een getal in.', en: 'Enter a number.' }))
    .int()
    .min(1)
    .max(max);

export const settingsForm = z.object({
  tracking: z.preprocess((v) => v === 'on' || v === '1', z.boolean()),
  ratePerMinute: positiveInt(100_000),
  softBounceLimit: positiveInt(20),
});

export const editionForm = z.object({
  title: requiredText(200),
  issueDate: dateField,
  introMd: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().max(20_000)),
  articleIds: z.preprocess(
    asList,
    z
      .array(z.coerce.number().int().min(1).max(2_147_483_647))
      .min(1, msg({ nl: 'Kies minstens één bericht.', en: 'Choose at least one item.' }))
      .max(30),
  ),
  topics: topicsField,
  municipalities: z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(/[\s,;]+/)
            .filter(Boolean)
            .map((c) => c.toUpperCase())
        : asList(v),
    z
      .array(
        z.string().regex(
          /^GM\d{4}$/,
          msg({
            nl: 'Vul gemeentecodes in als GM0363, gescheiden door spaties.',
            en: 'Enter municipality codes like GM0363, separated by spaces.',
          }),
        ),
      )
      .max(400),
  ),
  provinces: z.preprocess(asList, z.array(z.string().regex(/^PV\d{2}$/)).max(12)),
  ratePerMinute: positiveInt(100_000),
});
