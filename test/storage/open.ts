// The storage backends the storage tests run against: SQLite in a temporary data directory always, and
// PostgreSQL when DATABASE_URL is set (.ci/run starts a throwaway server and sets it). Each PostgreSQL test
// gets its own schema, so test files run in parallel on one server. Everything opened in a test is closed
// and removed after it.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach } from 'vitest';
import type { Migration } from '../../src/storage/migrations.js';
import { openPostgresStorage } from '../../src/storage/postgres.js';
import { DATABASE_FILE, openSqliteStorage } from '../../src/storage/sqlite.js';
import type { Storage } from '../../src/storage/storage.js';
import { tempDataDir } from '../notices/helpers.js';

/** The PostgreSQL server of the tests; undefined runs SQLite only. */
export const DATABASE_URL = process.env.DATABASE_URL?.trim() || undefined;
/** Said where a PostgreSQL test is skipped. */
export const POSTGRES_SKIP = 'set DATABASE_URL=postgres://… to run against PostgreSQL (.ci/run does)';

let cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

/** Runs `cleanup` after the current test, before the storage opened earlier in it is closed. */
export function afterThisTest(cleanup: () => void | Promise<void>): void {
  cleanups.push(cleanup);
}

/** `url` with the search_path set to `schema`, so that every connection made from it uses that schema. */
function withSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

/** A new, empty schema on the test server, and a DATABASE_URL that uses it; `drop()` removes it. */
export async function createSchema(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE SCHEMA ${schema}`);
  return { url: withSchema(url, schema), drop: () => admin(`DROP SCHEMA ${schema} CASCADE`) };
}

/** A new, empty schema dropped after the test; returns a DATABASE_URL that uses it. */
export async function freshSchema(url: string): Promise<string> {
  const schema = await createSchema(url);
  cleanups.push(() => schema.drop());
  return schema.url;
}

interface OpenOptions {
  migrations?: readonly Migration[];
}

/** One store of a test, and more connections to the same data as other replicas would open them. */
interface TestStore {
  storage: Storage;
  another(options?: OpenOptions): Promise<Storage>;
  /** The number of rows in a table, read directly from the database. */
  count(table: string): Promise<number>;
}

export interface TestBackend {
  name: 'SQLite' | 'PostgreSQL';
  open(options?: OpenOptions): Promise<TestStore>;
}

const track = (storage: Storage): Storage => {
  cleanups.push(() => storage.close());
  return storage;
};

const sqliteBackend: TestBackend = {
  name: 'SQLite',
  async open(options = {}) {
    const temp = tempDataDir();
    cleanups.push(temp.cleanup);
    const connect = async (more: OpenOptions = {}) => track(openSqliteStorage(temp.dir, { migrations: more.migrations ?? options.migrations }));
    const count = async (table: string) => {
      const db = new Database(join(temp.dir, DATABASE_FILE), { readonly: true });
      try {
        return Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
      } finally {
        db.close();
      }
    };
    return { storage: await connect(), another: connect, count };
  },
};

const postgresBackend: TestBackend = {
  name: 'PostgreSQL',
  async open(options = {}) {
    if (!DATABASE_URL) throw new Error(POSTGRES_SKIP);
    const url = await freshSchema(DATABASE_URL);
    const connect = async (more: OpenOptions = {}) => track(await openPostgresStorage(url, { migrations: more.migrations ?? options.migrations, poolSize: 4 }));
    const count = async (table: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
      } finally {
        await client.end();
      }
    };
    return { storage: await connect(), another: connect, count };
  },
};

/** The backends to run the shared storage tests on, each with whether it runs here. */
export const BACKENDS: ReadonlyArray<{ backend: TestBackend; skip: boolean }> = [
  { backend: sqliteBackend, skip: false },
  { backend: postgresBackend, skip: DATABASE_URL === undefined },
];

/** SQLite storage in `dir`, or in a fresh temporary directory removed after the test. */
export function openTestStorage(dir?: string): { storage: Storage; dir: string } {
  const temp = dir ? { dir, cleanup: () => undefined } : tempDataDir();
  const storage = openSqliteStorage(temp.dir);
  cleanups.push(temp.cleanup, () => storage.close());
  return { storage, dir: temp.dir };
}
