// Zod input validation with messages a person can act on, in Dutch and English.
// Schemas may give their own message with `msg({ nl, en })`; otherwise the issue code decides.
import { z } from 'zod';
import type { Localized } from '../i18n.ts';
import { errors, type FieldError } from './errors.ts';

const MARK = '\u0001';

/** A custom Zod error message in both languages: `z.string().min(1, msg({ nl, en }))`. */
export function msg(text: Localized): { error: string } {
  return { error: MARK + JSON.stringify(text) };
}

type Issue = z.core.$ZodIssue;

function sizeWord(origin: string | undefined, n: number, locale: 'nl' | 'en'): string {
  if (origin === 'string') return locale === 'nl' ? `${n} tekens` : `${n} characters`;
  if (origin === 'array' || origin === 'set') return locale === 'nl' ? `${n} keuzes` : `${n} items`;
  return String(n);
}

/** The fields the messages read; which of them an issue has depends on its code. */
interface IssueFields {
  input?: unknown;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  keys?: string[];
}

function describe(issue: Issue): Localized {
  const i = issue as unknown as IssueFields;
  switch (issue.code) {
    case 'invalid_type':
      if (i.input === undefined || i.input === null || i.input === '') {
        return { nl: 'Vul dit veld in.', en: 'Fill in this field.' };
      }
      if (i.expected === 'number' || i.expected === 'int') {
        return { nl: 'Vul een getal in.', en: 'Enter a number.' };
      }
      if (i.expected === 'array') return { nl: 'Maak een of meer keuzes.', en: 'Choose one or more options.' };
      if (i.expected === 'object') return { nl: 'Stuur een geldig JSON-object.', en: 'Send a valid JSON object.' };
      return { nl: 'Deze waarde is niet geldig.', en: 'This value is not valid.' };
    case 'too_small':
      if (i.origin === 'string' && Number(i.minimum) <= 1) return { nl: 'Vul dit veld in.', en: 'Fill in this field.' };
      if (i.origin === 'number' || i.origin === 'bigint')
        return { nl: `Vul een getal in van minstens ${i.minimum}.`, en: `Enter a number of at least ${i.minimum}.` };
      if (i.origin === 'date') return { nl: 'Deze datum is te vroeg.', en: 'This date is too early.' };
      return {
        nl: `Gebruik minstens ${sizeWord(i.origin, Number(i.minimum), 'nl')}.`,
        en: `Use at least ${sizeWord(i.origin, Number(i.minimum), 'en')}.`,
      };
    case 'too_big':
      if (i.origin === 'number' || i.origin === 'bigint')
        return { nl: `Vul een getal in van hoogstens ${i.maximum}.`, en: `Enter a number of at most ${i.maximum}.` };
      if (i.origin === 'date') return { nl: 'Deze datum is te laat.', en: 'This date is too late.' };
      return {
        nl: `Gebruik hoogstens ${sizeWord(i.origin, Number(i.maximum), 'nl')}.`,
        en: `Use at most ${sizeWord(i.origin, Number(i.maximum), 'en')}.`,
      };
    case 'invalid_format':
      switch (i.format) {
        case 'email':
          return {
            nl: 'Vul een geldig e-mailadres in, zoals naam@gemeente.nl.',
            en: 'Enter a valid email address, like name@example.org.',
          };
        case 'url':
          return { nl: 'Vul een webadres in dat begint met https://.', en: 'Enter a web address starting with https://.' };
        case 'date':
          return {
            nl: 'Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2019-09-30.',
            en: 'Enter a date as YYYY-MM-DD, for example 2019-09-30.',
          };
        default:
          return { nl: 'De vorm van deze waarde klopt niet.', en: 'This value has the wrong format.' };
      }
    case 'invalid_value':
      return { nl: 'Kies een van de aangeboden mogelijkheden.', en: 'Choose one of the options offered.' };
    case 'unrecognized_keys':
      return { nl: `Onbekend veld: ${(i.keys ?? []).join(', ')}.`, en: `Unknown field: ${(i.keys ?? []).join(', ')}.` };
    default:
      return { nl: 'Deze waarde is niet geldig.', en: 'This value is not valid.' };
  }
}

export function issueToFieldError(issue: Issue): FieldError {
  const field = issue.path.map(String).join('.') || '_';
  if (typeof issue.message === 'string' && issue.message.startsWith(MARK)) {
    return { field, message: JSON.parse(issue.message.slice(1)) as Localized };
  }
  return { field, message: describe(issue) };
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

/** Validates input; on failure returns one message per field (the first issue of each field). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const seen = new Set<string>();
  const fieldErrors: FieldError[] = [];
  for (const issue of result.error.issues) {
    const fe = issueToFieldError(issue);
    if (seen.has(fe.field)) continue;
    seen.add(fe.field);
    fieldErrors.push(fe);
  }
  return { ok: false, errors: fieldErrors };
}

/** Validates input or throws a 400 AppError listing the fields (for API routes). */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = parseInput(schema, input);
  if (!parsed.ok) throw errors.validation(parsed.errors);
  return parsed.data;
}

/** Form fields arrive as strings: trimmed, and an empty field means "not given". */
const blankAsAbsent = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

export const optionalText = (max = 500) => z.preprocess(blankAsAbsent, z.string().max(max).optional());

/** A checkbox group or repeated field: absent or empty → [], one value (a string) → [it], several → the array. */
export const asList = (v: unknown): unknown => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

/** A checkbox group whose values come from `values`. */
export const choiceList = <T extends string>(values: readonly [T, ...T[]]) => z.preprocess(asList, z.array(z.enum(values)));

/** An optional web address (empty: not given), up to 500 characters; `https://` only unless `allowHttp`. */
export const optionalWebAddress = (opts: { allowHttp?: boolean } = {}) =>
  z.preprocess(
    blankAsAbsent,
    z
      .string()
      .max(500)
      .regex(
        opts.allowHttp ? /^https?:\/\/\S+$/ : /^https:\/\/[^\s<>"]+$/,
        msg({ nl: 'Vul een webadres in dat begint met https://.', en: 'Enter a web address starting with https://.' }),
      )
      .optional(),
  );

export const requiredText = (max = 500) => z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().min(1).max(max));

export const isoDate = z.iso.date();
