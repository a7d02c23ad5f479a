import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import { nolan } from '../../test/support/cli.ts';
import { councilSummary } from '../features/directory/council.repository.ts';

describe('nolan demo', () => {
  let db: TestDb;
  before(async () => {
    db = await createTestDb();
  });
  after(async () => db.drop());

  it('refuses a profile it does not bundle, naming the ones it does, with exit 2', () => {
    const result = nolan(db, ['demo', '--profile', 'atlantis']);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^nolan demo: --profile "atlantis" is not a bundled profile; expected one of model, bristol-2019, town-2026, county, district-section-d\n$/);
  });

  it('builds the demo council and prints one sign-in per role', async () => {
    const result = nolan(db, ['demo', '--profile', 'district-section-d']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Built the demo council Elmsworth District Council \(profile district-section-d\)/);
    assert.match(result.stdout, /password for all: demo-council-2026/);
    for (const role of ['member', 'group-leader', 'officer', 'democratic-services', 'admin', 'monitoring-officer', 'chief-executive']) {
      assert.match(result.stdout, new RegExp(`^  ${role} +\\S+@elmsworth\\.gov\\.uk `, 'm'), role);
    }
    assert.equal((await councilSummary(db.kysely))?.profileId, 'district-section-d');
  });

  it('refuses a database that already holds a council, with exit 2', () => {
    const result = nolan(db, ['demo', '--profile', 'model']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /already holds a council \(Elmsworth District Council\)/);
  });
});
