// Files with an enquiry, on a real database: attached when it is logged or later, and enquiries made from an
// uploaded email (.eml or .msg), with the sender matched to a member and the email kept with the enquiry.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { uploadAs, type Upload } from '../../../test/support/multipart.ts';
import { MAX_ATTACHMENT_BYTES } from './attachments/attachment-check.ts';
import { outlookMessage, SAMPLE_FILES } from './email/outlook-message.fixture.ts';
import { addEnquiryCouncil, PASSWORD, type EnquiryCouncil } from './enquiry.fixture.ts';
import { readable } from '../../../test/support/html.ts';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const png = Buffer.from(SAMPLE_FILES.png);
/** A Windows program starts "MZ"; this one is only that, renamed to look like a letter. */
const program = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);

const attach = (fileName: string, content: Buffer | Uint8Array): Upload => ({ fileName, content, field: 'attachments' });

/** An email as a mail program saves it, with a PDF attached when asked. */
function eml(from: string, subject: string, body: string[], attachment?: { name: string; content: Buffer }): Buffer {
  const head = [`From: ${from}`, 'To: Member Enquiries <enquiries@riverbend.gov.uk>', `Subject: ${subject}`, 'Date: Mon, 16 Nov 2026 09:15:00 +0000', 'MIME-Version: 1.0'];
  if (!attachment) return Buffer.from([...head, 'Content-Type: text/plain; charset=utf-8', '', ...body].join('\r\n'));
  return Buffer.from([
    ...head,
    'Content-Type: multipart/mixed; boundary="part"',
    '',
    '--part',
    'Content-Type: text/plain; charset=utf-8',
    '',
    ...body,
    '--part',
    `Content-Type: application/octet-stream; name="${attachment.name}"`,
    `Content-Disposition: attachment; filename="${attachment.name}"`,
    'Content-Transfer-Encoding: base64',
    '',
    attachment.content.toString('base64'),
    '--part--',
  ].join('\r\n'));
}

describe('attachments on enquiries, and enquiries from an email', () => {
  let t: TestApp;
  let c: EnquiryCouncil;
  const as = async (email: string) => {
    const agent = new Agent(t.app);
    await agent.signIn(email, PASSWORD);
    return agent;
  };
  const enquiryCount = async () => Number((await t.deps.db.kysely.selectFrom('enquiries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const fields = (extra: Record<string, string> = {}) => ({ subject: 'Broken bench', details: 'The bench by the pond is split.', serviceId: String(c.services.highways), ...extra });
  let enquiryUrl = '';

  before(async () => {
    t = await createTestApp();
    c = await addEnquiryCouncil(t.deps);
    await t.deps.db.kysely.updateTable('members').set({ email: 'Bo.Baker@Example.org' }).where('id', '=', c.members.bo).execute();
  });
  after(async () => t.close());

  it('logs an enquiry with several files, each kept with its type told by content', async () => {
    const ann = await as(c.users.ann.email);
    const form = await ann.get('/enquiries/new');
    assert.match(form.body, /enctype="multipart\/form-data"/);
    assert.match(form.body, /name="attachments"[^>]* multiple/);
    const done = await uploadAs(ann, '/enquiries/new', fields({ copyTo: String(c.members.cy) }), [attach('letter.pdf', pdf), attach('bench.png', png)]);
    assert.equal(done.statusCode, 303, done.body);
    enquiryUrl = String(done.headers.location).replace('?logged=yes', '');
    const page = await ann.get(enquiryUrl);
    assert.match(page.body, />letter\.pdf<\/a> <span[^>]*>\(application\/pdf, 1 KB\)/);
    assert.match(page.body, />bench\.png<\/a> <span[^>]*>\(image\/png, 1 KB\)/);
    assert.match(page.body, /Copied to\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*Cllr Cy Cole/, 'the other fields arrive as before');
    const link = /href="(\/enquiries\/\d+\/attachments\/\d+)">letter\.pdf/.exec(page.body)![1]!;
    const download = await ann.get(link);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.deepEqual(download.rawPayload, pdf);
  });

  it('keeps a PDF that is also a web page, sent as report.html, as report.pdf, and serves it under that name', async () => {
    const ann = await as(c.users.ann.email);
    await ann.get('/enquiries/new');
    const polyglot = Buffer.concat([pdf, Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>\n')]);
    const done = await uploadAs(ann, '/enquiries/new', fields(), [attach('report.html', polyglot)]);
    assert.equal(done.statusCode, 303, done.body);
    const page = await ann.get(String(done.headers.location).replace('?logged=yes', ''));
    assert.doesNotMatch(page.body, /report\.html/);
    const link = /href="(\/enquiries\/\d+\/attachments\/\d+)">report\.pdf<\/a>/.exec(page.body)![1]!;
    const download = await ann.get(link);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.match(String(download.headers['content-disposition']), /^attachment; filename="report.pdf";/);
    // A file kept under a misleading name before names followed content is listed, as served, under the right one.
    await t.db.kysely.updateTable('enquiry_attachments').set({ file_name: 'old report.html' }).where('id', '=', Number(link.split('/').pop())).execute();
    const listed = await ann.get(String(done.headers.location).replace('?logged=yes', ''));
    assert.doesNotMatch(listed.body, /old report\.html/);
    assert.match(listed.body, />old report\.pdf<\/a>/);
  });

  it('refuses a program renamed .pdf and a file over 10 MB, naming each, and keeps nothing', async () => {
    const ann = await as(c.users.ann.email);
    await ann.get('/enquiries/new');
    const before = await enquiryCount();
    const big = Buffer.concat([pdf, Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    const bad = await uploadAs(ann, '/enquiries/new', fields({ subject: '' }), [attach('letter.pdf', program), attach('survey.pdf', big), attach('bench.png', png)]);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /There is a problem/);
    assert.match(bad.body, /href="#subject">Enter a subject/, 'the form’s own problems too');
    assert.match(bad.body, /href="#attachments">letter\.pdf is an executable file, not a PDF, Office document or image/);
    assert.match(bad.body, /href="#attachments">survey\.pdf is larger than 10 MB: each file must be 10 MB or smaller/);
    assert.doesNotMatch(bad.body, /href="#attachments">bench\.png/);
    assert.match(bad.body, /The bench by the pond is split\./, 'what was typed is kept');
    assert.equal(await enquiryCount(), before);
  });

  it('refuses more than ten files, and a form without its CSRF token', async () => {
    const ann = await as(c.users.ann.email);
    await ann.get('/enquiries/new');
    const before = await enquiryCount();
    const many = await uploadAs(ann, '/enquiries/new', fields(), Array.from({ length: 11 }, (_, i) => attach(`photo-${i}.png`, png)));
    assert.equal(many.statusCode, 413);
    assert.match(many.body, /href="#attachments">Attach 10 files or fewer at a time/);
    assert.equal((await uploadAs(ann, '/enquiries/new', fields(), [attach('letter.pdf', pdf)], { csrf: null })).statusCode, 403);
    assert.equal((await uploadAs(ann, '/enquiries/new', fields(), [attach('letter.pdf', pdf)], { csrf: 'forged' })).statusCode, 403);
    assert.equal(await enquiryCount(), before);
  });

  it('lets the officer and the author attach files later, recorded in the history and the audit trail', async () => {
    const head = await as(c.users.head.email);
    const page = await head.get(enquiryUrl);
    assert.match(page.body, new RegExp(`action="${enquiryUrl}/attachments" enctype="multipart/form-data"`));
    const added = await uploadAs(head, `${enquiryUrl}/attachments`, {}, [attach('inspection.pdf', pdf)]);
    assert.equal(added.statusCode, 303, added.body);
    const after = await head.get(String(added.headers.location));
    assert.match(after.body, /1 file was attached\./);
    assert.match(after.body, />inspection\.pdf<\/a>/);
    assert.match(after.body, /<strong>Files attached<\/strong>[\s\S]*?inspection\.pdf/);
    const audit = await t.deps.db.kysely.selectFrom('audit_events').select(['action', 'after_json']).where('action', '=', 'enquiry.attachment').execute();
    assert.equal(audit.length, 1);
    assert.match(String(audit[0]!.after_json), /inspection\.pdf/);

    const ann = await as(c.users.ann.email);
    await ann.get(enquiryUrl);
    assert.equal((await uploadAs(ann, `${enquiryUrl}/attachments`, {}, [attach('reply.pdf', pdf)])).statusCode, 303);
    const refused = await uploadAs(ann, `${enquiryUrl}/attachments`, {}, [attach('setup.pdf', program)]);
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /href="#attachments">setup\.pdf is an executable file/);
    const none = await uploadAs(ann, `${enquiryUrl}/attachments`, {}, []);
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /href="#attachments">Select the files to attach/);
  });

  it('does not let anyone else attach files: 404 to those who may not see it, 403 to a member only copied in', async () => {
    // Each signs in, then opens a page with a form for its token.
    const bo = await as(c.users.bo.email);
    await bo.get('/enquiries/new');
    assert.equal((await uploadAs(bo, `${enquiryUrl}/attachments`, {}, [attach('x.pdf', pdf)])).statusCode, 404);
    const parks = await as(c.users.parks.email);
    await parks.get('/enquiries/new');
    assert.equal((await uploadAs(parks, `${enquiryUrl}/attachments`, {}, [attach('x.pdf', pdf)])).statusCode, 404);
    const cy = await as(c.users.cy.email);
    const page = await cy.get(enquiryUrl);
    assert.doesNotMatch(page.body, /\/attachments" enctype/);
    assert.equal((await uploadAs(cy, `${enquiryUrl}/attachments`, {}, [attach('x.pdf', pdf)])).statusCode, 403);
  });

  it('makes an enquiry from an email: the sender matched to a member, the resident named, the email kept', async () => {
    const clerk = await as(c.users.clerk.email);
    const start = await clerk.get('/enquiries/from-email');
    assert.match(start.body, /name="file"/);
    const email = eml('Cllr Bo Baker <bo.baker@example.org>', 'FW: Overgrown hedge', [
      'Could this be looked at please?',
      '',
      '-----Original Message-----',
      'From: Jane Resident <jane.resident@example.org>',
      'Sent: 15 November 2026 18:02',
      'Subject: Overgrown hedge',
      '',
      'The hedge on Station Road blocks the pavement.',
    ], { name: 'hedge.pdf', content: pdf });
    const uploaded = await uploadAs(clerk, '/enquiries/from-email', {}, [{ fileName: 'hedge.eml', content: email }]);
    assert.equal(uploaded.statusCode, 303, uploaded.body);
    const draftUrl = String(uploaded.headers.location);
    assert.match(draftUrl, /^\/enquiries\/from-email\/\d+$/);
    const form = await clerk.get(draftUrl);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, new RegExp(`<option value="${c.members.bo}" selected>`), 'matched without regard to case');
    assert.match(form.body, /belongs to Cllr Bo Baker/);
    assert.match(form.body, /name="subject" type="text" value="Overgrown hedge"/);
    assert.match(form.body, /Could this be looked at please\?/);
    assert.match(form.body, /Originally from\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*Jane Resident &lt;jane\.resident@example\.org&gt;\s*<\/dd>/);
    assert.match(form.body, /Originally sent\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*15 November 2026 at 6:02pm/);
    assert.match(form.body, /hedge\.eml, hedge\.pdf/);

    const logged = await uploadAs(clerk, draftUrl, { memberId: String(c.members.bo), subject: 'Overgrown hedge', details: 'The hedge on Station Road blocks the pavement.', serviceId: String(c.services.parks) }, [attach('map.png', png)]);
    assert.equal(logged.statusCode, 303, logged.body);
    const page = await clerk.get(String(logged.headers.location));
    assert.match(page.body, /From\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*Cllr Bo Baker/);
    assert.match(page.body, />hedge\.eml<\/a> <span[^>]*>\(message\/rfc822/);
    assert.match(page.body, />hedge\.pdf<\/a>/);
    assert.match(page.body, />map\.png<\/a>/);
    assert.match(page.body, /From an email from Cllr Bo Baker &lt;bo\.baker@example\.org&gt;, forwarding a message from Jane Resident/);
    assert.equal((await clerk.get(draftUrl)).statusCode, 404, 'the draft is gone once logged');
  });

  it('keeps and serves the email under the extension of what it is: .eml, whatever it was called', async () => {
    const clerk = await as(c.users.clerk.email);
    for (const [sent, kept] of [['bench.eml', 'bench.eml'], ['bench.html', 'bench.eml']] as const) {
      await clerk.get('/enquiries/from-email');
      const email = eml('Cllr Bo Baker <bo.baker@example.org>', 'Split bench', ['<html><script>alert(1)</script></html>']);
      const uploaded = await uploadAs(clerk, '/enquiries/from-email', {}, [{ fileName: sent, content: email }]);
      assert.equal(uploaded.statusCode, 303, uploaded.body);
      const draftUrl = String(uploaded.headers.location);
      await clerk.get(draftUrl);
      const logged = await uploadAs(clerk, draftUrl, { memberId: String(c.members.bo), subject: 'Split bench', details: 'By the pond.', serviceId: String(c.services.parks) }, []);
      assert.equal(logged.statusCode, 303, logged.body);
      const page = await clerk.get(String(logged.headers.location));
      assert.doesNotMatch(page.body, /bench\.html/, sent);
      const link = new RegExp(`href="(/enquiries/\\d+/attachments/\\d+)">${kept.replace('.', '\\.')}</a>`).exec(page.body)?.[1];
      assert.ok(link, `${sent} is listed as ${kept}`);
      const download = await clerk.get(link);
      assert.equal(download.headers['content-type'], 'message/rfc822');
      assert.match(String(download.headers['content-disposition']), new RegExp(`^attachment; filename="${kept.replace('.', '\\.')}";`), sent);
    }
  });

  it('reads an Outlook .msg; a sender no member has is left for the officer to choose', async () => {
    const head = await as(c.users.head.email);
    await head.get('/enquiries/from-email');
    const msg = outlookMessage({
      subject: 'Street light out',
      body: 'The light outside 4 Mill Lane has been out for a week.',
      senderName: 'Someone Else',
      senderSmtpAddress: 'someone@example.net',
      attachments: [{ fileName: 'light.jpg', mimeType: 'image/jpeg', bytes: SAMPLE_FILES.jpeg }],
    });
    const uploaded = await uploadAs(head, '/enquiries/from-email', {}, [{ fileName: 'light.msg', content: msg }]);
    assert.equal(uploaded.statusCode, 303, uploaded.body);
    const form = await head.get(String(uploaded.headers.location));
    assert.match(readable(form.body), /No member has the sender’s address/);
    assert.doesNotMatch(form.body, /<option value="\d+" selected>/);
    assert.match(form.body, /value="Street light out"/);
    const missing = await uploadAs(head, String(uploaded.headers.location), { subject: 'Street light out', details: 'Out for a week.' }, []);
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /href="#memberId">Select the member the enquiry is from/);
    assert.match(missing.body, /light\.msg, light\.jpg/, 'still the draft');
    await t.deps.db.kysely.updateTable('enquiry_email_drafts').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    assert.equal((await head.get(String(uploaded.headers.location))).statusCode, 404, 'an expired draft is gone');
  });

  it('refuses a file that is not an email, and an email carrying a program, naming it', async () => {
    const clerk = await as(c.users.clerk.email);
    await clerk.get('/enquiries/from-email');
    const notEmail = await uploadAs(clerk, '/enquiries/from-email', {}, [{ fileName: 'letter.pdf', content: pdf }]);
    assert.equal(notEmail.statusCode, 400);
    assert.match(notEmail.body, /href="#file">letter\.pdf is not an email: save the message as \.eml or \.msg and upload that/);
    const carrying = await uploadAs(clerk, '/enquiries/from-email', {}, [{ fileName: 'invoice.eml', content: eml('bo.baker@example.org', 'Invoice', ['See attached.'], { name: 'invoice.pdf', content: program }) }]);
    assert.equal(carrying.statusCode, 400);
    assert.match(carrying.body, /href="#file">invoice\.pdf \(attached to invoice\.eml\) is an executable file/);
    const none = await uploadAs(clerk, '/enquiries/from-email', {}, []);
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /href="#file">Select an email saved as \.eml or \.msg/);
    assert.equal((await uploadAs(clerk, '/enquiries/from-email', {}, [{ fileName: 'x.eml', content: eml('a@b.example', 'x', ['x']) }], { csrf: null })).statusCode, 403);
  });

  it('logs a member’s email as their own, and does not let a member log one for another member', async () => {
    const ann = await as(c.users.ann.email);
    await ann.get('/enquiries/from-email');
    const uploaded = await uploadAs(ann, '/enquiries/from-email', {}, [{ fileName: 'bins.eml', content: eml('Ann Abbott <ANN.ABBOTT@riverbend.gov.uk>', 'Bins', ['Missed again on Elm Road.']) }]);
    assert.equal(uploaded.statusCode, 303);
    const draftUrl = String(uploaded.headers.location);
    const form = await ann.get(draftUrl);
    assert.match(form.body, /It will be logged as your enquiry\./);
    assert.doesNotMatch(form.body, /name="memberId"/);
    const forOther = await uploadAs(ann, draftUrl, { memberId: String(c.members.bo), subject: 'Bins', details: 'Missed again.' }, []);
    assert.equal(forOther.statusCode, 403);
    const bo = await as(c.users.bo.email);
    assert.equal((await bo.get(draftUrl)).statusCode, 404, 'a draft is only its uploader’s');
    const before = await enquiryCount();
    // The same form sent twice at once, as a double click does: one enquiry.
    const [first, second] = await Promise.all([0, 1].map(() => uploadAs(ann, draftUrl, { subject: 'Bins', details: 'Missed again.' }, [])));
    assert.deepEqual([first!.statusCode, second!.statusCode].sort(), [303, 404]);
    assert.equal(await enquiryCount(), before + 1);
    const own = first!.statusCode === 303 ? first! : second!;
    assert.match((await ann.get(String(own.headers.location))).body, /From\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*Cllr Ann Abbott/);
  });
});
