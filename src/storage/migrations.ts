// The SQLite schema as an ordered list of migrations. `PRAGMA user_version` holds the number of the last
// one applied; a feature that needs a table appends a migration here and never edits an earlier one.
// Instants are stored as epoch milliseconds (INTEGER), calendar days as `YYYY-MM-DD` (TEXT).

export interface Migration {
  /** 1, 2, 3, … in order; becomes `user_version` once applied. */
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'notices: channels, subscriptions, projects, conversation references, outbox',
    sql: `
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
      ${['channels', 'subscriptions', 'projects']
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
  },
  {
    version: 2,
    name: 'feedback: answer votes, question log, service secrets',
    sql: `
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
  },
  {
    version: 3,
    name: 'inbox: notices kept for web chat conversations until the page is opened',
    sql: `
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
  },
];
