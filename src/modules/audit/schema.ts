// Filters of the audit page (a GET form: every field optional, empty means "any").
import { z } from 'zod';
import { msg, optionalText } from '../../http/validate.ts';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

const dateField = (label: { nl: string; en: string }) =>
  z.preprocess(
    emptyToUndefined,
    z.iso
      .date(
        msg({
          nl: `Vul bij ${label.nl} een datum in als JJJJ-MM-DD, bijvoorbeeld 2019-09-01.`,
          en: `Enter ${label.en} as YYYY-MM-DD, for example 2019-09-01.`,
        }),
      )
      .optional(),
  );

export const auditFilterSchema = z
  .object({
    entity: optionalText(100),
    action: optionalText(100),
    /** An account number, or text found in the actor's label (e.g. part of an email). */
    actor: optionalText(200),
    from: dateField({ nl: '"vanaf"', en: '"from"' }),
    to: dateField({ nl: '"tot en met"', en: '"to"' }),
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
