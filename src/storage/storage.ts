// The storage of the service: channels and their reminder settings, subscriptions, projects, the Teams
// conversation references needed for proactive messages, the outbox that makes every notice go out once,
// and what replicas must share instead of keeping in memory (one-time claims for de-duplication, the
// language of a conversation). Two implementations with the same behaviour: SQLite in DATA_DIR
// (src/storage/sqlite.ts, the default) and PostgreSQL (src/storage/postgres.ts, for several replicas);
// src/storage/open.ts chooses.
import { CodedError } from '../errors.js';
import type { Platform } from '../input.js';
import type { Lang } from '../knowledge/schema.js';
import type { FeedbackStorage } from './feedback.js';
import type { InboxStorage } from './inbox.js';

/** A chat channel, group chat or personal chat on one platform. */
export interface ChannelRef {
  platform: Platform;
  channelId: string;
}

/** What a channel can subscribe to: the yearly call deadlines, or its own project's milestones. */
export type Topic = 'calls' | 'project';

/** `active`, or `gone` when the platform said the bot can no longer post there (removed, archived). */
type ChannelStatus = 'active' | 'gone';

export interface ChannelRecord extends ChannelRef {
  lang: Lang;
  /** Days before a due date on which a notice goes out, largest first, e.g. [30, 7, 1]. */
  reminderDays: number[];
  /** Local time of day of a notice, `HH:MM`. */
  reminderTime: string;
  status: ChannelStatus;
  statusReason: string | undefined;
}

/** The settings a channel may change; unset fields keep their value (or the default for a new channel). */
export interface ChannelSettings {
  lang?: Lang;
  reminderDays?: number[];
  reminderTime?: string;
}

export interface SubscriptionRecord extends ChannelRef {
  /** Stable per channel and topic (`platform:channelId:topic`), so that a notice is never repeated after re-subscribing. */
  id: string;
  topic: Topic;
  /** Reminders planned before this moment are not sent: the subscribe reply already told the channel. */
  since: Date;
}

/** A channel's own project, with dates as calendar days `YYYY-MM-DD`. */
export interface ProjectRecord {
  name: string | undefined;
  start: string;
  end: string;
  /** The progress/interim report date from the grant agreement, when it has one. */
  interim: string | undefined;
  /** The final report date when the grant agreement sets one; otherwise it is derived from the end date. */
  finalReport: string | undefined;
}

/** A subscription with everything the scheduler needs to plan its notices. */
export interface ActiveSubscription extends SubscriptionRecord {
  channel: ChannelRecord;
  project: ProjectRecord | undefined;
}

/** Identifies one notice: (subscription, deadline, reminder). The deadline key includes its due date. */
export interface NoticeKey {
  subscriptionId: string;
  deadlineKey: string;
  reminderDays: number;
}

/**
 * - `claimed`: a scheduler owns it and has not started sending;
 * - `sending`: the platform call has started; the outcome is not yet recorded;
 * - `sent`, `failed`, `gone` (channel removed the bot), `expired` (the deadline passed while retrying);
 * - `retry`: waiting for `nextAttemptAt`;
 * - `unknown`: a send interrupted and left unsent by earlier versions; the scheduler now sends such a notice
 *   again, marked as a repeat (see scheduler.ts).
 */
export type OutboxStatus = 'claimed' | 'sending' | 'sent' | 'retry' | 'failed' | 'gone' | 'expired' | 'unknown';

/** What is recorded with a claim, so that retries and operators see the notice without recomputing it. */
export interface NoticeClaim extends NoticeKey, ChannelRef {
  deadlineId: string;
  dueAt: Date;
  sendAt: Date;
}

export interface OutboxRecord extends NoticeClaim {
  status: OutboxStatus;
  /** When the notice was first claimed: its send cannot have started earlier. */
  claimedAt: Date;
  owner: string | undefined;
  leaseUntil: Date | undefined;
  attempts: number;
  nextAttemptAt: Date | undefined;
  lastError: string | undefined;
  sentAt: Date | undefined;
}

/** The fields that tell the holder of a claim apart, for the conditional updates after a send. */
export interface ClaimHolder {
  owner: string;
  now: Date;
}

/** Settings of a channel that has not changed them: 30, 7 and 1 days before, at 09:00 local time. */
export const DEFAULT_CHANNEL_SETTINGS: Readonly<Required<ChannelSettings>> = Object.freeze({
  lang: 'nl',
  reminderDays: [30, 7, 1],
  reminderTime: '09:00',
});

/** Error codes of the storage: a schema newer than this build, or an older one opened read-only. */
export class StorageError extends CodedError {
  constructor(
    override readonly code: 'STORAGE_SCHEMA_TOO_NEW' | 'STORAGE_SCHEMA_OUTDATED' | 'STORAGE_MISSING' | 'STORAGE_UNHEALTHY',
    message: string,
  ) {
    super(code, message);
  }
}

/** Expired one-time claims are deleted at most this often per connection, by the next `claimOnce`. */
export const CLAIM_PURGE_EVERY_MS = 60_000;

/** The string form of a notice key, for sets and logs. */
export function toNoticeKeyString(key: NoticeKey): string {
  return `${key.subscriptionId}|${key.deadlineKey}|${key.reminderDays}`;
}

/** Everything the service keeps: the notices' tables here, answer feedback and the question log in feedback.ts, the web chat's inbox in inbox.ts. */
export interface Storage extends FeedbackStorage, InboxStorage {
  getChannel(ref: ChannelRef): Promise<ChannelRecord | undefined>;
  /** Creates the channel with defaults when it is new, then applies `settings`. */
  saveChannelSettings(ref: ChannelRef, settings: ChannelSettings, now: Date): Promise<ChannelRecord>;
  /** Marks a channel gone (the bot was removed); its notices are skipped until it is active again. */
  markChannelGone(ref: ChannelRef, reason: string, now: Date): Promise<void>;
  markChannelActive(ref: ChannelRef, now: Date): Promise<void>;

  /** Adds the topics (keeping `since` of existing ones); creates the channel when new. */
  subscribe(ref: ChannelRef, topics: readonly Topic[], now: Date): Promise<void>;
  /** Removes the topics; returns how many subscriptions were removed. */
  unsubscribe(ref: ChannelRef, topics: readonly Topic[]): Promise<number>;
  listSubscriptions(ref: ChannelRef): Promise<SubscriptionRecord[]>;
  /** Every subscription of an active channel, with its channel and project; shared, not to be changed. */
  activeSubscriptions(): Promise<readonly ActiveSubscription[]>;

  getProject(ref: ChannelRef): Promise<ProjectRecord | undefined>;
  saveProject(ref: ChannelRef, project: ProjectRecord, now: Date): Promise<void>;
  deleteProject(ref: ChannelRef): Promise<boolean>;

  /** Stores the platform's reference to a conversation (Teams `ConversationReference`) as JSON. */
  saveConversationReference(ref: ChannelRef, reference: unknown, now: Date): Promise<void>;
  getConversationReference(ref: ChannelRef): Promise<unknown>;

  /** The keys of (at least) every outbox row whose deadline is after `dueAfter`, whatever its status; shared, read-only. */
  outboxKeys(dueAfter: Date): Promise<ReadonlySet<string>>;
  /** Inserts the claim unless the notice is already in the outbox; true when this caller now owns it. */
  claimNotice(claim: NoticeClaim, holder: ClaimHolder, leaseMs: number): Promise<boolean>;
  /** Claims rows in `retry` whose time has come (at most `limit`), for this owner. */
  claimRetries(holder: ClaimHolder, leaseMs: number, limit: number): Promise<OutboxRecord[]>;
  /** Takes over rows left `claimed` or `sending` by an owner whose lease expired. */
  takeOverStale(holder: ClaimHolder, leaseMs: number): Promise<OutboxRecord[]>;
  /** `claimed` → `sending`, just before the platform call; false when the claim was lost. */
  markSending(key: NoticeKey, holder: ClaimHolder): Promise<boolean>;
  markSent(key: NoticeKey, holder: ClaimHolder): Promise<void>;
  markRetry(key: NoticeKey, holder: ClaimHolder, nextAttemptAt: Date, error: string): Promise<void>;
  /** Ends a notice without sending it: `failed`, `gone`, `expired` or `unknown`. */
  markDone(key: NoticeKey, holder: ClaimHolder, status: 'failed' | 'gone' | 'expired' | 'unknown', error: string): Promise<void>;
  /** Outbox rows, newest first, for operations and tests. */
  listOutbox(filter?: { status?: OutboxStatus; limit?: number }): Promise<OutboxRecord[]>;

  /** Rejects with `STORAGE_UNHEALTHY` when the store is damaged or cannot be written (for /healthz and the start). */
  checkHealth?(): Promise<void>;
  /**
   * True for the first claim of `key` in `scope` within `ttlMs`, false for every later one until it expires:
   * across replicas, e.g. a Slack event id, so that a retry that reaches another replica is answered once.
   * Expired claims are deleted by later calls.
   */
  claimOnce(scope: string, key: string, ttlMs: number, now: Date): Promise<boolean>;
  /** The language last used with `userId` in a conversation, if any. */
  getConversationLang(platform: Platform, channelId: string, userId: string): Promise<Lang | undefined>;
  setConversationLang(platform: Platform, channelId: string, userId: string, lang: Lang, now: Date): Promise<void>;
  /** Forgets the languages remembered for one user in every conversation, for a request to erase their data; returns how many. */
  deleteConversationLangsOf(platform: Platform, userId: string): Promise<number>;

  close(): Promise<void>;
}
