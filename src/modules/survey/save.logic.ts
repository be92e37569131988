// Saving answers when colleagues share one response: a three-way merge per answer. The form a
// person saves was rendered at a base version and carries, per field, the hash of the answer it
// showed. A field whose value still has that hash was not touched and is left alone (a colleague's
// newer answer stays). A touched field is written unless a colleague changed that same answer after
// the base version to something else: then it is a conflict, nothing is overwritten, and the person
// is told what the colleague answered (and keeps what they typed). Pure: no I/O.
import { answerHash, sameAnswer } from './answers.logic.ts';
import type { AnswerMeta, Answers, AnswerValue } from './types.ts';

export interface StoredAnswers {
  version: number;
  answers: Answers;
  meta: AnswerMeta;
}

export interface AnswerChange {
  questionId: number;
  /** undefined: cleared / not answered. */
  value: AnswerValue | undefined;
  /** The hash of the answer the form showed; absent: the change is deliberate (a single-field save). */
  shownHash?: string;
}

export interface Conflict {
  questionId: number;
  /** What the colleague's save left (undefined: they cleared it). */
  theirs: AnswerValue | undefined;
  yours: AnswerValue | undefined;
  by: string;
  at: string;
}

export interface MergeResult {
  answers: Answers;
  meta: AnswerMeta;
  /** The response's new version (unchanged when nothing was written). */
  version: number;
  changed: number[];
  conflicts: Conflict[];
  /** Untouched fields a colleague changed after the base version: the person now sees their answer. */
  updatedByOthers: number[];
}

/** Merges a save made from `baseVersion` into the stored answers. */
export function mergeSave(
  stored: StoredAnswers,
  baseVersion: number,
  changes: readonly AnswerChange[],
  who: string,
  at: string,
): MergeResult {
  const answers: Answers = { ...stored.answers };
  const meta: AnswerMeta = { ...stored.meta };
  const version = stored.version + 1;
  const changed: number[] = [];
  const conflicts: Conflict[] = [];
  const updatedByOthers: number[] = [];
  for (const change of changes) {
    const key = String(change.questionId);
    const current = stored.answers[key];
    const last = stored.meta[key];
    const newer = last !== undefined && last[0] > baseVersion;
    if (change.shownHash !== undefined && answerHash(change.value) === change.shownHash) {
      if (newer) updatedByOthers.push(change.questionId); // not touched here, changed by a colleague
      continue;
    }
    if (sameAnswer(current, change.value)) continue;
    if (newer) {
      conflicts.push({ questionId: change.questionId, theirs: current, yours: change.value, by: last[2], at: last[1] });
      continue;
    }
    if (change.value === undefined) delete answers[key];
    else answers[key] = change.value;
    meta[key] = [version, at, who];
    changed.push(change.questionId);
  }
  return changed.length === 0
    ? { answers: stored.answers, meta: stored.meta, version: stored.version, changed, conflicts, updatedByOthers }
    : { answers, meta, version, changed, conflicts, updatedByOthers };
}
