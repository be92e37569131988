// Small-number suppression of figures shown outside the staff area. Pure: no I/O.
//
// Primary: a group with at least one and fewer than `threshold` respondents is not shown.
// Secondary (complementary): the groups of a breakdown add up to the country, so when the hidden
// groups of a breakdown together hold fewer than `threshold` respondents — a single hidden group
// always does — their figures could be worked out by subtraction; the smallest shown groups are
// hidden as well until the hidden ones together hold at least `threshold`. A group of 0
// respondents has no figures to protect and is shown as "no respondents".
// The country itself is hidden when it has fewer than `threshold` respondents.

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;
export const MIN_SUPPRESSION_THRESHOLD = 1;
export const MAX_SUPPRESSION_THRESHOLD = 50;

export type SuppressionReason = 'small' | 'complementary';

/** For each group (by index), why it is hidden, or null when shown. */
export function suppressBreakdown(counts: readonly number[], threshold: number): (SuppressionReason | null)[] {
  const out: (SuppressionReason | null)[] = counts.map((n) => (n > 0 && n < threshold ? 'small' : null));
  const hiddenTotal = () => counts.reduce((sum, n, i) => (out[i] ? sum + n : sum), 0);
  if (threshold <= 1 || out.every((r) => r === null)) return out;
  while (hiddenTotal() < threshold) {
    let smallest = -1;
    counts.forEach((n, i) => {
      if (out[i] === null && n > 0 && (smallest < 0 || n < counts[smallest])) smallest = i;
    });
    if (smallest < 0) break; // everything with respondents is hidden already
    out[smallest] = 'complementary';
  }
  return out;
}

/** Whether the country figures are shown. */
export function countryShown(respondents: number, threshold: number): boolean {
  return respondents >= threshold;
}

/** A figure as shown outside the staff area: the value, or null with the reason it is hidden. */
export interface Shown<T> {
  value: T | null;
  suppressed: SuppressionReason | null;
}

export function shownOrHidden<T>(value: T, reason: SuppressionReason | null): Shown<T> {
  return reason === null ? { value, suppressed: null } : { value: null, suppressed: reason };
}
