// Reading a saved email: .eml and Outlook .msg messages, both written here as a mail program would.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { burn } from '@kenjiuno/msgreader/lib/Burner.js';
import { TypeEnum } from '@kenjiuno/msgreader/lib/Reader.js';
import { ValidationError } from '../../../errors.ts';
import { readForwardedEmail } from './forwarded-email.ts';
import { outlookMessage, SAMPLE_FILES } from './outlook-message.fixture.ts';

/** A message as it is saved: header lines, a blank line, the body, all with CRLF line ends. */
function eml(headers: string[], body: string[]): Uint8Array {
  return new TextEncoder().encode([...headers, '', ...body].join('\r\n'));
}

const common = ['From: "Cllr Sam Example" <Sam.Example@Council.example>', 'To: Member Enquiries <enquiries@council.example>', 'Date: Tue, 14 Jul 2026 10:30:00 +0100', 'MIME-Version: 1.0'];

async function refusal(bytes: Uint8Array, fileName: string): Promise<string> {
  const error = await readForwardedEmail(bytes, fileName).then(() => undefined, (e: unknown) => e);
  assert.ok(error instanceof ValidationError, 'a ValidationError');
  assert.equal(error.fields.length, 1);
  assert.equal(error.fields[0]!.field, 'file');
  return error.fields[0]!.message;
}

describe('readForwardedEmail: .eml', () => {
  it('reads a plain message: people, time in UTC, thread and text', async () => {
    const bytes = eml([
      ...common,
      'Cc: "Other, Alex" <alex.other@council.example>, ward-team@council.example',
      'Subject: Street light on Mill Lane',
      'Message-ID: <fwd-1@mail.council.example>',
      'In-Reply-To: <first@mail.example.org>',
      'References: <start@mail.example.org>\r\n <first@mail.example.org>',
      'Content-Type: text/plain; charset=utf-8',
    ], ['Please log this for me.', '', 'Sam']);
    assert.deepEqual(await readForwardedEmail(bytes, 'light.eml'), {
      from: { name: 'Cllr Sam Example', address: 'sam.example@council.example' },
      to: [{ name: 'Member Enquiries', address: 'enquiries@council.example' }],
      cc: [{ name: 'Other, Alex', address: 'alex.other@council.example' }, { name: null, address: 'ward-team@council.example' }],
      sentAt: '2026-07-14T09:30:00.000Z',
      subject: 'Street light on Mill Lane',
      text: 'Please log this for me.\n\nSam',
      messageId: '<fwd-1@mail.council.example>',
      inReplyTo: '<first@mail.example.org>',
      references: ['<start@mail.example.org>', '<first@mail.example.org>'],
      attachments: [],
    });
  });

  it('keeps attachments and named inline images, and leaves out a nameless image placed in the body', async () => {
    const pdf = '%PDF-1.4\n%%EOF\n';
    const bytes = eml([...common, 'Subject: Photos', 'Content-Type: multipart/mixed; boundary="outer"'], [
      '--outer',
      'Content-Type: multipart/related; boundary="inner"',
      '',
      '--inner',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>See the photo <img src="cid:logo@x"> <img src="cid:shot@x"></p>',
      '--inner',
      'Content-Type: image/png',
      'Content-ID: <logo@x>',
      'Content-Disposition: inline',
      'Content-Transfer-Encoding: base64',
      '',
      'iVBORw0KGgo=',
      '--inner',
      'Content-Type: image/png; name="screenshot.png"',
      'Content-ID: <shot@x>',
      'Content-Disposition: inline; filename="screenshot.png"',
      'Content-Transfer-Encoding: base64',
      '',
      'iVBORw0KGgo=',
      '--inner--',
      '--outer',
      'Content-Type: application/pdf; name="letter.pdf"',
      'Content-Disposition: attachment; filename="/Users/sam/Desktop/letter.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(pdf).toString('base64'),
      '--outer--',
    ]);
    const email = await readForwardedEmail(bytes, 'photos.eml');
    assert.equal(email.text, 'See the photo');
    assert.deepEqual(email.attachments.map((a) => [a.fileName, a.declaredType, Buffer.from(a.bytes).toString('latin1')]), [
      ['screenshot.png', 'image/png', '\x89PNG\r\n\x1a\n'],
      ['letter.pdf', 'application/pdf', pdf],
    ]);
  });

  it('turns an HTML-only body into readable text', async () => {
    const bytes = eml([...common, 'Subject: Crossing', 'Content-Type: text/html; charset=utf-8'], [
      '<html><head><style>p { color: red }</style></head><body><p>Dear Councillor,</p><p>We need a <b>crossing</b> by the school &amp; the shop.</p></body></html>',
    ]);
    assert.equal((await readForwardedEmail(bytes, 'crossing.eml')).text, 'Dear Councillor,\n\nWe need a crossing by the school & the shop.');
  });

  it('decodes quoted-printable and base64 bodies', async () => {
    const quoted = eml([...common, 'Subject: Fee', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable'], [
      'The parking permit now costs =C2=A345, which is far more than last year and m=',
      'any of us cannot pay it.',
    ]);
    assert.equal((await readForwardedEmail(quoted, 'fee.eml')).text, 'The parking permit now costs £45, which is far more than last year and many of us cannot pay it.');
    const base64 = eml([...common, 'Subject: Fee', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64'], [
      Buffer.from('Café on the corner – open late again.').toString('base64'),
    ]);
    assert.equal((await readForwardedEmail(base64, 'fee.eml')).text, 'Café on the corner – open late again.');
  });

  it('decodes a subject and names written in RFC 2047 encoded words', async () => {
    const bytes = eml([
      'From: =?UTF-8?B?U2lhbiBQcsOqdHJl?= <sian@example.org>',
      'To: =?ISO-8859-1?Q?Se=E1n_Example?= <sean@council.example>',
      'Subject: =?UTF-8?B?R3JhZmZpdGkgb24gdGhlIGJyaWRnZSDigJQg?= =?UTF-8?Q?Pont_y_Dre=C3=A2?=',
      'Date: Mon, 2 Feb 2026 08:00:00 +0000',
      'Content-Type: text/plain; charset=us-ascii',
    ], ['Please help.']);
    const email = await readForwardedEmail(bytes, 'graffiti.eml');
    assert.equal(email.subject, 'Graffiti on the bridge — Pont y Dreâ');
    assert.deepEqual(email.from, { name: 'Sian Prêtre', address: 'sian@example.org' });
    assert.deepEqual(email.to, [{ name: 'Seán Example', address: 'sean@council.example' }]);
    assert.equal(email.sentAt, '2026-02-02T08:00:00.000Z');
  });

  it('names the resident from an Outlook "Original Message" block', async () => {
    const bytes = eml([...common, 'Subject: FW: Overgrown hedge', 'Content-Type: text/plain; charset=utf-8'], [
      'Could this be looked at please?',
      '',
      '-----Original Message-----',
      'From: Jane Resident <Jane.Resident@example.org>',
      'Sent: 13 July 2026 18:02',
      'To: Cllr Sam Example <sam.example@council.example>',
      'Subject: Overgrown hedge',
      '',
      'The hedge on Station Road blocks the pavement.',
    ]);
    const email = await readForwardedEmail(bytes, 'hedge.eml');
    assert.deepEqual(email.forwarded, { from: { name: 'Jane Resident', address: 'jane.resident@example.org' }, sentAt: '2026-07-13T17:02:00.000Z', subject: 'Overgrown hedge' });
    assert.deepEqual(email.from, { name: 'Cllr Sam Example', address: 'sam.example@council.example' });
  });

  it('names the resident from a Gmail "Forwarded message" block in an HTML-only message', async () => {
    const bytes = eml([...common, 'Subject: Fwd: Fly-tipping', 'Content-Type: text/html; charset=utf-8'], [
      '<div dir="ltr">For the enquiry log.<br><br><div class="gmail_quote"><div class="gmail_attr">---------- Forwarded message ---------<br>',
      'From: <strong class="gmail_sendername">Jane Resident</strong> <span>&lt;<a href="mailto:jane@example.org">jane@example.org</a>&gt;</span><br>',
      'Date: Sun, 12 Jul 2026 at 14:45<br>Subject: Fly-tipping<br>To: &lt;<a href="mailto:sam.example@council.example">sam.example@council.example</a>&gt;<br></div><br>',
      '<div dir="ltr">Mattresses dumped in the lane again.</div></div></div>',
    ]);
    const email = await readForwardedEmail(bytes, 'fly-tipping.eml');
    assert.deepEqual(email.forwarded, { from: { name: 'Jane Resident', address: 'jane@example.org' }, sentAt: '2026-07-12T13:45:00.000Z', subject: 'Fly-tipping' });
    assert.match(email.text, /Mattresses dumped in the lane again\.$/);
  });

  it('has no forwarded message when the body quotes none', async () => {
    const email = await readForwardedEmail(eml([...common, 'Subject: Hello', 'Content-Type: text/plain'], ['Hello']), 'hello.eml');
    assert.equal('forwarded' in email, false);
  });

  it('reads a message saved from a mailbox file, with its "From " line first', async () => {
    const bytes = new TextEncoder().encode(`From sam@council.example Tue Jul 14 10:30:00 2026\n${new TextDecoder().decode(eml([...common, 'Subject: Saved'], ['Body']))}`);
    assert.equal((await readForwardedEmail(bytes, 'saved.mbox')).subject, 'Saved');
  });
});

describe('readForwardedEmail: .msg', () => {
  const received = outlookMessage({
    subject: 'Bus shelter glass',
    body: 'The glass in the shelter on Quay Street is broken again.\r\n\r\nPhotos attached.',
    senderName: 'Cllr Sam Example',
    senderEmail: 'Sam.Example@council.example',
    headers: [
      'Received: from mail.council.example by mx.council.example; Tue, 14 Jul 2026 10:30:05 +0100',
      'From: "Cllr Sam Example" <Sam.Example@council.example>',
      'To: <enquiries@council.example>',
      'Subject: Bus shelter glass',
      'Date: Tue, 14 Jul 2026 10:30:00 +0100',
      'Message-ID: <shelter-1@mail.council.example>',
    ].join('\r\n'),
    recipients: [{ name: 'enquiries@council.example', address: 'enquiries@council.example', type: 'to' }],
    attachments: [
      { fileName: 'shelter.jpg', mimeType: 'image/jpeg', bytes: SAMPLE_FILES.jpeg },
      { fileName: 'shelter.png', mimeType: 'image/png', bytes: SAMPLE_FILES.png },
      { fileName: 'scan.tif', mimeType: 'image/tiff', bytes: SAMPLE_FILES.tiff },
    ],
  });

  it('reads an Outlook message: sender, recipients, time, text, thread and attached files', async () => {
    const email = await readForwardedEmail(received, 'shelter.msg');
    const { attachments, ...rest } = email;
    assert.deepEqual(rest, {
      from: { name: 'Cllr Sam Example', address: 'sam.example@council.example' },
      // Outlook quotes a name that is only the address: such a name is dropped.
      to: [{ name: null, address: 'enquiries@council.example' }],
      cc: [],
      // "Date: Tue, 14 Jul 2026 10:30:00 +0100" in the headers it kept.
      sentAt: '2026-07-14T09:30:00.000Z',
      subject: 'Bus shelter glass',
      text: 'The glass in the shelter on Quay Street is broken again.\n\nPhotos attached.',
      messageId: '<shelter-1@mail.council.example>',
      inReplyTo: null,
      references: [],
    });
    assert.deepEqual(attachments.map((a) => [a.fileName, a.declaredType, a.bytes.byteLength, Buffer.from(a.bytes.subarray(0, 4)).toString('hex')]), [
      ['shelter.jpg', 'image/jpeg', SAMPLE_FILES.jpeg.byteLength, 'ffd8ffe0'],
      ['shelter.png', 'image/png', SAMPLE_FILES.png.byteLength, '89504e47'],
      ['scan.tif', 'image/tiff', SAMPLE_FILES.tiff.byteLength, '49492a00'],
    ]);
  });

  it('reads a message saved from Sent Items, without headers, from its MAPI properties', async () => {
    const sent = outlookMessage({
      subject: 'FW: Overgrown hedge',
      body: 'Could this be looked at please?\r\n\r\nFrom: Jane Resident <jane.resident@example.org>\r\nSent: 13 July 2026 18:02\r\nTo: Cllr Sam Example\r\nSubject: Overgrown hedge\r\n\r\nThe hedge on Station Road blocks the pavement.',
      senderName: 'Cllr Sam Example',
      senderEmail: '/O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=SAM',
      senderSmtpAddress: 'Sam.Example@council.example',
      submittedAt: new Date('2026-07-14T09:30:00Z'),
      recipients: [{ name: 'Member Enquiries', address: 'enquiries@council.example', type: 'to' }, { name: 'Alex Other', address: 'alex.other@council.example', type: 'cc' }],
    });
    const email = await readForwardedEmail(sent, 'hedge.msg');
    assert.deepEqual(email.from, { name: 'Cllr Sam Example', address: 'sam.example@council.example' });
    assert.deepEqual(email.to, [{ name: 'Member Enquiries', address: 'enquiries@council.example' }]);
    assert.deepEqual(email.cc, [{ name: 'Alex Other', address: 'alex.other@council.example' }]);
    assert.equal(email.sentAt, '2026-07-14T09:30:00.000Z');
    assert.equal(email.messageId, null);
    assert.deepEqual(email.forwarded, { from: { name: 'Jane Resident', address: 'jane.resident@example.org' }, sentAt: '2026-07-13T17:02:00.000Z', subject: 'Overgrown hedge' });
  });

  it('tells the format by content: a .msg inside a larger buffer, named .eml', async () => {
    const shared = Buffer.concat([Buffer.from('other data first'), received]).subarray(16);
    assert.equal((await readForwardedEmail(shared, 'wrongly-named.eml')).subject, 'Bus shelter glass');
  });

  it('refuses an Outlook item that is not mail, such as a meeting', async () => {
    assert.equal(await refusal(outlookMessage({ messageClass: 'IPM.Appointment', subject: 'Ward surgery' }), 'surgery.msg'), 'surgery.msg is not an email: save the message as .eml or .msg and upload that');
  });
});

describe('readForwardedEmail: files that are not emails', () => {
  const wordDocument = burn([
    { name: 'Root Entry', type: TypeEnum.ROOT, length: 0, children: [1] },
    { name: 'WordDocument', type: TypeEnum.DOCUMENT, length: 8, binaryProvider: () => new Uint8Array(8) },
  ]);
  const cases: [string, Uint8Array, string, string][] = [
    ['a PDF', new TextEncoder().encode('%PDF-1.7\n%%EOF\n'), 'letter.pdf', 'letter.pdf is not an email: save the message as .eml or .msg and upload that'],
    ['an empty file', new Uint8Array(0), 'message.eml', 'message.eml is not an email: save the message as .eml or .msg and upload that'],
    ['a text file', new TextEncoder().encode('Dear Councillor,\r\nSubject: my street\r\n'), 'note.eml', 'note.eml is not an email: save the message as .eml or .msg and upload that'],
    ['a Word 97-2003 document', wordDocument, 'C:\\Mail\\message.msg', 'message.msg is not an email: save the message as .eml or .msg and upload that'],
  ];
  for (const [what, bytes, name, message] of cases) {
    it(`refuses ${what}, naming the file`, async () => assert.equal(await refusal(bytes, name), message));
  }

  it('refuses a damaged Outlook message, saying so', async () => {
    const damaged = new Uint8Array(1024);
    damaged.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    assert.match(await refusal(damaged, 'broken.msg'), /^broken\.msg (could not be read as an Outlook message \(.+\)|is not an email): save the message as \.eml or \.msg and upload that$/);
  });
});
