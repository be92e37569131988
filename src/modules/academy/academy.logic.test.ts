import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCertificateCode, newCertificateCode, parseCompletionsCsv, parseLessons, parseQuiz, scoreQuiz, slugOf } from './academy.logic.ts';

test('lessons: a title line, text, an embedded video and an image with alt text', () => {
  const parsed = parseLessons(
    '# Wat is mensenhandel?\nUitbuiting in drie vormen.\n\nTweede alinea.\nVideo: https://video.example.org/1\n# Signalen\nAfbeelding: https://img.example.org/a.png | Een loket\nLet op.',
  );
  assert.ok(parsed.ok);
  assert.equal(parsed.value.length, 2);
  assert.equal(parsed.value[0].body, 'Uitbuiting in drie vormen.\n\nTweede alinea.');
  assert.equal(parsed.value[0].videoUrl, 'https://video.example.org/1');
  assert.deepEqual([parsed.value[1].imageUrl, parsed.value[1].imageAlt], ['https://img.example.org/a.png', 'Een loket']);
  const bad = parseLessons('tekst zonder titel');
  assert.equal(bad.ok, false);
  assert.match(bad.ok ? '' : bad.message.nl, /regel 1/);
  assert.equal(parseLessons('# Les\nVideo: http://onveilig.example').ok, false);
});

test('quiz: one right answer per question, at least two answers', () => {
  const q = parseQuiz('? Wie coördineert de zorg?\n- De politie\n* De zorgcoördinator\n? Is bedelen strafbaar?\n* Soms\n- Nooit');
  assert.ok(q.ok);
  assert.deepEqual(
    q.value.map((x) => x.correct),
    [1, 0],
  );
  assert.equal(parseQuiz('? Vraag\n- a\n- b').ok, false);
  assert.equal(parseQuiz('? Vraag\n* a\n* b').ok, false);
  assert.equal(parseQuiz('- los antwoord').ok, false);
});

test('the score is the share of right answers against the pass mark', () => {
  const qs = [{ correct: 1 }, { correct: 0 }, { correct: 2 }, { correct: 0 }];
  assert.deepEqual(scoreQuiz(qs, [1, 0, 2, 1], 70), { score: 75, passed: true, right: 3 });
  assert.deepEqual(scoreQuiz(qs, [1, 0, null, 1], 70), { score: 50, passed: false, right: 2 });
  assert.equal(scoreQuiz(qs, [1, 0, 2, 0], 100).passed, true);
});

test('certificate codes are readable and recognisable', () => {
  const code = newCertificateCode();
  assert.ok(isCertificateCode(code), code);
  assert.equal(isCertificateCode('GAZ-0000-1111-IIII'), false);
});

test('the completions CSV: columns by name, comma or semicolon, quotes', () => {
  const parsed = parseCompletionsCsv(
    '\uFEFFE-mail;Cursus;Datum\nA@Example.org;"Signalen, herkennen";2019-06-01\n\nb@example.org;x;01-06-2019',
  );
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.value[0], { line: 2, email: 'a@example.org', course: 'Signalen, herkennen', date: '2019-06-01' });
  assert.equal(parsed.value[1].line, 4);
  assert.equal(parseCompletionsCsv('naam,datum\nx,y').ok, false);
});

test('slugs', () => {
  assert.equal(slugOf('Signalen herkennen: de basis (e-learning)'), 'signalen-herkennen-de-basis-e-learning');
  assert.equal(slugOf('Coördinatie'), 'coordinatie');
});
