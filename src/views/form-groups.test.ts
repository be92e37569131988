// The form kit's groups: a fieldset of checkboxes or radios described by its description and error,
// and a file field.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ComponentChildren, h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { PageContext, type PageContextValue } from './context.ts';
import { ChoiceGroup, FileField } from './form-groups.tsx';

const page: PageContextValue = {
  locale: 'nl',
  path: '/',
  user: null,
  csrfToken: () => 'token',
  assets: { css: '/assets/app.css', islands: {} },
  islands: new Set(),
};
const render = (node: ComponentChildren) => renderToString(h(PageContext.Provider, { value: page }, node));

describe('form groups', () => {
  test('a choice group is a fieldset described by its description and error, one field per option', () => {
    const grants = { field: 'grants', message: { nl: 'Kies geldige rechten.', en: 'Choose valid rights.' } };
    const html = render(
      h(ChoiceGroup, {
        type: 'checkbox',
        name: 'grants',
        legend: 'Rechten',
        description: 'Vink aan wat mag.',
        errors: [grants],
        checked: ['editor'],
        options: [
          { value: 'editor', label: 'Redacteur', description: 'Schrijft nieuws.' },
          { value: 'audit', label: 'Logboek' },
        ],
      }),
    );
    assert.match(
      html,
      /^<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--invalid" id="field-grants" aria-describedby="field-grants-description field-grants-error"><legend class="utrecht-form-fieldset__legend">Rechten<\/legend>/,
    );
    const order = ['id="field-grants-description"', 'id="field-grants-error"', 'id="field-grants-editor"', 'id="field-grants-audit"'].map(
      (s) => html.indexOf(s),
    );
    assert.ok(
      order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1])),
      `parts out of order: ${html}`,
    );
    assert.match(html, /<span class="gaz-visually-hidden">Fout: <\/span>Kies geldige rechten\./);
    assert.match(html, /id="field-grants-editor" name="grants" value="editor" checked aria-describedby="field-grants-editor-description"/);
    assert.match(html, /id="field-grants-audit" name="grants" value="audit"\/>/);
  });

  test('radio options may carry their own ids; without an error or description the fieldset is not described', () => {
    const html = render(
      h(ChoiceGroup, {
        type: 'radio',
        name: 'q0',
        id: 'quiz-q0',
        legend: '1. Vraag',
        options: [
          { value: '0', label: 'Ja', id: 'q0-0' },
          { value: '1', label: 'Nee', id: 'q0-1' },
        ],
      }),
    );
    assert.match(html, /<fieldset class="utrecht-form-fieldset" id="quiz-q0">/);
    assert.match(
      html,
      /<input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="q0-1" name="q0" value="1"\/>/,
    );
    assert.doesNotMatch(html, /aria-describedby|invalid|checked/);
  });

  test('a file field has no value and is described by its description and error', () => {
    const file = { field: 'file', message: { nl: 'Kies een CSV-bestand.', en: 'Choose a CSV file.' } };
    const html = render(h(FileField, { name: 'file', label: 'Bestand', accept: '.csv', description: 'Tot 8 MB.', errors: [file] }));
    assert.match(
      html,
      /<input class="utrecht-textbox utrecht-textbox--invalid" type="file" id="field-file" name="file" accept=".csv" aria-describedby="field-file-description field-file-error" aria-invalid="true"\/>/,
    );
    assert.doesNotMatch(html, /value=/);
    assert.match(html, /\(niet verplicht\)/);
  });
});
