import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { findUserByEmail, findUserById } from '../accounts/users.repository.ts';
import { addPeople, PASSWORD, type People } from './people.fixture.ts';
import { readable } from '../../../test/support/html.ts';

function errorSummary(body: string): string[] {
  const list = /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(body)?.[1] ?? '';
  return [...list.matchAll(/href="(#[^"]+)">([^<]+)</g)].map((m) => `${m[1]} ${m[2]!.trim().replaceAll('&#39;', '’')}`);
}

function invitationPath(body: string): string {
  const link = /id="invitation-link">([^<]+)</.exec(body)?.[1];
  assert.ok(link, 'the page shows the invitation link');
  return new URL(link).pathname;
}

async function lastAudit(t: TestApp): Promise<{ action: string; actor: string; entity_id: string | null }> {
  return t.db.kysely.selectFrom('audit_events').select(['action', 'actor', 'entity_id']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
}

describe('admin: accounts', () => {
  let t: TestApp;
  let people: People;
  let admin: Agent;
  before(async () => {
    t = await createTestApp();
    people = await addPeople(t.deps);
    admin = new Agent(t.app);
    await admin.signIn(people.admin.email, PASSWORD);
  });
  after(async () => t.close());

  it('shows the admin index with what each person may use', async () => {
    const index = await admin.get('/admin');
    assert.equal(index.statusCode, 200);
    for (const href of ['/admin/users', '/admin/import', '/admin/audit']) assert.match(index.body, new RegExp(`href="${href}"`));

    const clerk = new Agent(t.app);
    await clerk.signIn(people.clerk.email, PASSWORD);
    const clerkIndex = await clerk.get('/admin');
    assert.equal(clerkIndex.statusCode, 200);
    assert.match(clerkIndex.body, /href="\/admin\/import"/);
    assert.doesNotMatch(clerkIndex.body, /href="\/admin\/users"|href="\/admin\/audit"/);
    assert.equal((await clerk.get('/admin/users')).statusCode, 403);

    const monitoringOfficer = new Agent(t.app);
    await monitoringOfficer.signIn(people.monitoringOfficer.email, PASSWORD);
    const moIndex = await monitoringOfficer.get('/admin');
    assert.equal(moIndex.statusCode, 200);
    assert.match(moIndex.body, /href="\/admin\/audit"/);
    assert.doesNotMatch(moIndex.body, /href="\/admin\/users"|href="\/admin\/import"/);

    const councillor = new Agent(t.app);
    await councillor.signIn(people.councillor.email, PASSWORD);
    assert.equal((await councillor.get('/admin')).statusCode, 403);
  });

  it('lists accounts with roles, links and status, and filters them', async () => {
    const list = await admin.get('/admin/users');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /4 accounts/);
    assert.match(list.body, /Mo Marsh<\/a><br>mo\.marsh@council\.example/);
    assert.match(list.body, /Member: Cllr Mo Marsh/);
    assert.match(list.body, /Officer: Lou Lawson/);

    const byText = await admin.get('/admin/users?q=LAWSON');
    assert.match(byText.body, /1 account match the filter/);
    assert.match(byText.body, /Lou Lawson/);
    const byRole = await admin.get('/admin/users?role=democratic-services');
    assert.match(byRole.body, /Dan Clerk/);
    assert.doesNotMatch(byRole.body, /Ada Admin<\/a>/);
    const none = await admin.get('/admin/users?status=disabled');
    assert.match(none.body, /No accounts match the filter/);
    const literal = await admin.get('/admin/users?q=%25');
    assert.match(literal.body, /No accounts match the filter/, '% is a character to look for, not a wildcard');

    const bad = await admin.get('/admin/users?role=mayor&status=asleep');
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(errorSummary(bad.body), ['#role Select a role from the list', '#status Select a status from the list']);
  });

  it('refuses an invitation with every problem named in the error summary, and keeps what was typed', async () => {
    await admin.get('/admin/users/new');
    const empty = await admin.post('/admin/users/new', {});
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(errorSummary(readable(empty.body)), ['#email Enter an email address', '#fullName Enter the person’s full name', '#roles Select at least one role']);

    const wrong = await admin.post('/admin/users/new', { email: 'not an email', fullName: 'Nell North', roles: ['member', 'officer', 'mayor'], memberId: 'x1' });
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(errorSummary(wrong.body), [
      '#email Enter an email address in the correct format, like name@example.gov.uk',
      '#roles Select roles from the list',
      '#memberId Select a member from the list',
      '#officerId Select the officer in the directory: the officer role needs one',
    ]);
    assert.match(wrong.body, /value="Nell North"/);

    const taken = await admin.post('/admin/users/new', { email: 'nell@council.example', fullName: 'Nell North', roles: 'member', memberId: String(people.councillor.memberId) });
    assert.equal(taken.statusCode, 400);
    assert.deepEqual(errorSummary(taken.body), ['#memberId Cllr Mo Marsh already has an account: select another member, or change that account']);

    const duplicate = await admin.post('/admin/users/new', { email: 'MO.MARSH@council.example', fullName: 'Mo Again', roles: 'admin' });
    assert.deepEqual(errorSummary(duplicate.body), ['#email An account already exists for mo.marsh@council.example']);
    const missing = await admin.post('/admin/users/new', { email: 'nell@council.example', fullName: 'Nell North', roles: 'member', memberId: '99999' });
    assert.deepEqual(errorSummary(missing.body), ['#memberId Select a member from the list']);
    assert.equal(await findUserByEmail(t.db.kysely, 'nell@council.example'), undefined);
  });

  it('invites a person without a password and shows the link, which lets them set one', async () => {
    const page = await admin.get('/admin/users/new');
    assert.match(readable(page.body), /Cllr Mo Marsh – Castle \(has an account\)/);
    const created = await admin.post('/admin/users/new', { email: 'Nell.North@Council.example', fullName: 'Nell North', roles: ['member', 'group-leader'], memberId: String(people.spareMemberId), officerId: '' });
    assert.equal(created.statusCode, 200, errorSummary(created.body).join());
    assert.match(created.body, /Invitation ready/);
    assert.match(created.body, /send this link to Nell North yourself/);
    const user = await findUserByEmail(t.db.kysely, 'nell.north@council.example');
    assert.ok(user);
    assert.equal(user.passwordHash, null);
    assert.deepEqual(user.roles, ['member', 'group-leader']);
    assert.equal(user.memberId, people.spareMemberId);
    assert.deepEqual(await lastAudit(t), { action: 'account.invited', actor: people.admin.email, entity_id: String(user.id) });

    const nell = new Agent(t.app);
    const path = invitationPath(created.body);
    await nell.get(path);
    const accepted = await nell.post(path, { password: 'quiet river stones', confirmPassword: 'quiet river stones' });
    assert.equal(accepted.statusCode, 303);
    assert.equal((await nell.get('/')).statusCode, 200);
  });

  it('answers 404 for an account that does not exist, whatever the address holds', async () => {
    for (const url of ['/admin/users/abc', '/admin/users/1.5', '/admin/users/99999', '/admin/users/-1']) {
      assert.equal((await admin.get(url)).statusCode, 404, url);
    }
    await admin.get('/admin/users');
    for (const url of ['/admin/users/abc/roles', '/admin/users/99999/disable', '/admin/users/99999/invitation', '/admin/users/xyz/links']) {
      assert.equal((await admin.post(url, { roles: 'admin' })).statusCode, 404, url);
    }
  });

  it('changes roles, and refuses an administrator removing their own admin role', async () => {
    const page = await admin.get(`/admin/users/${people.clerk.id}`);
    assert.equal(page.statusCode, 200);
    const saved = await admin.post(`/admin/users/${people.clerk.id}/roles`, { roles: ['democratic-services', 'admin'] });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `/admin/users/${people.clerk.id}?done=roles`);
    assert.match((await admin.get(saved.headers.location)).body, /Roles saved/);
    assert.deepEqual((await findUserById(t.db.kysely, people.clerk.id))?.roles, ['democratic-services', 'admin']);
    assert.equal((await lastAudit(t)).action, 'account.roles-changed');

    const needsLink = await admin.post(`/admin/users/${people.clerk.id}/roles`, { roles: ['officer'] });
    assert.equal(needsLink.statusCode, 400);
    assert.deepEqual(errorSummary(needsLink.body), ['#officerId Link an officer under Directory record, and save it, before giving the officer role']);

    await admin.get(`/admin/users/${people.admin.id}`);
    const own = await admin.post(`/admin/users/${people.admin.id}/roles`, { roles: 'democratic-services' });
    assert.equal(own.statusCode, 400);
    assert.deepEqual(errorSummary(own.body), ['#roles You cannot remove your own admin role. Ask another administrator to do it.']);
    assert.deepEqual((await findUserById(t.db.kysely, people.admin.id))?.roles, ['admin']);
  });

  it('links an account to the directory, one account a record', async () => {
    await admin.get(`/admin/users/${people.clerk.id}`);
    const linked = await admin.post(`/admin/users/${people.clerk.id}/links`, { memberId: '', officerId: String(people.spareOfficerId) });
    assert.equal(linked.statusCode, 303);
    assert.equal((await findUserById(t.db.kysely, people.clerk.id))?.officerId, people.spareOfficerId);
    assert.equal((await lastAudit(t)).action, 'account.directory-links-changed');
    const taken = await admin.post(`/admin/users/${people.clerk.id}/links`, { memberId: String(people.councillor.memberId), officerId: String(people.spareOfficerId) });
    assert.deepEqual(errorSummary(taken.body), ['#memberId Cllr Mo Marsh already has an account: select another member, or change that account']);
    const unlinkMember = await admin.post(`/admin/users/${people.councillor.id}/links`, { memberId: '', officerId: '' });
    assert.deepEqual(errorSummary(unlinkMember.body), ['#memberId A member account must stay linked to a member: remove the member role first']);
  });

  it('disables an account, ending its sessions, and enables it; an administrator cannot disable themselves', async () => {
    const councillor = new Agent(t.app);
    await councillor.signIn(people.councillor.email, PASSWORD);
    await admin.get(`/admin/users/${people.councillor.id}`);
    const disabled = await admin.post(`/admin/users/${people.councillor.id}/disable`, {});
    assert.equal(disabled.statusCode, 303);
    assert.match((await admin.get(disabled.headers.location!)).body, /Account disabled/);
    assert.equal((await councillor.get('/')).statusCode, 303, 'signed out everywhere');
    assert.equal((await lastAudit(t)).action, 'account.disabled');
    const enabled = await admin.post(`/admin/users/${people.councillor.id}/enable`, {});
    assert.equal(enabled.statusCode, 303);
    assert.equal((await findUserById(t.db.kysely, people.councillor.id))?.disabledAt, null);

    await admin.get(`/admin/users/${people.admin.id}`);
    const own = await admin.post(`/admin/users/${people.admin.id}/disable`, {});
    assert.equal(own.statusCode, 400);
    assert.deepEqual(errorSummary(own.body), ['#access You cannot disable your own account. Ask another administrator to do it.']);
    assert.equal((await findUserById(t.db.kysely, people.admin.id))?.disabledAt, null);
  });

  it('makes a new sign-in link that sets a new password, ending sessions and earlier links', async () => {
    const councillor = new Agent(t.app);
    await councillor.signIn(people.councillor.email, PASSWORD);
    await admin.get(`/admin/users/${people.councillor.id}`);
    const first = await admin.post(`/admin/users/${people.councillor.id}/invitation`, {});
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /New sign-in link ready/);
    const firstPath = invitationPath(first.body);
    assert.equal((await councillor.get('/')).statusCode, 303, 'signed out everywhere');
    await admin.get(`/admin/users/${people.councillor.id}`);
    const second = await admin.post(`/admin/users/${people.councillor.id}/invitation`, {});
    const secondPath = invitationPath(second.body);
    assert.equal((await lastAudit(t)).action, 'account.invitation-reissued');

    const person = new Agent(t.app);
    await person.get(firstPath);
    const stale = await person.post(firstPath, { password: 'brand new phrase here', confirmPassword: 'brand new phrase here' });
    assert.equal(stale.statusCode, 404, 'an earlier link no longer works');
    await person.get(secondPath);
    assert.equal((await person.post(secondPath, { password: 'brand new phrase here', confirmPassword: 'brand new phrase here' })).statusCode, 303);
    const again = new Agent(t.app);
    await again.signIn(people.councillor.email, 'brand new phrase here');

    await admin.get(`/admin/users/${people.admin.id}`);
    const own = await admin.post(`/admin/users/${people.admin.id}/invitation`, {});
    assert.deepEqual(errorSummary(own.body), ['#invitation To change your own password, use Your account']);
  });

  it('refuses a form without its CSRF token', async () => {
    await admin.get(`/admin/users/${people.clerk.id}`);
    const forged = await admin.post(`/admin/users/${people.clerk.id}/disable`, {}, { csrf: null });
    assert.equal(forged.statusCode, 403);
    assert.equal((await findUserById(t.db.kysely, people.clerk.id))?.disabledAt, null);
  });
});
