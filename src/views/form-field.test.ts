// The shared form field (NL Design System pattern): label, description, error message beside the
// field and before the control, the control described by both, and a button grouped with it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ComponentChildren, h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { PageContext, type PageContextValue } from './context.ts';
import { ChoiceField, SelectField, TextField } from './form-field.tsx';

const page: PageContextValue = {
  locale: 'nl',
  path: '/',
  user: null,
  csrfToken: () => 'token',
  assets: { css: '/assets/app.css', islands: {} },
  islands: new Set(),
};
const render = (node: ComponentChildren) => renderToString(h(PageContext.Provider, { value: page }, node));
const error = { field: 'datum', message: { nl: 'Vul een datum in.', en: 'Enter a date.' } };

describe('form field', () => {
  test('label, description, error message, then the control, which is described by both', () => {
    const html = render(h(TextField, { name: 'datum', label: 'Datum', description: 'Als JJJJ-MM-DD.', errors: [error], type: 'date' }));
    const order = ['<label', 'id="field-datum-description"', 'id="field-datum-error"', '<input'].map((s) => html.indexOf(s));
    assert.ok(
      order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1])),
      `parts out of order: ${html}`,
    );
    assert.match(html, /class="utrecht-form-field utrecht-form-field--text utrecht-form-field--invalid"/);
    assert.match(html, /aria-describedby="field-datum-description field-datum-error"/);
    assert.match(html, /aria-invalid="true"/);
    assert.match(html, /<span class="gaz-visually-hidden">Fout: <\/span>Vul een datum in\./);
    assert.match(html, /\(niet verplicht\)/);
  });

  test('an addon sits in one group with the control (search + Zoek, date + Toon)', () => {
    const html = render(
      h(TextField, {
        name: 'gemeente',
        id: 'finder-gemeente',
        label: 'Gemeente',
        hideOptional: true,
        addon: h('button', { type: 'submit' }, 'Zoek'),
      }),
    );
    assert.match(
      html,
      /<div class="utrecht-form-field__input gaz-input-group"><input [^>]*id="finder-gemeente"[^>]*\/><button type="submit">Zoek<\/button><\/div>/,
    );
    assert.doesNotMatch(html, /niet verplicht/);
  });

  test('a select field has the same parts; without an error nothing is marked invalid', () => {
    const html = render(
      h(SelectField, { name: 'provincie', label: 'Provincie', options: [{ value: 'PV26', label: 'Utrecht' }], value: 'PV26' }),
    );
    assert.match(html, /<label class="utrecht-form-label" for="field-provincie">Provincie<\/label>/);
    assert.match(html, /<option value="PV26" selected>Utrecht<\/option>/);
    assert.doesNotMatch(html, /invalid|aria-describedby/);
  });

  test('a checkbox puts its label beside the control and is described by its description', () => {
    const html = render(
      h(ChoiceField, {
        type: 'checkbox',
        name: 'grants',
        value: 'audit',
        label: 'Logboek',
        description: 'Leest het logboek.',
        checked: true,
      }),
    );
    assert.match(html, /utrecht-form-field--checkbox/);
    assert.match(
      html,
      /<input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="field-grants-audit" name="grants" value="audit" checked aria-describedby="field-grants-audit-description"\/>/,
    );
  });
});

describe('select field', () => {
  test('a multiple select marks every chosen value and shows rows', () => {
    const html = render(
      h(SelectField, {
        name: 'gemeenten',
        label: 'Gemeenten',
        multiple: true,
        selected: ['GM0363', 'GM0344'],
        size: 4,
        controlClass: 'gaz-wide',
        options: [
          { value: 'GM0363', label: 'Amsterdam' },
          { value: 'GM0344', label: 'Utrecht' },
          { value: 'GM0599', label: 'Rotterdam' },
        ],
      }),
    );
    assert.match(
      html,
      /<select class="utrecht-select utrecht-select--html-select gaz-wide" id="field-gemeenten" name="gemeenten" multiple size="4">/,
    );
    assert.equal(html.match(/ selected>/g)?.length, 2);
    assert.match(html, /<option value="GM0599">Rotterdam<\/option>/);
  });
});
