// Party group briefings in the browser, with axe on each page: a group leader asks the Chief Executive to brief
// the group (after an error summary), the Chief Executive accepts, the leader records the meeting with a comment
// attributed to the officer, and the Chief Executive verifies it; the even-handedness report shows the group.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { assertAccessible, launchChromium, screenshot } from './support/browser.ts';
import { startDemoServer, type DemoServer } from './support/server.ts';
import { SignInPage } from './pages/sign-in.page.ts';

describe('party group briefings, in Chromium', () => {
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

  const signedIn = async (role: string): Promise<Page> => {
    const who = server.signIns.find((s) => s.role === role)!;
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await new SignInPage(page, server.baseUrl).signIn(who.email, server.password);
    return page;
  };

  it('goes from request to acceptance to notes verified by the officer', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const [year, month, day] = today.split('-');
    const leader = await signedIn('group-leader');
    let url: string;
    try {
      await leader.getByRole('link', { name: 'Briefings' }).first().click();
      await leader.getByRole('heading', { name: 'Party group briefings' }).waitFor();
      await assertAccessible(leader, '/briefings as a group leader');
      await leader.getByRole('button', { name: 'Ask for a briefing' }).click();
      await assertAccessible(leader, '/briefings/new');
      await leader.getByRole('button', { name: 'Send the request' }).click();
      const problems = await leader.locator('.govuk-error-summary').innerText();
      for (const text of [/Select the officer/, /Enter the subject/, /Say who will be at the meeting/, /neither a councillor nor a council officer/]) assert.match(problems, text);
      await assertAccessible(leader, '/briefings/new with errors');

      const chief = await leader.locator('#officerId option', { hasText: 'Chief Executive' }).first().getAttribute('value');
      await leader.locator('#officerId').selectOption(chief!);
      await leader.getByLabel('Subject', { exact: true }).fill('Leisure centre: options for the new contract');
      await leader.getByLabel('Day').fill(String(Number(day)));
      await leader.getByLabel('Month').fill(String(Number(month)));
      await leader.getByLabel('Year').fill(year!);
      await leader.locator('#attendees').fill('The group’s councillors');
      await leader.locator('#nonMembersPresent-2').check();
      await leader.locator('#partyBusiness-2').check();
      await leader.getByRole('button', { name: 'Send the request' }).click();
      await leader.getByText('Your request was sent to the officer.').waitFor();
      assert.match(await leader.locator('main').innerText(), /Yes: the protocol allows this/);
      await assertAccessible(leader, 'the new briefing');
      await screenshot(leader, 'briefing-requested');
      url = leader.url();
    } finally {
      await leader.close();
    }

    const officer = await signedIn('chief-executive');
    try {
      await officer.goto(`${server.baseUrl}/briefings`);
      assert.match(await officer.locator('main').innerText(), /Invitations awaiting your answer[\s\S]*Leisure centre: options for the new contract/);
      await officer.goto(url);
      await officer.getByLabel('Accept').check();
      await officer.getByRole('button', { name: 'Send your answer' }).click();
      await officer.getByText('Your answer was recorded and the group told.').waitFor();
      await assertAccessible(officer, 'the accepted briefing');
    } finally {
      await officer.close();
    }

    const again = await signedIn('group-leader');
    try {
      await again.goto(url);
      await again.locator('#outcome-held').check();
      await again.getByLabel('How long the officer was there').fill('40');
      await again.locator('#outcome-leftBeforePartyBusiness').check();
      await again.getByLabel('The group’s notes').fill('Three options were set out, with their costs.');
      await again.getByLabel('Comments or advice the notes attribute to the officer').fill('The Chief Executive said the current contract ends in March 2028.');
      await again.getByRole('button', { name: 'Record the meeting' }).click();
      await again.getByText('The meeting was recorded').waitFor();
      assert.match(await again.locator('main').innerText(), /Waiting for the officer to verify/);
      await assertAccessible(again, 'the held briefing');
    } finally {
      await again.close();
    }

    const verifier = await signedIn('chief-executive');
    try {
      await verifier.goto(url);
      await verifier.getByLabel('Your corrections or comments, if any').fill('Correct: March 2028, with an option to extend.');
      await verifier.getByRole('button', { name: 'Verify the notes' }).click();
      await verifier.getByText('The notes are now final.').waitFor();
      assert.match(await verifier.locator('main').innerText(), /The officer has verified the comments attributed to them/);
      await assertAccessible(verifier, 'the verified briefing');
      await screenshot(verifier, 'briefing-verified');
      await verifier.goto(`${server.baseUrl}/briefings/report`);
      await verifier.getByRole('heading', { name: 'Party group briefings: even-handedness' }).waitFor();
      await assertAccessible(verifier, '/briefings/report');
      await screenshot(verifier, 'briefings-report');
    } finally {
      await verifier.close();
    }
  });
});
