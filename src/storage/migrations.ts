// The schema as an ordered list of migrations, one list for both databases: each migration has the SQL
// for SQLite and for PostgreSQL under the same version number. SQLite keeps the number of the last one
// applied in `PRAGMA user_version`, PostgreSQL in the `schema_migrations` table. A feature that needs a
// table appends a migration here and never edits an earlier one.
// Instants are stored as epoch milliseconds (INTEGER in SQLite, BIGINT in PostgreSQL) and calendar days
// as `YYYY-MM-DD` (TEXT) in both, so that one set of row mappers (rows.ts) reads either database.

export interface Migration {
  /** 1, 2, 3, … in order; becomes `user_version` (SQLite) or a `schema_migrations` row (PostgreSQL). */
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

/** The advisory lock taken around every change to channels, subscriptions and projects (see postgres.ts). */
export const CHANNEL_CHANGES_LOCK = 4_216_001;

const CHANNEL_TABLES = ['channels', 'subscriptions', 'projects'];

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'notices: channels, subscriptions, projects, conversation references, outbox',
    sqlite: `
      CREATE TABLE channels (
        platform      TEXT NOT NULL,
        channel_id    TEXT NOT NULL,
        lang          TEXT NOT NULL CHECK (lang IN ('nl', 'en')),
        reminder_days TEXT NOT NULL,
        reminder_time TEXT NOT NULL,
        status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'gone')),
        status_reason TEXT,
        status_at     INTEGER,
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL,
        PRIMARY KEY (platform, channel_id)
      ) WITHOUT ROWID;

      CREATE TABLE subscriptions (
        id         TEXT PRIMARY KEY,
        platform   TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        topic      TEXT NOT NULL CHECK (topic IN ('calls', 'project')),
        since      INTEGER NOT NULL,
        UNIQUE (platform, channel_id, topic),
        FOREIGN KEY (platform, channel_id) REFERENCES channels (platform, channel_id) ON DELETE CASCADE
      ) WITHOUT ROWID;

      CREATE TABLE projects (
        platform     TEXT NOT NULL,
        channel_id   TEXT NOT NULL,
        name         TEXT,
        start_date   TEXT NOT NULL,
        end_date     TEXT NOT NULL,
        interim_date TEXT,
        final_date   TEXT,
        updated_at   INTEGER NOT NULL,
        PRIMARY KEY (platform, channel_id)
      ) WITHOUT ROWID;

      CREATE TABLE conversation_references (
        platform   TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        reference  TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (platform, channel_id)
      ) WITHOUT ROWID;

      CREATE TABLE outbox (
        seq             INTEGER PRIMARY KEY AUTOINCREMENT,
        subscription_id TEXT NOT NULL,
        deadline_key    TEXT NOT NULL,
        reminder_days   INTEGER NOT NULL,
        platform        TEXT NOT NULL,
        channel_id      TEXT NOT NULL,
        deadline_id     TEXT NOT NULL,
        due_at          INTEGER NOT NULL,
        send_at         INTEGER NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('claimed', 'sending', 'sent', 'retry', 'failed', 'gone', 'expired', 'unknown')),
        owner           TEXT,
        lease_until     INTEGER,
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER,
        last_error      TEXT,
        created_at      INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL,
        sent_at         INTEGER,
        UNIQUE (subscription_id, deadline_key, reminder_days)
      );

      CREATE INDEX outbox_by_due ON outbox (due_at);
      CREATE INDEX outbox_by_status ON outbox (status, next_attempt_at);

      -- Every change to a channel, its subscriptions or its project, by any connection, so that a
      -- scheduler re-reads only the channels that changed since its last tick.
      CREATE TABLE channel_changes (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        platform   TEXT NOT NULL,
        channel_id TEXT NOT NULL
      );
      ${CHANNEL_TABLES
        .flatMap((table) => [
          `CREATE TRIGGER ${table}_inserted AFTER INSERT ON ${table} BEGIN
             INSERT INTO channel_changes (platform, channel_id) VALUES (NEW.platform, NEW.channel_id); END;`,
          `CREATE TRIGGER ${table}_updated AFTER UPDATE ON ${table} BEGIN
             INSERT INTO channel_changes (platform, channel_id) VALUES (NEW.platform, NEW.channel_id); END;`,
          `CREATE TRIGGER ${table}_deleted AFTER DELETE ON ${table} BEGIN
             INSERT INTO channel_changes (platform, channel_id) VALUES (OLD.platform, OLD.channel_id); END;`,
        ])
        .join('\n')}
    `,
    postgres: `
      CREATE TABLE channels (
        platform      TEXT NOT NULL,
        channel_id    TEXT NOT NULL,
        lang          TEXT NOT NULL CHECK (lang IN ('nl', 'en')),
        reminder_days TEXT NOT NULL,
        reminder_time TEXT NOT NULL,
        status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'gone')),
        status_reason TEXT,
        status_at     BIGINT,
        created_at    BIGINT NOT NULL,
        updated_at    BIGINT NOT NULL,
        PRIMARY KEY (platform, channel_id)
      );

      CREATE TABLE subscriptions (
        id         TEXT PRIMARY KEY,
        platform   TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        topic      TEXT NOT NULL CHECK (topic IN ('calls', 'project')),
        since      BIGINT NOT NULL,
        UNIQUE (platform, channel_id, topic),
        FOREIGN KEY (platform, channel_id) REFERENCES channels (platform, channel_id) ON DELETE CASCADE
      );

      CREATE TABLE projects (
        platform     TEXT NOT NULL,
        channel_id   TEXT NOT NULL,
        name         TEXT,
        start_date   TEXT NOT NULL,
        end_date     TEXT NOT NULL,
        interim_date TEXT,
        final_date   TEXT,
        updated_at   BIGINT NOT NULL,
        PRIMARY KEY (platform, channel_id)
      );

      CREATE TABLE conversation_references (
        platform   TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        reference  TEXT NOT NULL,
        updated_at BIGINT NOT NULL,
        PRIMARY KEY (platform, channel_id)
      );

      CREATE TABLE outbox (
        seq             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        subscription_id TEXT NOT NULL,
        deadline_key    TEXT NOT NULL,
        reminder_days   INTEGER NOT NULL,
        platform        TEXT NOT NULL,
        channel_id      TEXT NOT NULL,
        deadline_id     TEXT NOT NULL,
        due_at          BIGINT NOT NULL,
        send_at         BIGINT NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('claimed', 'sending', 'sent', 'retry', 'failed', 'gone', 'expired', 'unknown')),
        owner           TEXT,
        lease_until     BIGINT,
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at BIGINT,
        last_error      TEXT,
        created_at      BIGINT NOT NULL,
        updated_at      BIGINT NOT NULL,
        sent_at         BIGINT,
        UNIQUE (subscription_id, deadline_key, reminder_days)
      );

      CREATE INDEX outbox_by_due ON outbox (due_at);
      CREATE INDEX outbox_by_status ON outbox (status, next_attempt_at);

      -- As in SQLite, every change to a channel, its subscriptions or its project. A sequence is not in
      -- commit order, so a reader that has seen seq 11 could still miss a later commit of seq 10; the
      -- trigger therefore takes a transaction-level advisory lock, which makes these writes commit one
      -- after the other in the order of their numbers. They are rare (people changing settings).
      CREATE TABLE channel_changes (
        seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        platform   TEXT NOT NULL,
        channel_id TEXT NOT NULL
      );
      CREATE FUNCTION note_channel_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(${CHANNEL_CHANGES_LOCK});
        IF TG_OP = 'DELETE' THEN
          INSERT INTO channel_changes (platform, channel_id) VALUES (OLD.platform, OLD.channel_id);
        ELSE
          INSERT INTO channel_changes (platform, channel_id) VALUES (NEW.platform, NEW.channel_id);
        END IF;
        RETURN NULL;
      END $$;
      ${CHANNEL_TABLES.map(
        (table) => `CREATE TRIGGER ${table}_changed AFTER INSERT OR UPDATE OR DELETE ON ${table}
           FOR EACH ROW EXECUTE FUNCTION note_channel_change();`,
      ).join('\n')}
    `,
  },
  {
    version: 2,
    name: 'feedback: answer votes, question log, service secrets',
    sqlite: `
      -- Secrets the service creates itself, e.g. the feedback salt when FEEDBACK_SALT is not set.
      CREATE TABLE service_secrets (
        name       TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) WITHOUT ROWID;

      -- One row per typed question that reached the roadmap matcher. text and nearest are only set for
      -- declined and low-confidence questions, and are deleted after RETENTION_DAYS.
      CREATE TABLE question_log (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        asked_at   INTEGER NOT NULL,
        platform   TEXT NOT NULL,
        lang       TEXT NOT NULL CHECK (lang IN ('nl', 'en')),
        outcome    TEXT NOT NULL CHECK (outcome IN ('answered', 'low-confidence', 'suggested', 'declined')),
        entry_id   TEXT,
        confidence REAL,
        text       TEXT,
        nearest    TEXT
      );
      CREATE INDEX question_log_by_time ON question_log (asked_at);

      -- One vote per user and answer message, both as salted hashes; the hashes are deleted after
      -- RETENTION_DAYS and the vote stays counted.
      CREATE TABLE answer_votes (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        answer_key TEXT,
        user_hash  TEXT,
        entry_id   TEXT NOT NULL,
        lang       TEXT NOT NULL CHECK (lang IN ('nl', 'en')),
        platform   TEXT NOT NULL,
        vote       TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (answer_key, user_hash)
      );
      CREATE INDEX answer_votes_by_time ON answer_votes (updated_at);
    `,
    postgres: `
      CREATE TABLE service_secrets (
        name       TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );

      CREATE TABLE question_log (
        id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        asked_at   BIGINT NOT NULL,
        platform   TEXT NOT NULL,
        lang       TEXT NOT NULL CHECK (lang IN ('nl', 'en')),
        outcome    TEXT NOT NULL CHECK (outcome IN ('answered', 'low-confidence', 'suggested', 'declined')),
        entry_id   TEXT,
        confidence DOUBLE PRECISION,
        text       TEXT,
        nearest    TEXT
      );
      CREATE INDEX question_log_by_time ON question_log (asked_at);

      CREATE TABLE answer_votes (
        id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        answer_key TEXT,
        user_hash  TEXT,
        entry_id   TEXT NOT NULL,
        lang       TEXT NOT NULL CHECK (lang IN ('nl', 'en')),
        platform   TEXT NOT NULL,
        vote       TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        UNIQUE (answer_key, user_hash)
      );
      CREATE INDEX answer_votes_by_time ON answer_votes (updated_at);
    `,
  },
  {
    version: 3,
    name: 'replicas: one-time claims (de-duplication) and the language of a conversation',
    sqlite: `
      -- A key claimed once within its time-to-live, e.g. a Slack event id, so that a retry delivered to
      -- another replica is not answered twice. Expired rows are deleted by later claims.
      CREATE TABLE once_claims (
        scope      TEXT NOT NULL,
        key        TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (scope, key)
      ) WITHOUT ROWID;
      CREATE INDEX once_claims_by_expiry ON once_claims (expires_at);

      -- The language last used with a user in a conversation; rows unused for RETENTION_DAYS are deleted.
      CREATE TABLE conversation_langs (
        platform   TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        user_id    TEXT NOT NULL,
        lang       TEXT NOT NULL CHECK (lang IN ('nl', 'en')),
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (platform, channel_id, user_id)
      ) WITHOUT ROWID;
      CREATE INDEX conversation_langs_by_time ON conversation_langs (updated_at);
    `,
    postgres: `
      CREATE TABLE once_claims (
        scope      TEXT NOT NULL,
        key        TEXT NOT NULL,
        expires_at BIGINT NOT NULL,
        PRIMARY KEY (scope, key)
      );
      CREATE INDEX once_claims_by_expiry ON once_claims (expires_at);

      CREATE TABLE conversation_langs (
        platform   TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        user_id    TEXT NOT NULL,
        lang       TEXT NOT NULL CHECK (lang IN ('nl', 'en')),
        updated_at BIGINT NOT NULL,
        PRIMARY KEY (platform, channel_id, user_id)
      );
      CREATE INDEX conversation_langs_by_time ON conversation_langs (updated_at);
    `,
  },
  {
    version: 4,
    name: 'inbox: notices kept for web chat conversations until the page is opened',
    sqlite: `
      CREATE TABLE inbox (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        platform   TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        notice_key TEXT NOT NULL UNIQUE,
        notice     TEXT NOT NULL,
        added_at   INTEGER NOT NULL,
        shown_at   INTEGER
      );
      CREATE INDEX inbox_by_channel ON inbox (platform, channel_id, shown_at);
    `,
    postgres: `
      CREATE TABLE inbox (
        seq        BIGSERIAL PRIMARY KEY,
        platform   TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        notice_key TEXT NOT NULL UNIQUE,
        notice     TEXT NOT NULL,
        added_at   BIGINT NOT NULL,
        shown_at   BIGINT
      );
      CREATE INDEX inbox_by_channel ON inbox (platform, channel_id, shown_at);
    `,
  },
];
