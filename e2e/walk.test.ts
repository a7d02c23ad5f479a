// Signs in as each demo role, walks the pages that role reaches from the navigation, and checks each with axe.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { axeViolations, describeViolations, launchChromium, screenshot } from './support/browser.ts';
import { startDemoServer, type DemoServer } from './support/server.ts';
import { SignInPage } from './pages/sign-in.page.ts';
import { Layout } from './pages/layout.page.ts';

const PAGES_PER_ROLE = 14;

describe('every page, as every role, in Chromium', () => {
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

  it('the demo prints one sign-in for every role', () => {
    const roles = server.signIns.map((s) => s.role);
    for (const role of ['member', 'group-leader', 'officer', 'democratic-services', 'admin']) assert.ok(roles.includes(role), `${role} in ${roles.join(', ')}`);
  });

  it('public pages and a failed sign-in pass axe', async () => {
    const page = await browser.newPage();
    try {
      const signIn = new SignInPage(page, server.baseUrl);
      await signIn.open();
      assert.deepEqual(await axeViolations(page), []);
      await page.getByLabel('Email address').fill('someone@example.gov.uk');
      await page.getByLabel('Password', { exact: true }).fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await signIn.errorSummary().waitFor();
      assert.match(await signIn.errorSummary().innerText(), /Enter a correct email address and password/);
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));
      await screenshot(page, 'sign-in-error');
      for (const url of ['/accessibility', '/no-such-page']) {
        await page.goto(`${server.baseUrl}${url}`);
        const found = await axeViolations(page);
        assert.equal(found.length, 0, `${url}\n${describeViolations(found)}`);
      }
    } finally {
      await page.close();
    }
  });

  it('each role signs in and every page it reaches is accessible', async () => {
    for (const who of server.signIns) {
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        await new SignInPage(page, server.baseUrl).signIn(who.email, server.password);
        const layout = new Layout(page);
        const queue = ['/', ...(await layout.navigationLinks())];
        const seen = new Set<string>();
        while (queue.length && seen.size < PAGES_PER_ROLE) {
          const url = queue.shift()!;
          if (seen.has(url)) continue;
          seen.add(url);
          const response = await page.goto(`${server.baseUrl}${url}`);
          assert.ok(response && response.status() < 400, `${who.role} ${url} gave ${response?.status()}`);
          assert.ok((await layout.heading().innerText()).length > 0, `${url} has a heading`);
          const violations = await axeViolations(page);
          assert.equal(violations.length, 0, `${who.role} ${url}\n${describeViolations(violations)}`);
          await screenshot(page, `${who.role}${url === '/' ? '-home' : url}`);
          for (const link of (await layout.contentLinks()).slice(0, 3)) if (!seen.has(link)) queue.push(link);
        }
        assert.ok(seen.size >= 4, `${who.role} reached ${[...seen].join(', ')}`);
      } finally {
        await context.close();
      }
    }
  });
});
