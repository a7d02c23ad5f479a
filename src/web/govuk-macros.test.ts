// govuk("name", params) gives what the GOV.UK macro gives when imported the documented way, with only its
// indentation next to tags cut (compactMarkup), every time it is called, including a repeat served from memory;
// markup holding a textarea keeps every character; a name that is not a component is refused.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTemplateEnvironment } from './views.ts';
import { compactMarkup } from './govuk-macros.ts';

describe('GOV.UK macros called through govuk()', () => {
  const env = createTemplateEnvironment();
  const cases: [string, string, Record<string, unknown>][] = [
    ['select', 'govukSelect', { id: 'ward', name: 'ward', label: { text: 'Ward' }, items: [{ value: '', text: 'Any ward' }, { value: 3, text: 'Abbey & <Brook>', selected: true }], errorMessage: { text: 'Select a ward from the list' } }],
    ['date-input', 'govukDateInput', { id: 'from', namePrefix: 'from', fieldset: { legend: { text: 'Received on or after' } }, items: [{ name: 'day', value: '4' }, { name: 'month', value: '' }, { name: 'year', value: '2026' }] }],
    ['input', 'govukInput', { id: 'q', name: 'q', type: 'search', label: { text: 'Search' }, value: 'pothole' }],
    ['pagination', 'govukPagination', { previous: { href: '/enquiries?page=1' }, next: { href: '/enquiries?page=3' } }],
    ['textarea', 'govukTextarea', { id: 'details', name: 'details', label: { text: 'Details' }, value: 'First line\n\n    indented < line\n  last' }],
  ];
  // What a browser makes of it: runs of whitespace are one space, and none between tags.
  const rendered = (html: string) => html.replace(/\s+/g, ' ').replace(/> </g, '><').trim();
  for (const [component, macro, params] of cases) {
    it(`gives ${macro}'s markup, the first time and again`, () => {
      const imported = env.renderString(`{% from "govuk/components/${component}/macro.njk" import ${macro} %}{{ ${macro}(params) }}`, { params });
      const called = () => env.renderString(`{{ govuk(component, params) }}`, { component, params });
      assert.ok(imported.includes('govuk-'), 'the macro gave markup');
      assert.equal(called(), compactMarkup(imported));
      assert.equal(called(), compactMarkup(imported));
      assert.equal(rendered(called()), rendered(imported), 'only whitespace a browser ignores was cut');
      if (component === 'textarea') assert.equal(called(), imported, 'a textarea keeps its value exactly');
      else assert.ok(called().length < imported.length, 'the indentation was cut');
      assert.doesNotMatch(called(), /<[a-z]+\s*\n\s*\n/, 'no blank lines are left inside a tag');
    });
  }

  it('serves a frozen parameters object by identity, and a changed copy afresh', () => {
    const params = Object.freeze({ id: 'ward', name: 'ward', label: Object.freeze({ text: 'Ward' }), items: Object.freeze([Object.freeze({ value: 1, text: 'Abbey', selected: true })]) });
    const first = env.renderString('{{ govuk("select", params) }}', { params });
    assert.match(first, /<option value="1" selected>Abbey<\/option>/);
    assert.equal(env.renderString('{{ govuk("select", params) }}', { params }), first);
    const other = { ...params, items: [{ value: 2, text: 'Brook', selected: true }] };
    assert.match(env.renderString('{{ govuk("select", params) }}', { params: other }), /<option value="2" selected>Brook<\/option>/);
    // The same object handed to another component is that component's markup, not the select's.
    assert.doesNotMatch(env.renderString('{{ govuk("input", params) }}', { params }), /<select/);
  });

  it('refuses a name that is not a GOV.UK component', () => {
    assert.throws(() => env.renderString('{{ govuk("../../etc", {}) }}', {}), /not a GOV.UK component name/);
    assert.throws(() => env.renderString('{{ govuk("no-such-thing", {}) }}', {}));
  });
});
