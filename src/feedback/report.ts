// The report for the people who keep the knowledge: per roadmap phase and entry the questions answered
// with it and its 👍/👎, then the declined and weakly answered questions grouped by their nearest entry
// (the ten largest groups are what to add next), then the answers with the most 👎.
import type { Knowledge } from '../knowledge/load.js';
import type { Lang } from '../knowledge/schema.js';
import { fold } from '../match/normalize.js';
import { dayIn, formatDay } from '../notices/dates.js';
import type { ReportReply, ReportSection } from '../reply.js';
import type { EntryCounts, FeedbackStorage, FeedbackSummary, QuestionRecord } from '../storage/feedback.js';
import { ft, questionCount } from './texts.js';

/** Most unanswered questions one report reads. */
const MAX_UNANSWERED = 5000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Groups of unanswered questions the report lists. */
export const TOP_TO_ADD = 10;
/** Example questions shown per group. */
const EXAMPLES_PER_GROUP = 3;
/** Longest example question shown. */
const MAX_EXAMPLE_LENGTH = 140;
/** Answers listed under "did not help". */
const TOP_UNHELPFUL = 5;

export interface ReportInput {
  knowledge: Knowledge;
  summary: FeedbackSummary;
  /** Declined and low-confidence questions of the period, newest first. */
  unanswered: readonly QuestionRecord[];
  lang: Lang;
  days: number;
  /** The first day of the period, already in words. */
  since: string;
}

/** A group of unanswered questions around one nearest entry. */
export interface UnansweredGroup {
  /** Undefined when nothing in the knowledge came near. */
  entryId: string | undefined;
  count: number;
  bestScore: number;
  /** Distinct question texts, newest first. */
  examples: string[];
}

/** Groups questions by their nearest entry, largest group first (ties: the nearer group first). */
export function groupUnanswered(questions: readonly QuestionRecord[]): UnansweredGroup[] {
  const groups = new Map<string, UnansweredGroup & { seen: Set<string> }>();
  for (const question of questions) {
    const nearest = question.nearest[0];
    const key = nearest?.entryId ?? '';
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { entryId: nearest?.entryId, count: 0, bestScore: 0, examples: [], seen: new Set() }));
    group.count += 1;
    group.bestScore = Math.max(group.bestScore, nearest?.score ?? 0);
    const text = question.text?.replace(/\s+/g, ' ').trim() ?? '';
    const folded = fold(text);
    if (text !== '' && !group.seen.has(folded)) {
      group.seen.add(folded);
      group.examples.push(text);
    }
  }
  return [...groups.values()]
    .map(({ seen: _seen, ...group }) => group)
    .sort((a, b) => b.count - a.count || b.bestScore - a.bestScore);
}

const quote = (text: string): string => `"${text.length > MAX_EXAMPLE_LENGTH ? `${text.slice(0, MAX_EXAMPLE_LENGTH - 1)}…` : text}"`;
/** Question texts are the askers' words: markup in them (bold, a Teams link) is shown as typed. */
const plain = (text: string): string => text.replace(/\*\*/g, '*\u200b*').replace(/\]\(/g, '] (');

/** The report as a reply. */
export function buildReport(input: ReportInput): ReportReply {
  const { knowledge, summary, lang } = input;
  const title = (entryId: string): string => knowledge.entryById.get(entryId)?.title[lang] ?? entryId;
  const { outcomes } = summary;
  const total = outcomes.answered + outcomes['low-confidence'] + outcomes.suggested + outcomes.declined;
  const up = summary.entries.reduce((sum, e) => sum + e.up, 0);
  const down = summary.entries.reduce((sum, e) => sum + e.down, 0);
  const intro = ft(lang, 'reportIntro', {
    days: input.days,
    since: input.since,
    total,
    answered: outcomes.answered,
    low: outcomes['low-confidence'],
    suggested: outcomes.suggested,
    declined: outcomes.declined,
    up,
    down,
  });

  const line = (counts: EntryCounts): string => ft(lang, 'entryLine', { title: plain(title(counts.entryId)), questions: questionCount(counts.questions, lang), up: counts.up, down: counts.down });
  const byActivity = (a: EntryCounts, b: EntryCounts): number => b.questions - a.questions || b.down - a.down || b.up - a.up;
  const sections: ReportSection[] = [];
  for (const phase of knowledge.phases) {
    const entries = summary.entries.filter((counts) => knowledge.entryById.get(counts.entryId)?.phase === phase.id).sort(byActivity);
    if (entries.length > 0) sections.push({ title: phase.title[lang], body: entries.map(line).join('\n') });
  }
  const gone = summary.entries.filter((counts) => !knowledge.entryById.has(counts.entryId)).sort(byActivity);
  if (gone.length > 0) sections.push({ title: ft(lang, 'otherEntries'), body: gone.map(line).join('\n') });
  if (sections.length === 0) sections.push({ title: ft(lang, 'reportTitle'), body: ft(lang, 'noActivity') });

  const groups = groupUnanswered(input.unanswered).slice(0, TOP_TO_ADD);
  const toAdd = groups.map((group, i) =>
    [
      ft(lang, 'toAddGroup', {
        rank: i + 1,
        title: plain(group.entryId ? title(group.entryId) : ft(lang, 'nothingNear')),
        count: questionCount(group.count, lang),
        score: group.bestScore.toFixed(2),
      }),
      ...group.examples.slice(0, EXAMPLES_PER_GROUP).map((text) => `- ${plain(quote(text))}`),
    ].join('\n'),
  );
  sections.push({ title: ft(lang, 'toAddTitle', { n: TOP_TO_ADD }), body: toAdd.length > 0 ? toAdd.join('\n\n') : ft(lang, 'noneToAdd') });

  const unhelpful = summary.entries
    .filter((counts) => counts.down > 0)
    .sort((a, b) => b.down - a.down || a.up - b.up)
    .slice(0, TOP_UNHELPFUL);
  if (unhelpful.length > 0) {
    sections.push({
      title: ft(lang, 'unhelpfulTitle'),
      body: unhelpful.map((counts) => ft(lang, 'unhelpfulLine', { title: plain(title(counts.entryId)), down: counts.down, up: counts.up })).join('\n'),
    });
  }
  return { kind: 'report', lang, title: ft(lang, 'reportTitle'), intro, sections };
}

/** What the report of the last `days` before `now` is made from. */
export interface ReportSource {
  knowledge: Knowledge;
  storage: Pick<FeedbackStorage, 'feedbackSummary' | 'unansweredQuestions'>;
  now: Date;
  days: number;
  /** The time zone in which the report names its first day. */
  zone: string;
  lang: Lang;
}

/** Reads the feedback of the period from the store and builds the report: for the `report` command and `npm run report`. */
export async function loadReport(source: ReportSource): Promise<ReportReply> {
  const { knowledge, storage, lang, days } = source;
  const since = new Date(source.now.getTime() - days * DAY_MS);
  const [summary, unanswered] = await Promise.all([storage.feedbackSummary(since), storage.unansweredQuestions(since, MAX_UNANSWERED)]);
  return buildReport({ knowledge, summary, unanswered, lang, days, since: formatDay(dayIn(since, source.zone), lang) });
}
