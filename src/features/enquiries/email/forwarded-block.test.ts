// The forwarded message in a body, as Outlook, Gmail and Apple Mail write it, and the dates they write.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { forwardedMessage, mailboxFromText, sentAtFromText } from './forwarded-block.ts';

describe('sentAtFromText', () => {
  const cases: [string, string | null, string][] = [
    ['10 November 2026 09:14', '2026-11-10T09:14:00.000Z', 'Outlook (UK), winter: GMT'],
    ['14 July 2026 09:14', '2026-07-14T08:14:00.000Z', 'Outlook (UK), summer: BST'],
    ['Tuesday, 14 July 2026 09:14', '2026-07-14T08:14:00.000Z', 'Outlook with the weekday'],
    ['Tuesday, July 14, 2026 9:14 AM', '2026-07-14T08:14:00.000Z', 'Outlook (US settings)'],
    ['Tue, 14 Jul 2026 at 21:14', '2026-07-14T20:14:00.000Z', 'Gmail'],
    ['14 July 2026 at 21:14:30 BST', '2026-07-14T20:14:30.000Z', 'Apple Mail, with its zone'],
    ['Tue, 14 Jul 2026 09:14:00 +0000', '2026-07-14T09:14:00.000Z', 'an RFC 5322 date with its offset'],
    ['14/07/2026 09:14', '2026-07-14T08:14:00.000Z', 'numbers alone, read day first'],
    ['12 May 2026 12:05 am', '2026-05-11T23:05:00.000Z', 'just after midnight on a 12-hour clock'],
    ['25 October 2026 00:30', '2026-10-24T23:30:00.000Z', 'the night the clocks go back, before'],
    ['25 October 2026 02:30', '2026-10-25T02:30:00.000Z', 'the night the clocks go back, after'],
    ['29 March 2026 02:30', '2026-03-29T01:30:00.000Z', 'the morning the clocks go forward'],
    ['31 February 2026 10:00', null, 'a day that does not exist'],
    ['10 November 2026 13:00 pm', null, 'a 24-hour time with pm'],
    ['yesterday', null, 'no date at all'],
  ];
  for (const [text, expected, what] of cases) {
    it(`reads "${text}" (${what})`, () => assert.equal(sentAtFromText(text), expected));
  }
});

describe('mailboxFromText', () => {
  const cases: [string, ReturnType<typeof mailboxFromText>][] = [
    ['Jane Resident <Jane.Resident@Example.org>', { name: 'Jane Resident', address: 'jane.resident@example.org' }],
    ['"Resident, Jane" <jane@example.org>', { name: 'Resident, Jane', address: 'jane@example.org' }],
    ['Jane Resident [mailto:jane@example.org]', { name: 'Jane Resident', address: 'jane@example.org' }],
    ['Jane Resident <jane@example.org [jane@example.org]>', { name: 'Jane Resident', address: 'jane@example.org' }],
    ['jane@example.org', { name: null, address: 'jane@example.org' }],
    ['Resident, Jane', { name: 'Resident, Jane', address: null }],
    ['', null],
  ];
  for (const [text, expected] of cases) {
    it(`reads "${text}"`, () => assert.deepEqual(mailboxFromText(text), expected));
  }
});

describe('forwardedMessage', () => {
  it('finds an Outlook "Original Message" block below the member\'s note', () => {
    const text = [
      'Please could someone look at this.',
      '',
      '-----Original Message-----',
      'From: Jane Resident <jane@example.org>',
      'Sent: 10 November 2026 09:14',
      'To: Cllr Sam Example <sam.example@council.example>',
      'Subject: Broken street light, Mill Lane',
      '',
      'The light outside number 4 has been out for a week.',
    ].join('\n');
    assert.deepEqual(forwardedMessage(text), {
      from: { name: 'Jane Resident', address: 'jane@example.org' },
      sentAt: '2026-11-10T09:14:00.000Z',
      subject: 'Broken street light, Mill Lane',
    });
  });

  it('finds a Gmail "Forwarded message" block', () => {
    const text = [
      '---------- Forwarded message ---------',
      'From: Jane Resident <jane@example.org>',
      'Date: Tue, 14 Jul 2026 at 21:14',
      'Subject: Bins not collected',
      'To: <sam.example@council.example>',
      '',
      '',
      'Our bins were missed again.',
    ].join('\n');
    assert.deepEqual(forwardedMessage(text), {
      from: { name: 'Jane Resident', address: 'jane@example.org' },
      sentAt: '2026-07-14T20:14:00.000Z',
      subject: 'Bins not collected',
    });
  });

  it('finds a block with no marker line, quoted, with bold labels and recipients wrapped onto the next line', () => {
    const text = [
      '> ________________________________',
      '> *From:* Resident, Jane',
      '> *Sent:* Tuesday, July 14, 2026 9:14 AM',
      '> *To:* Example, Sam (Cllr) <sam.example@council.example>; Other, Alex',
      '>    (Cllr) <alex.other@council.example>',
      '> *Subject:* RE: Planning notice',
      '>',
      '> Thank you.',
    ].join('\n');
    assert.deepEqual(forwardedMessage(text), { from: { name: 'Resident, Jane', address: null }, sentAt: '2026-07-14T08:14:00.000Z', subject: 'RE: Planning notice' });
  });

  it('takes the first of several blocks: the message the member forwarded', () => {
    const block = (who: string, day: number) => [`From: ${who} <${who.toLowerCase()}@example.org>`, `Sent: ${day} November 2026 10:00`, `Subject: Parking ${day}`, ''];
    const text = ['FYI', '', ...block('Jane', 12), 'Still waiting.', '', ...block('Officer', 11), 'We will look.'].join('\n');
    assert.equal(forwardedMessage(text)?.subject, 'Parking 12');
  });

  it('finds nothing in a body with a "From:" line that is not a header block', () => {
    assert.equal(forwardedMessage('From: the residents of Mill Lane\nWe would like a crossing.'), undefined);
    assert.equal(forwardedMessage('Dear Councillor,\nThe light is out.'), undefined);
  });
});
