// Input of the article and story forms, and of the public list queries (pages and API).
import { z } from 'zod';
import { asList, msg, optionalText, requiredText } from '../../http/validate.ts';
import { TAGS } from './tables.ts';

const checkbox = z.preprocess((v) => v === 'on' || v === '1' || v === 'true' || v === true, z.boolean());
const list = z.preprocess(asList, z.array(z.string()));

/** `YYYY-MM-DDTHH:MM` (a datetime-local field, Amsterdam time) or empty. */
export const publishAtField = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
  z
    .string()
    .regex(
      /^20\d\d-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d$/,
      msg({
        nl: 'Vul datum en tijd in als JJJJ-MM-DD UU:MM, bijvoorbeeld 2019-09-30 09:00.',
        en: 'Enter date and time as YYYY-MM-DD HH:MM, for example 2019-09-30 09:00.',
      }),
    )
    .optional(),
);

export const articleForm = z.object({
  title: requiredText(200),
  summary: requiredText(400),
  bodyMd: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().trim().min(1).max(100_000)),
  tags: list.pipe(z.array(z.enum(TAGS, msg({ nl: 'Kies een onderwerp uit de lijst.', en: 'Choose a tag from the list.' })))),
  authorName: requiredText(120),
  publishAt: publishAtField,
  action: z.enum(['draft', 'publish']).default('draft'),
  pseudonym: optionalText(80),
  contentNote: optionalText(400),
  consentConfirmed: checkbox.default(false),
});
export type ArticleInput = z.infer<typeof articleForm>;

export const withdrawForm = z.object({
  reason: requiredText(400),
});

const pageNumber = z.preprocess(
  (v) => (v === undefined || v === '' ? 1 : v),
  z.coerce
    .number(msg({ nl: 'Vul een paginanummer in, zoals 2.', en: 'Enter a page number, like 2.' }))
    .int(msg({ nl: 'Vul een paginanummer in, zoals 2.', en: 'Enter a page number, like 2.' }))
    .min(1, msg({ nl: 'Vul een paginanummer in van 1 of hoger.', en: 'Enter a page number of 1 or more.' }))
    .max(10_000, msg({ nl: 'Vul een paginanummer in van hoogstens 10000.', en: 'Enter a page number of at most 10000.' })),
);

const tagQuery = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.enum(TAGS, msg({ nl: `Kies een onderwerp: ${TAGS.join(', ')}.`, en: `Choose a tag: ${TAGS.join(', ')}.` })).optional(),
);

/** `/nieuws?onderwerp=&pagina=` */
export const pageListQuery = z.object({ onderwerp: tagQuery, pagina: pageNumber });
/** `/api/v1/articles?tag=&page=` */
export const apiListQuery = z.object({ tag: tagQuery, page: pageNumber });

export const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
