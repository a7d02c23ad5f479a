// Democratic services find a message Nolan gave up on and try it again, in the browser, with axe on each page.
// The demo runs without SMTP_URL, so the message goes back to waiting, where the page says why it is not sent.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Browser } from 'playwright-core';
import { axeViolations, describeViolations, launchChromium, screenshot } from './support/browser.ts';
import { startDemoServer, type DemoServer } from './support/server.ts';
import { SignInPage } from './pages/sign-in.page.ts';

describe('the mail page, in Chromium', () => {
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

  it('shows a message given up on and tries it again', async () => {
    // A message the mail server refused ten times, as the outbox leaves it: written straight into the demo's file.
    const file = new DatabaseSync(path.join(server.dataDir, 'nolan.sqlite'), { timeout: 5000 });
    const at = new Date().toISOString();
    file
      .prepare(`insert into outbox (recipient, recipient_name, subject, body_text, kind, entity, entity_id, created_at, attempts, next_attempt_at, failed_permanently_at, last_error)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run('no.such.person@council.example', 'Cllr Nobody', 'Your enquiry has been received', 'Received.', 'enquiry.acknowledged', 'enquiry', '1', at, 10, at, at, '451 Mailbox busy');
    file.close();

    const clerk = server.signIns.find((s) => s.role === 'democratic-services')!;
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    try {
      await new SignInPage(page, server.baseUrl).signIn(clerk.email, server.password);
      await page.goto(`${server.baseUrl}/admin`);
      await page.getByRole('link', { name: 'Mail' }).click();
      await page.getByRole('heading', { name: 'Not sent' }).waitFor();
      assert.match(await page.locator('main').innerText(), /451 Mailbox busy/);
      let violations = await axeViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));
      await screenshot(page, 'admin-outbox');

      await page.getByRole('button', { name: /Try again now/ }).click();
      await page.getByText(/will be sent again at the next delivery/).waitFor();
      const waiting = await page.locator('main').innerText();
      assert.match(waiting, /Waiting to be sent[\s\S]*no\.such\.person@council\.example/);
      violations = await axeViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));
    } finally {
      await page.close();
    }
  });
});
