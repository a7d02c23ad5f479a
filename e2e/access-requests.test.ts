// Asking to see a paper, in the browser with axe on each page: a member asks (after an error summary), the
// protocol refuses at once and the member disputes it; the Monitoring Officer grants it for viewing only; the
// member confirms the purpose and reads it in Nolan's viewer; the public disclosure log shows the decision.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { assertAccessible, launchChromium, screenshot } from './support/browser.ts';
import { startDemoServer, type DemoServer } from './support/server.ts';
import { SignInPage } from './pages/sign-in.page.ts';

const PAPER = /Appointment of a Director: shortlisting report/;

describe('asking to see a paper, in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  let requestUrl = '';
  before(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(role: string, run: (page: Page) => Promise<void>) {
    const who = server.signIns.find((s) => s.role === role)!;
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    try {
      await new SignInPage(page, server.baseUrl).signIn(who.email, server.password);
      await run(page);
    } finally {
      await page.close();
    }
  }

  it('lets a member ask, naming what is missing first, and dispute the protocol’s refusal', async () => {
    await signedIn('member', async (page) => {
      await page.goto(`${server.baseUrl}/documents?classification=exempt`);
      await page.getByRole('link', { name: PAPER }).click();
      await page.getByRole('link', { name: 'Ask to see this document' }).click();
      await assertAccessible(page, '/access-requests/new');
      await page.getByRole('button', { name: 'Send the request' }).click();
      const problems = await page.locator('.govuk-error-summary').innerText();
      for (const text of [/what you need the document for/, /why you need to see/, /personal interest/]) assert.match(problems, text);
      await assertAccessible(page, '/access-requests/new with errors');
      await page.getByLabel('My duties as a councillor').check();
      await page.getByLabel('Why do you need to see it?').fill('I sit on the scrutiny committee that will review the appointment process.');
      await page.getByLabel('No', { exact: true }).check();
      await page.getByRole('button', { name: 'Send the request' }).click();
      await page.getByText('Your request was sent.').waitFor();
      requestUrl = page.url().split('?')[0]!;
      const main = await page.locator('main').innerText();
      assert.match(main, /Refused/);
      assert.match(main, /Clause 112/);
      await assertAccessible(page, 'a refused request');
      await page.getByLabel('Why you dispute it').fill('The committee’s review needs the shortlisting scores.');
      await page.getByRole('button', { name: 'Send the dispute' }).click();
      await page.getByText('Your dispute was sent for review.').waitFor();
      assert.match(await page.locator('main').innerText(), /Disputed/);
    });
  });

  it('lets the Monitoring Officer grant it for viewing only, from the queue', async () => {
    await signedIn('monitoring-officer', async (page) => {
      await page.goto(`${server.baseUrl}/access-requests`);
      await assertAccessible(page, 'the decider’s queue');
      await page.getByRole('link', { name: PAPER }).click();
      await assertAccessible(page, 'a request awaiting review');
      await page.getByLabel('Grant', { exact: true }).check();
      await page.getByLabel(/View only/).check();
      await page.getByLabel('Reasons').fill('The review needs the scores; viewing only, as the report is about individuals.');
      await page.getByRole('button', { name: 'Record the decision' }).click();
      await page.getByText('The decision was recorded and the member told.').waitFor();
      await screenshot(page, 'access-request-granted');
    });
  });

  it('opens the paper to the member in the viewer once the purpose is confirmed, and lists the decision publicly', async () => {
    await signedIn('member', async (page) => {
      await page.goto(requestUrl);
      await page.getByLabel(/only for the purpose I gave/).check();
      await page.getByRole('button', { name: 'Confirm and open' }).click();
      await page.getByText('The document is open to you now.').waitFor();
      await page.getByRole('link', { name: 'Open the document' }).click();
      await page.getByRole('link', { name: /^View/ }).first().click();
      const viewer = await page.locator('main').innerText();
      assert.match(viewer, /This viewing is logged/);
      assert.match(viewer, /Applications received/);
      await assertAccessible(page, 'the viewer');
    });
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    try {
      await page.goto(`${server.baseUrl}/public/disclosure-log`);
      const log = await page.locator('main').innerText();
      assert.match(log, PAPER);
      assert.doesNotMatch(log, /shortlisting scores/);
      await assertAccessible(page, '/public/disclosure-log');
    } finally {
      await page.close();
    }
  });
});
