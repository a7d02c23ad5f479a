// The council uploads its own protocol in the browser, and from then on each answer shows the words of the
// clauses it cites. Uses the model protocol from ../shared/seeds (never copied into the project).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { requireShared } from '../test/support/shared.ts';
import { assertAccessible, launchChromium, screenshot } from './support/browser.ts';
import { startDemoServer, type DemoServer } from './support/server.ts';
import { SignInPage } from './pages/sign-in.page.ts';

const FACTS = 'memberOfBody=no&classification=open&needToKnowShown=no&otherGroupInternal=no&purpose=council-duties&personalData=no&personalInterest=no';

describe('the council’s own protocol, in Chromium', () => {
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

  it('an administrator uploads the protocol and an answer then quotes the clause it rests on', async (t) => {
    const shared = requireShared(t);
    if (!shared) return;
    const seeds = path.join(shared, 'seeds');
    const seed = path.join(seeds, fs.readdirSync(seeds).find((name) => name.startsWith('000_'))!);
    const admin = server.signIns.find((s) => s.role === 'admin')!;
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    try {
      await new SignInPage(page, server.baseUrl).signIn(admin.email, server.password);
      await page.goto(`${server.baseUrl}/admin`);
      await page.getByRole('link', { name: 'The council’s protocol document' }).click();
      await page.getByRole('button', { name: 'Upload and read' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      assert.match(await page.locator('.govuk-error-summary').innerText(), /Select the protocol document/);
      await assertAccessible(page, 'the upload page with an error');

      await page.getByLabel('Upload the document').setInputFiles({ name: 'member-officer-protocol.txt', mimeType: 'text/plain', buffer: fs.readFileSync(seed) });
      await page.getByRole('button', { name: 'Upload and read' }).click();
      await page.getByText('The document was read and is now the one answers quote.').waitFor();
      assert.match(await page.locator('main').innerText(), /Cited by a rule but not in this document\s+None/);
      await assertAccessible(page, 'the upload page after an upload');
      await screenshot(page, 'admin-protocol-document');

      await page.goto(`${server.baseUrl}/protocol/ask/document-access?profile=model&${FACTS}`);
      await assertAccessible(page, 'the question page');
      await page.getByRole('button', { name: 'Get the answer' }).click();
      await page.getByRole('heading', { name: 'What the council’s protocol says' }).waitFor();
      const quoted = page.locator('.nolan-quoted').first();
      assert.match(await quoted.innerText(), /^Clause 113/);
      await assertAccessible(page, 'an answer quoting the council’s clauses');
      await screenshot(page, 'answer-with-clause-text');

      await page.getByRole('link', { name: 'Compare how every bundled protocol answers this' }).click();
      await page.getByRole('heading', { name: 'Compare councils' }).or(page.locator('h1')).first().waitFor();
      assert.equal(await page.locator('.nolan-quoted').count() > 0, true, 'the council’s own column quotes its clauses');
      await assertAccessible(page, 'the comparison');
      await page.goBack();

      await quoted.getByRole('link', { name: '113' }).click();
      await page.waitForURL(/\/protocol\/document#clause-113$/);
      assert.ok(await page.locator('#clause-113').isVisible());
      await assertAccessible(page, 'the document page');
      await screenshot(page, 'protocol-document');
    } finally {
      await page.close();
    }
  });
});
