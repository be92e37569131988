// Input schemas of the network module (Zod): API query strings, staff forms, self-service forms.
import { z } from 'zod';
import { isoDate, msg, optionalText, requiredText } from '../../http/validate.ts';
import { ORGANISATION_TYPES } from './tables.ts';

const dateMsg = msg({
  nl: 'Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2019-09-30.',
  en: 'Enter a date as YYYY-MM-DD, for example 2019-09-30.',
});
const date = z.iso.date(dateMsg);
const optionalDate = z.preprocess((v) => (v === '' ? undefined : v), date.optional());

export const apiDateQuery = z.object({ date: optionalDate });
export const pageDateQuery = z.object({ datum: optionalDate });
export const apiTimelineQuery = z.object({ from: optionalDate, to: optionalDate });
export const searchQuery = z.object({ q: z.string().max(100).optional().default(''), date: optionalDate });
export const finderQuery = z.object({ gemeente: z.string().max(100).optional().default(''), datum: optionalDate });

const fte = z.preprocess(
  (v) => (typeof v === 'string' ? Number(v.replace(',', '.')) : v),
  z
    .number(msg({ nl: 'Vul een getal in, bijvoorbeeld 0,8.', en: 'Enter a number, for example 0.8.' }))
    .min(0, msg({ nl: 'FTE kan niet negatief zijn.', en: 'FTE cannot be negative.' }))
    .max(10, msg({ nl: 'Vul een FTE van hoogstens 10 in.', en: 'Enter an FTE of at most 10.' })),
);

const url = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
  z
    .url({ protocol: /^https?$/ })
    .max(300)
    .optional(),
);

const email = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
  z
    .email(
      msg({ nl: 'Vul een geldig e-mailadres in, zoals zorg@voorbeeld.nl.', en: 'Enter a valid email address, such as care@example.org.' }),
    )
    .max(200)
    .optional(),
);

export const organisationForm = z.object({
  name: requiredText(200),
  type: z.enum(ORGANISATION_TYPES, msg({ nl: 'Kies het soort organisatie.', en: 'Choose the type of organisation.' })),
  website: url,
});

export const contactFields = {
  name: requiredText(200),
  phone: optionalText(40),
  email,
  webPage: url,
};

export const coordinatorForm = z.object({
  ...contactFields,
  organisationId: z.coerce
    .number(msg({ nl: 'Kies een organisatie.', en: 'Choose an organisation.' }))
    .int()
    .positive(msg({ nl: 'Kies een organisatie.', en: 'Choose an organisation.' })),
  fte,
  activeFrom: date,
  activeTo: optionalDate,
});

export const ownCoordinatorForm = z.object({ ...contactFields, fte });

export const fteForm = z.object({ fte, effectiveFrom: date });

const codes = z.preprocess(
  (v) => (Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[\s,;]+/).filter(Boolean) : []),
  z.array(z.string().regex(/^GM\d{4}$/, msg({ nl: 'Gebruik CBS-codes zoals GM0363.', en: 'Use CBS codes such as GM0363.' }))),
);

export const coverageForm = z.object({
  action: z.enum(['add', 'remove'], msg({ nl: 'Kies toevoegen of beëindigen.', en: 'Choose add or end.' })),
  region: optionalText(40),
  codes,
  effectiveDate: date,
});

export const proposalForm = z.object({
  action: z.enum(['add', 'remove'], msg({ nl: 'Kies toevoegen of beëindigen.', en: 'Choose add or end.' })),
  codes: codes.refine((c) => c.length > 0, msg({ nl: 'Vul minstens één gemeentecode in.', en: 'Enter at least one municipality code.' })),
  effectiveDate: date,
  note: optionalText(1000),
});

export const decisionForm = z.object({ decision: z.enum(['approved', 'rejected']) });

export const normForm = z.object({
  norm: z.preprocess(
    (v) => (typeof v === 'string' ? Number(v.replace(',', '.')) : v),
    z
      .number(msg({ nl: 'Vul een getal in, bijvoorbeeld 0,1.', en: 'Enter a number, for example 0.1.' }))
      .gt(0, msg({ nl: 'De norm moet groter dan 0 zijn.', en: 'The norm must be greater than 0.' }))
      .max(100),
  ),
});

export const customRegionForm = z.object({
  name: requiredText(200),
  codes: codes.refine((c) => c.length > 0, msg({ nl: 'Vul minstens één gemeentecode in.', en: 'Enter at least one municipality code.' })),
});

export { isoDate };
