// Unit tests (no database): reading answers per question type, conditions, completeness, the
// three-way merge of colleagues' saves, and the merger carry-over.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  answerHash,
  formatAnswer,
  missingRequired,
  parseFormAnswer,
  parseJsonAnswer,
  submittedAnswers,
  UNKNOWN_FIELD_VALUE,
  visibleQuestionIds,
} from './answers.logic.ts';
import { compareWithPrevious, numberDelta, previousSources, sourceLabel } from './carry.logic.ts';
import { mergeSave } from './save.logic.ts';
import { options, question, surveyOf } from './testing/defs.ts';

const single = question(1, { options: options('a', 'b'), allowUnknown: true });
const multi = question(2, { type: 'multiple', options: options('x', 'y', 'z') });
const num = question(3, { type: 'number', min: 0, max: 100, allowUnknown: true });
const text = question(4, { type: 'short_text' });

describe('reading answers', () => {
  test('single choice: a known option, "weet niet", an unknown option refused, empty is not answered', () => {
    assert.deepEqual(parseFormAnswer(single, { q1: 'a' }), { ok: true, value: 'a' });
    assert.deepEqual(parseFormAnswer(single, { q1: UNKNOWN_FIELD_VALUE }), { ok: true, value: null });
    assert.equal(parseFormAnswer(single, { q1: 'c' }).ok, false);
    assert.deepEqual(parseFormAnswer(single, {}), { ok: true, value: undefined });
    const noUnknown = question(9, { options: options('a') });
    assert.equal(parseFormAnswer(noUnknown, { q9: UNKNOWN_FIELD_VALUE }).ok, false);
  });

  test('multiple choice: in option order, duplicates once; options and "weet niet" together refused', () => {
    assert.deepEqual(parseFormAnswer(multi, { q2: ['z', 'x', 'z'] }), { ok: true, value: ['x', 'z'] });
    const both = parseFormAnswer({ ...multi, allowUnknown: true }, { q2: ['x'], q2_weetniet: '1' });
    assert.equal(both.ok, false);
    assert.match(both.ok ? '' : both.message.nl, /niet allebei/);
  });

  test('numbers: Dutch decimal comma, bounds with a message naming them, thousands separators refused', () => {
    assert.deepEqual(parseFormAnswer(num, { q3: '2,5' }), { ok: true, value: 2.5 });
    const high = parseFormAnswer(num, { q3: '101' });
    assert.equal(high.ok, false);
    assert.match(high.ok ? '' : high.message.nl, /hoogstens 100/);
    assert.equal(parseFormAnswer(num, { q3: '1.000.000' }).ok, false);
    assert.deepEqual(parseFormAnswer(num, { q3: '', q3_weetniet: '1' }), { ok: true, value: null });
  });

  test('text: trimmed, length limit; JSON answers follow the same rules', () => {
    assert.deepEqual(parseFormAnswer(text, { q4: '  ok  ' }), { ok: true, value: 'ok' });
    assert.equal(parseFormAnswer(text, { q4: 'x'.repeat(301) }).ok, false);
    assert.deepEqual(parseJsonAnswer(multi, ['y']), { ok: true, value: ['y'] });
    assert.deepEqual(parseJsonAnswer(num, 7), { ok: true, value: 7 });
    assert.equal(parseJsonAnswer(num, { a: 1 }).ok, false);
    assert.equal(formatAnswer(multi, ['x', 'z'], 'nl'), 'X; Z');
    assert.equal(formatAnswer(num, null, 'nl'), 'Weet niet');
  });
});

describe('conditions and completeness', () => {
  const a = question(1, { options: options('ja', 'nee'), required: true });
  const b = question(2, { required: true, options: options('p', 'q'), condition: { questionId: 1, values: ['ja'] } });
  const c = question(3, { required: true, type: 'short_text', condition: { questionId: 2, values: ['q'] } });
  const def = surveyOf([[a], [b, c]]);

  test('a question shows when its condition question is shown and answered as asked (chains too)', () => {
    assert.deepEqual([...visibleQuestionIds(def, {})], [1]);
    assert.deepEqual([...visibleQuestionIds(def, { 1: 'ja' })], [1, 2]);
    assert.deepEqual([...visibleQuestionIds(def, { 1: 'ja', 2: 'q' })], [1, 2, 3]);
    assert.deepEqual([...visibleQuestionIds(def, { 1: 'nee', 2: 'q' })], [1], 'hidden once its parent is hidden');
  });

  test('required answers are asked only of shown questions; answers of hidden questions are dropped at submission', () => {
    assert.deepEqual(
      missingRequired(def, { 1: 'ja' }).map((q) => q.id),
      [2],
    );
    assert.deepEqual(missingRequired(def, { 1: 'nee', 2: 'q' }), []);
    assert.deepEqual(submittedAnswers(def, { 1: 'nee', 2: 'q', 3: 'tekst' }), { 1: 'nee' });
  });
});

describe('two colleagues saving one response', () => {
  const stored = {
    version: 5,
    answers: { 1: 'a', 2: ['x'] },
    meta: { 1: [2, 't1', 'A'], 2: [5, 't5', 'Collega B'] } as Record<string, [number, string, string]>,
  };

  test('an untouched field keeps the colleague’s newer answer and is reported as updated', () => {
    const r = mergeSave(stored, 3, [{ questionId: 2, value: undefined, shownHash: answerHash(undefined) }], 'A', 't6');
    assert.deepEqual(r.changed, []);
    assert.deepEqual(r.conflicts, []);
    assert.deepEqual(r.updatedByOthers, [2]);
    assert.equal(r.version, 5, 'nothing written, the version stays');
  });

  test('a touched field the colleague changed since the base version is a conflict: nothing overwritten, told what they answered', () => {
    const r = mergeSave(
      stored,
      3,
      [
        { questionId: 2, value: ['y'], shownHash: answerHash(undefined) },
        { questionId: 1, value: 'b' },
      ],
      'A',
      't6',
    );
    assert.deepEqual(r.changed, [1]);
    assert.deepEqual(r.conflicts, [{ questionId: 2, theirs: ['x'], yours: ['y'], by: 'Collega B', at: 't5' }]);
    assert.deepEqual(r.answers, { 1: 'b', 2: ['x'] });
    assert.equal(r.version, 6);
    assert.deepEqual(r.meta[1], [6, 't6', 'A']);
  });

  test('the same answer as the colleague is no conflict; clearing an answer removes it', () => {
    assert.deepEqual(mergeSave(stored, 3, [{ questionId: 2, value: ['x'] }], 'A', 't').conflicts, []);
    const cleared = mergeSave(stored, 5, [{ questionId: 1, value: undefined }], 'A', 't7');
    assert.deepEqual(cleared.answers, { 2: ['x'] });
    assert.equal(cleared.version, 6);
  });
});

describe('merger carry-over', () => {
  const previous = [
    { code: 'GM0756', name: 'Boxmeer' },
    { code: 'GM1684', name: 'Cuijk' },
    { code: 'GM0788', name: 'Haaren' },
    { code: 'GM0855', name: 'Tilburg' },
    { code: 'GM0363', name: 'Amsterdam' },
  ];
  const successors = (code: string) =>
    ({
      GM0756: [{ code: 'GM1982', share: 1 }],
      GM1684: [{ code: 'GM1982', share: 1 }],
      GM0788: [
        { code: 'GM0855', share: 0.1 },
        { code: 'GM0865', share: 0.42 },
      ],
    })[code] ?? [{ code, share: 1 }];

  test('a new municipality gets the answers of every predecessor that merged into it', () => {
    const sources = previousSources('GM1982', previous, successors);
    assert.deepEqual(
      sources.map((s) => [s.name, s.relation, s.share]),
      [
        ['Boxmeer', 'predecessor', 1],
        ['Cuijk', 'predecessor', 1],
      ],
    );
    assert.match(sourceLabel(sources[0]).nl, /Voorganger Boxmeer \(opgegaan in uw gemeente\)/);
  });

  test('a municipality that existed keeps its own answers first and gains the part of a split predecessor', () => {
    const sources = previousSources('GM0855', previous, successors);
    assert.deepEqual(
      sources.map((s) => [s.name, s.relation]),
      [
        ['Tilburg', 'self'],
        ['Haaren', 'predecessor'],
      ],
    );
    assert.match(sourceLabel(sources[1]).nl, /10% van het grondgebied/);
    assert.deepEqual(previousSources('GM0014', previous, successors), []);
  });

  test('comparison with the previous answers', () => {
    const self = { code: 'x', name: 'X', relation: 'self' as const, share: 1 };
    assert.equal(compareWithPrevious('ja', true, [{ source: self, value: 'ja' }]), 'same');
    assert.equal(compareWithPrevious('ja', true, [{ source: self, value: 'nee' }]), 'changed');
    assert.equal(compareWithPrevious('ja', true, [{ source: self, value: undefined }]), 'new');
    assert.equal(compareWithPrevious('ja', false, [{ source: self, value: 'ja' }]), 'not-asked');
    assert.equal(compareWithPrevious('ja', true, []), 'no-previous');
    assert.equal(numberDelta({ type: 'number' }, 12, [{ source: self, value: 8 }]), 4);
  });
});
