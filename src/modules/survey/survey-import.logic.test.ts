// Unit tests (no database): CSV reading, the import plan (every unmappable column, row and cell
// named), the export columns and codebook, and the builder's rules for changes once answers exist.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { additionProblems, changeProblems, conditionProblems, slugify, transitionProblems, uniqueCode, usageOf } from './builder.logic.ts';
import { parseCsv, toCsv } from './csv.logic.ts';
import { codebookRows, exportRows } from './export.logic.ts';
import { normalizeCode } from './import.logic.ts';
import { planImport } from './import-plan.logic.ts';
import { options, question, surveyOf } from './testing/defs.ts';
import type { Answers } from './types.ts';

const policy = question(1, {
  key: 'beleid',
  text: { nl: 'Heeft u beleid?', en: 'Do you have a policy?' },
  type: 'yesno',
  allowUnknown: true,
});
const forms = question(2, {
  key: 'vormen',
  type: 'multiple',
  options: [
    { value: 'seks', label: { nl: 'Seksuele uitbuiting', en: 'Sexual exploitation' } },
    { value: 'arbeid', label: { nl: 'Arbeidsuitbuiting', en: 'Labour exploitation' } },
  ],
});
const hours = question(3, { key: 'uren', type: 'number', min: 0, max: 80 });
const questions = [policy, forms, hours];

const lookup = {
  names: new Map([
    ['GM0363', 'Amsterdam'],
    ['GM0014', 'Groningen'],
    ['GM0599', 'Rotterdam'],
  ]),
  byName: new Map([
    ['amsterdam', 'GM0363'],
    ['groningen', 'GM0014'],
  ]),
  referenceDate: '2019-04-01',
  answered: new Set(['GM0599']),
};

describe('CSV', () => {
  test('reads quotes, doubled quotes, line breaks in cells and the Dutch ";" separator; writes it back', () => {
    const { rows, separator } = parseCsv('\uFEFFa;b;c\r\n"x;1";"zei ""ja""";"twee\nregels"\n\n');
    assert.equal(separator, ';');
    assert.deepEqual(rows, [
      ['a', 'b', 'c'],
      ['x;1', 'zei "ja"', 'twee\nregels'],
    ]);
    assert.equal(toCsv([['a,b', 'c"d', 1, null]]), '\uFEFF"a,b","c""d",1,\r\n');
  });
});

describe('import plan', () => {
  test('maps question columns by key or text and option columns; names every column, row and cell it cannot map', () => {
    const csv = [
      'gemeentecode;Heeft u beleid?;vormen: Arbeidsuitbuiting;vormen__seks;uren;lievelingskleur;provincie',
      'GM0363;ja;1;0;12;blauw;Noord-Holland',
      '14;weet niet;0;1;2,5;;Groningen',
      'GM9999;nee;0;0;1;;',
      'GM0363;nee;0;0;1;;',
      'GM0599;ja;0;0;1;;',
      'GM0014;misschien;2;0;99;;',
    ].join('\n');
    const plan = planImport(csv, questions, { ...lookup, answered: new Set(['GM0599']) });
    assert.deepEqual(
      plan.columns.map((c) => c.target?.kind ?? null),
      ['code', 'question', 'option', 'option', 'question', null, 'ignored'],
    );
    assert.equal(plan.total, 6);
    assert.deepEqual(
      plan.rows.map((r) => [r.line, r.code, r.answers]),
      [
        [2, 'GM0363', { 1: 'ja', 2: ['arbeid'], 3: 12 }],
        [3, 'GM0014', { 1: null, 2: ['seks'], 3: 2.5 }],
      ],
    );
    const said = plan.problems.map((p) => `${p.line}|${p.column}|${p.value}|${p.message.nl}`);
    assert.ok(said.includes('1|lievelingskleur|null|Deze kolom past bij geen vraag of antwoord van de enquête.'), said.join('\n'));
    assert.ok(said.some((s) => s.startsWith('4|gemeentecode|GM9999|GM9999 bestond niet op de peildatum 2019-04-01')));
    assert.ok(said.some((s) => s.startsWith('5|gemeentecode|GM0363|Amsterdam staat ook al op regel 2')));
    assert.ok(said.some((s) => s.startsWith('6|gemeentecode|GM0599|Rotterdam heeft al een antwoord')));
    assert.ok(said.includes('7|Heeft u beleid?|misschien|onbekend antwoord'));
    assert.ok(said.includes('7|vormen: Arbeidsuitbuiting|2|gebruik 1/0 of ja/nee'));
    assert.ok(said.includes('7|uren|99|buiten het toegestane bereik'));
  });

  test('municipality by name when there is no code column; a file without either is refused', () => {
    const plan = planImport('gemeente,beleid\nGroningen,nee\nAtlantis,ja\n', questions, lookup);
    assert.deepEqual(
      plan.rows.map((r) => r.code),
      ['GM0014'],
    );
    assert.match(plan.problems[0].message.nl, /Geen gemeente gevonden/);
    assert.match(planImport('beleid\nja\n', questions, lookup).problems[0].message.nl, /geen kolom met de gemeentecode/);
    assert.equal(normalizeCode('363'), 'GM0363');
    assert.equal(normalizeCode('Amsterdam'), null);
  });
});

describe('export', () => {
  test('one row per municipality, one column per question and per option; a codebook for every column', () => {
    const m = {
      code: 'GM0363',
      name: 'Amsterdam',
      provinceCode: 'PV27',
      provinceName: 'Noord-Holland',
      population: 870_000,
      sizeClass: 'k8',
    };
    const rows = exportRows(questions, [
      {
        municipality: m,
        status: 'submitted',
        source: 'online',
        submittedAt: '2019-04-10T10:00:00Z',
        answers: { 1: null, 2: ['arbeid'], 3: 4 },
      },
    ]);
    assert.deepEqual(rows[0].slice(7), ['beleid', 'vormen__seks', 'vormen__arbeid', 'uren']);
    assert.deepEqual(rows[1], ['GM0363', 'Amsterdam', 'Noord-Holland', 'k8', 'submitted', 'online', '2019-04-10', 'weet_niet', 0, 1, 4]);
    const book = codebookRows(questions);
    assert.ok(book.some((r) => r[0] === 'beleid' && r[3] === 'ja = Ja; nee = Nee; weet_niet = weet niet'));
    assert.ok(book.some((r) => r[0] === 'vormen__arbeid' && r[1].endsWith('Arbeidsuitbuiting')));
  });
});

describe('builder rules', () => {
  const responses: { submitted: boolean; answers: Answers }[] = [
    { submitted: true, answers: { 1: null, 2: ['seks'], 3: 40 } },
    { submitted: true, answers: { 1: 'ja' } },
    { submitted: false, answers: { 2: ['arbeid'] } },
  ];
  const draftOf = (q: typeof forms) => ({ ...q });

  test('once answered: text fixes allowed; removing a chosen option, type, key, bounds and "weet niet" refused with the reason', () => {
    const usage = usageOf(forms, responses);
    assert.deepEqual(changeProblems('open', forms, { ...draftOf(forms), text: { nl: 'Welke vormen?', en: 'Which?' } }, usage), []);
    const fewer = changeProblems('open', forms, { ...draftOf(forms), options: forms.options.slice(0, 1) }, usage);
    assert.match(fewer[0].nl, /Antwoord ‘Arbeidsuitbuiting’ kan niet weg: 1 gemeente\(n\) kozen het/);
    assert.match(changeProblems('open', forms, { ...draftOf(forms), type: 'single' }, usage)[0].nl, /soort vraag/);
    assert.deepEqual(changeProblems('draft', forms, { ...draftOf(forms), type: 'single' }, usage), [], 'a draft may change anything');
    const hoursUsage = usageOf(hours, responses);
    assert.match(changeProblems('open', hours, { ...hours, max: 30 }, hoursUsage)[0].nl, /bovengrens kan niet onder 40/);
    assert.match(changeProblems('open', hours, { ...hours, required: true }, hoursUsage)[0].nl, /1 ingediende antwoorden/);
    assert.match(
      changeProblems('open', policy, { ...policy, allowUnknown: false }, usageOf(policy, responses))[0].nl,
      /‘Weet niet’ kan niet weg/,
    );
    assert.match(additionProblems('open', { required: true }, 2)[0].nl, /niet-verplicht/);
  });

  test('conditions name an earlier choice question and its answers; status transitions are checked', () => {
    const def = surveyOf([[policy, forms], [hours]]);
    assert.deepEqual(conditionProblems(def, 3, 2, { questionId: 1, values: ['ja'] }), []);
    assert.match(conditionProblems(def, 1, 1, { questionId: 2, values: ['seks'] })[0].nl, /eerder/);
    assert.match(conditionProblems(def, null, 2, { questionId: 3, values: ['1'] })[0].nl, /keuzevraag/);
    assert.match(conditionProblems(def, null, 2, { questionId: 1, values: ['misschien'] })[0].nl, /antwoorden van die vraag/);
    assert.match(transitionProblems({ ...def, status: 'draft' }, 'published', '2019-04-01')[0].nl, /kan niet naar/);
    assert.match(transitionProblems({ ...def, status: 'draft', closesOn: '2019-03-01' }, 'open', '2019-04-01')[0].nl, /sluitingsdatum/);
    assert.deepEqual(
      transitionProblems(
        { ...def, status: 'draft', sections: [{ ...def.sections[0], questions: [{ ...forms, options: options('a', 'b') }] }] },
        'open',
        '2019-04-01',
      ),
      [],
    );
  });

  test('slugs and codes', () => {
    assert.equal(slugify('Enquête 2019: aanpak mensenhandel!'), 'enquete-2019-aanpak-mensenhandel');
    assert.equal(uniqueCode('a', new Set(['a', 'a-2'])), 'a-3');
  });
});
