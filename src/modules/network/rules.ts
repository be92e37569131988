// The network's own input rules, pure: decimal numbers as people type them (a comma or a point, no
// exponents or hexadecimal), the FTE and norm bounds, and the order of a coordinator's dates. The
// forms (schema.ts) and the services apply the same rules, with the messages in messages.ts.
import type { FieldError } from '../../http/errors.ts';
import { DATE_MESSAGE, isSupportedDate, rangeError } from '../../http/route-kit.ts';
import { FTE_MAX, NORM_MAX, NORM_MIN, ruleMessages } from './messages.ts';

const DECIMAL = /^\d{1,3}(?:[.,]\d{1,4})?$/;

/** "0,8" or "0.8" → 0.8; anything else (exponents, hexadecimal, signs, spaces inside) → null. */
export function parseDecimal(text: string): number | null {
  const t = text.trim();
  return DECIMAL.test(t) ? Number(t.replace(',', '.')) : null;
}

export function isValidFte(fte: number): boolean {
  return Number.isFinite(fte) && fte >= 0 && fte <= FTE_MAX;
}

export function isValidNorm(norm: number): boolean {
  return Number.isFinite(norm) && norm >= NORM_MIN && norm <= NORM_MAX;
}

export function fteProblems(fte: number, field = 'fte'): FieldError[] {
  return isValidFte(fte) ? [] : [{ field, message: ruleMessages.fteRange }];
}

/** A coordinator's dates: both supported dates, and `activeTo` (exclusive) after `activeFrom`. */
export function activePeriodProblems(activeFrom: string, activeTo: string | null): FieldError[] {
  const out: FieldError[] = [];
  if (!isSupportedDate(activeFrom)) out.push({ field: 'activeFrom', message: DATE_MESSAGE });
  if (activeTo !== null && !isSupportedDate(activeTo)) out.push({ field: 'activeTo', message: DATE_MESSAGE });
  if (out.length === 0 && activeTo !== null) {
    if (activeTo < activeFrom) out.push(rangeError('activeTo'));
    else if (activeTo === activeFrom) out.push({ field: 'activeTo', message: ruleMessages.activeToAfterFrom });
  }
  return out;
}
