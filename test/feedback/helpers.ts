// Shared set-up for the feedback tests: the fixture knowledge, a SQLite storage in a temporary directory,
// and the real assistant wired with the feedback skill and question log as createCore wires them.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { createAssistant, type Assistant } from '../../src/assistant.js';
import type { Clock } from '../../src/clock.js';
import { createFeedback } from '../../src/feedback/feedback.js';
import { DATABASE_FILE, openSqliteStorage } from '../../src/storage/sqlite.js';
import type { Storage } from '../../src/storage/storage.js';
import { createFakeClock, knowledge, tempDataDir, type FakeClock } from '../notices/helpers.js';

export interface FeedbackSetup {
  dir: string;
  storage: Storage;
  clock: FakeClock;
  assistant: Assistant;
  /** The rows of a table, read through a second connection. */
  rows(table: 'question_log' | 'answer_votes' | 'service_secrets'): Array<Record<string, unknown>>;
  cleanup(): Promise<void>;
}

export interface FeedbackSetupOptions {
  admins?: readonly string[];
  salt?: string;
  at?: string;
  retentionDays?: number;
}

/** The assistant of the service (feedback on) over a fresh database. */
export function createFeedbackSetup(options: FeedbackSetupOptions = {}): FeedbackSetup {
  const temp = tempDataDir();
  const storage = openSqliteStorage(temp.dir);
  const clock = createFakeClock(options.at ?? '2026-03-02T10:00:00Z');
  return {
    dir: temp.dir,
    storage,
    clock,
    assistant: createFeedbackAssistant(storage, clock, options),
    rows(table) {
      const db = new Database(join(temp.dir, DATABASE_FILE), { readonly: true });
      try {
        return db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all() as Array<Record<string, unknown>>;
      } finally {
        db.close();
      }
    },
    async cleanup() {
      await storage.close();
      temp.cleanup();
    },
  };
}

/** The fixture assistant with answer feedback, the question log and the report over `storage`. */
function createFeedbackAssistant(storage: Storage, clock: Clock, options: FeedbackSetupOptions = {}): Assistant {
  const parts = createFeedback({
    knowledge,
    storage,
    clock,
    zone: 'Europe/Amsterdam',
    admins: options.admins ?? [],
    retentionDays: options.retentionDays ?? 90,
    salt: options.salt,
  });
  return createAssistant({ knowledge, skills: [parts.skill], feedback: true, onQuestion: parts.onQuestion });
}
