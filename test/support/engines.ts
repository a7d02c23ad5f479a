// Which database engine a test run uses, and where PostgreSQL is.
export type TestEngine = 'sqlite' | 'postgres';

export const testEngine: TestEngine = process.env.NOLAN_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

/** The administrative connection: trust auth, database `test`. */
export const postgresAdminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function postgresUrlFor(database: string): string {
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export const isCi = process.env.CI === 'true' || process.env.CI === '1';
