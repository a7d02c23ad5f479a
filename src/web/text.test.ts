// The one rule for text people send: control characters are refused, everything a person types is not.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { fieldLabel, findControlCharacter, hasControlCharacter, text } from './text.ts';

describe('text without control characters', () => {
  it('refuses NUL, the other C0 controls, DEL, lone surrogates and U+FFFE/U+FFFF', () => {
    for (const bad of ['a\u0000b', '\u0001', '\u0008', '\u000B', '\u000C', '\u001B[31m', '\u001F', '\u007F', 'x\uD800', '\uDC00x', '\uFFFE', '\uFFFF']) {
      assert.equal(hasControlCharacter(bad), true, JSON.stringify(bad));
    }
  });

  it('takes tabs, line breaks, accents, Welsh, right-to-left text and emoji', () => {
    for (const good of ['Line one\r\nLine two\tand a tab', 'Café Ŵyn ŷ', 'مرحبا', 'Bins 🗑️ on Mill Lane', '']) {
      assert.equal(hasControlCharacter(good), false, JSON.stringify(good));
    }
  });

  it('names the field in a schema’s message', () => {
    const result = z.object({ subject: text('Subject').max(10) }).safeParse({ subject: 'Pot\u0000hole' });
    assert.ok(!result.success);
    assert.deepEqual(result.error.issues.map((i) => [i.path.join('.'), i.message]), [['subject', 'Subject must not contain control characters']]);
    assert.equal(text('Subject').safeParse('Pothole').success, true);
  });

  it('finds the first offending input by its path, keys included, and labels it for people', () => {
    assert.equal(findControlCharacter({ a: 'fine', b: { c: ['ok', 'bad\u0000'] } }), 'b.c.1');
    assert.equal(findControlCharacter({ ['na\u0000me']: 'x' }), 'field name');
    assert.equal(findControlCharacter({ file: { fileName: 'notes.txt', content: Buffer.from([0, 1, 2]) } }), undefined, 'file contents are not text');
    assert.equal(fieldLabel('querystring.serviceRequestReference'), 'Service request reference');
    assert.equal(fieldLabel('b.c.1'), 'C');
  });
});
