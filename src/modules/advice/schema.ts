// Zod schemas of the advice module's forms and queries. Messages are Dutch first and say what to do.
import { z } from 'zod';
import { dateField, optionalDateField, parseId, rangeError } from '../../http/route-kit.ts';
import { asList, msg, optionalText, optionalWebAddress, requiredText } from '../../http/validate.ts';
import { formatNumber } from '../../i18n.ts';
import { SUMMARY_MAX } from './interactions.service.ts';
import { CONTACT_ROLES, INTERACTION_TYPES, LAWFUL_BASES, POLICY_STATUSES } from './tables.ts';

const choose = msg({ nl: 'Kies een van de mogelijkheden.', en: 'Choose one of the options.' });

/** A form field that may come once, several times or not at all: always an array of strings. */
const many = z.preprocess(asList, z.array(z.string()));

const ids = many.transform((list, ctx) => {
  const out: number[] = [];
  for (const v of list) {
    const id = parseId(v);
    if (id === null) ctx.addIssue({ code: 'custom', message: choose.error });
    else out.push(id);
  }
  return out;
});

const codes = many.pipe(
  z.array(z.string().regex(/^GM\d{4}$/, msg({ nl: 'Kies gemeenten uit de lijst.', en: 'Choose municipalities from the list.' }))),
);

const optionalId = z
  .preprocess((v) => (v === '' || v === undefined ? null : v), z.union([z.null(), z.string()]))
  .transform((v, ctx) => {
    if (v === null) return null;
    const id = parseId(v);
    if (id === null) ctx.addIssue({ code: 'custom', message: choose.error });
    return id;
  });

const areaCode = z
  .string(msg({ nl: 'Kies een gemeente of regio.', en: 'Choose a municipality or region.' }))
  .regex(
    /^(GM\d{4}|PV\d{2}|VR\d{2})$/,
    msg({ nl: 'Kies een gemeente of regio uit de lijst.', en: 'Choose a municipality or region from the list.' }),
  );

const email = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : v),
  z
    .string()
    .max(254)
    .email(
      msg({ nl: 'Vul een geldig e-mailadres in, zoals naam@gemeente.nl.', en: 'Enter a valid email address, like name@example.org.' }),
    ),
);
const optionalEmail = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), email.optional());

const phone = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
  z
    .string()
    .regex(
      /^[0-9+()\- ]{6,40}$/,
      msg({ nl: 'Vul een telefoonnummer in met cijfers, zoals 020 123 4567.', en: 'Enter a phone number in digits, like 020 123 4567.' }),
    )
    .optional(),
);

export const contactForm = z
  .object({
    area: areaCode,
    name: requiredText(200),
    role: z.enum(CONTACT_ROLES, choose),
    email: optionalEmail,
    phone,
    since: optionalDateField,
    until: optionalDateField,
    lawful_basis: z.enum(LAWFUL_BASES, choose),
  })
  .superRefine((v, ctx) => {
    if (v.since && v.until && v.until <= v.since)
      ctx.addIssue({ code: 'custom', path: ['until'], message: msg(rangeError('until').message).error });
  });

export const mergeForm = z.object({ other: ids.pipe(z.array(z.number()).length(1, choose)) });

const summaryTooLong = (length: number) =>
  msg({
    nl: `De samenvatting is te lang (${formatNumber(length, 'nl')} tekens); het maximum is ${formatNumber(SUMMARY_MAX, 'nl')} tekens. Kort de tekst in of bewaar het verslag elders en verwijs ernaar.`,
    en: `The summary is too long (${formatNumber(length, 'en')} characters); the maximum is ${formatNumber(SUMMARY_MAX, 'en')} characters. Shorten it, or keep the report elsewhere and refer to it.`,
  }).error;

export const interactionForm = z
  .object({
    date: dateField,
    type: z.enum(INTERACTION_TYPES, choose),
    subject: requiredText(200),
    summary: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().default('')),
    municipalities: codes,
    region: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .regex(/^(PV\d{2}|VR\d{2})$/, choose)
        .optional(),
    ),
    advisers: ids,
    contacts: ids,
    task_title: optionalText(300),
    task_owner: optionalId,
    task_due: optionalDateField,
  })
  .superRefine((v, ctx) => {
    if (v.summary.length > SUMMARY_MAX) ctx.addIssue({ code: 'custom', path: ['summary'], message: summaryTooLong(v.summary.length) });
    if (v.task_title && !v.task_due) {
      ctx.addIssue({
        code: 'custom',
        path: ['task_due'],
        message: msg({ nl: 'Vul de datum in waarop de taak klaar moet zijn.', en: 'Enter the date the task is due.' }).error,
      });
    }
  });

export const taskForm = z.object({ title: requiredText(300), owner: optionalId, due: dateField });

const evidenceUrl = optionalWebAddress({ allowHttp: true });

export const statusForm = z.object({
  block: z.string().regex(/^[a-z-]{1,60}$/, choose),
  status: z.enum(POLICY_STATUSES, choose),
  evidence_url: evidenceUrl,
  evidence_note: optionalText(2000),
  effective_date: dateField,
});

export const selfReportForm = statusForm.omit({ effective_date: true });

export const reviewForm = z.object({ status: z.enum(POLICY_STATUSES, choose), note: optionalText(2000) });

export const profileForm = z.object({
  display_name: requiredText(100),
  role_title: requiredText(100),
  organisation: requiredText(150),
  published: z.preprocess((v) => v === '1' || v === 'on', z.boolean()),
});

export const supportForm = z.object({
  municipality: z
    .string(msg({ nl: 'Kies uw gemeente.', en: 'Choose your municipality.' }))
    .regex(/^GM\d{4}$/, msg({ nl: 'Kies uw gemeente uit de lijst.', en: 'Choose your municipality from the list.' })),
  name: requiredText(200),
  role: z.enum(CONTACT_ROLES, choose),
  email,
  question: requiredText(5000),
  /** The honeypot: people never see it; anything typed here is a robot. */
  website: z.string().optional(),
});

const optionalQueryDate = optionalDateField;

export const periodQuery = z.object({ van: optionalQueryDate, tot: optionalQueryDate, datum: optionalQueryDate }).superRefine((v, ctx) => {
  if (v.van && v.tot && v.tot < v.van) ctx.addIssue({ code: 'custom', path: ['tot'], message: msg(rangeError('tot').message).error });
});

export const interactionQuery = z
  .object({
    gemeente: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .regex(/^GM\d{4}$/, msg({ nl: 'Kies een gemeente uit de lijst.', en: 'Choose a municipality from the list.' }))
        .optional(),
    ),
    adviseur: optionalId.optional(),
    type: z.preprocess((v) => (v === '' ? undefined : v), z.enum(INTERACTION_TYPES, choose).optional()),
    van: optionalQueryDate,
    tot: optionalQueryDate,
    q: optionalText(200),
    pagina: z.preprocess((v) => (v === '' || v === undefined ? 1 : Number(v)), z.number().int().min(1).max(10_000)),
  })
  .superRefine((v, ctx) => {
    if (v.van && v.tot && v.tot < v.van) ctx.addIssue({ code: 'custom', path: ['tot'], message: msg(rangeError('tot').message).error });
  });

export const contactQuery = z.object({
  gebied: z.preprocess((v) => (v === '' ? undefined : v), areaCode.optional()),
  q: optionalText(200),
});

export type InteractionFormInput = z.infer<typeof interactionForm>;
export type ContactFormInput = z.infer<typeof contactForm>;
