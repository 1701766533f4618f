// Builds the core from configuration: loads and validates the knowledge and the call deadlines, then
// creates the assistant with its skills. Every surface (service, terminal chat, one-off questions,
// evaluation, the notices script) starts here. With storage and `feedback`, answers carry 👍/👎
// buttons, questions are logged and admins get the report.
import { createAssistant, type Assistant } from './assistant.js';
import { systemClock, type Clock } from './clock.js';
import type { MatchOptions } from './match/matcher.js';
import { createDistanceSkill, type DistanceSkill } from './distance/skill.js';
import { createFeedback } from './feedback/feedback.js';
import { loadKnowledge, type Knowledge } from './knowledge/load.js';
import type { Logger } from './logger.js';
import { loadDeadlines, type CallDeadline } from './notices/deadlines.js';
import { createNoticesSkill } from './notices/skill.js';
import type { Skill } from './skill.js';
import { createStoredLanguageMemory } from './storage/languages.js';
import type { Storage } from './storage/storage.js';

export interface CoreOptions {
  knowledgeDir: string;
  /** Keeps subscriptions and projects; without it the notices skill only lists deadlines. */
  storage?: Storage;
  /** The time of notices, feedback, kept languages and the distance table of this year; the system clock by default. */
  clock?: Clock;
  /** The time zone of notices and reminder times (config.noticeTimezone). */
  noticeTimezone?: string;
  /** Answer feedback, the question log and the report; needs `storage`. */
  feedback?: FeedbackOptions;
  /** Where failures that do not reach the user (a question that could not be logged) are reported. */
  logger?: Pick<Logger, 'warn'>;
  /** The matcher's threshold and weights, for evaluation; the defaults otherwise. */
  match?: Partial<MatchOptions>;
}

/** The feedback settings from the config. */
interface FeedbackOptions {
  /** config.admins: `platform:userId` of who may see the report. */
  admins: readonly string[];
  /** config.retentionDays. */
  retentionDays: number;
  /** config.feedbackSalt. */
  salt: string | undefined;
}

export interface Core {
  knowledge: Knowledge;
  /** The call deadlines from knowledge/deadlines.yaml, in date order. */
  deadlines: readonly CallDeadline[];
  assistant: Assistant;
  /** The distance calculator: `answer(from, to, lang)` for the Teams message extension, `warm()` to read the place data early. */
  distance: DistanceSkill;
}

/** Loads the knowledge and deadlines (throws `KnowledgeError` when invalid) and creates the assistant. */
export function createCore(options: CoreOptions): Core {
  const knowledge = loadKnowledge(options.knowledgeDir);
  const deadlines = loadDeadlines(knowledge);
  const clock = options.clock ?? systemClock;
  const distance = createDistanceSkill({ knowledgeDir: options.knowledgeDir, clock });
  const zone = options.noticeTimezone ?? 'Europe/Amsterdam';
  const notices = createNoticesSkill({ knowledge, deadlines, storage: options.storage, clock, zone });
  const skills: Skill[] = [notices, distance];
  const { storage, feedback } = options;
  const match = options.match ?? {};
  // With storage, the conversation's language is kept there, so that every replica answers alike.
  const languages = storage && createStoredLanguageMemory(storage, clock, (error) => options.logger?.warn({ err: error }, 'conversation language not read or kept'));
  if (!storage || !feedback) return { knowledge, deadlines, assistant: createAssistant({ knowledge, skills, match, ...(languages ? { languages } : {}) }), distance };

  const parts = createFeedback({ knowledge, storage, clock, zone, ...feedback, ...(options.logger ? { logger: options.logger } : {}) });
  const assistant = createAssistant({ knowledge, skills: [parts.skill, ...skills], feedback: true, onQuestion: parts.onQuestion, match, languages });
  return { knowledge, deadlines, assistant, distance };
}
