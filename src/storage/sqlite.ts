// The embedded storage, the default: one SQLite file in DATA_DIR through better-sqlite3, in WAL mode so
// that readers never block the writer, with a busy timeout so that two processes on one machine can share
// the file. The schema is migrated on open (src/storage/migrations.ts). Claims are single conditional
// statements, so two connections can never both own one notice.
import { mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Platform } from '../input.js';
import type { Lang } from '../knowledge/schema.js';
import { MIGRATIONS, type Migration } from './migrations.js';
import { createReadCache } from './read-cache.js';
import { ACTIVE_SELECT, num, toChannel, toOutbox, toProject, type Row } from './rows.js';
import { createSqliteFeedbackStorage } from './sqlite-feedback.js';
import { createSqliteInboxStorage } from './sqlite-inbox.js';
import {
  CLAIM_PURGE_EVERY_MS,
  DEFAULT_CHANNEL_SETTINGS,
  StorageError,
  type ChannelRecord,
  type ChannelRef,
  type ClaimHolder,
  type NoticeKey,
  type OutboxStatus,
  type Storage,
  type SubscriptionRecord,
  type Topic,
} from './storage.js';

/** The database file inside DATA_DIR. */
export const DATABASE_FILE = 'assistant.db';

export interface SqliteStorageOptions {
  /** Opens an existing, migrated file without writing to it (for `npm run notices` without `--send`). */
  readonly?: boolean;
  /** Milliseconds to wait for another connection's write lock. */
  busyTimeoutMs?: number;
  migrations?: readonly Migration[];
}

/** Applies the migrations that are newer than the file's `user_version`, each in its own transaction. */
function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = migrations.at(-1)?.version ?? 0;
  for (const migration of migrations) {
    // IMMEDIATE takes the write lock before reading the version, so two processes never apply one twice.
    db.transaction(() => {
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current >= migration.version) return;
      db.exec(migration.sqlite);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > latest) {
    throw new StorageError('STORAGE_SCHEMA_TOO_NEW', `The database has schema version ${version}; this build knows up to ${latest}. Update the service.`);
  }
  return version;
}

/** Opens (and creates and migrates, unless read-only) the database in `dataDir`. */
export function openSqliteStorage(dataDir: string, options: SqliteStorageOptions = {}): Storage {
  const path = dataDir === ':memory:' ? ':memory:' : join(dataDir, DATABASE_FILE);
  const migrations = options.migrations ?? MIGRATIONS;
  let db: Database.Database;
  if (options.readonly) {
    if (path !== ':memory:' && !existsSync(path)) {
      throw new StorageError('STORAGE_MISSING', `No database at ${path}: the service has not run with this DATA_DIR yet.`);
    }
    db = new Database(path, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    const latest = migrations.at(-1)?.version ?? 0;
    if (version !== latest) {
      db.close();
      throw new StorageError(
        version > latest ? 'STORAGE_SCHEMA_TOO_NEW' : 'STORAGE_SCHEMA_OUTDATED',
        `The database at ${path} has schema version ${version}, this build expects ${latest}; start the service once to migrate it.`,
      );
    }
  } else {
    if (path !== ':memory:') mkdirSync(dataDir, { recursive: true });
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db, migrations);
  }
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  db.pragma('foreign_keys = ON');
  return createSqliteStorage(db);
}

/** The `Storage` over an open, migrated better-sqlite3 connection. */
function createSqliteStorage(db: Database.Database): Storage {
  const q = {
    getChannel: db.prepare('SELECT * FROM channels WHERE platform = ? AND channel_id = ?'),
    insertChannel: db.prepare(
      `INSERT INTO channels (platform, channel_id, lang, reminder_days, reminder_time, created_at, updated_at)
       VALUES (@platform, @channelId, @lang, @reminderDays, @reminderTime, @now, @now)
       ON CONFLICT (platform, channel_id) DO NOTHING`,
    ),
    updateChannel: db.prepare(
      `UPDATE channels SET lang = @lang, reminder_days = @reminderDays, reminder_time = @reminderTime, updated_at = @now
       WHERE platform = @platform AND channel_id = @channelId`,
    ),
    setStatus: db.prepare(
      `UPDATE channels SET status = @status, status_reason = @reason, status_at = @now, updated_at = @now
       WHERE platform = @platform AND channel_id = @channelId AND status <> @status`,
    ),
    subscribe: db.prepare(
      `INSERT INTO subscriptions (id, platform, channel_id, topic, since) VALUES (@id, @platform, @channelId, @topic, @now)
       ON CONFLICT (id) DO NOTHING`,
    ),
    unsubscribe: db.prepare('DELETE FROM subscriptions WHERE platform = ? AND channel_id = ? AND topic = ?'),
    listSubscriptions: db.prepare('SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ? ORDER BY topic'),
    active: db.prepare(`${ACTIVE_SELECT} WHERE c.status = 'active'`).raw(true),
    activeOf: db.prepare(`${ACTIVE_SELECT} WHERE c.status = 'active' AND s.platform = ? AND s.channel_id = ?`).raw(true),
    lastChange: db.prepare('SELECT coalesce(max(seq), 0) FROM channel_changes').pluck(),
    changedSince: db.prepare('SELECT DISTINCT platform, channel_id FROM channel_changes WHERE seq > ?').raw(true),
    lastOutbox: db.prepare('SELECT coalesce(max(seq), 0) FROM outbox').pluck(),
    outboxSince: db.prepare('SELECT subscription_id, deadline_key, reminder_days FROM outbox WHERE seq > ?').raw(true),
    getProject: db.prepare('SELECT * FROM projects WHERE platform = ? AND channel_id = ?'),
    saveProject: db.prepare(
      `INSERT INTO projects (platform, channel_id, name, start_date, end_date, interim_date, final_date, updated_at)
       VALUES (@platform, @channelId, @name, @start, @end, @interim, @finalReport, @now)
       ON CONFLICT (platform, channel_id) DO UPDATE SET name = excluded.name, start_date = excluded.start_date,
         end_date = excluded.end_date, interim_date = excluded.interim_date, final_date = excluded.final_date,
         updated_at = excluded.updated_at`,
    ),
    deleteProject: db.prepare('DELETE FROM projects WHERE platform = ? AND channel_id = ?'),
    saveReference: db.prepare(
      `INSERT INTO conversation_references (platform, channel_id, reference, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (platform, channel_id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at`,
    ),
    getReference: db.prepare('SELECT reference FROM conversation_references WHERE platform = ? AND channel_id = ?'),
    outboxKeys: db.prepare('SELECT subscription_id, deadline_key, reminder_days FROM outbox WHERE due_at > ?').raw(true),
    claim: db.prepare(
      `INSERT INTO outbox (subscription_id, deadline_key, reminder_days, platform, channel_id, deadline_id, due_at, send_at,
         status, owner, lease_until, attempts, created_at, updated_at)
       VALUES (@subscriptionId, @deadlineKey, @reminderDays, @platform, @channelId, @deadlineId, @dueAt, @sendAt,
         'claimed', @owner, @leaseUntil, 0, @now, @now)
       ON CONFLICT (subscription_id, deadline_key, reminder_days) DO NOTHING`,
    ),
    claimRetries: db.prepare(
      `UPDATE outbox SET status = 'claimed', owner = @owner, lease_until = @leaseUntil, updated_at = @now
       WHERE seq IN (SELECT seq FROM outbox WHERE status = 'retry' AND next_attempt_at <= @now ORDER BY next_attempt_at LIMIT @limit)
         AND status = 'retry'
       RETURNING *`,
    ),
    takeOverStale: db.prepare(
      `UPDATE outbox SET owner = @owner, lease_until = @leaseUntil, updated_at = @now
       WHERE status IN ('claimed', 'sending') AND lease_until < @now
       RETURNING *`,
    ),
    markSending: db.prepare(
      `UPDATE outbox SET status = 'sending', attempts = attempts + 1, updated_at = @now
       WHERE subscription_id = @subscriptionId AND deadline_key = @deadlineKey AND reminder_days = @reminderDays
         AND owner = @owner AND status = 'claimed'`,
    ),
    finish: db.prepare(
      `UPDATE outbox SET status = @status, next_attempt_at = @nextAttemptAt, last_error = @error, sent_at = @sentAt,
         lease_until = NULL, updated_at = @now
       WHERE subscription_id = @subscriptionId AND deadline_key = @deadlineKey AND reminder_days = @reminderDays
         AND owner = @owner AND status IN ('claimed', 'sending')`,
    ),
    listOutbox: db.prepare('SELECT * FROM outbox WHERE (@status IS NULL OR status = @status) ORDER BY updated_at DESC LIMIT @limit'),
    claimOnce: db.prepare(
      `INSERT INTO once_claims (scope, key, expires_at) VALUES (@scope, @key, @expiresAt)
       ON CONFLICT (scope, key) DO UPDATE SET expires_at = excluded.expires_at WHERE once_claims.expires_at <= @now`,
    ),
    purgeClaims: db.prepare('DELETE FROM once_claims WHERE expires_at <= ?'),
    getLang: db.prepare('SELECT lang FROM conversation_langs WHERE platform = ? AND channel_id = ? AND user_id = ?').pluck(),
    deleteLangsOf: db.prepare('DELETE FROM conversation_langs WHERE platform = ? AND user_id = ?'),
    setLang: db.prepare(
      `INSERT INTO conversation_langs (platform, channel_id, user_id, lang, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (platform, channel_id, user_id) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at`,
    ),
  };

  const refArgs = (ref: ChannelRef) => [ref.platform, ref.channelId] as const;
  const keyParams = (key: NoticeKey) => ({ subscriptionId: key.subscriptionId, deadlineKey: key.deadlineKey, reminderDays: key.reminderDays });

  const ensureChannel = (ref: ChannelRef, now: Date): void => {
    q.insertChannel.run({
      ...ref,
      lang: DEFAULT_CHANNEL_SETTINGS.lang,
      reminderDays: DEFAULT_CHANNEL_SETTINGS.reminderDays.join(','),
      reminderTime: DEFAULT_CHANNEL_SETTINGS.reminderTime,
      now: now.getTime(),
    });
  };

  const finish = (
    key: NoticeKey,
    holder: ClaimHolder,
    status: OutboxStatus,
    fields: { nextAttemptAt?: Date; error?: string; sentAt?: Date } = {},
  ): void => {
    q.finish.run({
      ...keyParams(key),
      owner: holder.owner,
      now: holder.now.getTime(),
      status,
      nextAttemptAt: fields.nextAttemptAt?.getTime() ?? null,
      error: fields.error ?? null,
      sentAt: fields.sentAt?.getTime() ?? null,
    });
  };

  const cache = createReadCache({
    lastChange: async () => Number(q.lastChange.get()),
    changedSince: async (seq) => q.changedSince.all(seq) as Array<[Platform, string]>,
    active: async () => q.active.all() as unknown[][],
    activeOf: async (platform, channelId) => q.activeOf.all(platform, channelId) as unknown[][],
    lastOutbox: async () => Number(q.lastOutbox.get()),
    outboxDueAfter: async (dueAfter) => q.outboxKeys.all(dueAfter) as Array<[string, string, number]>,
    outboxSince: async (seq) => q.outboxSince.all(seq) as Array<[string, string, number]>,
  });
  let claimsPurgedAt = 0;

  const saveSettings = db.transaction((ref: ChannelRef, settings: Parameters<Storage['saveChannelSettings']>[1], now: Date): ChannelRecord => {
    ensureChannel(ref, now);
    const current = toChannel(q.getChannel.get(...refArgs(ref)) as Row);
    q.updateChannel.run({
      ...ref,
      lang: settings.lang ?? current.lang,
      reminderDays: (settings.reminderDays ?? current.reminderDays).join(','),
      reminderTime: settings.reminderTime ?? current.reminderTime,
      now: now.getTime(),
    });
    return toChannel(q.getChannel.get(...refArgs(ref)) as Row);
  });

  const subscribe = db.transaction((ref: ChannelRef, topics: readonly Topic[], now: Date) => {
    ensureChannel(ref, now);
    for (const topic of topics) q.subscribe.run({ id: `${ref.platform}:${ref.channelId}:${topic}`, ...ref, topic, now: now.getTime() });
  });

  const unsubscribe = db.transaction((ref: ChannelRef, topics: readonly Topic[]) =>
    topics.reduce((removed, topic) => removed + q.unsubscribe.run(...refArgs(ref), topic).changes, 0),
  );

  return {
    ...createSqliteFeedbackStorage(db),
    ...createSqliteInboxStorage(db),
    async getChannel(ref) {
      const row = q.getChannel.get(...refArgs(ref)) as Row | undefined;
      return row && toChannel(row);
    },
    async saveChannelSettings(ref, settings, now) {
      return saveSettings(ref, settings, now);
    },
    async markChannelGone(ref, reason, now) {
      q.setStatus.run({ ...ref, status: 'gone', reason, now: now.getTime() });
    },
    async markChannelActive(ref, now) {
      q.setStatus.run({ ...ref, status: 'active', reason: null, now: now.getTime() });
    },

    async subscribe(ref, topics, now) {
      subscribe(ref, topics, now);
    },
    async unsubscribe(ref, topics) {
      return unsubscribe(ref, topics);
    },
    async listSubscriptions(ref) {
      return (q.listSubscriptions.all(...refArgs(ref)) as Row[]).map(
        (row): SubscriptionRecord => ({ id: String(row.id), platform: ref.platform, channelId: ref.channelId, topic: row.topic as Topic, since: new Date(num(row.since)) }),
      );
    },
    activeSubscriptions: () => cache.activeSubscriptions(),

    async getProject(ref) {
      const row = q.getProject.get(...refArgs(ref)) as Row | undefined;
      return row && toProject(row);
    },
    async saveProject(ref, project, now) {
      q.saveProject.run({ ...ref, ...project, name: project.name ?? null, interim: project.interim ?? null, finalReport: project.finalReport ?? null, now: now.getTime() });
    },
    async deleteProject(ref) {
      return q.deleteProject.run(...refArgs(ref)).changes > 0;
    },

    async saveConversationReference(ref, reference, now) {
      q.saveReference.run(...refArgs(ref), JSON.stringify(reference), now.getTime());
    },
    async getConversationReference(ref) {
      const row = q.getReference.get(...refArgs(ref)) as { reference: string } | undefined;
      return row === undefined ? undefined : (JSON.parse(row.reference) as unknown);
    },

    outboxKeys: (dueAfter) => cache.outboxKeys(dueAfter),
    async claimNotice(claim, holder, leaseMs) {
      const now = holder.now.getTime();
      const result = q.claim.run({
        ...keyParams(claim),
        platform: claim.platform,
        channelId: claim.channelId,
        deadlineId: claim.deadlineId,
        dueAt: claim.dueAt.getTime(),
        sendAt: claim.sendAt.getTime(),
        owner: holder.owner,
        leaseUntil: now + leaseMs,
        now,
      });
      cache.noteInOutbox(claim);
      return result.changes === 1;
    },
    async claimRetries(holder, leaseMs, limit) {
      const now = holder.now.getTime();
      return (q.claimRetries.all({ owner: holder.owner, leaseUntil: now + leaseMs, now, limit }) as Row[]).map(toOutbox);
    },
    async takeOverStale(holder, leaseMs) {
      const now = holder.now.getTime();
      return (q.takeOverStale.all({ owner: holder.owner, leaseUntil: now + leaseMs, now }) as Row[]).map(toOutbox);
    },
    async markSending(key, holder) {
      return q.markSending.run({ ...keyParams(key), owner: holder.owner, now: holder.now.getTime() }).changes === 1;
    },
    async markSent(key, holder) {
      finish(key, holder, 'sent', { sentAt: holder.now });
    },
    async markRetry(key, holder, nextAttemptAt, error) {
      finish(key, holder, 'retry', { nextAttemptAt, error });
    },
    async markDone(key, holder, status, error) {
      finish(key, holder, status, { error });
    },
    async listOutbox(filter = {}) {
      return (q.listOutbox.all({ status: filter.status ?? null, limit: filter.limit ?? 1000 }) as Row[]).map(toOutbox);
    },

    async checkHealth() {
      try {
        const problem = db.pragma('quick_check(1)', { simple: true });
        if (problem !== 'ok') throw new Error(`the file is damaged (${String(problem)})`);
        // A real write (the schema version, set to what it is) proves that the file takes writes.
        const version = db.pragma('user_version', { simple: true }) as number;
        db.pragma(`user_version = ${version}`);
      } catch (error) {
        throw new StorageError('STORAGE_UNHEALTHY', (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' '));
      }
    },
    async claimOnce(scope, key, ttlMs, now) {
      const at = now.getTime();
      if (at - claimsPurgedAt >= CLAIM_PURGE_EVERY_MS) {
        q.purgeClaims.run(at);
        claimsPurgedAt = at;
      }
      return q.claimOnce.run({ scope, key, expiresAt: at + ttlMs, now: at }).changes === 1;
    },
    async getConversationLang(platform, channelId, userId) {
      return q.getLang.get(platform, channelId, userId) as Lang | undefined;
    },
    async setConversationLang(platform, channelId, userId, lang, now) {
      q.setLang.run(platform, channelId, userId, lang, now.getTime());
    },
    async deleteConversationLangsOf(platform, userId) {
      return q.deleteLangsOf.run(platform, userId).changes;
    },

    async close() {
      if (db.open) db.close();
    },
  };
}
