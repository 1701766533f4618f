// Answer-quality evaluation: runs a question set (the format of test/eval/*.json) through the assistant
// and scores it: top-1 accuracy on roadmap questions and the refusal rate on off-topic ones.
import { z } from 'zod';
import type { Assistant } from './assistant.js';
import { toTranscriptLine, type TranscriptLine } from './transcript.js';

const CaseSchema = z.strictObject({
  id: z.string().min(1),
  lang: z.enum(['nl', 'en']),
  q: z.string().min(1),
  expect: z.array(z.array(z.string().min(1)).min(1)).optional(),
  ood: z.literal(true).optional(),
});

export const QuestionSetSchema = z.object({
  about: z.string().optional(),
  cases: z.array(CaseSchema).min(1),
});

export type EvalCase = z.infer<typeof CaseSchema>;

/** The style of message a case is written in, read from its id (`…-long-…`, `…-para-…`, `…-sloppy-…`, `…-road-…`). */
export type MessageStyle = 'long' | 'paraphrase' | 'sloppy' | 'road' | 'plain';

const STYLE_TAGS: Record<string, MessageStyle> = { long: 'long', para: 'paraphrase', paraphrase: 'paraphrase', sloppy: 'sloppy', short: 'sloppy', road: 'road' };

/** The style of a case, `plain` when its id names none. */
export function styleOf(evalCase: EvalCase): MessageStyle {
  for (const part of evalCase.id.split('-')) {
    const style = STYLE_TAGS[part];
    if (style) return style;
  }
  return 'plain';
}

interface CaseResult {
  case: EvalCase;
  line: TranscriptLine;
  passed: boolean;
  /** Why it failed, for the report. */
  reason?: string;
}

export interface EvalSummary {
  results: CaseResult[];
  inDomain: { total: number; passed: number; accuracy: number };
  offTopic: { total: number; declined: number; rate: number };
  /** Share of answers given in the language of the question. */
  languageMatch: number;
}

/** `re:` starts a regular expression; anything else is a case-insensitive substring. */
function matches(haystack: string, needle: string): boolean {
  return needle.startsWith('re:') ? new RegExp(needle.slice(3), 'i').test(haystack) : haystack.includes(needle.toLowerCase());
}

/** Checks one transcript line against its case. */
function judge(evalCase: EvalCase, line: TranscriptLine): Omit<CaseResult, 'case' | 'line'> {
  if (evalCase.ood) return line.answered ? { passed: false, reason: `answered with ${line.entryId ?? line.kind}` } : { passed: true };
  if (!line.answered) return { passed: false, reason: 'declined' };
  const haystack = [line.title, line.text, ...line.links.flatMap((link) => [link.label, link.url])].join('\n').toLowerCase();
  const missing = (evalCase.expect ?? []).find((group) => !group.some((needle) => matches(haystack, needle)));
  return missing ? { passed: false, reason: `${line.entryId ?? line.kind} lacks one of ${JSON.stringify(missing)}` } : { passed: true };
}

/** Runs every case through the assistant and summarises. */
export async function evaluate(assistant: Assistant, cases: readonly EvalCase[]): Promise<EvalSummary> {
  const results: CaseResult[] = [];
  for (const evalCase of cases) {
    const reply = await assistant.handle({ text: evalCase.q, conversation: { platform: 'console', channelId: 'eval', userId: 'eval', kind: 'personal' } });
    const line = toTranscriptLine(evalCase.q, reply);
    results.push({ case: evalCase, line, ...judge(evalCase, line) });
  }
  const inDomain = results.filter((r) => !r.case.ood);
  const offTopic = results.filter((r) => r.case.ood);
  const passed = inDomain.filter((r) => r.passed).length;
  const declined = offTopic.filter((r) => r.passed).length;
  const answered = results.filter((r) => r.line.answered);
  return {
    results,
    inDomain: { total: inDomain.length, passed, accuracy: inDomain.length ? passed / inDomain.length : 1 },
    offTopic: { total: offTopic.length, declined, rate: offTopic.length ? declined / offTopic.length : 1 },
    languageMatch: answered.length ? answered.filter((r) => r.line.lang === r.case.lang).length / answered.length : 1,
  };
}
