// Input schemas of the network module (Zod): staff forms and self-service forms. Dates follow the one
// rule of the platform (route-kit's dateField: YYYY-MM-DD, 2000-01-01…2099-12-31); numbers are decimal
// as people type them (rules.ts); query strings are read with route-kit's dateFromQuery.
import { z } from 'zod';
import { dateField, optionalDateField, parseId } from '../../http/route-kit.ts';
import { msg, optionalText, requiredText } from '../../http/validate.ts';
import { ruleMessages } from './messages.ts';
import { activePeriodProblems, isValidFte, isValidNorm, parseDecimal } from './rules.ts';
import { ORGANISATION_TYPES } from './tables.ts';

/** A decimal field: "0,8" or "0.8" within bounds; exponents, hexadecimal and empty values are refused. */
const decimal = (numberMessage: { nl: string; en: string }, rangeMessage: { nl: string; en: string }, valid: (n: number) => boolean) =>
  z.preprocess((v) => (typeof v === 'string' ? (parseDecimal(v) ?? v) : v), z.number(msg(numberMessage)).refine(valid, msg(rangeMessage)));

const fte = decimal(ruleMessages.fteNumber, ruleMessages.fteRange, isValidFte);

const url = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
  z
    .url({ protocol: /^https?$/ })
    .max(300)
    .optional(),
);

const email = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
  z.email(msg(ruleMessages.email)).max(200).optional(),
);

export const organisationForm = z.object({
  name: requiredText(200),
  type: z.enum(ORGANISATION_TYPES, msg(ruleMessages.organisationType)),
  website: url,
});

export const contactFields = {
  name: requiredText(200),
  phone: optionalText(40),
  email,
  webPage: url,
};

const organisationId = z.preprocess((v) => parseId(v) ?? v, z.number(msg(ruleMessages.organisation)));

/** The active period in order: activeTo (exclusive, optional) after activeFrom. */
function periodInOrder(d: { activeFrom: string; activeTo?: string }, ctx: z.RefinementCtx) {
  for (const p of activePeriodProblems(d.activeFrom, d.activeTo ?? null))
    ctx.addIssue({ code: 'custom', path: [p.field], message: msg(p.message).error });
}

const recordFields = { ...contactFields, organisationId, activeFrom: dateField, activeTo: optionalDateField };

/** A coordinator's record (the staff edit form; FTE changes have their own form). */
export const coordinatorRecordForm = z.object(recordFields).superRefine(periodInOrder);

export const coordinatorForm = z.object({ ...recordFields, fte }).superRefine(periodInOrder);

export const ownCoordinatorForm = z.object({ ...contactFields, fte });

export const fteForm = z.object({ fte, effectiveFrom: dateField });

const codes = z.preprocess(
  (v) => (Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[\s,;]+/).filter(Boolean) : []),
  z.array(z.string().regex(/^GM\d{4}$/, msg(ruleMessages.codesFormat))).max(400, msg(ruleMessages.codesTooMany)),
);
const someCodes = codes.refine((c) => c.length > 0, msg(ruleMessages.codesRequired));
const action = z.enum(['add', 'remove'], msg(ruleMessages.action));

export const coverageForm = z.object({ action, region: optionalText(40), codes, effectiveDate: dateField });

export const proposalForm = z.object({ action, codes: someCodes, effectiveDate: dateField, note: optionalText(1000) });

export const decisionForm = z.object({ decision: z.enum(['approved', 'rejected']) });

export const normForm = z.object({ norm: decimal(ruleMessages.normNumber, ruleMessages.normRange, isValidNorm) });

export const customRegionForm = z.object({ name: requiredText(200), codes: someCodes });
