// The document register in the browser, with axe on each page: democratic services add an entry (after an error
// summary) and see it listed; a member sees a published exempt entry without its file; the public list signed out.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { assertAccessible, launchChromium, screenshot } from './support/browser.ts';
import { startDemoServer, type DemoServer } from './support/server.ts';
import { SignInPage } from './pages/sign-in.page.ts';

describe('the document register, in Chromium', () => {
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

  it('lets democratic services add an exempt entry, after naming what is missing', async () => {
    const clerk = server.signIns.find((s) => s.role === 'democratic-services')!;
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    try {
      await new SignInPage(page, server.baseUrl).signIn(clerk.email, server.password);
      await page.getByRole('link', { name: 'Documents' }).first().click();
      await page.getByRole('heading', { name: 'Documents' }).waitFor();
      await assertAccessible(page, '/documents');
      await page.getByRole('link', { name: 'Add a document' }).click();
      await assertAccessible(page, '/documents/new');
      await page.getByLabel('Title').fill('Car park charges: tender evaluation');
      await page.getByLabel('Exempt', { exact: true }).check();
      await page.getByRole('button', { name: 'Save' }).click();
      const summary = page.locator('.govuk-error-summary');
      await summary.waitFor();
      const problems = await summary.innerText();
      for (const text of [/Enter a summary/, /committee or body/, /Schedule 12A/, /public interest test/, /reviewed/]) assert.match(problems, text);
      await assertAccessible(page, '/documents/new with errors');
      await screenshot(page, 'documents-new-errors');

      await page.getByLabel('Summary').fill('Scores of the three bids received.');
      await page.getByLabel('Committee or body').selectOption({ label: 'Cabinet' });
      await page.getByLabel('Or the author’s name').fill('Procurement team');
      await page.getByLabel(/Paragraph 3:/).check();
      await page.getByLabel('Public interest test').fill('Bidders’ prices are commercially sensitive until the contract is awarded.');
      await page.getByLabel('Day').fill('1');
      await page.getByLabel('Month').fill('6');
      await page.getByLabel('Year').fill('2027');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('The document was added to the register.').waitFor();
      assert.match(await page.locator('main').innerText(), /Schedule 12A, paragraph 3/);
      await assertAccessible(page, 'the new entry');
      await screenshot(page, 'documents-entry');
    } finally {
      await page.close();
    }
  });

  it('shows a member an exempt entry the council lists, without its summary or file', async () => {
    const member = server.signIns.find((s) => s.role === 'member')!;
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    try {
      await new SignInPage(page, server.baseUrl).signIn(member.email, server.password);
      await page.goto(`${server.baseUrl}/documents?classification=exempt`);
      await page.getByRole('link', { name: /Disposal of the former depot site/ }).click();
      const main = await page.locator('main').innerText();
      assert.match(main, /not available to you/);
      assert.doesNotMatch(main, /preferred bidder/);
      await assertAccessible(page, 'an exempt entry, as a member');
    } finally {
      await page.close();
    }
  });

  it('lists open papers for the public, signed out, with their files', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    try {
      await page.goto(`${server.baseUrl}/public/documents`);
      await page.getByRole('heading', { name: 'Council documents' }).waitFor();
      assert.ok(await page.getByRole('link', { name: /Agenda/ }).count());
      await assertAccessible(page, '/public/documents');
      await screenshot(page, 'public-documents');
    } finally {
      await page.close();
    }
  });
});
