import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.profileId, 'model');
    assert.equal(config.demo, false);
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.baseUrl, 'http://127.0.0.1:3000');
    assert.equal(config.secureCookies, false);
    assert.equal(config.readCopies, 'kept');
  });

  it('names the variable that is wrong', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), (e: Error) => e instanceof ConfigError && /PORT/.test(e.message));
    assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL: must be a postgres:\/\/ URL/);
    assert.throws(() => loadConfig({ BASE_URL: 'not a url' }), /BASE_URL/);
    assert.throws(() => loadConfig({ NOLAN_DEMO: 'maybe' }), /NOLAN_DEMO/);
    assert.throws(() => loadConfig({ READ_COPIES: 'never' }), /READ_COPIES/);
    assert.equal(loadConfig({ READ_COPIES: 'expiring' }).readCopies, 'expiring');
  });

  it('requires SESSION_SECRET with PostgreSQL so that instances agree', () => {
    assert.throws(() => loadConfig({ DATABASE_URL: 'postgres://db/nolan' }), /SESSION_SECRET: required/);
    assert.throws(() => loadConfig({ DATABASE_URL: 'postgres://db/nolan', SESSION_SECRET: 'short' }), /SESSION_SECRET: must be at least 32/);
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://db/nolan', SESSION_SECRET: 'x'.repeat(32), AUDIT_KEY: 'k'.repeat(32) }).databaseUrl, 'postgres://db/nolan');
  });

  it('requires AUDIT_KEY with PostgreSQL, 32 characters at least, and leaves it unset with SQLite to be generated', () => {
    assert.throws(() => loadConfig({ DATABASE_URL: 'postgres://db/nolan', SESSION_SECRET: 'x'.repeat(32) }), /AUDIT_KEY: required when DATABASE_URL is set/);
    assert.throws(() => loadConfig({ AUDIT_KEY: 'short' }), /AUDIT_KEY: must be at least 32/);
    assert.equal(loadConfig({ AUDIT_KEY: 'k'.repeat(32) }).auditKey, 'k'.repeat(32));
    assert.equal(loadConfig({}).auditKey, undefined);
  });

  it('serves secure cookies when the base URL is HTTPS', () => {
    assert.equal(loadConfig({ BASE_URL: 'https://nolan.example.gov.uk/' }).secureCookies, true);
    assert.equal(loadConfig({ BASE_URL: 'https://nolan.example.gov.uk/' }).baseUrl, 'https://nolan.example.gov.uk');
  });
});
