// Democratic services log an enquiry from an email a member forwarded, in Chromium: the upload page, the form
// filled in from the email, a refused attachment, and the enquiry with the email kept — each checked with axe.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { assertAccessible, launchChromium, screenshot } from './support/browser.ts';
import { startDemoServer, type DemoServer } from './support/server.ts';
import { SignInPage } from './pages/sign-in.page.ts';

function forwardedEmail(from: string): Buffer {
  return Buffer.from([
    `From: ${from}`,
    'To: Member Enquiries <enquiries@council.example>',
    'Subject: FW: Broken swing in the park',
    'Date: Mon, 16 Nov 2026 09:15:00 +0000',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Please log this for me.',
    '',
    '-----Original Message-----',
    'From: Jane Resident <jane.resident@example.org>',
    'Sent: 15 November 2026 18:02',
    'Subject: Broken swing in the park',
    '',
    'One of the swings in the play area has a broken chain.',
  ].join('\r\n'));
}

describe('an enquiry from an email, in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  before(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('democratic services upload a member’s email, check the form it fills in, and log it', async () => {
    const clerk = server.signIns.find((s) => s.role === 'democratic-services')!;
    const member = server.signIns.find((s) => s.role === 'member')!;
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    try {
      await new SignInPage(page, server.baseUrl).signIn(clerk.email, server.password);
      await page.goto(`${server.baseUrl}/enquiries/new`);
      await page.getByRole('link', { name: 'log it from an email' }).click();
      await page.locator('h1', { hasText: 'Log an enquiry from an email' }).waitFor();
      await assertAccessible(page, 'the upload page');
      await screenshot(page, 'enquiry-from-email');

      await page.getByLabel('The email').setInputFiles({ name: 'swing.eml', mimeType: 'message/rfc822', buffer: forwardedEmail(`${member.name} <${member.email.toUpperCase()}>`) });
      await page.getByRole('button', { name: 'Upload the email' }).click();
      await page.locator('h1', { hasText: 'Check the enquiry from the email' }).waitFor();
      assert.equal(await page.getByLabel('Subject').inputValue(), 'Broken swing in the park');
      assert.match(await page.locator('main').innerText(), /Originally from\s+Jane Resident <jane\.resident@example\.org>/);
      assert.match(await page.getByLabel('Which member is it from?').locator('option:checked').innerText(), new RegExp(member.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      await assertAccessible(page, 'the form filled in from the email');
      await screenshot(page, 'enquiry-from-email-check');

      await page.getByLabel('More files (optional)').setInputFiles({ name: 'photo.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]) });
      await page.getByRole('button', { name: 'Log the enquiry' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      assert.match(await page.locator('.govuk-error-summary').innerText(), /photo\.pdf is an executable file/);
      await assertAccessible(page, 'the form with a refused file');
      await screenshot(page, 'enquiry-from-email-refused-file');

      await page.getByRole('button', { name: 'Log the enquiry' }).click();
      await page.getByText('The enquiry was logged.').waitFor();
      assert.match(await page.locator('main').innerText(), /swing\.eml/);
      await assertAccessible(page, 'the enquiry with the email kept');
      await screenshot(page, 'enquiry-from-email-logged');
    } finally {
      await page.close();
    }
  });
});
