// Merger carry-over: which answers of the previous round belong to a municipality of this round.
// Each round is on the municipal map of its own reference date. A municipality's previous answers
// are its own when it existed then and answered; the answers of municipalities that have merged
// into it (or of which part went to it, after a split) are carried to it and labelled with the
// predecessor's name. Comparison of an answer with the previous ones. Pure: no I/O.
import type { Localized } from '../../i18n.ts';
import { sameAnswer } from './answers.logic.ts';
import type { AnswerValue, QuestionDef } from './types.ts';

export interface PreviousSource {
  code: string;
  name: string;
  /** 'self': the same municipality; 'predecessor': merged into it (share 1) or partly (share < 1). */
  relation: 'self' | 'predecessor';
  /** Share of the predecessor's area that went to this municipality. */
  share: number;
}

/**
 * The previous round's respondents whose answers count for `targetCode`. `successorsOf(code)`
 * says where a municipality of the previous reference date lies on this round's date (itself when
 * it still exists), with area shares.
 */
export function previousSources(
  targetCode: string,
  previousRespondents: readonly { code: string; name: string }[],
  successorsOf: (code: string) => readonly { code: string; share: number }[],
): PreviousSource[] {
  const out: PreviousSource[] = [];
  for (const p of previousRespondents) {
    if (p.code === targetCode) {
      out.push({ code: p.code, name: p.name, relation: 'self', share: 1 });
      continue;
    }
    const hit = successorsOf(p.code).find((s) => s.code === targetCode);
    if (hit) out.push({ code: p.code, name: p.name, relation: 'predecessor', share: hit.share });
  }
  return out.sort((a, b) => (a.relation === b.relation ? a.name.localeCompare(b.name, 'nl') : a.relation === 'self' ? -1 : 1));
}

/** How a source is labelled beside its answer. */
export function sourceLabel(source: PreviousSource): Localized {
  if (source.relation === 'self') return { nl: 'Uw gemeente', en: 'Your municipality' };
  if (source.share >= 0.999) {
    return { nl: `Voorganger ${source.name} (opgegaan in uw gemeente)`, en: `Predecessor ${source.name} (merged into your municipality)` };
  }
  const pct = Math.round(source.share * 100);
  return {
    nl: `Voorganger ${source.name} (voor ${pct}% van het grondgebied opgegaan in uw gemeente)`,
    en: `Predecessor ${source.name} (${pct}% of its territory went to your municipality)`,
  };
}

export type Change = 'same' | 'changed' | 'new' | 'not-asked' | 'no-previous';

export interface PreviousAnswer {
  source: PreviousSource;
  value: AnswerValue | undefined;
}

/**
 * How the current answer compares with the previous round: 'no-previous' (no source answered),
 * 'not-asked' (the question was not in the previous round), 'new' (none of the sources answered
 * it), 'same' (every source that answered gave this answer), 'changed' otherwise.
 */
export function compareWithPrevious(current: AnswerValue | undefined, asked: boolean, previous: readonly PreviousAnswer[]): Change {
  if (previous.length === 0) return 'no-previous';
  if (!asked) return 'not-asked';
  const answered = previous.filter((p) => p.value !== undefined);
  if (answered.length === 0) return 'new';
  return answered.every((p) => sameAnswer(p.value, current)) ? 'same' : 'changed';
}

/** The difference of a number answer with one previous number answer (null when not both numbers). */
export function numberDelta(
  q: Pick<QuestionDef, 'type'>,
  current: AnswerValue | undefined,
  previous: readonly PreviousAnswer[],
): number | null {
  if (q.type !== 'number' || typeof current !== 'number') return null;
  const numbers = previous.map((p) => p.value).filter((v): v is number => typeof v === 'number');
  return numbers.length === 1 ? current - numbers[0] : null;
}

export const CHANGE_LABELS: Record<Change, Localized> = {
  same: { nl: 'Gelijk aan de vorige meting', en: 'Same as the previous round' },
  changed: { nl: 'Anders dan de vorige meting', en: 'Different from the previous round' },
  new: { nl: 'Vorige keer niet beantwoord', en: 'Not answered last time' },
  'not-asked': { nl: 'Nieuwe vraag in deze meting', en: 'New question in this round' },
  'no-previous': { nl: 'Geen antwoorden uit de vorige meting', en: 'No answers from the previous round' },
};
