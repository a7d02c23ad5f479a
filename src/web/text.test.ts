// The one rule for text people send: control characters are refused, everything a person types is not.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { fieldLabel, findControlCharacter, hasControlCharacter, optionalText, text } from './text.ts';

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

  const outcome = (schema: z.ZodType, value: unknown) => {
    const result = schema.safeParse(value);
    return result.success ? { value: result.data } : { problem: result.error.issues[0]?.message };
  };

  it('reads a required field trimmed, with its own messages for missing, blank and too long', () => {
    const subject = text('Subject', { required: 'Enter a subject', max: 10, tooLong: 'The subject must be 10 characters or fewer' });
    assert.deepEqual(outcome(subject, undefined), { problem: 'Enter a subject' });
    assert.deepEqual(outcome(subject, '   '), { problem: 'Enter a subject' });
    assert.deepEqual(outcome(subject, '  Potholes  '), { value: 'Potholes' });
    assert.deepEqual(outcome(subject, 'Potholes on Mill Lane'), { problem: 'The subject must be 10 characters or fewer' });
    assert.deepEqual(outcome(subject, 'Pot\u0000hole'), { problem: 'Subject must not contain control characters' });
    assert.deepEqual(outcome(text('Title', { max: 1000 }), 'x'.repeat(1001)), { problem: 'Title must be 1,000 characters or fewer' }, 'a GOV.UK message unless told');
  });

  it('refuses a control character at either end rather than trimming it away', () => {
    // A vertical tab and a form feed are white space to trim(), but no person types them.
    for (const value of ['\u000BPotholes', 'Potholes\u000C']) {
      assert.deepEqual(outcome(text('Subject', { required: 'Enter a subject' }), value), { problem: 'Subject must not contain control characters' });
    }
  });

  it('takes line breaks in a textarea, and refuses them in a single-line field', () => {
    assert.deepEqual(outcome(text('Details', { required: 'Enter the details' }), 'Line one\r\nLine two'), { value: 'Line one\r\nLine two' });
    assert.deepEqual(outcome(text('Subject', { required: 'Enter a subject', singleLine: true }), 'Line one\nLine two'), { problem: 'Subject must be on one line' });
    assert.deepEqual(outcome(text('Subject', { required: 'Enter a subject', singleLine: true }), 'Potholes\r\n'), { value: 'Potholes' }, 'a line break trimmed from the end is no second line');
  });

  it('gives the missing message alone to a field that is not otherwise required', () => {
    const date = text('Date of the meeting', { missing: 'Enter the date of the meeting' });
    assert.deepEqual(outcome(date, undefined), { problem: 'Enter the date of the meeting' });
    assert.deepEqual(outcome(date, ''), { value: '' });
  });

  it('reads an optional field as null when it is blank or not sent', () => {
    const notes = optionalText('Notes', { max: 5, tooLong: 'Keep it to 5 characters or fewer' });
    assert.deepEqual(outcome(notes, undefined), { value: null });
    assert.deepEqual(outcome(notes, '  '), { value: null });
    assert.deepEqual(outcome(notes, ' Note '), { value: 'Note' });
    assert.deepEqual(outcome(notes, 'Longer'), { problem: 'Keep it to 5 characters or fewer' });
    assert.deepEqual(outcome(notes, 'N\u0000'), { problem: 'Notes must not contain control characters' });
  });

  it('finds the first offending input by its path, keys included, and labels it for people', () => {
    assert.equal(findControlCharacter({ a: 'fine', b: { c: ['ok', 'bad\u0000'] } }), 'b.c.1');
    assert.equal(findControlCharacter({ ['na\u0000me']: 'x' }), 'field name');
    assert.equal(findControlCharacter({ file: { fileName: 'notes.txt', content: Buffer.from([0, 1, 2]) } }), undefined, 'file contents are not text');
    assert.equal(fieldLabel('querystring.serviceRequestReference'), 'Service request reference');
    assert.equal(fieldLabel('b.c.1'), 'C');
  });
});
