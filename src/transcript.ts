// The stable one-line JSON form of a reply, used by `npm run ask -- --jsonl` and answer-quality checks.
import type { Lang } from './knowledge/schema.js';
import { stripMarkdown, toPlainText } from './plain-text.js';
import { replyFollowUps, replyLinks, type Reply } from './reply.js';

/** Reply kinds that answer no roadmap question. */
const UNANSWERED: ReadonlySet<Reply['kind']> = new Set(['not-found', 'message', 'smalltalk', 'out-of-scope']);

export interface TranscriptLine {
  question: string;
  /** False when the reply answers no roadmap question: a decline, an out-of-scope pointer, small talk, or a message it could not take. */
  answered: boolean;
  kind: Reply['kind'];
  entryId: string | null;
  title: string;
  text: string;
  links: Array<{ label: string; url: string }>;
  followUps: string[];
  lang: Lang;
  /** The answer's confidence; for a decline, the nearest entry's; null when there is none. */
  score: number | null;
}

/** The transcript line for one question and its reply. */
export function toTranscriptLine(question: string, reply: Reply): TranscriptLine {
  const answer = reply.kind === 'answer' ? reply : undefined;
  const links = replyLinks(reply);
  const followUps = replyFollowUps(reply);
  return {
    question,
    answered: !UNANSWERED.has(reply.kind),
    kind: reply.kind,
    entryId: answer?.entryId ?? null,
    title: 'title' in reply ? reply.title : '',
    text: answer ? [stripMarkdown(answer.body), ...answer.notes.map(stripMarkdown)].join('\n') : toPlainText(reply),
    links: links.map(({ label, url }) => ({ label, url })),
    followUps: followUps.map((f) => f.label),
    lang: reply.lang,
    score: answer?.score ?? (reply.kind === 'not-found' ? reply.score : undefined) ?? null,
  };
}
