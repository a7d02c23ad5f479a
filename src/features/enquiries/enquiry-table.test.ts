// The enquiry table written out by enquiry-table.ts is the markup govukTable and govukTag give for the same rows,
// whitespace aside: every status, with and without a ward, an officer, a deadline, overdue, and text to escape.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTemplateEnvironment } from '../../web/views.ts';
import { enquiryTableHtml, ENQUIRY_TABLE_CAPTION, ENQUIRY_TABLE_HEAD } from './enquiry-table.ts';
import { listRow } from './enquiry.view.ts';
import { STATUSES, type EnquiryListItem } from './enquiry.types.ts';

// The table as list.njk would build it from GOV.UK Frontend's macros.
const REFERENCE = `{% from "govuk/components/table/macro.njk" import govukTable %}
{% from "govuk/components/tag/macro.njk" import govukTag %}
{% set tableRows = [] %}
{% for r in rows %}
  {% set enquiryCell %}<a class="govuk-link" href="/enquiries/{{ r.id }}">{{ r.reference }}</a><br>{{ r.subject }}{% endset %}
  {% set memberCell %}{{ r.memberName }}{% if r.wardName %}<br><span class="govuk-!-font-size-16">{{ r.wardName }}</span>{% endif %}{% endset %}
  {% set dueCell %}<span class="nolan-nowrap">{{ r.dueOn | date }}</span>{% if r.overdue %}<br>{{ govukTag({ text: "Overdue", classes: "govuk-tag--red" }) }}{% endif %}{% endset %}
  {% set tableRows = (tableRows.push([
    { html: enquiryCell },
    { html: memberCell },
    { text: r.assignedOfficerName or "Not yet assigned" },
    { html: dueCell },
    { html: govukTag(r.tag) }
  ]), tableRows) %}
{% endfor %}
{{ govukTable({ caption: caption, captionClasses: "govuk-visually-hidden", head: head, rows: tableRows }) }}`;

/** Whitespace only: runs become one space, and none is kept between one tag and the next. */
const normalise = (html: string) => html.replace(/\s+/g, ' ').replace(/>\s+</g, '><').trim();

function item(i: number, extra: Partial<EnquiryListItem> = {}): EnquiryListItem {
  return {
    id: 1000 + i,
    reference: `ENQ-26-${String(i).padStart(4, '0')}`,
    subject: `Pothole on Mill Lane, number ${i}`,
    memberName: 'Cllr Ann Abbott',
    wardName: 'Abbey',
    serviceName: 'Highways',
    status: STATUSES[i % STATUSES.length]!,
    assignedOfficerName: 'Eve Engineer',
    receivedAt: '2026-10-01T09:00:00.000Z',
    receivedOn: '2026-10-01',
    dueOn: '2026-10-29',
    ...extra,
  };
}

describe('the enquiry table', () => {
  const env = createTemplateEnvironment();
  const today = '2026-11-23';
  const rows = [
    ...STATUSES.map((_, i) => item(i)),
    item(6, { wardName: null, assignedOfficerName: null, dueOn: null }),
    item(7, { status: 'in-progress', dueOn: '2026-11-30' }),
    item(8, { status: 'received', dueOn: '2026-11-20' }),
    item(9, { subject: `<script>alert("x")</script> & 'quotes' \\ back`, memberName: 'Cllr O’Brien & <Co>', wardName: 'St "Mary\'s"', assignedOfficerName: 'A <b>bold</b> officer' }),
  ].map((r) => listRow(r, today));

  it('is the markup govukTable and govukTag give for the same rows', () => {
    assert.ok(rows.some((r) => r.overdue) && rows.some((r) => !r.overdue));
    const expected = env.renderString(REFERENCE, { rows, caption: ENQUIRY_TABLE_CAPTION, head: ENQUIRY_TABLE_HEAD.map((text) => ({ text })) });
    assert.equal(normalise(enquiryTableHtml(rows)), normalise(expected));
  });

  it('escapes what people typed as the template would', () => {
    const html = enquiryTableHtml(rows);
    assert.doesNotMatch(html, /<script>|<b>bold/);
    assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &#39;quotes&#39; &#92; back/);
  });

  it('has an empty body when there are no rows', () => {
    const expected = env.renderString(REFERENCE, { rows: [], caption: ENQUIRY_TABLE_CAPTION, head: ENQUIRY_TABLE_HEAD.map((text) => ({ text })) });
    assert.equal(normalise(enquiryTableHtml([])), normalise(expected));
  });
});
