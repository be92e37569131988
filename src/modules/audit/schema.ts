// Filters of the audit page (a GET form: every field optional, empty means "any").
import { z } from 'zod';
import { optionalDateField } from '../../http/route-kit.ts';
import { msg, optionalText } from '../../http/validate.ts';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

export const auditFilterSchema = z
  .object({
    entity: optionalText(100),
    action: optionalText(100),
    /** An account number, or text found in the actor's label (e.g. part of an email). */
    actor: optionalText(200),
    // The one date rule of the platform (route kit): YYYY-MM-DD within 2000-01-01…2099-12-31.
    from: optionalDateField,
    to: optionalDateField,
    page: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number(msg({ nl: 'Het paginanummer moet een getal zijn.', en: 'The page number must be a number.' }))
        .int(msg({ nl: 'Het paginanummer moet een heel getal zijn.', en: 'The page number must be a whole number.' }))
        .min(1, msg({ nl: 'Het paginanummer is 1 of hoger.', en: 'The page number is 1 or more.' }))
        .max(100000, msg({ nl: 'Dat paginanummer is te hoog.', en: 'That page number is too high.' }))
        .optional(),
    ),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    path: ['to'],
    ...msg({ nl: '"Tot en met" ligt vóór "vanaf". Kies een latere einddatum.', en: '"To" is before "from". Choose a later end date.' }),
  });

export type AuditFilterInput = z.infer<typeof auditFilterSchema>;
