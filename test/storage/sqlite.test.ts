// What only the SQLite backend has: the file in DATA_DIR, WAL mode, `user_version`, and the read-only open
// of `npm run notices`. The behaviour both backends share is in storage.test.ts.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/storage/migrations.js';
import { DATABASE_FILE, openSqliteStorage } from '../../src/storage/sqlite.js';
import { StorageError } from '../../src/storage/storage.js';
import { tempDataDir } from '../notices/helpers.js';
import { afterThisTest } from './open.js';

const ref = { platform: 'slack' as const, channelId: 'C1' };
const at = (iso: string) => new Date(iso);

describe('the SQLite storage', () => {
  it('creates the file in DATA_DIR in WAL mode with every migration applied', async () => {
    const temp = tempDataDir();
    afterThisTest(temp.cleanup);
    const storage = openSqliteStorage(temp.dir);
    await storage.subscribe(ref, ['calls'], at('2026-11-26T10:00:00Z'));
    await storage.close();
    const db = new Database(join(temp.dir, DATABASE_FILE), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    expect(db.prepare('SELECT count(*) FROM subscriptions').pluck().get()).toBe(1);
    db.close();
  });

  it('refuses a read-only open of a missing or outdated file instead of creating one', () => {
    const temp = tempDataDir();
    afterThisTest(temp.cleanup);
    expect(() => openSqliteStorage(temp.dir, { readonly: true })).toThrow(StorageError);
    expect(existsSync(join(temp.dir, DATABASE_FILE))).toBe(false);
    openSqliteStorage(temp.dir).close();
    const newer = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'x', sqlite: 'SELECT 1;', postgres: 'SELECT 1;' }];
    expect(() => openSqliteStorage(temp.dir, { readonly: true, migrations: newer })).toThrow(/start the service once/);
  });
});
