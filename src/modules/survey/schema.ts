// Input schemas of the staff forms (Zod; Dutch and English messages that say what to do). The
// respondent's answers are read per question type in answers.logic.ts.
import { z } from 'zod';
import type { FieldError } from '../../http/errors.ts';
import { dateField } from '../../http/route-kit.ts';
import { msg, optionalText, parseInput, requiredText } from '../../http/validate.ts';
import { parseNumber } from './answers.logic.ts';
import type { QuestionDraft } from './builder.logic.ts';
import { parseReminderDays } from './groups.logic.ts';
import { QUESTION_TYPES, SURVEY_STATUSES } from './tables.ts';

const text = (max: number) => optionalText(max).transform((v) => v ?? '');

const reminderDays = z.preprocess(
  (v) => (typeof v === 'string' ? parseReminderDays(v) : v),
  z.array(
    z.number().int(),
    msg({
      nl: 'Vul dagen vóór de sluiting in als getallen van 1 tot 60, bijvoorbeeld 7, 2.',
      en: 'Enter days before closing as numbers from 1 to 60, e.g. 7, 2.',
    }),
  ),
);

const optionalId = z.preprocess(
  (v) => (v === '' || v === undefined || v === null ? null : Number(v)),
  z.number().int().positive().nullable(),
);

export const surveyForm = z
  .object({
    titleNl: requiredText(200),
    titleEn: text(200),
    introNl: text(3000),
    introEn: text(3000),
    referenceDate: dateField,
    opensOn: dateField,
    closesOn: dateField,
    reminderDays,
    previousSurveyId: optionalId,
  })
  .refine((f) => f.closesOn >= f.opensOn, {
    path: ['closesOn'],
    ...msg({
      nl: 'De sluitingsdatum ligt vóór de openingsdatum. Kies een latere sluitingsdatum.',
      en: 'The closing date is before the opening date. Choose a later one.',
    }),
  });

export const sectionForm = z.object({ titleNl: requiredText(200), titleEn: text(200), introNl: text(2000), introEn: text(2000) });

export const statusForm = z.object({ to: z.enum(SURVEY_STATUSES, msg({ nl: 'Kies een geldige status.', en: 'Choose a valid status.' })) });

export const thresholdForm = z.object({
  threshold: z.preprocess(
    (v) => (typeof v === 'string' && /^\d{1,3}$/.test(v.trim()) ? Number(v) : v),
    z.number(msg({ nl: 'Vul een heel getal in, bijvoorbeeld 5.', en: 'Enter a whole number, for example 5.' })).int(),
  ),
});

export const moveForm = z.object({ direction: z.enum(['up', 'down'], msg({ nl: 'Kies omhoog of omlaag.', en: 'Choose up or down.' })) });

const TYPE_MESSAGE = msg({ nl: 'Kies het soort vraag.', en: 'Choose the type of question.' });

const questionBase = z.object({
  key: requiredText(40).transform((k) => k.toLowerCase()),
  type: z.enum(QUESTION_TYPES, TYPE_MESSAGE),
  textNl: requiredText(500),
  textEn: text(500),
  helpNl: text(1000),
  helpEn: text(1000),
  lowNl: text(60),
  lowEn: text(60),
  highNl: text(60),
  highEn: text(60),
});

export const MAX_OPTIONS = 30;

const list = (v: unknown): string[] => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

function bound(raw: unknown, field: string, errors: FieldError[]): number | null {
  const t = typeof raw === 'string' ? raw.trim() : '';
  if (t === '') return null;
  const n = parseNumber(t);
  if (n === null)
    errors.push({ field, message: { nl: 'Vul een getal in, bijvoorbeeld 0 of 100.', en: 'Enter a number, for example 0 or 100.' } });
  return n;
}

/** The question form: base fields, bounds, the condition (`condition` = questionId:value, repeated) and up to MAX_OPTIONS option rows (o{i}_value, o{i}_nl, o{i}_en, o{i}_remove). */
export function parseQuestionForm(body: unknown): { ok: true; draft: QuestionDraft } | { ok: false; errors: FieldError[] } {
  const b = (body ?? {}) as Record<string, unknown>;
  const base = parseInput(questionBase, b);
  const errors: FieldError[] = base.ok ? [] : [...base.errors];
  const min = bound(b.min, 'min', errors);
  const max = bound(b.max, 'max', errors);
  if (min !== null && max !== null && min > max)
    errors.push({ field: 'max', message: { nl: 'De bovengrens is kleiner dan de ondergrens.', en: 'The maximum is below the minimum.' } });
  const options: QuestionDraft['options'] = [];
  for (let i = 0; i < MAX_OPTIONS; i++) {
    const nl = typeof b[`o${i}_nl`] === 'string' ? (b[`o${i}_nl`] as string).trim() : '';
    if (nl === '' || list(b[`o${i}_remove`]).length > 0) continue;
    const en = typeof b[`o${i}_en`] === 'string' ? (b[`o${i}_en`] as string).trim() : '';
    const value = typeof b[`o${i}_value`] === 'string' ? (b[`o${i}_value`] as string).trim() : '';
    if (nl.length > 200 || en.length > 200)
      errors.push({
        field: `o${i}_nl`,
        message: { nl: 'Gebruik hoogstens 200 tekens per antwoord.', en: 'Use at most 200 characters per option.' },
      });
    options.push({ value: /^[a-z0-9-]{1,40}$/.test(value) ? value : '', label: { nl, en } });
  }
  // Condition checkboxes are "questionId:value" (one fieldset per earlier choice question).
  const picked = list(b.condition)
    .map((c) => /^(\d{1,9}):(.{1,40})$/.exec(c))
    .filter((m): m is RegExpExecArray => m !== null);
  const ids = new Set(picked.map((m) => Number(m[1])));
  if (ids.size > 1)
    errors.push({
      field: 'condition',
      message: { nl: 'Kies antwoorden van één vraag als voorwaarde.', en: 'Choose answers of one question as the condition.' },
    });
  const condition = ids.size === 1 ? { questionId: [...ids][0], values: picked.map((m) => m[2]) } : null;
  if (!base.ok || errors.length > 0) return { ok: false, errors };
  const f = base.data;
  if ((f.type === 'single' || f.type === 'multiple') && options.length < 2) {
    return {
      ok: false,
      errors: [{ field: 'o0_nl', message: { nl: 'Geef minstens twee antwoordmogelijkheden.', en: 'Give at least two options.' } }],
    };
  }
  return {
    ok: true,
    draft: {
      key: f.key,
      type: f.type,
      text: { nl: f.textNl, en: f.textEn },
      help: { nl: f.helpNl, en: f.helpEn },
      required: list(b.required).length > 0,
      allowUnknown: list(b.allowUnknown).length > 0,
      condition,
      min,
      max,
      lowLabel: { nl: f.lowNl, en: f.lowEn },
      highLabel: { nl: f.highNl, en: f.highEn },
      options,
    },
  };
}

const EMAIL = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

/** Typed recipients, one per line: "naam@gemeente.nl" or "Naam, naam@gemeente.nl" or "Naam <naam@gemeente.nl>". */
export function parseTypedRecipients(
  raw: unknown,
): { ok: true; typed: { email: string; name: string | null }[] } | { ok: false; errors: FieldError[] } {
  const lines = (typeof raw === 'string' ? raw : '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > 20)
    return { ok: false, errors: [{ field: 'typed', message: { nl: 'Geef hoogstens 20 ontvangers.', en: 'Give at most 20 recipients.' } }] };
  const typed: { email: string; name: string | null }[] = [];
  for (const line of lines) {
    const m = /^(.*?)[\s,]*<?([^\s<>,]+@[^\s<>,]+)>?$/.exec(line);
    const email = m?.[2]?.toLowerCase() ?? '';
    if (!EMAIL.test(email) || email.length > 200) {
      return {
        ok: false,
        errors: [
          {
            field: 'typed',
            message: {
              nl: `‘${line.slice(0, 80)}’ is geen e-mailadres. Schrijf per regel bijvoorbeeld: Jan Jansen, jan@gemeente.nl`,
              en: `‘${line.slice(0, 80)}’ is not an email address. Write e.g. Jan Jansen, jan@example.org per line.`,
            },
          },
        ],
      };
    }
    const name =
      m?.[1]
        ?.trim()
        .replace(/[,<]+$/, '')
        .trim() || null;
    typed.push({ email, name: name ? name.slice(0, 200) : null });
  }
  return { ok: true, typed };
}

export function contactIdsOf(raw: unknown): number[] {
  return [
    ...new Set(
      list(raw)
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0 && n < 2_147_483_647),
    ),
  ];
}

export const importForm = z.object({
  csv: z.string().max(2_000_000).optional().default(''),
  mode: z.enum(['proef', 'importeren']).optional().default('proef'),
  confirm: z.string().optional(),
});
