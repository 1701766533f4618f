// Row mapping for both databases: rows (snake_case, epoch milliseconds) to the storage records of
// src/storage/storage.ts. better-sqlite3 returns numbers; the PostgreSQL pool returns BIGINT as numbers
// too (its type parser in postgres.ts is the one place that converts them).
import type { Platform } from '../input.js';
import type { Lang } from '../knowledge/schema.js';
import type { NearestEntry, QuestionOutcome, QuestionRecord } from './feedback.js';
import type { ChannelRecord, OutboxRecord, OutboxStatus, ProjectRecord } from './storage.js';

/** A row as either driver returns it. */
export type Row = Record<string, unknown>;

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
export const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value));
const date = (value: unknown): Date | undefined => (value === null || value === undefined ? undefined : new Date(num(value)));

/** A `channels` row. */
export function toChannel(row: Row): ChannelRecord {
  return {
    platform: row.platform as ChannelRecord['platform'],
    channelId: String(row.channel_id),
    lang: row.lang as Lang,
    reminderDays: String(row.reminder_days)
      .split(',')
      .filter((part) => part !== '')
      .map(Number),
    reminderTime: String(row.reminder_time),
    status: row.status as ChannelRecord['status'],
    statusReason: str(row.status_reason),
  };
}

/** A `projects` row. */
export function toProject(row: Row): ProjectRecord {
  return {
    name: str(row.name),
    start: String(row.start_date),
    end: String(row.end_date),
    interim: str(row.interim_date),
    finalReport: str(row.final_date),
  };
}

/** An `outbox` row. */
export function toOutbox(row: Row): OutboxRecord {
  return {
    subscriptionId: String(row.subscription_id),
    deadlineKey: String(row.deadline_key),
    reminderDays: num(row.reminder_days),
    platform: row.platform as OutboxRecord['platform'],
    channelId: String(row.channel_id),
    deadlineId: String(row.deadline_id),
    dueAt: new Date(num(row.due_at)),
    sendAt: new Date(num(row.send_at)),
    status: row.status as OutboxStatus,
    claimedAt: new Date(num(row.created_at)),
    owner: str(row.owner),
    leaseUntil: date(row.lease_until),
    attempts: num(row.attempts),
    nextAttemptAt: date(row.next_attempt_at),
    lastError: str(row.last_error),
    sentAt: date(row.sent_at),
  };
}

/** Subscriptions with their channel settings and (for `project`) the project, as raw rows. */
export const ACTIVE_SELECT = `
  SELECT s.id, s.platform, s.channel_id, s.topic, s.since, c.lang, c.reminder_days, c.reminder_time,
    p.name, p.start_date, p.end_date, p.interim_date, p.final_date
  FROM subscriptions s
  JOIN channels c ON c.platform = s.platform AND c.channel_id = s.channel_id
  LEFT JOIN projects p ON s.topic = 'project' AND p.platform = s.platform AND p.channel_id = s.channel_id`;

function parseNearest(value: unknown): NearestEntry[] {
  if (typeof value !== 'string') return [];
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? (parsed as NearestEntry[]) : [];
  } catch {
    return [];
  }
}

/** A `question_log` row. */
export function toQuestion(row: Row): QuestionRecord {
  return {
    askedAt: new Date(num(row.asked_at)),
    platform: row.platform as Platform,
    lang: row.lang as Lang,
    outcome: row.outcome as QuestionOutcome,
    entryId: str(row.entry_id),
    confidence: row.confidence === null || row.confidence === undefined ? undefined : num(row.confidence),
    text: str(row.text),
    nearest: parseNearest(row.nearest),
  };
}
