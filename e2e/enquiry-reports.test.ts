// The enquiry search, overview, statistics and public statistics in Chromium, each page checked with axe: an
// in-process app over a test database holding a few enquiries (the demo council logs none).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { createTestApp, type TestApp } from '../test/support/app.ts';
import { logEnquiry } from '../src/features/enquiries/enquiry.service.ts';
import { actorFor, addEnquiryCouncil, PASSWORD, type EnquiryCouncil } from '../src/features/enquiries/enquiry.fixture.ts';
import { assertAccessible, launchChromium, screenshot } from './support/browser.ts';
import { SignInPage } from './pages/sign-in.page.ts';

describe('enquiry search and reports, in Chromium', () => {
  let t: TestApp;
  let c: EnquiryCouncil;
  let baseUrl = '';
  let browser: Browser;

  before(async () => {
    t = await createTestApp();
    c = await addEnquiryCouncil(t.deps);
    const subjects = ['Pothole on Mill Lane', 'Potholes on Brook Road', 'Street lamp out', 'Overgrown hedge', 'Blocked drain', 'Cracked kerb', 'Faded road markings'];
    for (const [i, subject] of subjects.entries()) {
      const user = i % 2 ? c.users.bo : c.users.ann;
      const e = await logEnquiry(t.deps, actorFor(user), user, { subject, details: `Reported by a resident (${i}).`, serviceId: subject === 'Overgrown hedge' ? c.services.parks : c.services.highways });
      if (i < 3) await t.db.kysely.updateTable('enquiries').set({ due_on: '2026-11-20', received_on: '2026-11-06' }).where('id', '=', e.id).execute();
    }
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('democratic services search, filter, see the overview and statistics; each page passes axe', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    try {
      await new SignInPage(page, baseUrl).signIn(c.users.clerk.email, PASSWORD);
      await page.goto(`${baseUrl}/enquiries`);
      await page.getByLabel('Search the subject and details').fill('pothole');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByText('2 enquiries').waitFor();
      await assertAccessible(page, 'the list, searched');
      await screenshot(page, 'enquiries-search');

      await page.goto(`${baseUrl}/enquiries?view=all&officer=99999&receivedFrom-day=31&receivedFrom-month=2&receivedFrom-year=2026`);
      assert.match(await page.locator('.govuk-error-summary').innerText(), /Select an officer from the list[\s\S]*must be a real date/);
      await assertAccessible(page, 'the list with bad filters');
      await screenshot(page, 'enquiries-search-errors');

      await page.goto(`${baseUrl}/enquiries/overview`);
      await assertAccessible(page, 'the overview');
      await screenshot(page, 'enquiries-overview');
      await page.getByRole('link', { name: '3 overdue in Highways', exact: true }).click();
      await page.getByText('3 enquiries').waitFor();

      await page.goto(`${baseUrl}/enquiries/statistics`);
      assert.equal(await page.locator('svg[role="img"]').count(), 2);
      await assertAccessible(page, 'the statistics');
      await screenshot(page, 'enquiries-statistics');
    } finally {
      await page.close();
    }
  });

  it('a service manager’s view and the public statistics pass axe', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    try {
      await new SignInPage(page, baseUrl).signIn(c.users.head.email, PASSWORD);
      await page.goto(`${baseUrl}/enquiries/overview`);
      await page.getByRole('heading', { name: /Service manager’s view/ }).waitFor();
      await assertAccessible(page, 'the service manager’s view');
      await screenshot(page, 'enquiries-overview-manager');
    } finally {
      await context.close();
    }
    const visitor = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    try {
      await visitor.goto(`${baseUrl}/statistics/enquiries`);
      await assertAccessible(visitor, 'the public statistics');
      assert.doesNotMatch(await visitor.locator('main').innerText(), /Pothole|Cllr|ENQ-/);
      await screenshot(visitor, 'public-enquiry-statistics');
    } finally {
      await visitor.close();
    }
  });
});
