// The search-based message extension (`composeExtension/query`): as the user types in the compose box it
// lists matching phases and roadmap entries (tools included), and a distance for `afstand Zwolle Helsinki`;
// picking one inserts its answer card into
// the message. An empty query lists the roadmap phases. The cards carry no Submit buttons, because the
// bot need not be a member of the conversation they are posted in.
// https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/search-commands/respond-to-search
import { entryAction } from '../../src/actions.js';
import type { Assistant } from '../../src/assistant.js';
import type { Conversation } from '../../src/input.js';
import type { Lang } from '../../src/knowledge/schema.js';
import type { Reply, ReplyItem } from '../../src/reply.js';
import type { Skill } from '../../src/skill.js';
import { TEAMS_CARD_CONTENT_TYPE, type TeamsAdaptiveCard } from './card.js';
import { renderTeamsMessage } from './render.js';

/** Most results one search returns; Teams lists them in a scrolling pop-up. */
export const TEAMS_SEARCH_MAX_RESULTS = 10;

export interface TeamsSearchResult {
  contentType: typeof TEAMS_CARD_CONTENT_TYPE;
  content: TeamsAdaptiveCard;
  /** The line in the result list. */
  preview: { contentType: 'application/vnd.microsoft.card.thumbnail'; content: { title: string; text: string } };
}

/** The invoke response body for `composeExtension/query`. */
export interface TeamsSearchResponse {
  composeExtension: { type: 'result'; attachmentLayout: 'list'; attachments: TeamsSearchResult[] };
}

export interface TeamsSearchRequest {
  query: string;
  lang: Lang | undefined;
  conversation: Conversation;
}

function toResult(reply: Reply, title: string, text: string): TeamsSearchResult {
  return {
    contentType: TEAMS_CARD_CONTENT_TYPE,
    content: renderTeamsMessage(reply, { interactive: false }).attachments[0].content,
    preview: { contentType: 'application/vnd.microsoft.card.thumbnail', content: { title, text } },
  };
}

function firstLine(text: string): string {
  return text.replace(/\*\*/g, '').split('\n')[0]?.trim() ?? '';
}

/**
 * Entry ids for a query: the matcher's candidates (whole words, typos, synonyms), then entries whose title
 * or keywords contain every typed word, so that a half-typed word already finds something.
 */
function entryHits(assistant: Assistant, query: string, limit: number): string[] {
  const ids = assistant.matcher.match(query, limit).candidates.map((candidate) => candidate.entry.id);
  const words = query.toLocaleLowerCase('nl').split(' ').filter((word) => word.length >= 2);
  if (words.length > 0) {
    for (const entry of assistant.knowledge.entries) {
      const haystack = [entry.title.nl, entry.title.en, ...entry.keywords.nl, ...entry.keywords.en].join(' ').toLocaleLowerCase('nl');
      if (!ids.includes(entry.id) && words.every((word) => haystack.includes(word))) ids.push(entry.id);
    }
  }
  return ids.slice(0, limit);
}

/** Answers one search: phases for an empty query, otherwise a skill's answer (a distance), then the phases and entries that match. */
export async function searchTeams(assistant: Assistant, request: TeamsSearchRequest, skills: readonly Skill[] = []): Promise<TeamsSearchResponse> {
  const query = request.query.replace(/\s+/g, ' ').trim();
  const lang = query ? assistant.languageOf(query, request.lang) : (request.lang ?? assistant.languageOf(''));
  const ask = (action: string): Promise<Reply> => assistant.handle({ action, lang, conversation: request.conversation });

  const roadmap = await ask('cmd:roadmap');
  const phases: readonly ReplyItem[] = roadmap.kind === 'roadmap' ? roadmap.phases : [];
  const folded = query.toLocaleLowerCase('nl');
  const phaseHits = query === '' ? phases : query.length >= 2 ? phases.filter((phase) => phase.title.toLocaleLowerCase('nl').includes(folded)) : [];

  const results: TeamsSearchResult[] = [];
  if (query !== '') {
    for (const skill of skills) {
      const reply = await skill.handle({ input: { text: query, lang, conversation: request.conversation }, text: query, lang, action: undefined });
      if (reply?.kind === 'distance') results.push(toResult(reply, reply.title, firstLine(reply.body)));
    }
  }
  for (const phase of phaseHits.slice(0, TEAMS_SEARCH_MAX_RESULTS)) {
    const position = phases.indexOf(phase) + 1;
    results.push(toResult(await ask(phase.action), `${position}. ${phase.title}`, phase.summary));
  }
  if (query !== '') {
    for (const id of entryHits(assistant, query, TEAMS_SEARCH_MAX_RESULTS - results.length)) {
      const reply = await ask(entryAction(id));
      if (reply.kind !== 'answer') continue;
      results.push(toResult(reply, reply.title, `${reply.phaseTitle} · ${firstLine(reply.body)}`));
    }
  }
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: results } };
}
