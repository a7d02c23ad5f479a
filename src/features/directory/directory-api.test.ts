import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { seedDemo } from '../demo/demo.service.ts';
import { issueApiToken } from '../accounts/accounts.service.ts';
import { findUserByEmail } from '../accounts/users.repository.ts';
import { systemActor } from '../../actor.ts';
import { STATUTORY_ROLES } from './directory.types.ts';

describe('the directory API', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  before(async () => {
    t = await createTestApp();
    const seed = await seedDemo(t.deps, 'county');
    const user = (await findUserByEmail(t.db.kysely, seed.signIns[0]!.email))!;
    const { token } = await issueApiToken(t.deps, systemActor, user.id, 'tests');
    headers = { authorization: `Bearer ${token}` };
  });
  after(async () => t.close());

  const get = (url: string, withHeaders = true) => t.app.inject({ method: 'GET', url, headers: withHeaders ? headers : {} });

  it('refuses anyone not signed in', async () => {
    for (const url of ['/api/v1/members', '/api/v1/officers', '/api/v1/bodies', '/api/v1/groups']) assert.equal((await get(url, false)).statusCode, 401, url);
  });

  it('lists members as JSON, with their ward, group, term, status and seats, and filters them', async () => {
    const response = await get('/api/v1/members');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /application\/json/);
    const { members } = response.json();
    assert.equal(members.length, 41);
    const leader = members.find((m: { cabinetPortfolio: string | null }) => m.cabinetPortfolio?.startsWith('Leader of the Council'));
    assert.equal(leader.groupRole, 'leader');
    assert.equal(leader.termEnd, '2029-05-03');
    assert.equal(leader.status, 'in-office');
    assert.ok(leader.seats.some((s: { seatRole: string }) => s.seatRole === 'chair'));
    const ended = (await get('/api/v1/members?status=term-ended')).json().members;
    assert.deepEqual(ended.map((m: { status: string }) => m.status), ['term-ended']);
    const ward = leader.ward.id;
    const inWard = (await get(`/api/v1/members?ward=${ward}&status=in-office`)).json().members;
    assert.ok(inWard.length >= 1 && inWard.every((m: { ward: { id: number } }) => m.ward.id === ward));
    assert.equal((await get('/api/v1/members?group=none&status=in-office')).json().members.length, 2);
  });

  it('answers a bad filter with 400 naming the field', async () => {
    const response = await get('/api/v1/members?ward=abc');
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().fields[0].field, 'querystring.ward');
    assert.equal((await get('/api/v1/officers?grade=boss')).statusCode, 400);
  });

  it('lists officers with statutory roles, and every role has a holder', async () => {
    const { officers } = (await get('/api/v1/officers')).json();
    assert.ok(officers.length >= 55);
    const held = officers.flatMap((o: { statutoryRoles: { role: string; capacity: string; current: boolean }[] }) => o.statutoryRoles.filter((r) => r.capacity === 'holder' && r.current).map((r) => r.role));
    for (const role of STATUTORY_ROLES) assert.ok(held.includes(role), role);
    assert.ok(officers.some((o: { statutoryRoles: { actingNow: boolean }[] }) => o.statutoryRoles.some((r) => r.actingNow)));
    const directors = (await get('/api/v1/officers?grade=director')).json().officers;
    assert.ok(directors.length >= 3 && directors.every((o: { grade: string }) => o.grade === 'director'));
  });

  it('lists bodies with their seats, and groups with leader, deputy and size', async () => {
    const { bodies } = (await get('/api/v1/bodies')).json();
    assert.equal(bodies.length, 10);
    assert.equal(bodies[0].kind, 'full-council');
    assert.equal(bodies[0].seats.filter((s: { inOffice: boolean }) => s.inOffice).length, 40);
    const { groups } = (await get('/api/v1/groups')).json();
    assert.equal(groups.length, 4);
    for (const g of groups) assert.ok(g.leader && g.deputyLeader && g.membersInOffice >= 2, g.name);
    assert.equal(groups.reduce((n: number, g: { membersInOffice: number }) => n + g.membersInOffice, 0), 38);
  });

  it('describes the directory endpoints in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    for (const path of ['/api/v1/members', '/api/v1/officers', '/api/v1/bodies', '/api/v1/groups']) {
      assert.deepEqual(doc.paths[path].get.tags, ['directory'], path);
      assert.ok(doc.paths[path].get.responses['200'], path);
    }
  });
});
