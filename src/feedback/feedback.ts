// Answer feedback as the assistant takes it: the skill that stores votes and gives the report, and the
// question log as the assistant's `onQuestion` observer. createCore wires these into the assistant.
import type { QuestionEvent } from '../assistant.js';
import type { Clock } from '../clock.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Logger } from '../logger.js';
import type { Skill } from '../skill.js';
import type { FeedbackStorage } from '../storage/feedback.js';
import { createQuestionLog } from './question-log.js';
import { createFeedbackSkill, type FeedbackSkillOptions } from './skill.js';

export interface FeedbackParts {
  /** Asked before phase names: votes and the report command. */
  skill: Skill;
  /** The question log, for `createAssistant({ onQuestion })`. */
  onQuestion: (event: QuestionEvent) => Promise<void>;
}

export interface FeedbackPartsOptions extends FeedbackSkillOptions {
  knowledge: Knowledge;
  storage: FeedbackStorage;
  clock: Clock;
  logger?: Pick<Logger, 'warn'>;
}

/** The skill and the question log over one storage. */
export function createFeedback(options: FeedbackPartsOptions): FeedbackParts {
  const log = createQuestionLog({ storage: options.storage, clock: options.clock, ...(options.logger ? { logger: options.logger } : {}) });
  return { skill: createFeedbackSkill(options), onQuestion: (event) => log.record(event) };
}
