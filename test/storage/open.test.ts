// Choosing the store from the config: SQLite in DATA_DIR unless DATABASE_URL names a PostgreSQL server,
// and a clear message for a DATABASE_URL that is not one.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/config.js';
import { describeStorage, openStorage } from '../../src/storage/open.js';
import { DATABASE_FILE } from '../../src/storage/sqlite.js';
import { tempDataDir } from '../notices/helpers.js';
import { afterThisTest, DATABASE_URL, freshSchema, POSTGRES_SKIP } from './open.js';

describe('openStorage', () => {
  it('opens SQLite in DATA_DIR when DATABASE_URL is not set', async () => {
    const temp = tempDataDir();
    afterThisTest(temp.cleanup);
    const config = readConfig({ DATA_DIR: temp.dir, DATABASE_URL: '' });
    expect(config.databaseUrl).toBeUndefined();
    const storage = await openStorage(config);
    afterThisTest(() => storage.close());
    expect(existsSync(join(temp.dir, DATABASE_FILE))).toBe(true);
    expect(describeStorage(config)).toBe(`SQLite in DATA_DIR (${temp.dir})`);
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL, without repeating it', () => {
    const attempt = () => readConfig({ DATABASE_URL: 'mysql://root:hunter2@db/assistant' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(attempt).not.toThrow(/hunter2/);
  });

  it('names the PostgreSQL host and database without the password', () => {
    const config = readConfig({ DATABASE_URL: 'postgresql://assistant:hunter2@db.internal:5432/assistant?sslmode=verify-full' });
    expect(describeStorage(config)).toBe('PostgreSQL at db.internal:5432/assistant');
  });

  it.skipIf(!DATABASE_URL)(`opens PostgreSQL when DATABASE_URL is set${DATABASE_URL ? '' : ` (skipped: ${POSTGRES_SKIP})`}`, async () => {
    const temp = tempDataDir();
    afterThisTest(temp.cleanup);
    const storage = await openStorage(readConfig({ DATA_DIR: temp.dir, DATABASE_URL: await freshSchema(DATABASE_URL ?? '') }));
    afterThisTest(() => storage.close());
    const now = new Date();
    expect([await storage.claimOnce('open-test', 'k', 1000, now), await storage.claimOnce('open-test', 'k', 1000, now)]).toEqual([true, false]);
    expect(existsSync(join(temp.dir, DATABASE_FILE))).toBe(false);
  });
});
