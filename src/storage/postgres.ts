// The shared storage for several replicas: PostgreSQL through a `pg` pool, chosen by DATABASE_URL. The
// same migrations as SQLite (src/storage/migrations.ts), taken under an advisory lock so that replicas
// starting together apply each one once. Plain SQL, like the SQLite side: the two dialects differ in a few
// places only (positional parameters, `FOR UPDATE SKIP LOCKED`, the trigger function) and a query builder
// would add a dependency without removing them.
//
// Replicas: claims are single conditional statements (INSERT … ON CONFLICT DO NOTHING, UPDATE … WHERE
// status …), which PostgreSQL re-checks on the current row after waiting for a concurrent writer, so two
// replicas can never both own a notice, a retry or a stale row.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Platform } from '../input.js';
import type { Lang } from '../knowledge/schema.js';
import { CHANNEL_CHANGES_LOCK, MIGRATIONS, type Migration } from './migrations.js';
import { createPostgresFeedbackStorage, type Queryable } from './postgres-feedback.js';
import { createPostgresInboxStorage } from './postgres-inbox.js';
import { createReadCache } from './read-cache.js';
import { ACTIVE_SELECT, num, toChannel, toOutbox, toProject, type Row } from './rows.js';
import {
  CLAIM_PURGE_EVERY_MS,
  DEFAULT_CHANNEL_SETTINGS,
  StorageError,
  type ChannelRef,
  type ClaimHolder,
  type NoticeKey,
  type OutboxStatus,
  type Storage,
  type SubscriptionRecord,
  type Topic,
} from './storage.js';

/** The advisory lock held while migrating. */
const MIGRATIONS_LOCK = 4_216_000;

export interface PostgresStorageOptions {
  /** Checks that the schema is up to date and changes nothing (for `npm run notices` without `--send`). */
  readonly?: boolean;
  migrations?: readonly Migration[];
  /** Connections in the pool. */
  poolSize?: number;
  /** Told about a connection that failed while idle (the pool drops it and opens a new one when needed). */
  onIdleError?: (error: Error) => void;
}

// The one place where PostgreSQL values are converted: BIGINT (instants in epoch milliseconds, counts,
// sequence numbers) arrives as a string and is made a number; every value stored fits in 2^53.
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

async function schemaVersion(client: pg.PoolClient): Promise<number | undefined> {
  const table = await client.query<{ name: string | null }>(`SELECT to_regclass('schema_migrations') AS name`);
  if (table.rows[0]?.name === null) return undefined;
  const result = await client.query<{ version: number }>('SELECT coalesce(max(version), 0) AS version FROM schema_migrations');
  return result.rows[0]?.version ?? 0;
}

/** Applies the migrations newer than the database's version, each in its own transaction, under an advisory lock. */
async function migrate(pool: pg.Pool, migrations: readonly Migration[]): Promise<number> {
  const latest = migrations.at(-1)?.version ?? 0;
  const client = await pool.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${MIGRATIONS_LOCK})`);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
      );
      const current = (await schemaVersion(client)) ?? 0;
      if (current > latest) {
        throw new StorageError('STORAGE_SCHEMA_TOO_NEW', `The database has schema version ${current}; this build knows up to ${latest}. Update the service.`);
      }
      for (const migration of migrations) {
        if (migration.version <= current) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.postgres);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, Date.now()]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
      return Math.max(current, latest);
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${MIGRATIONS_LOCK})`);
    }
  } finally {
    client.release();
  }
}

async function checkVersion(pool: pg.Pool, migrations: readonly Migration[]): Promise<void> {
  const latest = migrations.at(-1)?.version ?? 0;
  const client = await pool.connect();
  try {
    const version = await schemaVersion(client);
    if (version === undefined) {
      throw new StorageError('STORAGE_MISSING', 'The database has no tables of this service yet: start the service once with this DATABASE_URL.');
    }
    if (version !== latest) {
      throw new StorageError(
        version > latest ? 'STORAGE_SCHEMA_TOO_NEW' : 'STORAGE_SCHEMA_OUTDATED',
        `The database has schema version ${version}, this build expects ${latest}; start the service once to migrate it.`,
      );
    }
  } finally {
    client.release();
  }
}

/** Connects to `url`, migrates (unless read-only) and returns the storage; fails when the server cannot be reached. */
export async function openPostgresStorage(url: string, options: PostgresStorageOptions = {}): Promise<Storage> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, types });
  pool.on('error', (error) => options.onIdleError?.(error));
  const migrations = options.migrations ?? MIGRATIONS;
  try {
    if (options.readonly) await checkVersion(pool, migrations);
    else await migrate(pool, migrations);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return createPostgresStorage(pool);
}

/** The `Storage` over a pool whose database is migrated. */
function createPostgresStorage(pool: pg.Pool): Storage {
  const rows = async (db: Queryable, text: string, values: unknown[] = []): Promise<Row[]> => (await db.query(text, values)).rows as Row[];
  const arrays = async <T extends unknown[]>(text: string, values: unknown[] = []): Promise<T[]> =>
    (await pool.query<T>({ text, values, rowMode: 'array' })).rows;
  const run = async (db: Queryable, text: string, values: unknown[] = []): Promise<number> => (await db.query(text, values)).rowCount ?? 0;
  const transaction = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  // Every write to channels, subscriptions and projects takes the channel-changes lock first (see the
  // trigger in migration 1), so that two writers never wait for each other's row and lock in turn.
  const changeChannels = <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> =>
    transaction(async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(${CHANNEL_CHANGES_LOCK})`);
      return work(client);
    });

  const ensureChannel = (client: pg.PoolClient, ref: ChannelRef, now: Date): Promise<number> =>
    run(
      client,
      `INSERT INTO channels (platform, channel_id, lang, reminder_days, reminder_time, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (platform, channel_id) DO NOTHING`,
      [ref.platform, ref.channelId, DEFAULT_CHANNEL_SETTINGS.lang, DEFAULT_CHANNEL_SETTINGS.reminderDays.join(','), DEFAULT_CHANNEL_SETTINGS.reminderTime, now.getTime()],
    );
  const setStatus = (ref: ChannelRef, status: 'active' | 'gone', reason: string | null, now: Date): Promise<number> =>
    changeChannels((client) =>
      run(
        client,
        `UPDATE channels SET status = $3, status_reason = $4, status_at = $5, updated_at = $5
         WHERE platform = $1 AND channel_id = $2 AND status <> $3`,
        [ref.platform, ref.channelId, status, reason, now.getTime()],
      ),
    );
  const keyWhere = 'subscription_id = $1 AND deadline_key = $2 AND reminder_days = $3';
  const keyValues = (key: NoticeKey): unknown[] => [key.subscriptionId, key.deadlineKey, key.reminderDays];
  const finish = async (
    key: NoticeKey,
    holder: ClaimHolder,
    status: OutboxStatus,
    fields: { nextAttemptAt?: Date; error?: string; sentAt?: Date } = {},
  ): Promise<void> => {
    await pool.query(
      `UPDATE outbox SET status = $5, next_attempt_at = $6, last_error = $7, sent_at = $8, lease_until = NULL, updated_at = $9
       WHERE ${keyWhere} AND owner = $4 AND status IN ('claimed', 'sending')`,
      [...keyValues(key), holder.owner, status, fields.nextAttemptAt?.getTime() ?? null, fields.error ?? null, fields.sentAt?.getTime() ?? null, holder.now.getTime()],
    );
  };

  const cache = createReadCache({
    lastChange: async () => num((await rows(pool, 'SELECT coalesce(max(seq), 0) AS n FROM channel_changes'))[0]?.n),
    changedSince: (seq) => arrays<[Platform, string]>('SELECT DISTINCT platform, channel_id FROM channel_changes WHERE seq > $1', [seq]),
    active: () => arrays(`${ACTIVE_SELECT} WHERE c.status = 'active' ORDER BY s.id`),
    activeOf: (platform, channelId) => arrays(`${ACTIVE_SELECT} WHERE c.status = 'active' AND s.platform = $1 AND s.channel_id = $2 ORDER BY s.id`, [platform, channelId]),
    lastOutbox: async () => num((await rows(pool, 'SELECT coalesce(max(seq), 0) AS n FROM outbox'))[0]?.n),
    outboxDueAfter: (dueAfter) => arrays<[string, string, number]>('SELECT subscription_id, deadline_key, reminder_days FROM outbox WHERE due_at > $1', [dueAfter]),
    // Sequence numbers are not in commit order, so a claim committed late by another replica can be missed
    // here; its notice then looks due, its claim fails and `noteInOutbox` records it.
    outboxSince: (seq) => arrays<[string, string, number]>('SELECT subscription_id, deadline_key, reminder_days FROM outbox WHERE seq > $1', [seq]),
  });
  let claimsPurgedAt = 0;
  let closed = false;
  const healthKey = randomUUID();

  return {
    ...createPostgresFeedbackStorage(pool, transaction),
    ...createPostgresInboxStorage(pool),
    async getChannel(ref) {
      const [row] = await rows(pool, 'SELECT * FROM channels WHERE platform = $1 AND channel_id = $2', [ref.platform, ref.channelId]);
      return row && toChannel(row);
    },
    async saveChannelSettings(ref, settings, now) {
      return changeChannels(async (client) => {
        await ensureChannel(client, ref, now);
        const [row] = await rows(
          client,
          `UPDATE channels SET lang = coalesce($3, lang), reminder_days = coalesce($4, reminder_days),
             reminder_time = coalesce($5, reminder_time), updated_at = $6
           WHERE platform = $1 AND channel_id = $2 RETURNING *`,
          [ref.platform, ref.channelId, settings.lang ?? null, settings.reminderDays?.join(',') ?? null, settings.reminderTime ?? null, now.getTime()],
        );
        if (!row) throw new Error(`channel ${ref.platform}:${ref.channelId} vanished while saving its settings`);
        return toChannel(row);
      });
    },
    async markChannelGone(ref, reason, now) {
      await setStatus(ref, 'gone', reason, now);
    },
    async markChannelActive(ref, now) {
      await setStatus(ref, 'active', null, now);
    },

    async subscribe(ref, topics, now) {
      await changeChannels(async (client) => {
        await ensureChannel(client, ref, now);
        for (const topic of topics) {
          await client.query(
            'INSERT INTO subscriptions (id, platform, channel_id, topic, since) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING',
            [`${ref.platform}:${ref.channelId}:${topic}`, ref.platform, ref.channelId, topic, now.getTime()],
          );
        }
      });
    },
    async unsubscribe(ref, topics) {
      return changeChannels((client) =>
        run(client, 'DELETE FROM subscriptions WHERE platform = $1 AND channel_id = $2 AND topic = ANY($3::text[])', [ref.platform, ref.channelId, [...topics]]),
      );
    },
    async listSubscriptions(ref) {
      return (await rows(pool, 'SELECT * FROM subscriptions WHERE platform = $1 AND channel_id = $2 ORDER BY topic', [ref.platform, ref.channelId])).map(
        (row): SubscriptionRecord => ({ id: String(row.id), platform: ref.platform, channelId: ref.channelId, topic: row.topic as Topic, since: new Date(num(row.since)) }),
      );
    },
    activeSubscriptions: () => cache.activeSubscriptions(),

    async getProject(ref) {
      const [row] = await rows(pool, 'SELECT * FROM projects WHERE platform = $1 AND channel_id = $2', [ref.platform, ref.channelId]);
      return row && toProject(row);
    },
    async saveProject(ref, project, now) {
      await changeChannels((client) =>
        client.query(
          `INSERT INTO projects (platform, channel_id, name, start_date, end_date, interim_date, final_date, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (platform, channel_id) DO UPDATE SET name = excluded.name, start_date = excluded.start_date,
             end_date = excluded.end_date, interim_date = excluded.interim_date, final_date = excluded.final_date,
             updated_at = excluded.updated_at`,
          [ref.platform, ref.channelId, project.name ?? null, project.start, project.end, project.interim ?? null, project.finalReport ?? null, now.getTime()],
        ),
      );
    },
    async deleteProject(ref) {
      return (await changeChannels((client) => run(client, 'DELETE FROM projects WHERE platform = $1 AND channel_id = $2', [ref.platform, ref.channelId]))) > 0;
    },

    async saveConversationReference(ref, reference, now) {
      await pool.query(
        `INSERT INTO conversation_references (platform, channel_id, reference, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (platform, channel_id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at`,
        [ref.platform, ref.channelId, JSON.stringify(reference), now.getTime()],
      );
    },
    async getConversationReference(ref) {
      const [row] = await rows(pool, 'SELECT reference FROM conversation_references WHERE platform = $1 AND channel_id = $2', [ref.platform, ref.channelId]);
      return row === undefined ? undefined : (JSON.parse(String(row.reference)) as unknown);
    },

    outboxKeys: (dueAfter) => cache.outboxKeys(dueAfter),
    async claimNotice(claim, holder, leaseMs) {
      const now = holder.now.getTime();
      const inserted = await run(
        pool,
        `INSERT INTO outbox (subscription_id, deadline_key, reminder_days, platform, channel_id, deadline_id, due_at, send_at,
           status, owner, lease_until, attempts, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'claimed', $9, $10, 0, $11, $11)
         ON CONFLICT (subscription_id, deadline_key, reminder_days) DO NOTHING`,
        [...keyValues(claim), claim.platform, claim.channelId, claim.deadlineId, claim.dueAt.getTime(), claim.sendAt.getTime(), holder.owner, now + leaseMs, now],
      );
      cache.noteInOutbox(claim);
      return inserted === 1;
    },
    async claimRetries(holder, leaseMs, limit) {
      const now = holder.now.getTime();
      // SKIP LOCKED: replicas claiming at once each take different rows instead of queueing behind one another.
      const claimed = await rows(
        pool,
        `UPDATE outbox SET status = 'claimed', owner = $1, lease_until = $2, updated_at = $3
         WHERE seq IN (SELECT seq FROM outbox WHERE status = 'retry' AND next_attempt_at <= $3
                       ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED)
           AND status = 'retry'
         RETURNING *`,
        [holder.owner, now + leaseMs, now, limit],
      );
      return claimed.map(toOutbox);
    },
    async takeOverStale(holder, leaseMs) {
      const now = holder.now.getTime();
      const taken = await rows(
        pool,
        `UPDATE outbox SET owner = $1, lease_until = $2, updated_at = $3
         WHERE status IN ('claimed', 'sending') AND lease_until < $3
         RETURNING *`,
        [holder.owner, now + leaseMs, now],
      );
      return taken.map(toOutbox);
    },
    async markSending(key, holder) {
      const changed = await run(
        pool,
        `UPDATE outbox SET status = 'sending', attempts = attempts + 1, updated_at = $5 WHERE ${keyWhere} AND owner = $4 AND status = 'claimed'`,
        [...keyValues(key), holder.owner, holder.now.getTime()],
      );
      return changed === 1;
    },
    async markSent(key, holder) {
      await finish(key, holder, 'sent', { sentAt: holder.now });
    },
    async markRetry(key, holder, nextAttemptAt, error) {
      await finish(key, holder, 'retry', { nextAttemptAt, error });
    },
    async markDone(key, holder, status, error) {
      await finish(key, holder, status, { error });
    },
    async listOutbox(filter = {}) {
      const found = await rows(pool, 'SELECT * FROM outbox WHERE ($1::text IS NULL OR status = $1) ORDER BY updated_at DESC, seq DESC LIMIT $2', [
        filter.status ?? null,
        filter.limit ?? 1000,
      ]);
      return found.map(toOutbox);
    },

    async claimOnce(scope, key, ttlMs, now) {
      const at = now.getTime();
      if (at - claimsPurgedAt >= CLAIM_PURGE_EVERY_MS) {
        claimsPurgedAt = at;
        await pool.query('DELETE FROM once_claims WHERE expires_at <= $1', [at]);
      }
      const claimed = await run(
        pool,
        `INSERT INTO once_claims (scope, key, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (scope, key) DO UPDATE SET expires_at = excluded.expires_at WHERE once_claims.expires_at <= $4`,
        [scope, key, at + ttlMs, at],
      );
      return claimed === 1;
    },
    async getConversationLang(platform, channelId, userId) {
      const [row] = await rows(pool, 'SELECT lang FROM conversation_langs WHERE platform = $1 AND channel_id = $2 AND user_id = $3', [platform, channelId, userId]);
      return row?.lang as Lang | undefined;
    },
    async setConversationLang(platform, channelId, userId, lang, now) {
      await pool.query(
        `INSERT INTO conversation_langs (platform, channel_id, user_id, lang, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (platform, channel_id, user_id) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at`,
        [platform, channelId, userId, lang, now.getTime()],
      );
    },
    async deleteConversationLangsOf(platform, userId) {
      return run(pool, 'DELETE FROM conversation_langs WHERE platform = $1 AND user_id = $2', [platform, userId]);
    },

    async checkHealth() {
      try {
        // A real write, as on SQLite: a read-only standby or a full disk fails here. The row is born expired,
        // so the next purge of claims removes it.
        await pool.query(
          `INSERT INTO once_claims (scope, key, expires_at) VALUES ('health', $1, 0) ON CONFLICT (scope, key) DO UPDATE SET expires_at = 0`,
          [healthKey],
        );
      } catch (error) {
        throw new StorageError('STORAGE_UNHEALTHY', `The database cannot be used: ${(error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ')}`);
      }
    },

    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
