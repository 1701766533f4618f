// The action ids of the 👍/👎 buttons, `feedback:<up|down>:<lang>:<entryId>`, and the buttons of an answer.
// The language is part of the id, so that a click is confirmed (and a Teams card redrawn) in the language
// the answer was shown in.
import type { Lang } from '../knowledge/schema.js';
import type { AnswerFeedback, FeedbackVote } from '../reply.js';
import { ft } from './texts.js';

/** A parsed 👍/👎 click. */
export interface FeedbackAction {
  vote: FeedbackVote;
  lang: Lang;
  entryId: string;
}

/** The action id of a 👍 or 👎 button under the answer of `entryId`. */
function toFeedbackAction(vote: FeedbackVote, lang: Lang, entryId: string): string {
  return `feedback:${vote}:${lang}:${entryId}`;
}

/** A 👍/👎 action id, or undefined for any other action. */
export function parseFeedbackAction(value: string): FeedbackAction | undefined {
  const match = /^feedback:(up|down):(nl|en):([a-z0-9-]{1,100})$/.exec(value);
  if (!match) return undefined;
  return { vote: match[1] as FeedbackVote, lang: match[2] as Lang, entryId: match[3] as string };
}

/** The 👍/👎 buttons for the answer of `entryId`. */
export function feedbackButtons(entryId: string, lang: Lang): AnswerFeedback {
  return {
    prompt: ft(lang, 'prompt'),
    up: { label: ft(lang, 'up'), action: toFeedbackAction('up', lang, entryId) },
    down: { label: ft(lang, 'down'), action: toFeedbackAction('down', lang, entryId) },
  };
}
