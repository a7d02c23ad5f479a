// Pages stay one byte a character: text escaped for HTML writes characters outside ASCII as references, template
// text is compacted and narrowed when the template is loaded, and a whole page holds nothing outside ASCII.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isStringOneByteRepresentation } from 'node:v8';
import { escapeHtml, narrowMarkup, pageBytes } from './html-text.ts';
import { prepareTemplateSource } from './template-source.ts';
import { createTemplateEnvironment } from './views.ts';
import { readable } from '../../test/support/html.ts';

const NOT_ASCII = /[^\t\n\r\x20-\x7e]/;

describe('escaping text for a page', () => {
  it('escapes markup as Nunjucks does and writes other characters as references', () => {
    assert.equal(escapeHtml(`<a href="x">Tom & Jerry's \\ </a>`), '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s &#92; &lt;/a&gt;');
    assert.equal(escapeHtml('Children’s Services – St Mark’s © 2026'), 'Children&#8217;s Services &#8211; St Mark&#8217;s &#169; 2026');
    assert.equal(escapeHtml('Siân Llŷr 😀 مرحبا'), 'Si&#226;n Ll&#375;r &#128512; &#1605;&#1585;&#1581;&#1576;&#1575;');
    assert.equal(escapeHtml('plain text'), 'plain text');
  });

  it('reads back as the same text in a browser', () => {
    const text = 'Children’s Services – “quoted” 😀 Siân';
    assert.equal(readable(escapeHtml(text)), text);
    assert.equal(readable(narrowMarkup(`<p class="x">${text}</p>`)), `<p class="x">${text}</p>`);
  });

  it('gives back text stored a byte a character, though what it was given was stored two', () => {
    const twoBytes = ['Children’s Services', 'St Mark’s <b>', '😀'];
    for (const text of twoBytes) assert.ok(!isStringOneByteRepresentation(text), `${text} is given two bytes a character`);
    for (const text of [...twoBytes, 'Siân', 'Tom & Jerry']) {
      assert.ok(isStringOneByteRepresentation(escapeHtml(text)), `escaped ${text}`);
      assert.ok(isStringOneByteRepresentation(narrowMarkup(`<p>${text}</p>`)), `narrowed ${text}`);
    }
  });
});

describe('a page as it is sent', () => {
  it('is the UTF-8 of the page, whether or not it is plain ASCII', () => {
    // Ł and ’ are U+0141 and U+2019: their low bytes, 0x41 and 0x19, are ASCII, so copying low bytes would lose them.
    for (const html of ['<p>St Mark&#8217;s</p>', '<p>St Mark’s, Ynys Môn</p>', '<p>\u{1F600} and é</p>', '<p>Łukasz</p>', '<p>St Mark’s</p>', '']) {
      assert.deepEqual(pageBytes(html), Buffer.from(html, 'utf8'), html);
      assert.equal(pageBytes(html).toString('utf8'), html);
    }
  });
});

describe('a template as it is loaded', () => {
  it('narrows and compacts the text between tags, and leaves the tags alone', () => {
    const source = '<p>\n    The council’s {{ "protocol’s" }} page\n\n    </p>{% if a %}  Ward – {{ b }}{% endif %}{# comment’s #}';
    assert.equal(prepareTemplateSource(source), '<p>\nThe council&#8217;s {{ "protocol’s" }} page\n</p>{% if a %}  Ward &#8211; {{ b }}{% endif %}{# comment’s #}');
  });

  it('keeps the whitespace of a template with preformatted text', () => {
    const source = '<textarea>\n  line one\n\n  line two</textarea> St Mark’s';
    assert.equal(prepareTemplateSource(source), '<textarea>\n  line one\n\n  line two</textarea> St Mark&#8217;s');
  });
});

describe('a rendered page', () => {
  it('holds nothing outside ASCII, whatever the data and the templates hold', () => {
    const env = createTemplateEnvironment();
    const html = env.render('enquiries/views/list.njk', {
      title: 'Your enquiry queue',
      councilName: 'Ynys Môn’s Council',
      navigation: [{ href: '/', text: 'Cartref – Home', active: true }],
      rows: [],
      total: 0,
      views: [{ id: 'open', text: 'Open', href: '/enquiries' }],
      view: 'open',
      filters: {
        service: { id: 'service', name: 'service', label: { text: 'Service' }, items: [{ value: '1', text: 'Children’s Services' }] },
        officer: { id: 'officer', name: 'officer', label: { text: 'Assigned officer' }, items: [{ value: '', text: 'Any officer' }] },
        ward: { id: 'ward', name: 'ward', label: { text: 'Ward' }, items: [{ value: '2', text: 'St Mark’s' }] },
      },
      values: { q: 'naïve “search”' },
      pagination: { page: 1, pages: 1 },
      cspNonce: 'n',
      csrfToken: 't',
    });
    assert.ok(!NOT_ASCII.test(html), `not ASCII: ${NOT_ASCII.exec(html)?.[0]}`);
    // One two-byte piece anywhere would make the whole page two bytes a character when it is joined up to be sent.
    assert.ok(isStringOneByteRepresentation(html), 'the page is stored a byte a character');
    const text = readable(html);
    for (const shown of ['Ynys Môn’s Council', 'Children’s Services', 'St Mark’s', 'value="naïve “search”"', 'Cartref – Home', '© Ynys']) assert.ok(text.includes(shown), shown);
  });

  it('holds nothing outside ASCII where a macro is handed markup built elsewhere', () => {
    const env = createTemplateEnvironment();
    const html = env.renderString('{{ govuk("inset-text", { html: markup }) }}{{ govuk("inset-text", { html: \'<p>The group’s “notes”</p>\' }) }}', { markup: '<a href="/briefings/1">another group’s briefing</a>' });
    assert.ok(!NOT_ASCII.test(html), `not ASCII: ${NOT_ASCII.exec(html)?.[0]}`);
    assert.ok(isStringOneByteRepresentation(html), 'the page is stored a byte a character');
    assert.match(readable(html), /another group’s briefing<\/a>[\s\S]*The group’s “notes”/);
  });
});
