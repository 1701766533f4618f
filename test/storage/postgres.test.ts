// What only the PostgreSQL backend has: migrations taken under an advisory lock by replicas starting at
// once, the `schema_migrations` table, the read-only check of `npm run notices`, and BIGINT read back as
// numbers. Runs when DATABASE_URL is set; the behaviour both backends share is in storage.test.ts.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/storage/migrations.js';
import { openPostgresStorage } from '../../src/storage/postgres.js';
import type { Storage } from '../../src/storage/storage.js';
import { afterThisTest, DATABASE_URL, freshSchema, POSTGRES_SKIP } from './open.js';

const at = (iso: string) => new Date(iso);

async function query(url: string, text: string): Promise<Array<Record<string, unknown>>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as Array<Record<string, unknown>>;
  } finally {
    await client.end();
  }
}

const opened = (storage: Storage): Storage => {
  afterThisTest(() => storage.close());
  return storage;
};

describe.skipIf(!DATABASE_URL)(`the PostgreSQL storage${DATABASE_URL ? '' : ` (skipped: ${POSTGRES_SKIP})`}`, () => {
  it('applies each migration once when four replicas start at the same moment', async () => {
    const url = await freshSchema(DATABASE_URL ?? '');
    const stores = await Promise.all(Array.from({ length: 4 }, async () => opened(await openPostgresStorage(url, { poolSize: 2 }))));
    const rows = await query(url, 'SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows.map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version));
    await stores[0]?.subscribe({ platform: 'slack', channelId: 'C1' }, ['calls'], at('2026-12-01T10:00:00Z'));
    expect((await stores[3]?.listSubscriptions({ platform: 'slack', channelId: 'C1' }))?.map((s) => s.id)).toEqual(['slack:C1:calls']);
  });

  it('refuses a read-only open of an empty or outdated database instead of creating tables', async () => {
    const url = await freshSchema(DATABASE_URL ?? '');
    await expect(openPostgresStorage(url, { readonly: true })).rejects.toMatchObject({ code: 'STORAGE_MISSING' });
    expect(await query(url, "SELECT to_regclass('schema_migrations') AS t")).toEqual([{ t: null }]);
    opened(await openPostgresStorage(url));
    opened(await openPostgresStorage(url, { readonly: true }));
    const newer = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'x', sqlite: 'SELECT 1;', postgres: 'SELECT 1;' }];
    await expect(openPostgresStorage(url, { readonly: true, migrations: newer })).rejects.toMatchObject({ code: 'STORAGE_SCHEMA_OUTDATED' });
  });

  it('reads BIGINT columns (instants, counts) back as numbers', async () => {
    const url = await freshSchema(DATABASE_URL ?? '');
    const storage = opened(await openPostgresStorage(url));
    const since = at('2026-12-01T10:00:00.123Z');
    await storage.subscribe({ platform: 'teams', channelId: '19:a' }, ['calls'], since);
    const [sub] = await storage.activeSubscriptions();
    expect(sub?.since.getTime()).toBe(since.getTime());
    await storage.logQuestion({ askedAt: since, platform: 'teams', lang: 'en', outcome: 'declined', entryId: undefined, confidence: 0.25, text: 'x', nearest: [] });
    const summary = await storage.feedbackSummary(at('2026-01-01T00:00:00Z'));
    expect(summary.outcomes.declined).toBe(1);
    expect((await storage.unansweredQuestions(at('2026-01-01T00:00:00Z'), 5))[0]).toMatchObject({ askedAt: since, confidence: 0.25 });
  });

  it('names the server it could not reach', async () => {
    await expect(openPostgresStorage('postgres://nobody@127.0.0.1:1/none')).rejects.toThrow(/ECONNREFUSED|connect/);
  });
});
