// The question log: every typed question that reached the roadmap matcher, as the report counts it. An
// answered question is stored without its text (entry, language, platform, time, confidence); only a
// declined or low-confidence question keeps its text and nearest entries, for RETENTION_DAYS.
import type { QuestionEvent } from '../assistant.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { FeedbackStorage, QuestionRecord } from '../storage/feedback.js';

/** Answers below this confidence count as weak: their question is kept for the report. */
const LOW_CONFIDENCE = 0.6;
/** Nearest entries kept with an unanswered question. */
const NEAREST_KEPT = 3;

export interface QuestionLogOptions {
  storage: Pick<FeedbackStorage, 'logQuestion'>;
  clock: Clock;
  lowConfidence?: number;
  logger?: Pick<Logger, 'warn'>;
}

export interface QuestionLog {
  /** Stores the event; a storage failure is logged, never passed on to the asker. */
  record(event: QuestionEvent): Promise<void>;
}

/** What the log stores for one event. */
export function toQuestionRecord(event: QuestionEvent, askedAt: Date, lowConfidence = LOW_CONFIDENCE): QuestionRecord {
  const best = event.candidates[0];
  const round = (score: number): number => Math.round(score * 1000) / 1000;
  const base = { askedAt, platform: event.input.conversation.platform, lang: event.lang, confidence: best && round(best.confidence) };
  const weak = event.outcome === 'answered' && (best?.confidence ?? 0) < lowConfidence;
  // A near topic outside the roadmap is logged as declined: its text shows what people look for beyond it.
  if (event.outcome === 'declined' || event.outcome === 'out-of-scope' || weak) {
    return {
      ...base,
      outcome: weak ? 'low-confidence' : 'declined',
      entryId: event.entryId ?? best?.entryId,
      text: event.text,
      nearest: event.candidates.slice(0, NEAREST_KEPT).map((c) => ({ entryId: c.entryId, score: round(c.confidence) })),
    };
  }
  return { ...base, outcome: event.outcome === 'suggested' ? 'suggested' : 'answered', entryId: event.entryId ?? best?.entryId, text: undefined, nearest: [] };
}

/** Creates the log over the storage. */
export function createQuestionLog(options: QuestionLogOptions): QuestionLog {
  const { storage, clock, logger } = options;
  return {
    async record(event) {
      try {
        await storage.logQuestion(toQuestionRecord(event, clock.now(), options.lowConfidence));
      } catch (error) {
        logger?.warn({ err: error, code: 'QUESTION_LOG_FAILED' }, 'could not log a question');
      }
    },
  };
}
