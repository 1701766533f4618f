// The storage of answer feedback and the question log: votes on answers (by salted hashes, never user ids),
// what was asked and how it went (with the text only when the bot could not answer well), the counts the
// `report` command reads, and the retention purge. Implemented for SQLite (src/storage/sqlite-feedback.ts)
// and PostgreSQL (src/storage/postgres-feedback.ts).
import type { Platform } from '../input.js';
import type { Lang } from '../knowledge/schema.js';

/** How a question went: answered, answered with low confidence, a choice of topics, or declined. */
export type QuestionOutcome = 'answered' | 'low-confidence' | 'suggested' | 'declined';
export const QUESTION_OUTCOMES: readonly QuestionOutcome[] = ['answered', 'low-confidence', 'suggested', 'declined'];

/** One of the entries nearest to a question, with the matcher's confidence. */
export interface NearestEntry {
  entryId: string;
  score: number;
}

/** A question as the log keeps it. `text` and `nearest` are only kept for questions the bot could not answer well. */
export interface QuestionRecord {
  askedAt: Date;
  platform: Platform;
  lang: Lang;
  outcome: QuestionOutcome;
  /** The entry answered, or for other outcomes the nearest one; undefined when nothing came near. */
  entryId: string | undefined;
  confidence: number | undefined;
  text: string | undefined;
  nearest: NearestEntry[];
}

export type Vote = 'up' | 'down';

/** A 👍/👎 on one answer. Both keys are HMACs with the feedback salt; no user or message id is stored. */
export interface VoteRecord {
  /** Identifies the answer message the buttons were on (platform, conversation, message, entry). */
  answerKey: string;
  userHash: string;
  entryId: string;
  lang: Lang;
  platform: Platform;
  vote: Vote;
  at: Date;
}

/** Questions and votes of one entry, for the report. */
export interface EntryCounts {
  entryId: string;
  /** Questions answered with this entry (low-confidence answers included). */
  questions: number;
  up: number;
  down: number;
}

/** What the report counts over a period. */
export interface FeedbackSummary {
  outcomes: Record<QuestionOutcome, number>;
  /** Per entry, for entries with at least one question or vote. */
  entries: EntryCounts[];
}

/** What a purge removed. */
export interface PurgeResult {
  /** Questions whose text and nearest entries were deleted. */
  questions: number;
  /** Votes whose user hash and answer key were deleted (the vote itself stays counted). */
  votes: number;
  /** Remembered conversation languages (they name a user) not used since the cut-off, deleted. */
  languages: number;
}

export interface FeedbackStorage {
  /** A secret kept in the database (e.g. the feedback salt), created with `create()` the first time. */
  getOrCreateSecret(name: string, create: () => string, now: Date): Promise<string>;
  /** Appends a question to the log. */
  logQuestion(record: QuestionRecord): Promise<void>;
  /** Stores a vote, or changes the vote of the same user on the same answer; returns the vote it replaced. */
  saveVote(record: VoteRecord): Promise<{ previous: Vote | undefined }>;
  /** Counts of questions and votes at or after `since`. */
  feedbackSummary(since: Date): Promise<FeedbackSummary>;
  /** Declined and low-confidence questions at or after `since` whose text is still kept, newest first. */
  unansweredQuestions(since: Date, limit: number): Promise<QuestionRecord[]>;
  /** Deletes question texts and vote hashes recorded before `before`, and conversation languages last used before it. */
  purgeFeedback(before: Date): Promise<PurgeResult>;
  /** Deletes every vote of one user (by their hash), for a request to erase their data; returns how many. */
  deleteVotesOf(userHash: string): Promise<number>;
}
